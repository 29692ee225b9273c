using AngleSharp.Dom;
using Charter.Core.Diagnostics;
using Charter.Tests.Support;
using static Charter.Tests.Support.DiagnosticAssert;

namespace Charter.Tests.Render;

/// <summary>Stage 4: the pages of the fixture site, read through an HTML parser.</summary>
public class RenderTests
{

    private static AngleSharp.Html.Dom.IHtmlDocument Page(string path) => Html.Parse(MiniSite.Result.File(path));

    [Fact]
    public void Every_page_kind_is_rendered_in_both_languages()
    {
        var paths = MiniSite.Result.Files.Select(f => f.Path).ToHashSet();
        foreach (var language in new[] { "fr", "en" })
        {
            foreach (var page in new[]
                     {
                         "index.html", "demo/index.html", "demo/vision/index.html", "demo/principles/index.html",
                         "demo/principles/1/index.html", "demo/principles/2/index.html", "demo/commitments/index.html",
                         "demo/timeline/index.html", "demo/acknowledgements/index.html", "demo/side-by-side/index.html",
                         "declarations/index.html", "declarations/decl-alpha/index.html", "declarations/decl-beta/index.html",
                         "declarations/pact-future/index.html", "search/index.html", "demo/charter.json", "charter.json",
                     })
                Assert.Contains($"{language}/{page}", paths);
        }
        Assert.Contains("index.html", paths);
        Assert.Contains("404.html", paths);
        Assert.Contains("sitemap.xml", paths);
        Assert.Equal(15, MiniSite.Result.Stats!.PagesPerLanguage["fr"]);
        Assert.Equal(15, MiniSite.Result.Stats.PagesPerLanguage["en"]);
    }

    [Fact]
    public void Every_page_has_one_h1_a_language_and_head_links()
    {
        foreach (var file in MiniSite.Result.Files.Where(f => f.Path.EndsWith(".html", StringComparison.Ordinal)))
        {
            var (page, errors) = Html.ParseStrict(file.Content);
            Assert.True(errors.Count == 0, $"{file.Path}: {string.Join("; ", errors)}");
            Assert.True(page.QuerySelectorAll("h1").Length == 1, $"{file.Path} has {page.QuerySelectorAll("h1").Length} h1");
            var lang = page.DocumentElement.Attr("lang");
            Assert.True(lang is "fr" or "en", $"{file.Path}: lang '{lang}'");
            if (file.Path.Contains('/')) Assert.StartsWith(lang + "/", file.Path);
            Assert.False(string.IsNullOrWhiteSpace(page.Title), $"{file.Path} has no title");
            var duplicates = page.QuerySelectorAll("[id]").GroupBy(e => e.Id).Where(g => g.Count() > 1).Select(g => g.Key);
            Assert.True(!duplicates.Any(), $"{file.Path}: duplicate ids {string.Join(", ", duplicates)}");
            Assert.StartsWith("https://demo.example.org/", page.QuerySelector("link[rel=canonical]")?.Attr("href") ?? "", StringComparison.Ordinal);
            var hreflangs = page.QuerySelectorAll("link[rel=alternate][hreflang]").Select(l => l.Attr("hreflang")).Order().ToList();
            Assert.Equal(["en", "fr", "x-default"], hreflangs);
        }
    }

    [Fact]
    public void Unit_ids_are_element_ids_in_both_languages()
    {
        foreach (var language in new[] { "fr", "en" })
        {
            var principle = Page($"{language}/demo/principles/1/index.html");
            foreach (var id in new[] { "p1", "p1-1", "p1-2", "p1-3", "p1-4", "p1-5" })
                Assert.NotNull(principle.GetElementById(id));
            var vision = Page($"{language}/demo/vision/index.html");
            Assert.NotNull(vision.GetElementById("v1"));
            Assert.NotNull(vision.GetElementById("v2"));
            var commitments = Page($"{language}/demo/commitments/index.html");
            foreach (var id in new[] { "c1", "c1-1", "c1-2", "c2", "c2-1", "c2-2" })
                Assert.NotNull(commitments.GetElementById(id));
            var timeline = Page($"{language}/demo/timeline/index.html");
            Assert.Equal(["m1", "m2", "m3"], timeline.QuerySelectorAll("li.milestone").Select(m => m.Id));
            Assert.Equal(["2020-11", "2021-05", "2022-10"], timeline.QuerySelectorAll("li.milestone time:not(.cite-accessed)").Select(t => t.Attr("datetime")));
            Assert.NotNull(Page($"{language}/declarations/decl-alpha/index.html").GetElementById("decl-alpha"));
        }
    }

    [Fact]
    public void Priorities_are_numbered_and_labelled_in_the_page_language()
    {
        var fr = Page("fr/demo/principles/2/index.html");
        var en = Page("en/demo/principles/2/index.html");
        Assert.Equal("Équité", fr.QuerySelector("h1")!.TextContent.Trim());
        Assert.Equal("Equity", en.QuerySelector("h1")!.TextContent.Trim());
        Assert.Equal(5, fr.QuerySelectorAll("ol.priorities > li").Length);
        Assert.Equal("Accès inclusif aux services", fr.QuerySelector("#priorities-heading")!.TextContent.Trim());
        // Each priority offers a permalink and a ready citation naming the charter and the unit.
        var cite = en.QuerySelector("#p2-3 .cite-charter .cite-text")!.TextContent;
        Assert.StartsWith("Demonstration Charter (UCLG, 2022)", cite);
        Assert.Contains("https://demo.example.org/en/2.3/", cite); // the short permalink
        Assert.Equal("#p2-3", en.QuerySelector("#p2-3 a.anchor")!.Attr("href"));
    }

    [Fact]
    public void Ref_links_point_at_the_declaration_in_the_page_language()
    {
        foreach (var language in new[] { "fr", "en" })
        {
            var link = Page($"{language}/demo/principles/2/index.html").QuerySelector("#p2-3 a.ref")!;
            Assert.Equal($"/{language}/declarations/decl-beta/", link.Attr("href"));
            var commitment = Page($"{language}/demo/commitments/index.html").QuerySelector("#c1-2 a.ref")!;
            Assert.Equal($"/{language}/declarations/decl-alpha/", commitment.Attr("href"));
        }
    }

    [Fact]
    public void Declaration_pages_list_the_passages_that_cite_them()
    {
        foreach (var language in new[] { "fr", "en" })
        {
            var page = Page($"{language}/declarations/decl-beta/index.html");
            var links = page.QuerySelectorAll(".cited-by li a").Select(a => a.Attr("href")).ToList();
            Assert.Equal([$"/{language}/demo/#co-creation", $"/{language}/demo/principles/2/#p2-3", $"/{language}/demo/timeline/#m2"], links);
        }
        var framework = Page("en/declarations/pact-future/index.html");
        Assert.Equal(["/en/demo/#ambition"], framework.QuerySelectorAll(".cited-by li a").Select(a => a.Attr("href")));
    }

    [Fact]
    public void Footnotes_are_numbered_and_linked_both_ways()
    {
        var page = Page("fr/demo/principles/1/index.html");
        var marker = page.QuerySelector("#p1-1 sup.note-ref a")!;
        Assert.Equal("1", marker.TextContent);
        var (file, fragment) = Html.Target(marker.Attr("href").StartsWith('#') ? "/fr/demo/principles/1/" + marker.Attr("href") : marker.Attr("href"));
        Assert.Equal("fr/demo/principles/1/index.html", file);
        var note = page.GetElementById(fragment!)!;
        Assert.Contains("Le Town Hall de CGLU.", note.TextContent);
        Assert.False(string.IsNullOrEmpty(marker.Id));
        Assert.Contains(note.QuerySelectorAll("a[href]"), a => a.Attr("href").EndsWith("#" + marker.Id, StringComparison.Ordinal));
    }

    [Fact]
    public void French_pages_get_narrow_no_break_spaces_before_high_punctuation()
    {
        var headline = Page("fr/demo/vision/index.html").QuerySelector(".headline")!.TextContent;
        Assert.Equal("Pas une histoire de frontière\u202F: solidarité", headline.Trim());
        var english = Page("en/demo/vision/index.html").QuerySelector(".headline")!.TextContent;
        Assert.Equal("Not a border tale: solidarity", english.Trim());
    }

    [Fact]
    public void Language_switch_links_go_to_the_same_page_in_the_other_language()
    {
        var page = Page("fr/demo/principles/2/index.html");
        var other = page.QuerySelectorAll(".lang-switch a[hreflang]").Single();
        Assert.Equal("en", other.Attr("hreflang"));
        Assert.Equal("/en/demo/principles/2/", other.Attr("href"));
        Assert.Equal("page", page.QuerySelector(".lang-switch [aria-current]")!.Attr("aria-current"));
    }

    [Fact]
    public void Text_from_content_is_escaped_by_the_templates()
    {
        using var site = new TempDir(Repo.Fixture("mini"));
        site.Replace("content/demo/principles/02-equite.en.md", "title: Equity", "title: \"Equity <b onmouseover=alert(1)>now</b>\"");
        var result = Builds.InMemory(site.Path);
        result.AssertSucceeded();
        var page = Html.Parse(result.File("en/demo/principles/2/index.html"));
        Assert.Equal("Equity <b onmouseover=alert(1)>now</b>", page.QuerySelector("h1")!.TextContent.Trim());
        Assert.Empty(page.QuerySelectorAll("b[onmouseover]"));
        Assert.Contains("<b onmouseover=alert(1)>now</b>", page.Title);
    }

    [Fact]
    public void A_base_url_with_a_path_prefixes_every_internal_link()
    {
        var result = Builds.InMemory(Repo.Fixture("mini"), "https://charters.example.net/sub/");
        result.AssertSucceeded();
        var checkedLinks = 0;
        var pages = result.Files.Where(f => f.Path.EndsWith(".html", StringComparison.Ordinal)).ToList();
        foreach (var file in pages)
        {
            var page = Html.Parse(file.Content);
            foreach (var href in page.QuerySelectorAll("a[href], link[href], script[src], meta[http-equiv=refresh]")
                         .Select(e => e.Attr("href") + e.Attr("src") + (e.Attr("content").Split("url=") is [_, var u] ? u : "")))
            {
                if (href.StartsWith('#')) continue;
                // Another site. (Not Uri.TryCreate: on Unix it takes "/sub/fr/" for an absolute file path.)
                if (href.StartsWith("http", StringComparison.Ordinal) && new Uri(href).Host != "charters.example.net") continue;
                Assert.True(href.StartsWith("/sub/", StringComparison.Ordinal) || href.StartsWith("https://charters.example.net/sub/", StringComparison.Ordinal),
                    $"{file.Path}: '{href}' is outside the site's base path");
                checkedLinks++;
            }
        }
        Assert.True(checkedLinks >= 5 * pages.Count, $"only {checkedLinks} links checked on {pages.Count} pages");
    }

    [Fact]
    public void A_theme_that_does_not_exist_is_an_error_at_its_line_in_charter_yml()
    {
        var result = Builds.InMemory(Repo.BrokenSite("theme-not-found"));
        // charter.yml line 7 is "theme: fancy"; there is no themes/fancy/ and no built-in theme of that name.
        var error = SingleError(result, Codes.MissingTemplate, "charter.yml", 7, 8);
        Assert.Contains("'fancy'", error.Message);
    }

    [Fact]
    public void A_broken_template_is_reported_at_its_position_on_one_line()
    {
        var result = Builds.InMemory(Repo.BrokenSite("broken-template"));
        // The site's theme overrides principle.liquid with an {% if %} that is never closed: Fluid reaches the end
        // of the file (line 5, column 12) still expecting {% endif %}.
        var error = SingleError(result, Codes.TemplateError, "themes/broken/templates/principle.liquid", 5, 12);
        Assert.Contains("endif", error.Message);
        Assert.DoesNotContain('\n', error.ToString()); // one diagnostic, one line: editors and CI read them line by line
    }

    [Fact]
    public void A_site_theme_overrides_the_built_in_one_file_by_file()
    {
        using var site = new TempDir(Repo.Fixture("mini"));
        site.Replace("charter.yml", "theme: default", "theme: house");
        site.Write("themes/house/templates/principle.liquid", "<h1 class=\"house\">{{ principle.title }} {{ unit.number }}</h1>\n");
        var result = Builds.InMemory(site.Path);
        result.AssertSucceeded();
        Assert.Equal("Dignité 1", Html.Parse(result.File("fr/demo/principles/1/index.html")).QuerySelector("h1.house")!.TextContent);
        // Templates the site's theme does not have come from the built-in theme.
        Assert.NotNull(Html.Parse(result.File("fr/demo/vision/index.html")).GetElementById("v1"));
    }
}
