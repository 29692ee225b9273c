using System.Text.Json;
using System.Xml.Linq;
using Charter.Tests.Support;

namespace Charter.Tests.Index;

/// <summary>Stage 5: the machine-readable side of the fixture site — charter.json, sitemap.xml, robots.txt, OpenSearch.</summary>
public class IndexTests
{

    private static readonly string[] UnitFields = ["id", "kind", "number", "title", "text", "url"];

    [Theory]
    [InlineData("fr")]
    [InlineData("en")]
    public void Charter_json_follows_the_contract(string language)
    {
        using var json = JsonDocument.Parse(MiniSite.Result.File($"{language}/charter.json"));
        var root = json.RootElement;
        Assert.Equal(language, root.GetProperty("language").GetString());
        Assert.Equal(language == "fr" ? "Charte de démonstration pour les essais" : "Demonstration Charter for tests", root.GetProperty("title").GetString());
        var units = root.GetProperty("units").EnumerateArray().ToList();
        foreach (var unit in units)
        {
            foreach (var field in UnitFields) Assert.True(unit.TryGetProperty(field, out _), $"a unit lacks '{field}': {unit}");
            Assert.False(string.IsNullOrWhiteSpace(unit.GetProperty("title").GetString()), unit.ToString());
            Assert.False(string.IsNullOrWhiteSpace(unit.GetProperty("text").GetString()), unit.ToString());
            Assert.StartsWith($"/{language}/", unit.GetProperty("url").GetString());
        }
        // Every citable unit of the fixture, in reading order, then the declarations.
        Assert.Equal(
            ["v1", "v2", "p1", "p1-1", "p1-2", "p1-3", "p1-4", "p1-5", "p2", "p2-1", "p2-2", "p2-3", "p2-4", "p2-5",
             "c1-1", "c1-2", "c2-1", "c2-2", "m1", "m2", "m3", "decl-alpha", "decl-beta", "pact-future"],
            units.Select(u => u.GetProperty("id").GetString()));
        var p23 = units.Single(u => u.GetProperty("id").GetString() == "p2-3");
        Assert.Equal("priority", p23.GetProperty("kind").GetString());
        Assert.Equal("2.3", p23.GetProperty("number").GetString());
        Assert.Equal($"/{language}/demo/principles/2/#p2-3", p23.GetProperty("url").GetString());
        // 'text' is plain text: the Markdown link is gone, its words remain.
        Assert.Equal(language == "fr" ? "Troisième priorité, selon la Déclaration bêta" : "Third priority, following the Beta Declaration",
            p23.GetProperty("text").GetString());
        Assert.Equal("call", units.Single(u => u.GetProperty("id").GetString() == "c2-1").GetProperty("kind").GetString());
    }

    [Fact]
    public void The_main_charter_json_is_also_at_the_language_root()
    {
        Assert.Equal(MiniSite.Result.File("fr/demo/charter.json"), MiniSite.Result.File("fr/charter.json"));
    }

    [Fact]
    public void Sitemap_lists_every_indexable_page_with_its_alternates()
    {
        var sitemap = XDocument.Parse(System.Text.Encoding.UTF8.GetString(MiniSite.Result.File("sitemap.xml")));
        XNamespace sm = "http://www.sitemaps.org/schemas/sitemap/0.9";
        XNamespace xhtml = "http://www.w3.org/1999/xhtml";
        var urls = sitemap.Root!.Elements(sm + "url").ToList();
        var locs = urls.Select(u => u.Element(sm + "loc")!.Value).ToList();
        Assert.Equal(locs.Distinct().Count(), locs.Count);

        var pages = MiniSite.Result.Files.Where(f => f.Path.EndsWith("index.html", StringComparison.Ordinal))
            .Select(f => (f.Path, Doc: Html.Parse(f.Content)))
            .Where(p => p.Doc.QuerySelector("meta[name=robots][content~=noindex]") is null)
            .Select(p => p.Doc.QuerySelector("link[rel=canonical]")!.Attr("href")).Order(StringComparer.Ordinal).ToList();
        Assert.Equal(pages, locs.Order(StringComparer.Ordinal));

        foreach (var url in urls)
        {
            var alternates = url.Elements(xhtml + "link").ToDictionary(l => (string)l.Attribute("hreflang")!, l => (string)l.Attribute("href")!);
            Assert.Equal(["en", "fr", "x-default"], alternates.Keys.Order());
            var loc = url.Element(sm + "loc")!.Value;
            if (loc.StartsWith("https://demo.example.org/fr/", StringComparison.Ordinal))
                Assert.Equal(loc.Replace("/fr/", "/en/"), alternates["en"]);
            Assert.Contains(alternates.Values, v => v == loc); // a page is one of its own alternates
        }
    }

    [Fact]
    public void Robots_txt_points_at_the_sitemap()
    {
        var robots = System.Text.Encoding.UTF8.GetString(MiniSite.Result.File("robots.txt")).Split('\n');
        Assert.Contains("Sitemap: https://demo.example.org/sitemap.xml", robots);
    }

    [Fact]
    public void OpenSearch_description_points_at_the_search_page_of_its_language()
    {
        var doc = XDocument.Parse(System.Text.Encoding.UTF8.GetString(MiniSite.Result.File("en/opensearch.xml")));
        XNamespace os = "http://a9.com/-/spec/opensearch/1.1/";
        Assert.Equal("https://demo.example.org/en/search/?q={searchTerms}", (string)doc.Root!.Element(os + "Url")!.Attribute("template")!);
        Assert.Equal("en", doc.Root.Element(os + "Language")!.Value);
    }
}
