using System.Text.Json;
using System.Text.Json.Nodes;
using Charter.Core.Diagnostics;
using Charter.Core.Load;
using Charter.Tests.Support;
using Json.Schema;

namespace Charter.Tests.Cite;

/// <summary>
/// The citation downloads (BibTeX, RIS, CSL-JSON) read back with real parsers of each format (Citation.js, run by
/// Node.js): the charter and priority 2.3 in French, English and Spanish, and units of the articles fixture, say the
/// title, the corporate author (never split into names), the date at its precision, the address, the language and the
/// access date that the build meant. Every CSL-JSON file of the site is valid against the official CSL-JSON schema.
/// </summary>
[Collection(RealSiteCollection.Name)]
public class CitationDownloadTests(RealSiteFixture site)
{
    /// <summary>What one download must say, as a reference manager reads it.</summary>
    private sealed record Expected(string Title, string? Container, string Author, int[] Issued, string Url, string Language, DateOnly? Accessed);

    private static readonly string[] Formats = ["biblatex", "bibtex", "ris", "csl"];

    private static string FileOf(string format) => format switch { "ris" => ".ris", "csl" => ".json", _ => ".bib" };

    [Fact]
    public void The_charter_and_priority_2_3_read_back_as_meant_in_every_language_and_format()
    {
        var accessed = site.Content.Updated;
        Assert.NotNull(accessed); // the repository is a git work tree: the content's date is known
        var cases = new Dictionary<string, Expected>();
        foreach (var (lang, author, part) in new[] { ("fr", "CGLU", "Principe 2, priorité 3"), ("en", "UCLG", "Principle 2, priority 3"), ("es", "CGLU", "Principio 2, prioridad 3") })
        {
            var title = site.Edition(lang).Meta!.Title;
            cases[$"{lang}/lampedusa/cite/lampedusa"] = new(title, null, author, [2022, 10], $"https://charter.example.org/{lang}/lampedusa/", lang, accessed);
            cases[$"{lang}/lampedusa/cite/p2-3"] = new(part, title, author, [2022, 10], $"https://charter.example.org/{lang}/2.3/", lang, accessed);
        }
        AssertReadBack(site.OutputDir, cases);
    }

    [Fact]
    public void Units_of_a_charter_of_another_shape_read_back_with_its_own_words_and_addresses()
    {
        using var output = new TempDir();
        var root = Repo.Fixture("articles");
        Builds.To(root, output.Path).AssertSucceeded();
        var accessed = ContentLoader.Load(root, new DiagnosticBag())!.Updated;
        AssertReadBack(output.Path, new Dictionary<string, Expected>
        {
            // A short address (/en/3.2/), a corporate author of three words, a year alone (no adoption date is stated).
            ["en/accueil/cite/art3-2"] = new("Art. 3(2)", "Charter of Welcoming Cities", "Welcoming Cities Network", [2024],
                "https://welcome.example.org/en/3.2/", "en", accessed),
            // No short address: the page with the unit's fragment.
            ["fr/accueil/cite/annex-1"] = new("Annexe, point a", "Charte des villes accueillantes", "Réseau des villes accueillantes", [2024],
                "https://welcome.example.org/fr/accueil/annex/#annex-1", "fr", accessed),
        });
    }

    private static void AssertReadBack(string outputDir, IReadOnlyDictionary<string, Expected> cases)
    {
        var requests = cases.Keys.SelectMany(key => Formats.Select(format => new CiteParsers.Request(Path.Combine(outputDir, key + FileOf(format)), format))).ToList();
        var answers = CiteParsers.Run(requests);
        var i = 0;
        foreach (var (key, expected) in cases)
            foreach (var format in Formats)
            {
                var what = $"{key}{FileOf(format)} read as {format}";
                var item = CiteParsers.Single(answers[i++], what);
                Assert.True(expected.Title == (string?)item["title"], $"{what}: title {item["title"]}, expected {expected.Title}");
                Assert.True(expected.Container == (string?)item["container-title"], $"{what}: container-title {item["container-title"]}, expected {expected.Container}");
                Assert.True(expected.Url == (string?)item["URL"], $"{what}: URL {item["URL"]}");
                var author = Assert.Single(item["author"]!.AsArray())!.AsObject();
                // One corporate name, whole: no given name split off ("Welcoming Cities" + "Network").
                Assert.True(author["given"] is null, $"{what}: the author was split into names: {author.ToJsonString()}");
                Assert.Equal(expected.Author, (string?)(author["literal"] ?? author["family"]));
                Assert.Equal(expected.Issued, DateParts(item["issued"], what));
                // Classic BibTeX has no fields for the language and the access date (biblatex has: urldate, language).
                if (format == "bibtex") continue;
                Assert.True(expected.Language == (string?)item["language"], $"{what}: language {item["language"]}");
                var a = expected.Accessed!.Value;
                Assert.Equal([a.Year, a.Month, a.Day], DateParts(item["accessed"], what));
            }
    }

    private static int[] DateParts(JsonNode? date, string what)
    {
        Assert.True(date is not null, $"{what}: no date");
        return date!["date-parts"]![0]!.AsArray().Select(p => p!.GetValue<int>()).ToArray();
    }

    [Fact]
    public void Every_csl_json_download_is_valid_against_the_official_schema()
    {
        var schemaPath = Path.Combine(Repo.TestsDir, "Cite", "csl-schema", "csl-data.json");
        var schema = JsonSchema.FromText(File.ReadAllText(schemaPath), new BuildOptions { SchemaRegistry = new SchemaRegistry() });
        var files = site.Files.Where(f => f.Key.Contains("/cite/", StringComparison.Ordinal) && f.Key.EndsWith(".json", StringComparison.Ordinal)).ToList();
        Assert.True(files.Count > 100, $"only {files.Count} CSL-JSON files");
        foreach (var (path, bytes) in files)
        {
            using var doc = JsonDocument.Parse(bytes);
            var result = schema.Evaluate(doc.RootElement, new EvaluationOptions { OutputFormat = OutputFormat.List });
            Assert.True(result.IsValid, $"{path} is not valid CSL-JSON: " + string.Join("; ", (result.Details ?? [])
                .Where(d => d.Errors is { Count: > 0 }).SelectMany(d => d.Errors!.Select(e => $"{d.InstanceLocation}: {e.Value}"))));
        }
        // The schema does refuse what CSL does not know, so passing it means something.
        using var wrong = JsonDocument.Parse("""[{ "id": "x", "type": "charter", "URL": "https://example.org/" }]""");
        Assert.False(schema.Evaluate(wrong.RootElement).IsValid);
    }
}
