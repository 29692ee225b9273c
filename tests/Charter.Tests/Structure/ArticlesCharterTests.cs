using System.Text.Json;
using System.Text.RegularExpressions;
using Charter.Site.Build;
using Charter.Site.Check;
using Charter.Tests.Support;

namespace Charter.Tests.Structure;

/// <summary>
/// A charter of another shape than Lampedusa's (Fixtures/articles: a preamble of recitals, chapters of articles with
/// numbered paragraphs, an annex of lettered points), described only by its structure.yml. Everything a charter gets
/// — pages, permalinks, short forms, labels, citations, search, charter.json, JSON-LD, the side-by-side view and a
/// clean check — it gets without a line of C# knowing its kinds.
/// </summary>
public class ArticlesCharterTests
{
    private static readonly Lazy<BuildResult> Built = new(() =>
    {
        var result = Builds.InMemory(Repo.Fixture("articles"));
        result.AssertSucceeded();
        return result;
    });

    private static BuildResult Site => Built.Value;

    private static AngleSharp.Html.Dom.IHtmlDocument Page(string path) => Html.Parse(Site.File(path));

    [Fact]
    public void It_builds_without_a_warning_and_its_check_finds_nothing()
    {
        Assert.Empty(Site.Warnings());
        var check = SiteChecker.Check(Site, "public/");
        Assert.True(check.Diagnostics.Count == 0, string.Join("\n", check.Diagnostics));
    }

    [Theory]
    [InlineData("fr", "Chapitre II", "Logement")]
    [InlineData("en", "Chapter II", "Housing")]
    public void Each_kind_with_a_page_gets_it_at_the_address_its_pattern_gives(string lang, string label, string title)
    {
        var chapter = Page($"{lang}/accueil/chapters/2/index.html");
        Assert.Equal(title, chapter.QuerySelector("h1")!.TextContent);
        Assert.Equal(label, chapter.QuerySelector(".page-head .eyebrow")!.TextContent);
        // Articles and paragraphs are on their chapter's page, with their language-independent ids.
        foreach (var id in new[] { "art3", "art3-1", "art3-2", "art3-3" }) Assert.NotNull(chapter.GetElementById(id));
        Assert.NotNull(Page($"{lang}/accueil/chapters/index.html").QuerySelector($"a[href='/{lang}/accueil/chapters/1/']"));
        Assert.NotNull(Page($"{lang}/accueil/annex/index.html").GetElementById("annex-2"));
        // The preamble has no page: it is on the charter's home, its recitals and its note with it.
        var home = Page($"{lang}/accueil/index.html");
        foreach (var id in new[] { "preamble", "r1", "r2", "r3", "preamble-note-alpha" }) Assert.NotNull(home.GetElementById(id));
    }

    [Theory]
    [InlineData("fr", "art2", "accueil/chapters/1/#art2")]
    [InlineData("fr", "2.2", "accueil/chapters/1/#art2-2")]
    [InlineData("fr", "r2", "accueil/#r2")]
    [InlineData("en", "art3", "accueil/chapters/2/#art3")]
    [InlineData("en", "3.1", "accueil/chapters/2/#art3-1")]
    public void Short_forms_follow_the_kinds_patterns(string lang, string shortForm, string target)
    {
        var refresh = Page($"{lang}/{shortForm}/index.html").QuerySelector("meta[http-equiv=refresh]")!.GetAttribute("content");
        Assert.Equal($"0; url=/{lang}/{target}", refresh);
    }

    [Theory]
    [InlineData("fr", "Article 2, paragraphe 2", "Charte des villes accueillantes (2024), art. 2, § 2")]
    [InlineData("en", "Article 2(2)", "Charter of Welcoming Cities (2024), art. 2(2)")]
    public void Labels_and_citations_come_from_the_kinds_patterns(string lang, string label, string citation)
    {
        var unit = Page($"{lang}/accueil/chapters/1/index.html").GetElementById("art2-2")!;
        Assert.Equal(label, unit.QuerySelector(".unit-label")!.TextContent.Trim());
        // The charter's own short form (cite/…/CitationTextTests has the other styles), with the unit's short address.
        var cite = unit.QuerySelector(".cite-charter .cite-text")!.TextContent;
        Assert.StartsWith(citation + ", ", cite);
        Assert.Contains($"https://welcome.example.org/{lang}/2.2/ (", cite);
    }

    [Fact]
    public void Numberings_are_the_kinds_own_roman_for_chapters_letters_for_annex_points()
    {
        using var json = JsonDocument.Parse(Site.File("fr/charter.json"));
        var units = json.RootElement.GetProperty("units").EnumerateArray().ToDictionary(u => u.GetProperty("id").GetString()!);
        Assert.Equal("b", units["annex-2"].GetProperty("number").GetString());
        Assert.Equal("Annexe, point b", units["annex-2"].GetProperty("title").GetString());
        var toc = Page("fr/accueil/index.html").QuerySelectorAll(".toc-charter ol ol .toc-number").Select(n => n.TextContent);
        Assert.Equal(["I", "II"], toc);
    }

    [Theory]
    [InlineData("fr")]
    [InlineData("en")]
    public void Charter_json_lists_every_citable_unit_in_reading_order(string lang)
    {
        using var json = JsonDocument.Parse(Site.File($"{lang}/charter.json"));
        var units = json.RootElement.GetProperty("units").EnumerateArray().ToList();
        Assert.Equal(
            ["r1", "r2", "r3", "art1", "art1-1", "art2", "art2-1", "art2-2", "art3", "art3-1", "art3-2", "art3-3", "annex-1", "annex-2", "decl-alpha"],
            units.Select(u => u.GetProperty("id").GetString()));
        var p = units.Single(u => u.GetProperty("id").GetString() == "art3-2");
        Assert.Equal("paragraph", p.GetProperty("kind").GetString());
        Assert.Equal("3.2", p.GetProperty("number").GetString());
        Assert.Equal($"/{lang}/accueil/chapters/2/#art3-2", p.GetProperty("url").GetString());
        // An article has no text of its own: its record has its paragraphs' text, so the open data is complete.
        var article = units.Single(u => u.GetProperty("id").GetString() == "art2").GetProperty("text").GetString()!;
        var paragraphs = units.Where(u => u.GetProperty("id").GetString()!.StartsWith("art2-", StringComparison.Ordinal))
            .Select(u => u.GetProperty("text").GetString()!).ToList();
        Assert.Equal(string.Join(" ", paragraphs), article);
        Assert.Equal(2, paragraphs.Count);
    }

    [Fact]
    public void Search_finds_a_paragraph_by_a_stemmed_word_and_not_the_article_around_it()
    {
        using var documents = JsonDocument.Parse(Site.File("fr/search/documents.json"));
        var ids = documents.RootElement.EnumerateArray().Select(d => d.GetProperty("id").GetString()).ToList();
        using var index = JsonDocument.Parse(Site.File("fr/search/index.json"));
        // "hébergement", "hébergement d'urgence": the French stemmer and the accent folding make 'heberg'.
        var entry = index.RootElement.GetProperty("invertedIndex").EnumerateArray().Single(t => t[0].GetString() == "heberg")[1];
        var inText = entry.GetProperty("text").EnumerateObject().Select(p => ids[int.Parse(p.Name)]).ToList();
        Assert.Contains("art3-1", inText);
        Assert.Contains("art3-2", inText);
        Assert.DoesNotContain("art3", inText);
        var inTitle = entry.GetProperty("title").EnumerateObject().Select(p => ids[int.Parse(p.Name)]).ToList();
        Assert.Contains("art3", inTitle); // "Article 3 — Hébergement d'urgence"
    }

    [Fact]
    public void A_chapter_page_describes_its_articles_and_paragraphs_in_json_ld()
    {
        var script = Page("en/accueil/chapters/1/index.html").QuerySelector("script[type='application/ld+json']")!.TextContent;
        using var ld = JsonDocument.Parse(script);
        var parts = ld.RootElement.GetProperty("hasPart").EnumerateArray()
            .Select(p => (Id: p.GetProperty("legislationIdentifier").GetString(), Name: p.GetProperty("name").GetString())).ToList();
        Assert.Equal(["art1", "art1-1", "art2", "art2-1", "art2-2"], parts.Select(p => p.Id));
        Assert.Equal("Article 2(2)", parts.Single(p => p.Id == "art2-2").Name);
    }

    [Fact]
    public void The_side_by_side_view_has_a_row_per_unit_with_both_languages()
    {
        var page = Page("fr/accueil/side-by-side/index.html");
        var row = page.GetElementById("art3-1")!;
        var cells = row.QuerySelectorAll(".parallel-cell").ToList();
        Assert.Equal(["fr", "en"], cells.Select(c => c.GetAttribute("lang")));
        Assert.Contains("hébergement d’urgence", cells[0].TextContent);
        Assert.Contains("emergency shelter", cells[1].TextContent);
        // A chapter's row shows its title above its text.
        Assert.Equal("Principes généraux", page.GetElementById("ch1")!.QuerySelector(".parallel-cell .cell-heading")!.TextContent);
    }

    [Fact]
    public void No_kind_of_either_charter_is_named_in_the_code()
    {
        var kinds = new[] { "content/lampedusa/structure.yml", "tests/Charter.Tests/Fixtures/articles/content/accueil/structure.yml" }
            .SelectMany(f => Regex.Matches(File.ReadAllText(Path.Combine(Repo.Root, f)), @"^  ([a-z][a-z-]*):\s*$", RegexOptions.Multiline))
            .Select(m => m.Groups[1].Value).Distinct().ToList();
        Assert.Contains("paragraph", kinds);
        Assert.Contains("priority", kinds);
        var code = Directory.EnumerateFiles(Path.Combine(Repo.Root, "src"), "*.cs", SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}"))
            .Select(f => (File: f, Text: File.ReadAllText(f))).ToList();
        var named = code.SelectMany(c => kinds.Where(k => c.Text.Contains($"\"{k}\"", StringComparison.Ordinal)).Select(k => $"{k} in {c.File}")).ToList();
        Assert.True(named.Count == 0, "kinds named in C#: " + string.Join(", ", named));
    }
}
