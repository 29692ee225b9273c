using Charter.Core.Diagnostics;
using Charter.Core.Model;

namespace Charter.Core.Load;

/// <summary>
/// Refuses Markdown nested deeper than <see cref="Model.Limits.MarkdownDepth"/> before it reaches Markdig, at
/// load time and at its own line. Markdig throws on some deep nesting (quotes, lists, emphasis) and is quadratic
/// on nested or unclosed brackets (5,000 '[' take seconds, 50,000 would take minutes), so a text that no writer
/// would write could hang the build. Counted: brackets still open, and '>' quote markers opening a line.
/// </summary>
public static class MarkdownGuard
{
    /// <summary>The text as it is, or, when it is nested too deep, an error at the place and an empty text in its stead.</summary>
    public static MarkdownText Check(MarkdownText text, Limits limits, DiagnosticBag diagnostics)
    {
        var at = TooDeepAt(text.Source, limits.MarkdownDepth);
        if (at < 0) return text;
        // The source of a YAML block scalar is not the file's text character for character: find the line by content.
        var place = text.File.Text.IndexOf(text.Source[at..Math.Min(text.Source.Length, at + 16)], text.Offset, StringComparison.Ordinal);
        diagnostics.Error(Codes.LimitExceeded, text.File.LocationOf(place < 0 ? text.Offset : place),
            $"the Markdown is nested more than {limits.MarkdownDepth} levels deep (brackets or quotes)",
            "close the brackets or flatten the quotes; if it is meant, raise 'markdown_depth' under 'limits:' in charter.yml");
        return text with { Source = "" };
    }

    /// <summary>The offset in <paramref name="text"/> where nesting first goes past <paramref name="limit"/>, or -1.</summary>
    public static int TooDeepAt(string text, int limit)
    {
        int brackets = 0;
        bool lineStart = true;
        int quotes = 0;
        for (int i = 0; i < text.Length; i++)
        {
            var c = text[i];
            switch (c)
            {
                case '\\' when i + 1 < text.Length:
                    i++; // an escaped character opens nothing
                    lineStart = false;
                    continue;
                case '[' when ++brackets > limit:
                    return i;
                case ']' when brackets > 0:
                    brackets--;
                    break;
                case '\n':
                    lineStart = true;
                    quotes = 0;
                    continue;
                case '>' when lineStart:
                    if (++quotes > limit) return i;
                    continue;
                case ' ' or '\t' when lineStart:
                    continue;
            }
            lineStart = false;
        }
        return -1;
    }
}
