using System.Collections.Frozen;
using Lucene.Net.Tartarus.Snowball.Ext;

namespace Charter.Search;

/// <summary>
/// The text pipelines, one per language, as lunr runs them: each token (already lower-cased and
/// split by the tokenizer) goes through the index pipeline's functions in turn; a function may
/// drop it (the stop word filters). The search pipeline's labels are serialized into the index
/// so that the browser's <c>lunr.Index.load</c> rebuilds the query side.
/// <list type="bullet">
/// <item>"en": lunr's default, <c>trimmer, stopWordFilter, stemmer</c>; search <c>stemmer</c>.</item>
/// <item>"fr": lunr-languages 1.22.0's <c>lunr.fr</c>, <c>trimmer-fr, stopWordFilter-fr,
/// accentFold-fr, stemmer-fr</c>; search <c>trimmer-fr, accentFold-fr, stemmer-fr</c>. 1.22.0
/// folds accents itself (lunr.fr.accentFold, after the stop word filter and before the
/// stemmer), so "detention" and "détention" both index and search as "detent".</item>
/// <item>anything else: <c>trimmer-unicode</c> alone, for both sides: no stop words, no
/// stemming, and a trimmer that keeps every script's letters, marks and digits (lunr's own
/// trimmer keeps only ASCII word characters and would erase, say, Greek words whole). It is
/// Charter's own function, registered in the browser by themes/default/assets/js/search.js.</item>
/// </list>
/// </summary>
internal abstract class LunrPipeline
{
    /// <summary>The labels of the search pipeline, as the index serializes them.</summary>
    public abstract IReadOnlyList<string> SearchPipelineLabels { get; }

    /// <summary>Runs one token through the index pipeline; null when a function drops it.</summary>
    public abstract string? Run(string token);

    /// <summary>The pipeline for a language code ("fr", "fr-FR", "en", …).</summary>
    public static LunrPipeline For(string language)
    {
        var primary = language.Split('-', '_')[0].ToLowerInvariant();
        return primary switch
        {
            "en" => new EnglishPipeline(),
            "fr" => new FrenchPipeline(),
            _ => new FallbackPipeline(),
        };
    }

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

    private static readonly string[] Labels = ["stemmer"];

    public override IReadOnlyList<string> SearchPipelineLabels => Labels;

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

internal sealed class FrenchPipeline : LunrPipeline
{
    // lunr.fr.stopWordFilter's list, lunr-languages 1.22.0. It is applied before accent folding,
    // so its accented words match only accented tokens ("été" is dropped, "ete" is not).
    internal static readonly FrozenSet<string> StopWords = FrozenSet.ToFrozenSet(
        ("ai aie aient aies ait as au aura aurai auraient aurais aurait auras aurez auriez aurions " +
         "aurons auront aux avaient avais avait avec avez aviez avions avons ayant ayez ayons c ce " +
         "ceci celà ces cet cette d dans de des du elle en es est et eu eue eues eurent eus eusse " +
         "eussent eusses eussiez eussions eut eux eûmes eût eûtes furent fus fusse fussent fusses " +
         "fussiez fussions fut fûmes fût fûtes ici il ils j je l la le les leur leurs lui m ma mais " +
         "me mes moi mon même n ne nos notre nous on ont ou par pas pour qu que quel quelle quelles " +
         "quels qui s sa sans se sera serai seraient serais serait seras serez seriez serions serons " +
         "seront ses soi soient sois soit sommes son sont soyez soyons suis sur t ta te tes toi ton " +
         "tu un une vos votre vous y à étaient étais était étant étiez étions été étée étées étés " +
         "êtes").Split(' '),
        StringComparer.Ordinal);

    private static readonly string[] Labels = ["trimmer-fr", "accentFold-fr", "stemmer-fr"];

    // lunr.fr.wordCharacters, plus the "0-9" that lunr.trimmerSupport.generateTrimmer adds.
    private static readonly bool[] WordChars = BuildWordChars(
        "09AZaz\u00AA\u00AA\u00BA\u00BA\u00C0\u00D6\u00D8\u00F6\u00F8\u02B8\u02E0\u02E4\u1D00\u1D25" +
        "\u1D2C\u1D5C\u1D62\u1D65\u1D6B\u1D77\u1D79\u1DBE\u1E00\u1EFF\u2071\u2071\u207F\u207F" +
        "\u2090\u209C\u212A\u212B\u2132\u2132\u214E\u214E\u2160\u2188\u2C60\u2C7F\uA722\uA787" +
        "\uA78B\uA7AD\uA7B0\uA7B7\uA7F7\uA7FF\uAB30\uAB5A\uAB5C\uAB64\uFB00\uFB06\uFF21\uFF3A" +
        "\uFF41\uFF5A");

    private readonly FrenchStemmer _stemmer = new();

    public override IReadOnlyList<string> SearchPipelineLabels => Labels;

    private static bool[] BuildWordChars(string ranges)
    {
        var table = new bool[0x10000];
        for (int i = 0; i < ranges.Length; i += 2)
        {
            for (int ch = ranges[i]; ch <= ranges[i + 1]; ch++)
            {
                table[ch] = true;
            }
        }

        return table;
    }

    /// <summary>lunr.fr.trimmer: strips characters outside the word characters at both ends.</summary>
    internal static string Trim(string s)
    {
        int start = 0, end = s.Length;
        while (start < end && !WordChars[s[start]])
        {
            start++;
        }

        while (end > start && !WordChars[s[end - 1]])
        {
            end--;
        }

        return start == 0 && end == s.Length ? s : s.Substring(start, end - start);
    }

    /// <summary>lunr.fr.accentFoldTerm.</summary>
    internal static string FoldAccents(string s)
    {
        int i = 0;
        while (i < s.Length && s[i] < 0xC0)
        {
            i++;
        }

        if (i == s.Length)
        {
            return s;
        }

        var sb = new System.Text.StringBuilder(s.Length + 2);
        sb.Append(s, 0, i);
        for (; i < s.Length; i++)
        {
            char c = s[i];
            switch (c)
            {
                case '\u00E0': case '\u00E1': case '\u00E2': case '\u00E4':
                case '\u00C0': case '\u00C1': case '\u00C2': case '\u00C4':
                    sb.Append('a');
                    break;
                case '\u00E7': case '\u00C7':
                    sb.Append('c');
                    break;
                case '\u00E9': case '\u00E8': case '\u00EA': case '\u00EB':
                case '\u00C9': case '\u00C8': case '\u00CA': case '\u00CB':
                    sb.Append('e');
                    break;
                case '\u00EE': case '\u00EF': case '\u00CE': case '\u00CF':
                    sb.Append('i');
                    break;
                case '\u00F4': case '\u00F6': case '\u00D4': case '\u00D6':
                    sb.Append('o');
                    break;
                case '\u00F9': case '\u00FB': case '\u00FC': case '\u00D9': case '\u00DB': case '\u00DC':
                    sb.Append('u');
                    break;
                case '\u0178': case '\u00FF':
                    sb.Append('y');
                    break;
                case '\u00E6': case '\u00C6':
                    sb.Append("ae");
                    break;
                case '\u0153': case '\u0152':
                    sb.Append("oe");
                    break;
                default:
                    sb.Append(c);
                    break;
            }
        }

        return sb.ToString();
    }

    /// <summary>lunr.fr.stemmer: Snowball's French stemmer (Lucene.Net's Tartarus port).</summary>
    internal string Stem(string s)
    {
        _stemmer.SetCurrent(s);
        _stemmer.Stem();
        return _stemmer.Current;
    }

    public override string? Run(string token)
    {
        var s = Trim(token);
        if (StopWords.Contains(s))
        {
            return null;
        }

        return Stem(FoldAccents(s));
    }
}

internal sealed class FallbackPipeline : LunrPipeline
{
    private static readonly string[] Labels = ["trimmer-unicode"];

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
