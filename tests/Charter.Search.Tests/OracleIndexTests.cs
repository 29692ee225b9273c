namespace Charter.Search.Tests;

/// <summary>LunrIndex.Serialize against genuine lunr (Jint), byte for byte.</summary>
public class OracleIndexTests
{
    public static TheoryData<string, string> Cases() => new()
    {
        { "fr", "lampedusa.fr" },
        { "en", "lampedusa.en" },
        { "es", "lampedusa.es" },
        { "fr", "edge" },
        { "en", "edge" },
        { "es", "edge" },
        { "el", "edge" },
        { "fr", "odd-refs" },
        { "en", "odd-refs" },
        { "es", "odd-refs" },
        { "fr", "empty" },
        { "en", "one-empty" },
    };

    internal static IReadOnlyList<SearchDocument> Corpus(string name) => name switch
    {
        "lampedusa.fr" => Corpora.Lampedusa("fr"),
        "lampedusa.en" => Corpora.Lampedusa("en"),
        "lampedusa.es" => Corpora.Lampedusa("es"),
        "edge" => Corpora.EdgeCases(),
        "odd-refs" => Corpora.OddRefs(),
        "empty" => [],
        "one-empty" => [new SearchDocument("0", "", "")],
        _ => throw new ArgumentException(name),
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Serialized_index_is_byte_identical_to_lunr(string language, string corpus)
    {
        var docs = Corpus(corpus);
        string expected = LunrOracle.Serialize(language, docs);
        string actual = LunrIndex.Serialize(language, docs);
        AssertSameJson(expected, actual);
    }

    internal static void AssertSameJson(string expected, string actual)
    {
        if (expected == actual)
        {
            return;
        }

        int i = 0;
        while (i < expected.Length && i < actual.Length && expected[i] == actual[i])
        {
            i++;
        }

        int from = Math.Max(0, i - 120);
        Assert.Fail(
            $"The index differs from lunr's at character {i} (lengths {expected.Length} and {actual.Length}).\n" +
            $"lunr: …{expected.Substring(from, Math.Min(240, expected.Length - from))}…\n" +
            $"ours: …{actual.Substring(from, Math.Min(240, actual.Length - from))}…");
    }
}
