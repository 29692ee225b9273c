using System.Text.Json.Nodes;

namespace Charter.Search.Tests;

/// <summary>
/// Our serialized index, loaded by genuine lunr (lunr.Index.load) and queried with search.js's
/// own query logic (CharterSearch.createSearcher), in Jint: what a reader gets in the browser.
/// </summary>
public class SearchBehaviourTests
{
    private sealed record Hit(string Ref, int Words, string[] Terms);

    private static List<Hit>[] Search(string language, IReadOnlyList<SearchDocument> docs, params string[] queries)
    {
        var answer = LunrOracle.Run(new JsonObject
        {
            ["op"] = "search",
            ["lang"] = language,
            ["index"] = LunrIndex.Serialize(language, docs),
            ["queries"] = LunrOracle.ToArray(queries),
        })[0]!.AsArray();
        return answer.Select(results => results!.AsArray().Select(r => new Hit(
            r!["ref"]!.GetValue<string>(),
            r["words"]!.GetValue<int>(),
            r["terms"]!.AsArray().Select(t => t!.GetValue<string>()).ToArray())).ToList()).ToArray();
    }

    private static string Text(IReadOnlyList<SearchDocument> docs, string reference)
    {
        var doc = docs.Single(d => d.Ref == reference);
        return doc.Title + " " + doc.Text;
    }

    [Fact]
    public void French_queries_match_without_accents_and_across_inflections()
    {
        var docs = Corpora.Lampedusa("fr");
        var results = Search("fr", docs, "detention", "détention", "DÉTENTION", "migrant", "migrants", "logement", "jumelages");
        Assert.Equal(results[0].Select(h => h.Ref), results[1].Select(h => h.Ref));
        Assert.Equal(results[0].Select(h => h.Ref), results[2].Select(h => h.Ref));
        Assert.NotEmpty(results[0]);
        Assert.All(results[0], h => Assert.Contains("détention", Text(docs, h.Ref), StringComparison.OrdinalIgnoreCase));
        Assert.Equal(5, results[0].Count);

        Assert.Equal(results[3].Select(h => h.Ref).Order(), results[4].Select(h => h.Ref).Order());
        Assert.Contains(results[3], h => Text(docs, h.Ref).Contains("migrants", StringComparison.Ordinal));
        Assert.Contains(results[5], h => Text(docs, h.Ref).Contains("logement", StringComparison.Ordinal));
        Assert.Contains(results[6], h => Text(docs, h.Ref).Contains("jumelage", StringComparison.Ordinal));
    }

    [Fact]
    public void French_inclusive_writing_is_found_by_the_usual_forms()
    {
        var docs = Corpora.Lampedusa("fr");
        var results = Search("fr", docs, "réfugiés", "refugie", "migrants", "habitants");
        Assert.Contains(results[0], h => Text(docs, h.Ref).Contains("réfugié.e.s", StringComparison.Ordinal));
        Assert.Contains(results[1], h => Text(docs, h.Ref).Contains("réfugié.e.s", StringComparison.Ordinal));
        Assert.Contains(results[2], h => Text(docs, h.Ref).Contains("migrant.e.s", StringComparison.Ordinal));
        Assert.Contains(results[3], h => Text(docs, h.Ref).Contains("habitant.e.s", StringComparison.Ordinal));
    }

    [Fact]
    public void English_queries_match_across_inflections()
    {
        var docs = Corpora.Lampedusa("en");
        var results = Search("en", docs, "twinning", "housing", "detentions", "migrant");
        Assert.Contains(results[0], h => Text(docs, h.Ref).Contains("twinning", StringComparison.OrdinalIgnoreCase));
        Assert.Contains(results[1], h => Text(docs, h.Ref).Contains("housing", StringComparison.OrdinalIgnoreCase));
        Assert.All(results[2], h => Assert.Contains("detention", Text(docs, h.Ref), StringComparison.OrdinalIgnoreCase));
        Assert.NotEmpty(results[2]);
        Assert.Contains(results[3], h => Text(docs, h.Ref).Contains("migrants", StringComparison.Ordinal));
    }

    [Fact]
    public void Spanish_queries_match_without_accents_and_across_inflections()
    {
        var docs = Corpora.SpanishSamples();
        var results = Search("es", docs, "detencion", "detención", "DETENCIÓN", "migrante", "migrantes", "viviendas", "vivienda", "niña", "¡solidaridad!", "solidaridad");

        // lunr.es does not fold accents, but its stemmer drops the acute accents of the stems.
        Assert.NotEmpty(results[0]);
        Assert.Equal(results[0].Select(h => h.Ref), results[1].Select(h => h.Ref));
        Assert.Equal(results[0].Select(h => h.Ref), results[2].Select(h => h.Ref));
        Assert.All(results[0], h => Assert.Contains("detención", Text(docs, h.Ref), StringComparison.OrdinalIgnoreCase));
        Assert.Equal(docs.Count(d => (d.Title + " " + d.Text).Contains("detención", StringComparison.OrdinalIgnoreCase)), results[0].Count);

        Assert.Equal(results[3].Select(h => h.Ref).Order(), results[4].Select(h => h.Ref).Order());
        Assert.Contains(results[3], h => Text(docs, h.Ref).Contains("migrantes", StringComparison.Ordinal));

        Assert.Equal(results[5].Select(h => h.Ref).Order(), results[6].Select(h => h.Ref).Order());
        Assert.Contains(results[5], h => Text(docs, h.Ref).Contains("vivienda ", StringComparison.Ordinal)
            && !Text(docs, h.Ref).Contains("viviendas", StringComparison.Ordinal));

        Assert.Contains(results[7], h => Text(docs, h.Ref).Contains("niñas", StringComparison.Ordinal));

        // ¡ and ¿ are trimmed, in the index and in queries.
        Assert.NotEmpty(results[8]);
        Assert.Equal(results[9].Select(h => h.Ref), results[8].Select(h => h.Ref));
        Assert.Contains(results[8], h => Text(docs, h.Ref).Contains("¡La solidaridad", StringComparison.Ordinal));
    }

    [Fact]
    public void Spanish_prefixes_match_with_or_without_accents_and_stop_words_alone_find_nothing()
    {
        var docs = Corpora.SpanishSamples();
        var results = Search("es", docs, "deten", "detenció", "detencio", "lingüís", "de la y ", "con los ");
        Assert.NotEmpty(results[0]);
        Assert.All(results[0], h => Assert.Contains("deten", Text(docs, h.Ref), StringComparison.OrdinalIgnoreCase));
        Assert.Equal(results[0].Select(h => h.Ref).Order(), results[1].Select(h => h.Ref).Order());
        Assert.Equal(results[0].Select(h => h.Ref).Order(), results[2].Select(h => h.Ref).Order());
        Assert.Contains(results[3], h => Text(docs, h.Ref).Contains("lingüística", StringComparison.Ordinal));
        Assert.Empty(results[4]);
        Assert.Empty(results[5]);
    }

    [Fact]
    public void The_real_spanish_charter_finds_housing_and_detention_without_accents()
    {
        var docs = Corpora.Lampedusa("es");
        var results = Search("es", docs, "vivienda", "detencion");
        Assert.Contains(results[0], h => Text(docs, h.Ref).Contains("vivienda digna", StringComparison.Ordinal));
        Assert.NotEmpty(results[1]);
        Assert.All(results[1], h => Assert.Contains("detención", Text(docs, h.Ref), StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public void Units_holding_every_word_come_first()
    {
        var docs = Corpora.Lampedusa("fr");
        var hits = Search("fr", docs, "alternatives détention logement")[0];
        Assert.True(hits.Count > 3);
        var both = hits.TakeWhile(h => h.Words == hits[0].Words).ToList();
        Assert.All(both, h =>
        {
            var text = Text(docs, h.Ref).ToLowerInvariant();
            Assert.Contains("alternative", text);
            Assert.Contains("détention", text);
        });
        // Ranked by the number of words matched, then by lunr's score.
        Assert.Equal(hits.Select(h => h.Words).OrderDescending(), hits.Select(h => h.Words));
    }

    [Fact]
    public void The_last_word_also_matches_as_a_prefix_while_typing()
    {
        var docs = Corpora.Lampedusa("fr");
        var results = Search("fr", docs, "déten", "deten", "déten ", "jumel", "logem", "d");
        Assert.NotEmpty(results[0]);
        Assert.Equal(results[0].Select(h => h.Ref), results[1].Select(h => h.Ref));
        Assert.All(results[0], h => Assert.Contains("déten", Text(docs, h.Ref), StringComparison.OrdinalIgnoreCase));
        Assert.Empty(results[2]); // a finished word is not a prefix
        Assert.Contains(results[3], h => Text(docs, h.Ref).Contains("jumelage", StringComparison.Ordinal));

        // Typed past the stem ("logement" is indexed as "log").
        Assert.NotEmpty(results[4]);
        Assert.All(results[4], h => Assert.Contains("logement", Text(docs, h.Ref), StringComparison.Ordinal));

        // A single letter is no prefix (it would match nearly everything).
        Assert.Empty(results[5]);
    }

    [Fact]
    public void Apostrophes_separate_words_in_the_index_and_in_queries()
    {
        var docs = Corpora.EdgeCases();
        var results = Search("fr", docs, "eglise", "l’Église", "l'eglise", "aujourd");
        Assert.Equal("1", results[0][0].Ref);
        Assert.Equal("1", results[1][0].Ref);
        Assert.Equal("1", results[2][0].Ref);
        Assert.Equal("1", results[3][0].Ref);
    }

    [Fact]
    public void The_fallback_pipeline_loads_and_finds_words_of_any_script()
    {
        var docs = Corpora.EdgeCases();
        var results = Search("el", docs, "οδος", "Москва", "移民");
        Assert.Equal("8", results[0][0].Ref);
        Assert.Equal("8", results[1][0].Ref);
        Assert.Equal("8", results[2][0].Ref);
    }

    [Fact]
    public void Stop_words_alone_find_nothing()
    {
        var docs = Corpora.Lampedusa("en");
        var results = Search("en", docs, "the and of ", "the");
        Assert.Empty(results[0]);
    }
}
