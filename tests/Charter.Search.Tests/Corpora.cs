using System.Text;
using System.Text.Json;

namespace Charter.Search.Tests;

/// <summary>The corpora the index is compared on.</summary>
public static class Corpora
{
    /// <summary>
    /// A frozen excerpt of the charter (content/lampedusa: principles, their priorities, the
    /// commitments), 85 units in each language; the Spanish one taken from the Spanish edition.
    /// </summary>
    public static IReadOnlyList<SearchDocument> Lampedusa(string language) => Read($"lampedusa.{language}.json");

    /// <summary>
    /// 40 units of institutional Spanish written for the tests, with what the real text lacks (¡ ¿,
    /// ü, plural and singular of the same words): the behaviour tests of the Spanish pipeline.
    /// </summary>
    public static IReadOnlyList<SearchDocument> SpanishSamples() => Read("samples.es.json");

    private static IReadOnlyList<SearchDocument> Read(string file)
    {
        var path = Path.Combine(RepoPaths.TestProject, "Corpus", file);
        using var stream = File.OpenRead(path);
        var docs = JsonSerializer.Deserialize<List<Doc>>(stream, new JsonSerializerOptions { PropertyNameCaseInsensitive = true })!;
        return docs.Select(d => new SearchDocument(d.Ref, d.Title, d.Text)).ToList();
    }

    private sealed record Doc(string Ref, string Title, string Text);

    /// <summary>Texts chosen to reach every corner of the tokenizer, the pipelines and the serializer.</summary>
    public static IReadOnlyList<SearchDocument> EdgeCases()
    {
        string longWord = string.Concat(Enumerable.Repeat("anticonstitutionnellement", 12));
        string[][] docs =
        [
            ["Détention et détentions", "DÉTENTION, détention ; la Détention. Les détenu·e·s, détenus et détenues."],
            ["L'Église et l’Église", "l'église, L’ÉGLISE, aujourd’hui, aujourd'hui, rock'n'roll, 'guillemets simples', ‘curly’, qu’il, jusqu’à"],
            ["« Migrants »", "«migrants» « migrants » “migrants” \"migrants\" ‹m› ‚x‘ « » – — … • · ¡¿"],
            ["Numbers 2020–2022", "1 2 10 007 2020 2020–2022 1.5 3,14 10 000 10,000 1er 2e 3ème 50% 1/2 ½ ² ⅻ Ⅻ ١٢٣ ۴ १२ p2-3 c1-4 #12 n°5 24h/24 7j/7"],
            ["", ""],
            ["", "Only text, no title."],
            ["Only a title", ""],
            ["« — »", "– — « » … ' ’ - -- --- ‐ ‑"],
            ["Ελληνικά ΟΔΟΣ", "Σοφία ΣΟΦΙΑ ΟΔΟΣ. ΟΔΟΣ ΑΣ'Α Ὀδυσσεύς Москва СОЧИ مدينة المهاجرين 城市移民 移民 नगर प्रवासी עיר Ærø ǅemal İstanbul ıi Straße ﬁnance"],
            ["Co-création multi-level", "co-création co‐création non-violence well-being self--care -leading trailing- 2020-2022 e-mail"],
            [longWord, longWord + " " + longWord.ToUpperInvariant() + " " + new string('a', 400)],
            ["migrants migrants", "migrants migrants migrants migrant migrante migrantes migration migrations migratoire Migrants MIGRANTS"],
            ["Dup", "the the the and and of a an la le les de des du et à été ete été être"],
            ["Objet", "constructor __proto__ toString hasOwnProperty valueOf _index prototype __defineGetter__ isPrototypeOf length"],
            ["Caractères", "tab\there new\nline cr\rlf nbsp\u00A0word thin\u2009space em\u2003space ideographic\u3000space narrow\u202Fnbsp zero\u200Bwidth bom\uFEFFmark soft\u00ADhyphen ctrl\u0001char quote\"inside back\\slash"],
            ["Emoji 🌍", "🌍 migrants🌍 🌍migrants 👩‍👩‍👧 𝒜lpha 𐐀𐐨 ℌ ﬀ"],
            ["Cœur œuvre", "cœur CŒUR œuvre Œuvre ægis Æ naïve NAÏVE Noël ÇA ça garçon crème brûlée ÿ Ÿ ñ ã õ ø å"],
            ["Accents variés", "àáâãäå ÀÁÂÃÄÅ èéêë ÈÉÊË ìíîï ÌÍÎÏ òóôõö ÒÓÔÕÖ ùúûü ÙÚÛÜ ýÿ Ý ç Ç ğ ş ł ő ű ė č ř ž"],
            ["Stemming", "running runs ran easily fairly generously hopping hoped sized agreed plastered conditional rational relational digitizer happiness hopeful electricity electrical"],
            ["Racines", "nationales nationalité internationalisation continuellement gouvernements gouvernementaux accueillir accueillante hospitalité solidarités territoriales"],
        ];

        var list = new List<SearchDocument>();
        for (int i = 0; i < docs.Length; i++)
        {
            list.Add(new SearchDocument(i.ToString(System.Globalization.CultureInfo.InvariantCulture), docs[i][0], docs[i][1]));
        }

        return list;
    }

    /// <summary>Refs that ECMAScript orders differently from insertion order (array indices first).</summary>
    public static IReadOnlyList<SearchDocument> OddRefs() =>
    [
        new("b", "migrants", "migrants du nord"),
        new("10", "migrants", "migrants du sud"),
        new("a", "Migrants", "les migrants"),
        new("9", "migrants", "migrant"),
        new("01", "migrants", "migrants"),
        new("4294967295", "migrants", "migrants"),
        new("4294967294", "migrants", "migrants"),
        new("p2-3", "migrants", "migrants"),
        new("0", "autre", "migrants"),
        new("x/y", "migrants", "slash in ref"),
    ];

    /// <summary>A synthetic corpus of about the size of 100 charters, for timing.</summary>
    public static IReadOnlyList<SearchDocument> Large(string language, int copies)
    {
        var source = Lampedusa(language);
        var list = new List<SearchDocument>(source.Count * copies);
        var sb = new StringBuilder();
        for (int c = 0; c < copies; c++)
        {
            foreach (var doc in source)
            {
                sb.Clear().Append(doc.Text).Append(" charte").Append(c);
                list.Add(new SearchDocument(list.Count.ToString(System.Globalization.CultureInfo.InvariantCulture), doc.Title, sb.ToString()));
            }
        }

        return list;
    }
}
