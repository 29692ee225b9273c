using System.Text.RegularExpressions;

namespace Charter.Site.Text;

/// <summary>
/// The passage a backlink quotes: the sentence of a unit's text that holds the words linked to the cited text, or its
/// first sentence when the unit cites it as a whole (references: in front matter), cut to a few dozen words.
/// </summary>
public static partial class Excerpt
{
    private const int MaxWords = 32;

    /// <param name="text">The unit's plain text, as rendered.</param>
    /// <param name="markdown">Its Markdown source, where the link to the cited text is looked for.</param>
    /// <param name="id">The cited text's id (the link reads <c>[words](ref:id)</c>).</param>
    public static string? Of(string text, string? markdown, string id) => string.IsNullOrWhiteSpace(text) ? null
        // Not kept for an empty text: "" is one object for the whole process, and would keep every Markdown it was asked with.
        : Quotes.GetValue(text, static _ => new(SameMarkdown.Instance)).GetOrAdd((markdown, id), static (key, text) => Make(text, key.Markdown, key.Id), text);

    // A passage is quoted on the page of each text it cites, in every language, and again at every rebuild under serve,
    // where the Markdown renderer keeps the plain text it made: each quote is made once per plain text (the same string
    // object), Markdown and id. A quote depends on nothing else, so keeping it can never show a stale one.
    private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<string, System.Collections.Concurrent.ConcurrentDictionary<(string? Markdown, string Id), string?>> Quotes = new();

    /// <summary>
    /// The Markdown by reference (hashing a whole unit's source at every quote was most of the lookup), the id by value:
    /// the same Markdown in another string object is only made again, never confused.
    /// </summary>
    private sealed class SameMarkdown : IEqualityComparer<(string? Markdown, string Id)>
    {
        public static readonly SameMarkdown Instance = new();

        public bool Equals((string? Markdown, string Id) a, (string? Markdown, string Id) b) =>
            ReferenceEquals(a.Markdown, b.Markdown) && string.Equals(a.Id, b.Id, StringComparison.Ordinal);

        public int GetHashCode((string? Markdown, string Id) k) =>
            HashCode.Combine(System.Runtime.CompilerServices.RuntimeHelpers.GetHashCode(k.Markdown), StringComparer.Ordinal.GetHashCode(k.Id));
    }

    private static string? Make(string text, string? markdown, string id)
    {
        var at = 0;
        if (markdown is not null && LinkedWords(markdown, id) is { Length: > 0 } words && text.IndexOf(words, StringComparison.Ordinal) is >= 0 and var found)
            at = found;
        var start = SentenceStart(text, at);
        var end = SentenceEnd(text, at);
        var sentence = text[start..end].Trim();
        // Words are runs of characters other than ' ', counted and picked where they lie: a passage is quoted on the
        // page of every text it cites, in every language, and splitting each sentence into strings for that made it
        // the largest cost of the declarations' pages.
        var count = new WordCursor(sentence).Count;
        if (count <= MaxWords) return (start > 0 ? "… " : "") + sentence + (end < text.Length ? " …" : "");
        // A long sentence: the words around the link, the link's words first among them.
        var wordIndex = new WordCursor(text.AsSpan(start, Math.Max(start, at) - start)).Count;
        var from = Math.Clamp(wordIndex - MaxWords / 3, 0, count - MaxWords);
        var quote = new System.Text.StringBuilder(start > 0 || from > 0 ? "… " : "", sentence.Length + 4);
        var cursor = new WordCursor(sentence);
        for (var i = 0; i < from + MaxWords && cursor.Next(out var word); i++)
            if (i >= from) quote.Append(word).Append(i < from + MaxWords - 1 ? " " : " …");
        return quote.ToString();
    }

    /// <summary>The words of a text, as string.Split(' ', RemoveEmptyEntries) would give them, without making them strings.</summary>
    private ref struct WordCursor(ReadOnlySpan<char> text)
    {
        private ReadOnlySpan<char> _rest = text;

        /// <summary>How many words are left, counted by <see cref="Next"/> on a copy, so "word" is defined once.</summary>
        public readonly int Count
        {
            get
            {
                var copy = this;
                var n = 0;
                while (copy.Next(out _)) n++;
                return n;
            }
        }

        public bool Next(out ReadOnlySpan<char> word)
        {
            var start = _rest.IndexOfAnyExcept(' ');
            if (start < 0) { word = default; _rest = default; return false; }
            _rest = _rest[start..];
            var end = _rest.IndexOf(' ');
            if (end < 0) end = _rest.Length;
            word = _rest[..end];
            _rest = _rest[end..];
            return true;
        }
    }

    /// <summary>The start of a text, cut after a whole word at about <paramref name="max"/> characters (a list's excerpt).</summary>
    public static string Start(string text, int max = 180)
    {
        text = text.Trim();
        if (text.Length <= max) return text;
        var cut = text.LastIndexOf(' ', max);
        return text[..(cut > 0 ? cut : max)].TrimEnd(',', ';', ':', ' ', '\u00A0', '\u202F') + " …";
    }

    /// <summary>The words of the first link to <paramref name="id"/>, without Markdown emphasis.</summary>
    private static string? LinkedWords(string markdown, string id) => Links.GetValue(markdown, AllLinks).GetValueOrDefault(id);

    // A passage is quoted once for each text it cites, in every language, and again at every rebuild under serve
    // (where an unchanged file keeps its Markdown): its links are read once per Markdown text.
    private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<string, Dictionary<string, string>> Links = new();

    /// <summary>The words of each id's first link in a Markdown text, without emphasis.</summary>
    private static Dictionary<string, string> AllLinks(string markdown)
    {
        var words = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (Match m in Link().Matches(markdown))
            if (m.Groups["id"].Value is var id && !words.ContainsKey(id)) words[id] = Emphasis().Replace(m.Groups["words"].Value, "").Trim();
        return words;
    }

    private static int SentenceStart(string text, int at)
    {
        for (var i = Math.Min(at, text.Length) - 1; i > 0; i--)
            if (text[i] == ' ' && ".!?".Contains(text[i - 1])) return i + 1;
        return 0;
    }

    private static int SentenceEnd(string text, int at)
    {
        for (var i = at; i < text.Length - 1; i++)
            if (".!?".Contains(text[i]) && text[i + 1] == ' ') return i + 1;
        return text.Length;
    }

    [GeneratedRegex(@"\[(?<words>[^\]]+)\]\(ref:(?<id>[^)\s]+)\)")]
    private static partial Regex Link();

    [GeneratedRegex(@"[*_`]")]
    private static partial Regex Emphasis();
}
