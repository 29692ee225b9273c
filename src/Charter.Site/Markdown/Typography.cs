using System.Text.RegularExpressions;

namespace Charter.Site.Markdown;

/// <summary>
/// A language's typography rules: what the build does to its text (<see cref="Apply"/>: French gets its narrow
/// no-break spaces, so editors type ordinary spaces) and what an editor must get right, which no build can guess
/// (<see cref="Problems"/>: straight quotes, a Spanish question without its ¿). One rule set per entry of
/// <see cref="All"/>; a language names its set in its descriptor (<c>typography:</c>). UI strings and content go
/// through the same rules.
/// </summary>
public abstract partial class Typography
{
    public abstract string Name { get; }

    /// <summary>The text as it is printed in this language.</summary>
    public virtual string Apply(string text) => text;

    /// <summary>Whether <see cref="Apply"/> can change a text at all (rendering skips the call when it cannot).</summary>
    public virtual bool ChangesText => false;

    /// <summary>
    /// What breaks the rules in <paramref name="text"/> (as written, before <see cref="Apply"/>), each said in a few
    /// words; <paramref name="quotes"/> are the language's quotation marks, which a quotation must open with.
    /// </summary>
    public virtual IEnumerable<string> Problems(string text, Core.Model.Quotes quotes)
    {
        if (text.Contains('\'')) yield return "a straight apostrophe ' (write ’)";
        if (text.Contains('"')) yield return "a straight double quote \" (write the language's quotation marks)";
        if (DigitRange().IsMatch(text)) yield return "a hyphen between numbers (write an en dash – for a range)";
        if (OuterQuote(text, quotes) is { } wrong) yield return $"a quotation opened with {wrong} (this language opens with {quotes.Open}, and uses {quotes.InnerOpen} inside)";
    }

    private static readonly string[] OpeningMarks = ["«", "“", "‘", "„", "‹", "‚", "「"];

    /// <summary>The first opening mark at the outer level that is not the language's own (an inner mark used outside, say).</summary>
    private static string? OuterQuote(string text, Core.Model.Quotes quotes)
    {
        int depth = 0;
        for (int i = 0; i < text.Length; i++)
        {
            var c = text[i].ToString();
            // ’ is also the apostrophe: only a ’ after a letter or digit closes nothing
            if (depth > 0 && (c == quotes.Close || c == quotes.InnerClose) && !(c == "’" && i + 1 < text.Length && char.IsLetter(text[i + 1]))) { depth--; continue; }
            if (Array.IndexOf(OpeningMarks, c) < 0) continue;
            if (depth == 0 && c != quotes.Open) return c;
            depth++;
        }
        return null;
    }

    public static readonly IReadOnlyList<Typography> All = [new French(), new Spanish(), new English(), new Plain()];

    /// <summary>The rule set of this name; the plain one (no rules) for a name not known.</summary>
    public static Typography For(string name) => All.FirstOrDefault(t => t.Name == name) ?? All[^1];

    [GeneratedRegex(@"\b\d{4}-\d{2,4}\b")]
    private static partial Regex DigitRange();

    [GeneratedRegex(@"[ \u00A0]+(?=[;:!?»])|(?<=«)[ \u00A0]+")]
    private static partial Regex FrenchSpaces();

    [GeneratedRegex(@"[ \u00A0\u202F][;:!?]")]
    private static partial Regex SpaceBeforePunctuation();

    /// <summary>French: a narrow no-break space (U+202F) before ; : ! ? » and after «, so punctuation never starts a line.</summary>
    private sealed partial class French : Typography
    {
        public override string Name => "french";

        public override bool ChangesText => true;

        public override string Apply(string text) =>
            text.AsSpan().IndexOfAny(";:!?«»") < 0 ? text : FrenchSpaces().Replace(text, "\u202F");

        public override IEnumerable<string> Problems(string text, Core.Model.Quotes quotes)
        {
            foreach (var problem in base.Problems(text, quotes)) yield return problem;
            if (NoSpaceBefore().IsMatch(text)) yield return "; : ! ? or » without a space before it (French sets one)";
            if (NoSpaceAfter().IsMatch(text)) yield return "« without a space after it (French sets one)";
        }

        // A letter, digit or closing mark right before the punctuation; {placeholders} and "://" aside.
        [GeneratedRegex(@"[\p{L}\p{N}\)\]’](?<!https?)[;:!?»](?!//)")]
        private static partial Regex NoSpaceBefore();

        [GeneratedRegex(@"«[^\s\u00A0\u202F]")]
        private static partial Regex NoSpaceAfter();
    }

    /// <summary>Spanish: questions and exclamations open with ¿ and ¡; no space before the marks.</summary>
    private sealed partial class Spanish : Typography
    {
        public override string Name => "spanish";

        public override IEnumerable<string> Problems(string text, Core.Model.Quotes quotes)
        {
            foreach (var problem in base.Problems(text, quotes)) yield return problem;
            if (SpaceBeforePunctuation().IsMatch(text)) yield return "a space before ; : ! ? (Spanish sets none)";
            foreach (var sentence in Sentences().Split(text))
            {
                if (sentence.Contains('?') && !sentence.Contains('¿')) yield return "a question without its opening ¿";
                if (sentence.Contains('!') && !sentence.Contains('¡')) yield return "an exclamation without its opening ¡";
            }
        }

        [GeneratedRegex(@"(?<=[.…])\s+")]
        private static partial Regex Sentences();
    }

    /// <summary>English: curly quotes and apostrophes, no space before punctuation, en dashes in ranges.</summary>
    private sealed class English : Typography
    {
        public override string Name => "english";

        public override IEnumerable<string> Problems(string text, Core.Model.Quotes quotes)
        {
            foreach (var problem in base.Problems(text, quotes)) yield return problem;
            if (SpaceBeforePunctuation().IsMatch(text)) yield return "a space before ; : ! ? (English sets none)";
        }
    }

    /// <summary>No rules: for a language whose typography Charter does not know.</summary>
    private sealed class Plain : Typography
    {
        public override string Name => "plain";

        public override IEnumerable<string> Problems(string text, Core.Model.Quotes quotes) => [];
    }
}
