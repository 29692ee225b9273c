using System.Collections.Frozen;
using Lucene.Net.Tartarus.Snowball.Ext;

namespace Charter.Search;

/// <summary>
/// A search language: the pipeline <see cref="LunrIndex.Serialize"/> builds its index with and
/// the scripts the browser loads to search it. Get one from <see cref="SearchLanguages"/>.
/// </summary>
public sealed class SearchLanguage
{
    private readonly Func<LunrPipeline> _createPipeline;

    internal SearchLanguage(string code, IReadOnlyList<string> scripts, Func<LunrPipeline> createPipeline)
    {
        Code = code;
        Scripts = scripts;
        BrowserScripts = [SearchLanguages.LunrScript, .. scripts];
        _createPipeline = createPipeline;
        var pipeline = createPipeline();
        IndexPipeline = pipeline.IndexPipelineLabels;
        SearchPipeline = pipeline.SearchPipelineLabels;
    }

    /// <summary>The lunr-languages code ("fr", "es"; "en" for lunr's own pipeline;
    /// <c>"*"</c> for <see cref="SearchLanguages.Fallback"/>).</summary>
    public string Code { get; }

    /// <summary>
    /// The vendor scripts (file names in themes/default/assets/vendor/) the browser loads after
    /// <see cref="SearchLanguages.LunrScript"/>, in order: none for "en" and the fallback,
    /// lunr.stemmer.support.js and lunr.xx.js for a lunr-languages language.
    /// </summary>
    public IReadOnlyList<string> Scripts { get; }

    /// <summary>Every vendor script the search page loads, in order: lunr.min.js, then <see cref="Scripts"/>.</summary>
    public IReadOnlyList<string> BrowserScripts { get; }

    /// <summary>The labels of the index pipeline, in order ("trimmer-es", "stopWordFilter-es", "stemmer-es").</summary>
    public IReadOnlyList<string> IndexPipeline { get; }

    /// <summary>The labels of the search pipeline, as the index serializes them.</summary>
    public IReadOnlyList<string> SearchPipeline { get; }

    /// <summary>True for <see cref="SearchLanguages.Fallback"/>, the pipeline of languages not in the registry.</summary>
    public bool IsFallback => Code == SearchLanguages.Fallback.Code;

    /// <summary>A new pipeline (it holds a stemmer's state: one per index build).</summary>
    internal LunrPipeline CreatePipeline() => _createPipeline();

    public override string ToString() => Code;
}

/// <summary>
/// The registry of search languages, one entry per language, keyed by its lunr-languages code.
/// A language that lunr-languages covers with a Snowball stemmer that Lucene.Net also has is one
/// <c>Snowball(new LunrLanguagesPlugin(…))</c> entry below (its word characters, stop words and
/// accent folding copied from lunr.xx.js), plus lunr.xx.js vendored in
/// themes/default/assets/vendor/; the tests then compare it with the genuine plugin.
/// </summary>
public static class SearchLanguages
{
    /// <summary>lunr itself, which every search page loads first.</summary>
    public const string LunrScript = "lunr.min.js";

    /// <summary>lunr-languages' support script, loaded before any of its language plugins.</summary>
    public const string StemmerSupportScript = "lunr.stemmer.support.js";

    /// <summary>The pipeline of a language not in the registry: <c>trimmer-unicode</c> alone (see
    /// search.js), no stop words, no stemming; no script beyond lunr.min.js.</summary>
    public static SearchLanguage Fallback { get; } = new("*", [], () => new FallbackPipeline());

    private static readonly SearchLanguage[] Entries =
    [
        // lunr's own pipeline: trimmer, stopWordFilter, stemmer (its Porter variant, ported).
        new("en", [], () => new EnglishPipeline()),

        // lunr-languages 1.22.0's lunr.fr.js: it folds accents (accentFold-fr) before stemming.
        Snowball(new LunrLanguagesPlugin(
            "fr",
            "A-Za-z\u00AA\u00BA\u00C0-\u00D6\u00D8-\u00F6\u00F8-\u02B8\u02E0-\u02E4\u1D00-\u1D25" +
            "\u1D2C-\u1D5C\u1D62-\u1D65\u1D6B-\u1D77\u1D79-\u1DBE\u1E00-\u1EFF\u2071\u207F" +
            "\u2090-\u209C\u212A\u212B\u2132\u214E\u2160-\u2188\u2C60-\u2C7F\uA722-\uA787" +
            "\uA78B-\uA7AD\uA7B0-\uA7B7\uA7F7-\uA7FF\uAB30-\uAB5A\uAB5C-\uAB64\uFB00-\uFB06" +
            "\uFF21-\uFF3A\uFF41-\uFF5A",
            "ai aie aient aies ait as au aura aurai auraient aurais aurait auras aurez auriez aurions " +
            "aurons auront aux avaient avais avait avec avez aviez avions avons ayant ayez ayons c ce " +
            "ceci celà ces cet cette d dans de des du elle en es est et eu eue eues eurent eus eusse " +
            "eussent eusses eussiez eussions eut eux eûmes eût eûtes furent fus fusse fussent fusses " +
            "fussiez fussions fut fûmes fût fûtes ici il ils j je l la le les leur leurs lui m ma mais me " +
            "mes moi mon même n ne nos notre nous on ont ou par pas pour qu que quel quelle quelles quels " +
            "qui s sa sans se sera serai seraient serais serait seras serez seriez serions serons seront " +
            "ses soi soient sois soit sommes son sont soyez soyons suis sur t ta te tes toi ton tu un une " +
            "vos votre vous y à étaient étais était étant étiez étions été étée étées étés êtes",
            () => new FrenchStemmer(),
            FrenchAccentFold)),

        // lunr-languages 1.22.0's lunr.es.js: no accent folding in its pipelines (it registers an
        // opt-in lunr.es.accentFold, "accentFold-es", that they leave out); Snowball's Spanish
        // stemmer itself strips the acute accents of what remains of a word (its postlude).
        Snowball(new LunrLanguagesPlugin(
            "es",
            "A-Za-z\u00AA\u00BA\u00C0-\u00D6\u00D8-\u00F6\u00F8-\u02B8\u02E0-\u02E4\u1D00-\u1D25" +
            "\u1D2C-\u1D5C\u1D62-\u1D65\u1D6B-\u1D77\u1D79-\u1DBE\u1E00-\u1EFF\u2071\u207F" +
            "\u2090-\u209C\u212A\u212B\u2132\u214E\u2160-\u2188\u2C60-\u2C7F\uA722-\uA787" +
            "\uA78B-\uA7AD\uA7B0-\uA7B7\uA7F7-\uA7FF\uAB30-\uAB5A\uAB5C-\uAB64\uFB00-\uFB06" +
            "\uFF21-\uFF3A\uFF41-\uFF5A",
            "a al algo algunas algunos ante antes como con contra cual cuando de del desde donde durante " +
            "e el ella ellas ellos en entre era erais eran eras eres es esa esas ese eso esos esta estaba " +
            "estabais estaban estabas estad estada estadas estado estados estamos estando estar estaremos " +
            "estará estarán estarás estaré estaréis estaría estaríais estaríamos estarían estarías estas " +
            "este estemos esto estos estoy estuve estuviera estuvierais estuvieran estuvieras estuvieron " +
            "estuviese estuvieseis estuviesen estuvieses estuvimos estuviste estuvisteis estuviéramos " +
            "estuviésemos estuvo está estábamos estáis están estás esté estéis estén estés fue fuera " +
            "fuerais fueran fueras fueron fuese fueseis fuesen fueses fui fuimos fuiste fuisteis fuéramos " +
            "fuésemos ha habida habidas habido habidos habiendo habremos habrá habrán habrás habré " +
            "habréis habría habríais habríamos habrían habrías habéis había habíais habíamos habían " +
            "habías han has hasta hay haya hayamos hayan hayas hayáis he hemos hube hubiera hubierais " +
            "hubieran hubieras hubieron hubiese hubieseis hubiesen hubieses hubimos hubiste hubisteis " +
            "hubiéramos hubiésemos hubo la las le les lo los me mi mis mucho muchos muy más mí mía mías " +
            "mío míos nada ni no nos nosotras nosotros nuestra nuestras nuestro nuestros o os otra otras " +
            "otro otros para pero poco por porque que quien quienes qué se sea seamos sean seas seremos " +
            "será serán serás seré seréis sería seríais seríamos serían serías seáis sido siendo sin " +
            "sobre sois somos son soy su sus suya suyas suyo suyos sí también tanto te tendremos tendrá " +
            "tendrán tendrás tendré tendréis tendría tendríais tendríamos tendrían tendrías tened tenemos " +
            "tenga tengamos tengan tengas tengo tengáis tenida tenidas tenido tenidos teniendo tenéis " +
            "tenía teníais teníamos tenían tenías ti tiene tienen tienes todo todos tu tus tuve tuviera " +
            "tuvierais tuvieran tuvieras tuvieron tuviese tuvieseis tuviesen tuvieses tuvimos tuviste " +
            "tuvisteis tuviéramos tuviésemos tuvo tuya tuyas tuyo tuyos tú un una uno unos vosotras " +
            "vosotros vuestra vuestras vuestro vuestros y ya yo él éramos",
            () => new SpanishStemmer())),
    ];

    private static readonly FrozenDictionary<string, SearchLanguage> ByCode =
        Entries.ToFrozenDictionary(l => l.Code, StringComparer.Ordinal);

    /// <summary>The registry's languages ("en", "fr", "es"), not the fallback.</summary>
    public static IReadOnlyCollection<SearchLanguage> All { get; } = Array.AsReadOnly(Entries);

    /// <summary>
    /// The registry's entry for a language tag, by its primary subtag, case-insensitively
    /// ("es", "es-ES", "ES_mx" → "es"); null when the registry has none.
    /// </summary>
    public static SearchLanguage? Find(string language) =>
        ByCode.GetValueOrDefault(PrimaryCode(language ?? throw new ArgumentNullException(nameof(language))));

    /// <summary><see cref="Find"/>, or <see cref="Fallback"/> for a language the registry does not hold.</summary>
    public static SearchLanguage For(string language) => Find(language) ?? Fallback;

    private static string PrimaryCode(string language) => language.Split('-', '_')[0].ToLowerInvariant();

    private static SearchLanguage Snowball(LunrLanguagesPlugin plugin) =>
        new(plugin.Code, [StemmerSupportScript, $"lunr.{plugin.Code}.js"], () => new SnowballPipeline(plugin));

    /// <summary>lunr.fr.accentFoldTerm.</summary>
    internal static string FrenchAccentFold(string s)
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
}
