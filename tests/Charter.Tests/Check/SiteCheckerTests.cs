using System.Text.RegularExpressions;
using Charter.Core.Diagnostics;
using Charter.Site.Build;
using static Charter.Tests.Check.CheckSites;

namespace Charter.Tests.Check;

/// <summary>
/// charter check on the real site (it must pass: zero broken links or fragments is a quality bar of the
/// project), then on copies of it corrupted in memory, one fault each, asserting the exact code, file, line and column.
/// </summary>
public sealed class SiteCheckerTests(CheckSites sites) : IClassFixture<CheckSites>
{
    private const string Origin = "https://charter.example.org";
    private const string Home = "fr/lampedusa/index.html";
    private const string Vision = "en/lampedusa/vision/index.html";

    private static string Describe(IEnumerable<Diagnostic> diagnostics) => string.Join("\n", diagnostics);

    /// <summary>Asserts the check found exactly one error, with this code, at the tag holding <paramref name="marker"/> in <paramref name="path"/>.</summary>
    private static Diagnostic AssertOneErrorAt(BuildResult broken, string code, string path, string marker)
    {
        var errors = Errors(CheckSite(broken));
        var error = Assert.Single(errors);
        Assert.Equal(code, error.Code);
        var (line, column) = TagPosition(Text(broken, path), marker);
        Assert.Equal(new SourceLocation(Prefix + path, line, column), error.Location);
        return error;
    }

    [Fact]
    public void The_real_site_passes()
    {
        Assert.True(sites.Real.Success, Describe(sites.Real.Diagnostics));
        var result = CheckSite(sites.Real);
        Assert.True(Errors(result).Count == 0, Describe(result.Diagnostics));
        Assert.Equal(sites.Real.Files.Count(f => f.Path.EndsWith(".html", StringComparison.Ordinal)), result.Pages);
        // Every page links to several others and the units' permalinks carry fragments: counts of zero would mean nothing was checked.
        Assert.True(result.Links > 10 * result.Pages, $"{result.Links} links in {result.Pages} pages");
        Assert.True(result.Fragments > result.Pages, $"{result.Fragments} fragments");
    }

    [Fact]
    public void A_site_under_a_sub_folder_passes_and_its_links_carry_the_base_path()
    {
        Assert.True(sites.Sub.Success, Describe(sites.Sub.Diagnostics));
        Assert.True(sites.Sub.Diagnostics.Count == 0, Describe(sites.Sub.Diagnostics)); // --base-url must not make charter.yml's base_url "unknown"
        Assert.Contains("href=\"/sub/charter/fr/lampedusa/vision/\"", Text(sites.Sub, Home));
        var result = CheckSite(sites.Sub);
        Assert.True(Errors(result).Count == 0, Describe(result.Diagnostics));
        Assert.False(Directory.Exists(Path.Combine(sites.TempRoot, "public")), "a build for check must not write the output folder");
    }

    [Fact]
    public void A_link_that_forgets_the_base_path_is_broken()
    {
        var broken = With(sites.Sub, Home, t => ReplaceFirst(t, "href=\"/sub/charter/fr/lampedusa/vision/\"", "href=\"/fr/lampedusa/vision/\""));
        var error = AssertOneErrorAt(broken, Codes.BrokenLink, Home, "href=\"/fr/lampedusa/vision/\"");
        Assert.Contains("outside the site's base path", error.Message);
    }

    [Fact]
    public void A_broken_link_is_reported_where_it_is_written()
    {
        var broken = With(sites.Real, Home, t => ReplaceFirst(t, "href=\"/fr/lampedusa/vision/\"", "href=\"/fr/lampedusa/vison/\""));
        var error = AssertOneErrorAt(broken, Codes.BrokenLink, Home, "href=\"/fr/lampedusa/vison/\"");
        Assert.StartsWith($"{Prefix}{Home}:{error.Location.Line}:{error.Location.Column}: error CH101: ", error.ToString());
    }

    [Fact]
    public void A_link_to_a_missing_asset_is_broken()
    {
        var broken = With(sites.Real, Vision, t => ReplaceFirst(t, "/assets/css/charter.css", "/assets/css/charte.css"));
        AssertOneErrorAt(broken, Codes.BrokenLink, Vision, "/assets/css/charte.css");
    }

    [Fact]
    public void A_relative_link_resolves_against_its_page()
    {
        // From /fr/lampedusa/, "vision/" is /fr/lampedusa/vision/ (fine) and "../vision/" is /fr/vision/ (not a page).
        var good = With(sites.Real, Home, t => ReplaceFirst(t, "href=\"/fr/lampedusa/vision/\"", "href=\"vision/\""));
        Assert.Empty(Errors(CheckSite(good)));
        var bad = With(sites.Real, Home, t => ReplaceFirst(t, "href=\"/fr/lampedusa/vision/\"", "href=\"../vision/\""));
        AssertOneErrorAt(bad, Codes.BrokenLink, Home, "href=\"../vision/\"");
    }

    [Fact]
    public void External_links_mail_and_search_queries_are_not_followed()
    {
        var page = With(sites.Real, Home, t => ReplaceFirst(t, "</main>",
            "<p><a href=\"https://example.net/nowhere\">x</a> <a href=\"mailto:someone@example.org\">m</a> " +
            "<a href=\"/fr/search/?q=d%C3%A9tention#search-results\">s</a></p></main>"));
        Assert.Empty(Errors(CheckSite(page)));
    }

    [Fact]
    public void A_missing_fragment_is_reported_where_the_link_is()
    {
        var broken = With(sites.Real, Home, t => ReplaceFirst(t, "href=\"/fr/lampedusa/#ambition\"", "href=\"/fr/lampedusa/#ambitio\""));
        var error = AssertOneErrorAt(broken, Codes.BrokenFragment, Home, "href=\"/fr/lampedusa/#ambitio\"");
        Assert.Contains("'ambitio'", error.Message);
    }

    [Fact]
    public void A_citation_download_that_is_not_in_the_site_breaks_the_panel_that_links_it()
    {
        const string page = "fr/lampedusa/principles/2/index.html";
        var broken = sites.Real with { Files = sites.Real.Files.Where(f => f.Path != "fr/lampedusa/cite/p2-3.ris").ToList() };
        var error = AssertOneErrorAt(broken, Codes.BrokenLink, page, "href=\"/fr/lampedusa/cite/p2-3.ris\"");
        Assert.Contains("fr/lampedusa/cite/p2-3.ris", error.Message);
    }

    [Theory]
    [InlineData("en/lampedusa/cite/p2-3.bib", "  url = {https://charter.example.org/en/2.3/},", "2.3/", "2.9/")]
    [InlineData("en/lampedusa/cite/p2-3.ris", "UR  - https://charter.example.org/en/2.3/", "2.3/", "2.9/")]
    [InlineData("en/lampedusa/cite/p2-3.json", "\"URL\": \"https://charter.example.org/en/2.3/\"", "2.3/", "2.9/")]
    [InlineData("fr/lampedusa/cite/v1.ris", "UR  - https://charter.example.org/fr/v1/", "v1/", "v99/")]
    public void A_citation_download_whose_address_leads_nowhere_is_reported_at_its_line(string path, string line, string find, string replacement)
    {
        var broken = With(sites.Real, path, t => ReplaceFirst(t, line, line.Replace(find, replacement)));
        var error = Assert.Single(Errors(CheckSite(broken)));
        Assert.Contains(error.Code, new[] { Codes.BrokenLink, Codes.BrokenFragment });
        var text = Text(broken, path);
        Assert.Equal(Prefix + path, error.Location.Path);
        Assert.Equal(text[..text.IndexOf(line.Replace(find, replacement), StringComparison.Ordinal)].Count(c => c == '\n') + 1, error.Location.Line);
    }

    [Fact]
    public void A_unit_that_loses_its_id_breaks_its_permalinks_in_pages_and_in_charter_json()
    {
        const string page = "fr/lampedusa/principles/2/index.html";
        var broken = With(sites.Real, page, t => ReplaceFirst(t, "id=\"p2-3\"", "id=\"p2-3-renamed\""));
        var errors = Errors(CheckSite(broken));
        Assert.NotEmpty(errors);
        Assert.All(errors, e => Assert.Equal(Codes.BrokenFragment, e.Code));
        var files = errors.Select(e => e.Location.Path).ToHashSet();
        Assert.Contains(Prefix + "fr/2.3/index.html", files);          // the short address redirects there
        Assert.Contains(Prefix + "fr/charter.json", files);            // contract 4: every url leads to its unit

        var json = Text(broken, "fr/charter.json");
        const string url = "\"/fr/lampedusa/principles/2/#p2-3\"";
        var at = json.IndexOf(url, StringComparison.Ordinal);
        var line = json.AsSpan(0, at).Count('\n') + 1;
        var column = at - json.LastIndexOf('\n', at);
        Assert.Contains(new SourceLocation(Prefix + "fr/charter.json", line, column), errors.Select(e => e.Location));
    }

    [Fact]
    public void An_empty_title_is_reported_at_the_title()
    {
        var broken = With(sites.Real, Vision, t => Regex.Replace(t, "<title>[^<]*</title>", "<title>  </title>"));
        AssertOneErrorAt(broken, Codes.PageWithoutTitle, Vision, "<title>  </title>");
    }

    [Fact]
    public void A_missing_title_is_reported_at_the_head()
    {
        var broken = With(sites.Real, Vision, t => Regex.Replace(t, "<title>[^<]*</title>\n", ""));
        AssertOneErrorAt(broken, Codes.PageWithoutTitle, Vision, "<head>");
    }

    [Fact]
    public void A_page_without_lang_is_reported_at_its_html_tag()
    {
        var broken = With(sites.Real, Vision, t => ReplaceFirst(t, "<html lang=\"en\"", "<html"));
        AssertOneErrorAt(broken, Codes.PageWithoutLang, Vision, "<html");
    }

    [Fact]
    public void A_lang_that_contradicts_the_pages_own_hreflang_is_reported()
    {
        var broken = With(sites.Real, Vision, t => ReplaceFirst(t, "<html lang=\"en\"", "<html lang=\"fr\""));
        AssertOneErrorAt(broken, Codes.HreflangMismatch, Vision, $"hreflang=\"en\" href=\"{Origin}/en/lampedusa/vision/\"");
    }

    [Fact]
    public void A_hreflang_link_that_is_not_reciprocal_is_reported_on_both_sides()
    {
        // The English vision now claims the French timeline as its French version; the French vision still claims it.
        var broken = With(sites.Real, Vision, t => ReplaceFirst(t, $"hreflang=\"fr\" href=\"{Origin}/fr/lampedusa/vision/\"",
            $"hreflang=\"fr\" href=\"{Origin}/fr/lampedusa/timeline/\""));
        var errors = Errors(CheckSite(broken));
        Assert.All(errors, e => Assert.Equal(Codes.HreflangMismatch, e.Code));
        Assert.Equal([Prefix + "en/lampedusa/vision/index.html", Prefix + "fr/lampedusa/vision/index.html"],
            errors.Select(e => e.Location.Path).Distinct().Order(StringComparer.Ordinal));
        var (line, column) = TagPosition(Text(broken, Vision), $"{Origin}/fr/lampedusa/timeline/");
        Assert.Contains(errors, e => e.Location == new SourceLocation(Prefix + Vision, line, column));
    }

    [Fact]
    public void A_page_without_x_default_is_reported()
    {
        var broken = With(sites.Real, Vision, t => Regex.Replace(t, "<link rel=\"alternate\" hreflang=\"x-default\"[^>]*>\n", ""));
        var error = AssertOneErrorAt(broken, Codes.HreflangMismatch, Vision, "<html");
        Assert.Contains("x-default", error.Message);
    }

    [Fact]
    public void A_page_without_canonical_is_reported()
    {
        var broken = With(sites.Real, Vision, t => Regex.Replace(t, "<link rel=\"canonical\"[^>]*>\n", ""));
        AssertOneErrorAt(broken, Codes.PageWithoutCanonical, Vision, "<html");
    }

    [Fact]
    public void An_indexable_page_whose_canonical_names_another_page_is_reported()
    {
        var broken = With(sites.Real, Vision, t => ReplaceFirst(t, $"<link rel=\"canonical\" href=\"{Origin}/en/lampedusa/vision/\"",
            $"<link rel=\"canonical\" href=\"{Origin}/en/lampedusa/\""));
        AssertOneErrorAt(broken, Codes.PageWithoutCanonical, Vision, "<link rel=\"canonical\"");
    }

    [Fact]
    public void A_page_left_out_of_the_sitemap_is_reported_on_the_page()
    {
        var broken = With(sites.Real, "sitemap.xml", t => Regex.Replace(t,
            $@"\s*<url>\s*<loc>{Regex.Escape(Origin)}/en/lampedusa/timeline/</loc>.*?</url>", "", RegexOptions.Singleline));
        AssertOneErrorAt(broken, Codes.SitemapMissingPage, "en/lampedusa/timeline/index.html", "<html");
    }

    [Fact]
    public void A_sitemap_entry_without_its_page_is_a_broken_link_in_the_sitemap()
    {
        var broken = With(sites.Real, "sitemap.xml", t => ReplaceFirst(t, $"<loc>{Origin}/en/lampedusa/timeline/</loc>",
            $"<loc>{Origin}/en/lampedusa/timelines/</loc>"));
        var errors = Errors(CheckSite(broken));
        var (line, column) = TagPosition(Text(broken, "sitemap.xml"), "/en/lampedusa/timelines/");
        Assert.Contains(errors, e => e.Code == Codes.BrokenLink && e.Location == new SourceLocation(Prefix + "sitemap.xml", line, column));
        // …and the page it should have listed is now missing from it.
        Assert.Contains(errors, e => e.Code == Codes.SitemapMissingPage && e.Location.Path == Prefix + "en/lampedusa/timeline/index.html");
        Assert.Equal(2, errors.Count);
    }

    [Fact]
    public void Inline_scripts_event_handlers_and_javascript_urls_are_reported_but_json_ld_is_data()
    {
        Assert.Contains("<script type=\"application/ld+json\">", Text(sites.Real, Vision));
        var broken = With(sites.Real, Vision, t => ReplaceFirst(t, "</main>",
            "<script>alert(1)</script><button onclick=\"go()\">b</button><a href=\"javascript:go()\">a</a>" +
            "<script type=\"application/json\">{\"data\": true}</script><script type=\"text/x-template\"><p>{{x}}</p></script>" +
            "<script type=\"module\">go()</script></main>"));
        var errors = Errors(CheckSite(broken));
        Assert.Equal(4, errors.Count);
        Assert.All(errors, e => Assert.Equal(Codes.InlineScript, e.Code));
        var text = Text(broken, Vision);
        Assert.Equal(new[] { "<script>alert", "<button onclick", "<a href=\"javascript:", "<script type=\"module\"" }.Select(m => TagPosition(text, m)),
            errors.Select(e => (e.Location.Line, e.Location.Column)));
    }

    [Fact]
    public void A_duplicate_id_is_reported_at_its_second_use()
    {
        var broken = With(sites.Real, Vision, t => ReplaceFirst(t, "</main>", "<p id=\"main\">again</p></main>"));
        var error = AssertOneErrorAt(broken, Codes.DuplicateElementId, Vision, "<p id=\"main\">again");
        Assert.Contains("'main'", error.Message);
    }

    [Fact]
    public void A_failed_build_is_returned_as_it_is()
    {
        var failed = new BuildResult(false, [new Diagnostic(Severity.Error, Codes.MissingField, new SourceLocation("content/x.md", 3, 1), "missing")], null, []);
        var result = CheckSite(failed);
        Assert.Equal(failed.Diagnostics, result.Diagnostics);
        Assert.True(result.HasErrors);
    }
}
