using System.Text.RegularExpressions;

namespace Charter.Site.Markdown;

/// <summary>French typographic spacing: a narrow no-break space (U+202F) before ; : ! ? » and after «, so
/// that punctuation never starts a line. Editors type ordinary spaces; the build does the rest.</summary>
public static partial class Typography
{
    private const char NarrowNoBreakSpace = '\u202F';

    [GeneratedRegex(@"[ \u00A0]+(?=[;:!?»])|(?<=«)[ \u00A0]+")]
    private static partial Regex SpaceAroundPunctuation();

    public static string French(string text)
    {
        if (text.AsSpan().IndexOfAny(";:!?«»") < 0) return text;
        return SpaceAroundPunctuation().Replace(text, NarrowNoBreakSpace.ToString());
    }

    public static string For(string language, string text) =>
        language.StartsWith("fr", StringComparison.Ordinal) ? French(text) : text;
}
