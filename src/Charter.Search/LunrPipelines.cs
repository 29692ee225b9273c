using System.Collections.Frozen;
using Lucene.Net.Tartarus.Snowball;

namespace Charter.Search;

/// <summary>
/// The text pipeline of one language, as lunr runs it: each token (already lower-cased and split
/// by the tokenizer) goes through the index pipeline's functions in turn; a function may drop it
/// (the stop word filters). The search pipeline's labels are serialized into the index so that
/// the browser's <c>lunr.Index.load</c> rebuilds the query side. Which language gets which
/// pipeline is <see cref="SearchLanguages"/>' registry; an instance holds a stemmer's state, so
/// it serves one index build (one thread) at a time.
/// <list type="bullet">
/// <item>"en": lunr's default, <c>trimmer, stopWordFilter, stemmer</c>; search <c>stemmer</c>.</item>
/// <item>a lunr-languages language with a Snowball stemmer ("fr", "es"):
/// <see cref="SnowballPipeline"/>, described by a <see cref="LunrLanguagesPlugin"/>.</item>
/// <item>anything else: <c>trimmer-unicode</c> alone, for both sides: no stop words, no
/// stemming, and a trimmer that keeps every script's letters, marks and digits (lunr's own
/// trimmer keeps only ASCII word characters and would erase, say, Greek words whole). It is
/// Charter's own function, registered in the browser by themes/default/assets/js/search.js.</item>
/// </list>
/// </summary>
internal abstract class LunrPipeline
{
    /// <summary>The labels of the index pipeline, in order (lunr does not serialize them).</summary>
    public abstract IReadOnlyList<string> IndexPipelineLabels { get; }

    /// <summary>The labels of the search pipeline, as the index serializes them.</summary>
    public abstract IReadOnlyList<string> SearchPipelineLabels { get; }

    /// <summary>Runs one token through the index pipeline; null when a function drops it.</summary>
    public abstract string? Run(string token);

    /// <summary>
    /// The pipeline for a language code ("fr", "fr-FR", "es", "en", …): the registry's, or the
    /// fallback for a language it does not hold.
    /// </summary>
    public static LunrPipeline For(string language) => SearchLanguages.For(language).CreatePipeline();

    /// <summary>lunr.trimmer: s.replace(/^\W+/, '').replace(/\W+$/, '') (ASCII \w).</summary>
    internal static string TrimAsciiWord(string s)
    {
        int start = 0, end = s.Length;
        while (start < end && !IsAsciiWordChar(s[start]))
        {
            start++;
        }

        while (end > start && !IsAsciiWordChar(s[end - 1]))
        {
            end--;
        }

        return start == 0 && end == s.Length ? s : s.Substring(start, end - start);
    }

    private static bool IsAsciiWordChar(char c) =>
        (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_';
}

internal sealed class EnglishPipeline : LunrPipeline
{
    // lunr.stopWordFilter's list, lunr.js 2.3.9.
    internal static readonly FrozenSet<string> StopWords = FrozenSet.ToFrozenSet(
        """
        a able about across after all almost also am among an and any are as at be because been
        but by can cannot could dear did do does either else ever every for from get got had has
        have he her hers him his how however i if in into is it its just least let like likely may
        me might most must my neither no nor not of off often on only or other our own rather said
        say says she should since so some than that the their them then there these they this tis
        to too twas us wants was we were what when where which while who whom why will with would
        yet you your
        """.Split((char[])[' ', '\n', '\r'], StringSplitOptions.RemoveEmptyEntries),
        StringComparer.Ordinal);

    private static readonly string[] IndexLabels = ["trimmer", "stopWordFilter", "stemmer"];
    private static readonly string[] SearchLabels = ["stemmer"];

    public override IReadOnlyList<string> IndexPipelineLabels => IndexLabels;

    public override IReadOnlyList<string> SearchPipelineLabels => SearchLabels;

    public override string? Run(string token)
    {
        var s = TrimAsciiWord(token);
        if (StopWords.Contains(s))
        {
            return null;
        }

        return LunrEnglishStemmer.Stem(s);
    }
}

/// <summary>
/// What Charter reproduces of a lunr-languages 1.22.0 language plugin (<c>lunr.xx</c>, in
/// lunr.xx.js) whose stemmer is a Snowball one: its trimmer's word characters, its stop words,
/// the accent folding it may put between the stop word filter and the stemmer, and the Snowball
/// stemmer, from Lucene.Net's Tartarus port (the same Snowball sources lunr-languages' stemmers
/// were generated from; the tests compare both on Debian's word lists). The index pipeline is
/// <c>trimmer-xx, stopWordFilter-xx[, accentFold-xx], stemmer-xx</c>; the search pipeline
/// <c>trimmer-xx[, accentFold-xx], stemmer-xx</c>.
/// </summary>
internal sealed class LunrLanguagesPlugin
{
    private readonly bool[] _wordChars;
    private readonly Func<SnowballProgram> _createStemmer;

    /// <param name="code">The plugin's code: lunr.<c>code</c>, lunr.<c>code</c>.js, its labels' suffix.</param>
    /// <param name="wordCharacters">lunr.xx.wordCharacters, verbatim: a regular expression character
    /// class body of characters and ranges ("A-Za-z\u00AA…").</param>
    /// <param name="stopWords">The list lunr.xx.stopWordFilter is generated from, separated by spaces.</param>
    /// <param name="createStemmer">A new Snowball stemmer of the language.</param>
    /// <param name="accentFold">lunr.xx.accentFold's term function when the plugin's pipelines include
    /// it; null when they do not (a plugin may define one and leave it out, as lunr.es does).</param>
    public LunrLanguagesPlugin(string code, string wordCharacters, string stopWords, Func<SnowballProgram> createStemmer,
        Func<string, string>? accentFold = null)
    {
        Code = code;
        WordCharacters = wordCharacters;
        _wordChars = ParseCharacterClass(wordCharacters + "0-9"); // generateTrimmer adds the digits
        StopWords = FrozenSet.ToFrozenSet(stopWords.Split(' '), StringComparer.Ordinal);
        _createStemmer = createStemmer;
        AccentFold = accentFold;
        IndexPipelineLabels = accentFold is null
            ? [$"trimmer-{code}", $"stopWordFilter-{code}", $"stemmer-{code}"]
            : [$"trimmer-{code}", $"stopWordFilter-{code}", $"accentFold-{code}", $"stemmer-{code}"];
        SearchPipelineLabels = accentFold is null
            ? [$"trimmer-{code}", $"stemmer-{code}"]
            : [$"trimmer-{code}", $"accentFold-{code}", $"stemmer-{code}"];
    }

    public string Code { get; }

    /// <summary>lunr.xx.wordCharacters, as given.</summary>
    public string WordCharacters { get; }

    /// <summary>lunr.xx.stopWordFilter's words. The filter runs before any accent folding, so an
    /// accented stop word drops only the accented token.</summary>
    public FrozenSet<string> StopWords { get; }

    public Func<string, string>? AccentFold { get; }

    public IReadOnlyList<string> IndexPipelineLabels { get; }

    public IReadOnlyList<string> SearchPipelineLabels { get; }

    public SnowballProgram CreateStemmer() => _createStemmer();

    /// <summary>The body of a character class ("A-Za-z\u00AA\u00C0-\u00D6…") as a table.</summary>
    private static bool[] ParseCharacterClass(string ranges)
    {
        var table = new bool[0x10000];
        for (int i = 0; i < ranges.Length; i++)
        {
            char from = ranges[i], to = from;
            if (i + 2 < ranges.Length && ranges[i + 1] == '-')
            {
                to = ranges[i + 2];
                i += 2;
            }

            for (int ch = from; ch <= to; ch++)
            {
                table[ch] = true;
            }
        }

        return table;
    }

    /// <summary>lunr.xx.trimmer: strips characters outside the word characters at both ends.</summary>
    public string Trim(string s)
    {
        int start = 0, end = s.Length;
        while (start < end && !_wordChars[s[start]])
        {
            start++;
        }

        while (end > start && !_wordChars[s[end - 1]])
        {
            end--;
        }

        return start == 0 && end == s.Length ? s : s.Substring(start, end - start);
    }
}

/// <summary>The pipeline of a <see cref="LunrLanguagesPlugin"/>.</summary>
internal sealed class SnowballPipeline(LunrLanguagesPlugin plugin) : LunrPipeline
{
    private readonly SnowballProgram _stemmer = plugin.CreateStemmer();

    public LunrLanguagesPlugin Plugin => plugin;

    public override IReadOnlyList<string> IndexPipelineLabels => plugin.IndexPipelineLabels;

    public override IReadOnlyList<string> SearchPipelineLabels => plugin.SearchPipelineLabels;

    /// <summary>lunr.xx.stemmer.</summary>
    internal string Stem(string s)
    {
        _stemmer.SetCurrent(s);
        _stemmer.Stem();
        return _stemmer.Current;
    }

    public override string? Run(string token)
    {
        var s = plugin.Trim(token);
        if (plugin.StopWords.Contains(s))
        {
            return null;
        }

        return Stem(plugin.AccentFold is { } fold ? fold(s) : s);
    }
}

internal sealed class FallbackPipeline : LunrPipeline
{
    private static readonly string[] Labels = ["trimmer-unicode"];

    public override IReadOnlyList<string> IndexPipelineLabels => Labels;

    public override IReadOnlyList<string> SearchPipelineLabels => Labels;

    /// <summary>
    /// Charter's "trimmer-unicode":
    /// s.replace(/^[^\p{L}\p{M}\p{N}]+/u, '').replace(/[^\p{L}\p{M}\p{N}]+$/u, '').
    /// </summary>
    internal static string Trim(string s)
    {
        int start = 0, end = s.Length;
        while (start < end)
        {
            var status = System.Text.Rune.DecodeFromUtf16(s.AsSpan(start, end - start), out var rune, out int width);
            if (status == System.Buffers.OperationStatus.Done && IsKept(rune))
            {
                break;
            }

            start += width;
        }

        while (end > start)
        {
            var status = System.Text.Rune.DecodeLastFromUtf16(s.AsSpan(start, end - start), out var rune, out int width);
            if (status == System.Buffers.OperationStatus.Done && IsKept(rune))
            {
                break;
            }

            end -= width;
        }

        return start == 0 && end == s.Length ? s : s.Substring(start, end - start);
    }

    private static bool IsKept(System.Text.Rune rune)
    {
        var category = System.Text.Rune.GetUnicodeCategory(rune);
        return category <= System.Globalization.UnicodeCategory.OtherNumber; // letters, marks, numbers
    }

    public override string? Run(string token) => Trim(token);
}
