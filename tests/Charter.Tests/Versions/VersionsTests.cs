using System.Text.Json;
using Charter.Site.Build;
using Charter.Site.Check;
using Charter.Tests.Support;

namespace Charter.Tests.Versions;

/// <summary>
/// A charter with three versions (Fixtures/versions: a 2021 draft, the text adopted in 2022, amended in 2023), in fr
/// and en. Every version has its dated pages; the undated ones are the current text; a unit that changed says so and
/// links to its other wording; a removed unit keeps its dated page; each later version has a "what changed" page with
/// a word-level redline; charter.json and JSON-LD say which version they are of; and check passes on every version.
/// </summary>
public class VersionsTests
{
    private static readonly Lazy<BuildResult> Built = new(() =>
    {
        var result = Builds.InMemory(Repo.Fixture("versions"));
        result.AssertSucceeded();
        return result;
    });

    private static BuildResult Site => Built.Value;

    private static AngleSharp.Html.Dom.IHtmlDocument Page(string path) => Html.Parse(Site.File(path));

    private static string TextOf(string page, string id) =>
        Page(page).GetElementById(id)!.QuerySelector(".prose, p")!.TextContent.Trim();

    [Fact]
    public void The_real_charter_has_one_version_and_no_invented_history()
    {
        // Its history is not in the sources: it is published as its one text, with no versions file and no records.
        foreach (var slug in Directory.EnumerateDirectories(Path.Combine(Repo.Root, "content")).Select(Path.GetFileName))
        {
            Assert.False(File.Exists(Path.Combine(Repo.Root, "content", slug!, "versions.yml")), $"content/{slug}/versions.yml");
            Assert.False(Directory.Exists(Path.Combine(Repo.Root, "content", slug!, "versions")), $"content/{slug}/versions/");
        }
    }

    [Fact]
    public void Check_passes_on_every_version_links_fragments_and_alternates()
    {
        var check = SiteChecker.Check(Site, "public/");
        Assert.True(check.Diagnostics.Count == 0, string.Join("\n", check.Diagnostics));
        Assert.Contains(Site.Files, f => f.Path == "fr/parc/2021-06/principles/1/index.html");
    }

    [Theory]
    [InlineData("fr", "2021-06", "Garder les allées praticables en été.")]
    [InlineData("fr", "2022-10", "Garder les allées accessibles aux fauteuils roulants, toute l’année.")]
    [InlineData("fr", "2023-05", "Garder les allées accessibles aux fauteuils roulants et aux poussettes, toute l’année.")]
    [InlineData("en", "2021-06", "Keep the paths passable in summer.")]
    [InlineData("en", "2022-10", "Keep the paths accessible to wheelchairs, all year round.")]
    public void Each_dated_permalink_shows_the_wording_of_its_version(string lang, string version, string wording)
    {
        var unit = Page($"{lang}/parc/{version}/principles/1/index.html").GetElementById("p1-2")!;
        Assert.Contains(wording, unit.TextContent);
        Assert.Equal($"https://versions.example.org/{lang}/parc/{version}/principles/1/#p1-2", unit.GetAttribute("data-permalink"));
    }

    [Fact]
    public void The_draft_has_neither_the_unit_added_later_nor_the_later_title_and_says_it_is_an_earlier_version()
    {
        var page = Page("fr/parc/2021-06/principles/1/index.html");
        Assert.Null(page.GetElementById("p1-3"));
        Assert.Equal("Espaces communs", Page("fr/parc/2021-06/principles/2/index.html").QuerySelector("h1")!.TextContent.Trim());
        Assert.Equal("Espaces partagés", Page("fr/parc/principles/2/index.html").QuerySelector("h1")!.TextContent.Trim());
        var banner = page.QuerySelector(".version-banner")!;
        Assert.Contains("juin 2021 (projet)", banner.TextContent);
        Assert.Equal("/fr/parc/principles/1/", banner.QuerySelector("a")!.GetAttribute("href"));
        // Its unit says it was changed later, and leads to its wording now.
        var note = page.GetElementById("p1-2")!.QuerySelector(".version-note")!;
        Assert.Equal("Modifié en octobre 2022. Lire la rédaction actuelle", note.TextContent.Trim());
        Assert.Equal("/fr/parc/principles/1/#p1-2", note.QuerySelector("a")!.GetAttribute("href"));
    }

    [Theory]
    [InlineData("fr", "Modifié le 12 mai 2023.", "Garder les allées accessibles aux fauteuils roulants, toute l’année.")]
    [InlineData("en", "Modified on 12 May 2023.", "Keep the paths accessible to wheelchairs, all year round.")]
    public void The_undated_permalink_shows_the_current_wording_says_modified_and_links_back_to_the_earlier_one(string lang, string notice, string earlier)
    {
        var page = Page($"{lang}/parc/principles/1/index.html");
        Assert.Null(page.QuerySelector(".version-banner"));
        var note = page.GetElementById("p1-2")!.QuerySelector(".version-modified")!;
        Assert.StartsWith(notice, note.TextContent.Trim());
        var href = note.QuerySelector("a")!.GetAttribute("href")!;
        Assert.Equal($"/{lang}/parc/2022-10/principles/1/#p1-2", href);
        // The link resolves: the page exists, with the unit at its fragment, in its earlier wording.
        var (file, fragment) = Html.Target(href);
        Assert.Contains(earlier, Page(file).GetElementById(fragment!)!.TextContent);
    }

    [Fact]
    public void A_removed_unit_keeps_its_dated_page_with_a_notice_and_is_not_in_the_current_pages()
    {
        var dated = Page("en/parc/2022-10/commitments/index.html").GetElementById("c3")!;
        Assert.Contains("Close the park at night", dated.TextContent);
        var note = dated.QuerySelector(".version-removed")!;
        Assert.Equal("Removed on 12 May 2023. See what changed", note.TextContent.Trim());
        Assert.Equal("/en/parc/2023-05/changes/#c3", note.QuerySelector("a")!.GetAttribute("href"));
        Assert.Null(Page("en/parc/commitments/index.html").GetElementById("c3"));
        Assert.Null(Page("en/parc/2023-05/commitments/index.html").GetElementById("c3"));
        using var json = JsonDocument.Parse(Site.File("en/parc/charter.json"));
        Assert.DoesNotContain(json.RootElement.GetProperty("units").EnumerateArray(), u => u.GetProperty("id").GetString() == "c3");
    }

    [Theory]
    [InlineData("fr", " et aux poussettes", "supprimé : ", "Fermer le parc la nuit, de 22 heures à 6 heures.")]
    [InlineData("en", " and prams", "deleted: ", "Close the park at night, from 10 pm to 6 am.")]
    public void The_what_changed_page_has_the_redline_of_each_unit(string lang, string inserted, string deletedWord, string removed)
    {
        var page = Page($"{lang}/parc/2023-05/changes/index.html");
        var modified = page.GetElementById("p1-2")!;
        Assert.Equal(inserted.Trim(), modified.QuerySelector("ins")!.TextContent[(modified.QuerySelector("ins .visually-hidden")!.TextContent.Length)..]);
        Assert.Equal($"/{lang}/parc/2023-05/principles/1/#p1-2", modified.QuerySelector(".change-label a")!.GetAttribute("href"));
        var gone = page.GetElementById("c3")!;
        var del = gone.QuerySelector("del")!;
        // Announced to a screen reader by a visually hidden word, not only by its strike-through.
        Assert.Equal(deletedWord.Replace(" : ", "\u202F: "), del.QuerySelector(".visually-hidden")!.TextContent);
        Assert.EndsWith(removed, del.TextContent);
        Assert.Equal($"/{lang}/parc/2022-10/commitments/#c3", gone.QuerySelector(".change-label a")!.GetAttribute("href"));
    }

    [Fact]
    public void The_adopted_versions_changes_have_the_added_unit_the_changed_title_and_word_level_changes()
    {
        var page = Page("fr/parc/2022-10/changes/index.html");
        Assert.Equal("Installer des bancs à l’ombre le long de chaque allée.", page.GetElementById("p1-3")!.QuerySelector("ins")!.TextContent["inséré\u202F: ".Length..]);
        var title = page.GetElementById("p2")!;
        Assert.Equal("communs", title.QuerySelector("del")!.TextContent["supprimé\u202F: ".Length..]);
        Assert.Equal("partagés", title.QuerySelector("ins")!.TextContent["inséré\u202F: ".Length..]);
        // Only the changed words are marked: "praticables en été" became "accessibles aux fauteuils roulants, toute l’année".
        var text = page.GetElementById("p1-2")!;
        Assert.StartsWith("Garder les allées", text.QuerySelector(".redline-text")!.TextContent);
        Assert.DoesNotContain(text.QuerySelectorAll("del, ins"), e => e.TextContent.Contains("allées"));
        // Changes a space apart read as one: the earlier words struck together, then the later ones.
        var en = Page("en/parc/2022-10/changes/index.html").GetElementById("p1-2")!;
        Assert.Equal(["deleted: passable in summer", "inserted: accessible to wheelchairs, all year round"],
            en.QuerySelectorAll("del, ins").Select(e => e.TextContent));
    }

    [Fact]
    public void The_language_switch_and_hreflang_of_a_dated_page_lead_to_the_same_dated_page()
    {
        var page = Page("fr/parc/2022-10/principles/1/index.html");
        Assert.Equal("https://versions.example.org/en/parc/2022-10/principles/1/",
            page.QuerySelector("link[rel=alternate][hreflang=en]")!.GetAttribute("href"));
        Assert.NotNull(page.QuerySelector(".lang-switch a[href='/en/parc/2022-10/principles/1/']"));
    }

    [Fact]
    public void The_charters_home_lists_the_versions_with_their_dated_homes_and_changes()
    {
        var items = Page("en/parc/index.html").QuerySelectorAll(".versions-list li").ToList();
        Assert.Equal(3, items.Count);
        Assert.Equal("/en/parc/2021-06/", items[0].QuerySelector("a")!.GetAttribute("href"));
        Assert.Contains("draft", items[0].TextContent);
        Assert.Null(items[0].QuerySelector("a[href$='changes/']"));
        Assert.NotNull(items[1].QuerySelector("a[href='/en/parc/2022-10/changes/']"));
        Assert.Contains("current version", items[2].TextContent);
        Assert.Equal("page", Page("en/parc/2022-10/index.html").QuerySelectorAll(".versions-list li")[1].GetAttribute("aria-current"));
    }

    [Fact]
    public void Each_version_has_its_charter_json_and_the_undated_one_lists_them()
    {
        using var draft = JsonDocument.Parse(Site.File("fr/parc/2021-06/charter.json"));
        Assert.Equal("2021-06", draft.RootElement.GetProperty("version").GetString());
        Assert.Equal("draft", draft.RootElement.GetProperty("status").GetString());
        var units = draft.RootElement.GetProperty("units").EnumerateArray().ToDictionary(u => u.GetProperty("id").GetString()!);
        Assert.Equal("Garder les allées praticables en été.", units["p1-2"].GetProperty("text").GetString());
        Assert.Equal("/fr/parc/2021-06/principles/1/#p1-2", units["p1-2"].GetProperty("url").GetString());
        Assert.False(units.ContainsKey("p1-3"));
        Assert.True(units.ContainsKey("c3"));
        using var current = JsonDocument.Parse(Site.File("fr/parc/charter.json"));
        Assert.Equal("2023-05", current.RootElement.GetProperty("version").GetString());
        var versions = current.RootElement.GetProperty("versions").EnumerateArray().ToList();
        Assert.Equal(["2021-06", "2022-10", "2023-05"], versions.Select(v => v.GetProperty("id").GetString()));
        Assert.Equal("/fr/parc/2022-10/charter.json", versions[1].GetProperty("data").GetString());
        Assert.True(versions[2].GetProperty("current").GetBoolean());
    }

    [Fact]
    public void Each_pages_json_ld_says_which_version_it_shows()
    {
        static JsonElement LinkedData(string path)
        {
            var script = Page(path).QuerySelector("script[type='application/ld+json']")!.TextContent;
            return JsonDocument.Parse(script).RootElement.Clone();
        }
        var draft = LinkedData("en/parc/2021-06/principles/1/index.html");
        Assert.Equal("2021-06", draft.GetProperty("version").GetString());
        Assert.Equal("https://versions.example.org/en/parc/2021-06/", draft.GetProperty("@id").GetString());
        Assert.Equal("2021-06", draft.GetProperty("datePublished").GetString());
        Assert.Equal("draft", draft.GetProperty("creativeWorkStatus").GetString());
        Assert.Equal("https://versions.example.org/en/parc/", draft.GetProperty("exampleOfWork").GetProperty("@id").GetString());
        var current = LinkedData("en/parc/principles/1/index.html");
        Assert.Equal("2023-05", current.GetProperty("version").GetString());
        Assert.Equal(3, current.GetProperty("workExample").GetArrayLength());
    }

    [Fact]
    public void A_dated_pages_citation_cites_that_version_at_its_address_and_date()
    {
        var unit = Page("en/parc/2022-10/principles/1/index.html").GetElementById("p1-2")!;
        var cite = unit.QuerySelector(".cite-charter .cite-text")!.TextContent;
        Assert.Contains("https://versions.example.org/en/parc/2022-10/principles/1/#p1-2", cite);
        Assert.Contains("2022", cite);
        var head = Page("en/parc/2022-10/principles/1/index.html");
        Assert.Equal("2022/10", head.QuerySelector("meta[name=citation_publication_date]")?.GetAttribute("content")
            ?? head.QuerySelector("meta[name=citation_date]")!.GetAttribute("content"));
        // Its downloads are that version's: the BibTeX entry has the dated address, the version and its date.
        var bib = unit.QuerySelector(".cite-downloads a[href$='.bib'], a[href$='p1-2.bib']")!.GetAttribute("href")!;
        Assert.Equal("/en/parc/2022-10/cite/p1-2.bib", bib);
        var entry = System.Text.Encoding.UTF8.GetString(Site.File(bib.TrimStart('/')));
        Assert.Contains("@misc{parc-2022-10-p1-2-en,", entry);
        Assert.Contains("url = {https://versions.example.org/en/parc/2022-10/principles/1/#p1-2}", entry);
        Assert.Contains("version = {2022-10}", entry);
        Assert.Contains("date = {2022-10}", entry);
        // The undated page cites the short form, which leads to the current text.
        Assert.Contains("https://versions.example.org/en/1.2/", Page("en/parc/principles/1/index.html").GetElementById("p1-2")!.QuerySelector(".cite-charter .cite-text")!.TextContent);
    }

    [Theory]
    [InlineData("fr/1.2/index.html", "/fr/parc/principles/1/#p1-2")]
    [InlineData("fr/2021-06/1.2/index.html", "/fr/parc/2021-06/principles/1/#p1-2")]
    [InlineData("en/2022-10/c3/index.html", "/en/parc/2022-10/commitments/#c3")]
    [InlineData("en/2023-05/1.3/index.html", "/en/parc/2023-05/principles/1/#p1-3")]
    public void Short_forms_lead_undated_to_the_current_text_and_dated_to_their_version(string page, string target)
    {
        var refresh = Page(page).QuerySelector("meta[http-equiv=refresh]")!.GetAttribute("content");
        Assert.Equal($"0; url={target}", refresh);
        Assert.DoesNotContain(Site.Files, f => f.Path == "en/2021-06/1.3/index.html"); // p1-3 came in 2022-10
        Assert.DoesNotContain(Site.Files, f => f.Path == "en/c3/index.html");          // c3 is no longer in the text
    }

    [Fact]
    public void Each_version_is_a_dated_akoma_ntoso_expression_valid_against_the_schema()
    {
        const string path = "fr/parc/2021-06/parc-fr.akn.xml";
        var xml = Site.File(path);
        Charter.Tests.Akn.AknSchema.AssertValid(xml, path);
        var doc = System.Xml.Linq.XDocument.Parse(System.Text.Encoding.UTF8.GetString(xml));
        var ns = Charter.Tests.Akn.AknSchema.Ns;
        var expression = doc.Descendants(ns + "FRBRExpression").First();
        Assert.EndsWith("/fra@2021-06-01", expression.Element(ns + "FRBRuri")!.Attribute("value")!.Value);
        Assert.Equal("2021-06-01", expression.Element(ns + "FRBRdate")!.Attribute("date")!.Value);
        Assert.Contains("Garder les allées praticables en été.", doc.Root!.Value);
        Assert.DoesNotContain("poussettes", doc.Root.Value);
        // The dated pages point to it; the undated ones to the current text's.
        Assert.Equal("/fr/parc/2021-06/parc-fr.akn.xml", Page("fr/parc/2021-06/index.html").QuerySelector("link[type='application/akn+xml']")!.GetAttribute("href"));
        Assert.Equal("/fr/parc/parc-fr.akn.xml", Page("fr/parc/index.html").QuerySelector("link[type='application/akn+xml']")!.GetAttribute("href"));
    }

    [Fact]
    public void Each_dated_version_has_a_search_of_its_own_the_sites_search_has_the_current_text()
    {
        using var draft = JsonDocument.Parse(Site.File("fr/parc/2021-06/search/documents.json"));
        var p12 = draft.RootElement.EnumerateArray().First(d => d.GetProperty("id").GetString() == "p1-2");
        Assert.Equal("Garder les allées praticables en été.", p12.GetProperty("text").GetString());
        Assert.Equal("/fr/parc/2021-06/principles/1/#p1-2", p12.GetProperty("url").GetString());
        Assert.NotEqual(Site.File("fr/search/index.json"), Site.File("fr/parc/2021-06/search/index.json"));
        using var site = JsonDocument.Parse(Site.File("fr/search/documents.json"));
        Assert.DoesNotContain(site.RootElement.EnumerateArray(), d => d.GetProperty("text").GetString()!.Contains("praticables"));
        Assert.DoesNotContain(site.RootElement.EnumerateArray(), d => d.GetProperty("url").GetString()!.Contains("/2021-06/"));
        var page = Page("fr/parc/2021-06/search/index.html");
        Assert.Equal("/fr/parc/2021-06/search/", page.QuerySelector("#search-form")!.GetAttribute("action"));
        Assert.Equal("/fr/parc/2021-06/search/index.json", page.QuerySelector("#search-config")!.GetAttribute("data-index"));
        Assert.NotNull(Page("fr/parc/index.html").QuerySelector(".versions-list a[href='/fr/parc/2021-06/search/']"));
    }

    [Theory]
    [InlineData("fr/parc/2021-06/search/index.html", "2 · Espaces communs", "fr/parc/2021-06/search/documents.json")]
    [InlineData("fr/search/index.html", "2 · Espaces partagés", "fr/search/documents.json")]
    public void A_search_pages_filters_are_those_of_the_text_it_searches(string path, string principle2, string documents)
    {
        // The draft's search finds the draft: its "principle" filter names the principles as the draft titled them.
        var options = Page(path).QuerySelectorAll("#filter-in option").Skip(1).Select(o => (o.GetAttribute("value"), o.TextContent.Trim())).ToList();
        Assert.Contains(("p2", principle2), options);
        // Every option of every filter is a value some document of the page's own search carries.
        using var store = JsonDocument.Parse(Site.File(documents));
        var carried = store.RootElement.EnumerateArray().SelectMany(d => new[] { d.GetProperty("kind").GetString(), d.TryGetProperty("in", out var g) ? g.GetString() : null }).ToHashSet();
        foreach (var option in Page(path).QuerySelectorAll("#filter-kind option, #filter-in option").Skip(1))
            if (option.GetAttribute("value") is { Length: > 0 } value) Assert.Contains(value, carried);
    }

    [Fact]
    public void The_current_version_is_also_at_its_dated_address_and_says_so()
    {
        var page = Page("fr/parc/2023-05/principles/1/index.html");
        Assert.Contains("Version actuelle", page.QuerySelector(".version-banner")!.TextContent);
        Assert.Contains("Garder les allées accessibles aux fauteuils roulants et aux poussettes", page.GetElementById("p1-2")!.TextContent);
    }
}
