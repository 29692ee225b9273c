using System.Text.Json;
using System.Text.RegularExpressions;
using AngleSharp.Html.Parser;
using Charter.Core.Diagnostics;
using Charter.Core.Load;
using Charter.Site.Build;
using Charter.Tests.Support;
using UglyToad.PdfPig;
using UglyToad.PdfPig.Tokens;
using static Charter.Tests.Print.PdfReading;

namespace Charter.Tests.Print;

/// <summary>
/// The PDFs read back as a reader (and a PDF reader) would: every unit's text and permalink, the table of contents'
/// page numbers against where the headings really are, the outline, the metadata, the fonts, the page size; and the
/// pages' links to them, with their real size.
/// </summary>
[Collection("pdf")]
public class PdfTests(PdfSites sites)
{
    public static TheoryData<string, string, string> Editions => new()
    {
        { "real", "lampedusa", "fr" }, { "real", "lampedusa", "en" }, { "real", "lampedusa", "es" },
        { "articles", "accueil", "fr" }, { "articles", "accueil", "en" },
    };

    private BuildResult Site(string site) => site == "real" ? sites.Real : sites.Articles;
    private static string Root(string site) => site == "real" ? Repo.Root : Repo.Fixture("articles");
    private static string PdfPath(string slug, string lang) => $"{lang}/{slug}/{slug}-{lang}.pdf";

    private static JsonElement OpenData(BuildResult build, string slug, string lang) =>
        JsonDocument.Parse(build.File($"{lang}/{slug}/charter.json")).RootElement;

    [Theory]
    [MemberData(nameof(Editions))]
    public void Every_unit_of_the_charter_is_in_its_PDF(string site, string slug, string lang)
    {
        using var pdf = PdfSites.Open(Site(site), PdfPath(slug, lang));
        var text = Letters(BodyText(pdf));
        // The charter's units (charter.json also lists the site's declarations, which the PDF cites by title only).
        var units = OpenData(Site(site), slug, lang).GetProperty("units").EnumerateArray()
            .Where(u => u.GetProperty("url").GetString()!.StartsWith($"/{lang}/{slug}/", StringComparison.Ordinal)).ToList();
        Assert.True(units.Count > 10, $"only {units.Count} units");
        // Sentence by sentence: a unit made of others (an article of paragraphs) has their texts in charter.json, which
        // the PDF prints each with its own label and permalink between them.
        var missing = units.Where(u => Regex.Split(u.GetProperty("text").GetString()!, @"(?<=[.!?;])\s+")
                .Any(sentence => !text.Contains(Letters(sentence), StringComparison.Ordinal)))
            .Select(u => u.GetProperty("id").GetString()).ToList();
        Assert.True(missing.Count == 0, $"units not found in {PdfPath(slug, lang)}: {string.Join(", ", missing)}");
    }

    [Theory]
    [MemberData(nameof(Editions))]
    public void The_table_of_contents_gives_the_pages_where_the_headings_are(string site, string slug, string lang)
    {
        using var pdf = PdfSites.Open(Site(site), PdfPath(slug, lang));
        var toc = TableOfContents(pdf);
        // Every part at least (the top level of the outline, which the table of contents repeats).
        Assert.True(toc.Count >= Outline(pdf).Count(b => b.Depth == 0) - 1, $"only {toc.Count} entries in the table of contents");
        foreach (var (title, page) in toc)
        {
            Assert.InRange(page, 2, pdf.NumberOfPages);
            Assert.True(Letters(BodyText(pdf.GetPage(page))).Contains(Letters(title), StringComparison.Ordinal),
                $"the table of contents sends '{title}' to page {page}, which does not have it");
        }
    }

    [Theory]
    [MemberData(nameof(Editions))]
    public void The_outline_lists_the_parts_and_the_units_of_the_table_of_contents(string site, string slug, string lang)
    {
        using var pdf = PdfSites.Open(Site(site), PdfPath(slug, lang));
        var outline = Outline(pdf);
        // The charter's table of contents on its home page: its parts, and below them the units it lists (the
        // site's own links at its end, to the references, the side-by-side view and the open data, are not the charter's).
        var home = new HtmlParser().ParseDocument(PdfSites.Text(Site(site), $"{lang}/{slug}/index.html"));
        static string Title(AngleSharp.Dom.IElement a) =>
            (a.QuerySelector(".toc-number") is { } n ? a.TextContent.Replace(n.TextContent, "") : a.TextContent).Trim();
        var parts = home.QuerySelectorAll(".toc-charter > ol > li > a")
            .Where(a => a.GetAttribute("href")!.StartsWith($"/{lang}/{slug}/", StringComparison.Ordinal)
                && !a.GetAttribute("href")!.Contains("side-by-side", StringComparison.Ordinal) && !a.GetAttribute("href")!.EndsWith(".json", StringComparison.Ordinal))
            .Select(Title).ToList();
        var children = home.QuerySelectorAll(".toc-charter li li a").Select(Title).ToList();
        Assert.True(parts.Count >= 3, $"parts: {string.Join(" | ", parts)}");
        foreach (var part in parts)
            Assert.True(outline.Any(b => b.Depth == 0 && Letters(b.Title).Contains(Letters(part), StringComparison.Ordinal)), $"no bookmark for the part '{part}'");
        foreach (var child in children)
            Assert.True(outline.Any(b => b.Depth == 1 && Letters(b.Title).Contains(Letters(child), StringComparison.Ordinal)), $"no bookmark below a part for '{child}'");
    }

    [Theory]
    [MemberData(nameof(Editions))]
    public void The_PDF_says_its_title_author_and_language_is_tagged_A4_and_embeds_its_fonts(string site, string slug, string lang)
    {
        using var pdf = PdfSites.Open(Site(site), PdfPath(slug, lang));
        var diagnostics = new DiagnosticBag();
        var meta = ContentLoader.Load(Root(site), diagnostics)!.Edition(slug, lang)!.Meta!;
        static string Spaces(string? s) => Regex.Replace(s ?? "", @"[\s\u00A0\u202F]+", " ");
        Assert.Equal(Spaces(OpenData(Site(site), slug, lang).GetProperty("title").GetString()), Spaces(pdf.Information.Title));
        Assert.Equal(Spaces(meta.Organization), Spaces(pdf.Information.Author));
        var catalog = pdf.Structure.Catalog.CatalogDictionary;
        Assert.True(catalog.TryGet(NameToken.Lang, out StringToken language), "the catalog has no /Lang");
        Assert.Equal(lang, language.Data);
        Assert.True(catalog.ContainsKey(NameToken.StructTreeRoot), "the PDF is not tagged (no structure tree)");
        foreach (var page in pdf.GetPages())
        {
            Assert.Equal(595.28, page.Width, 0.5);
            Assert.Equal(841.89, page.Height, 0.5);
        }
        var fonts = Fonts(pdf);
        Assert.NotEmpty(fonts);
        Assert.All(fonts, f => Assert.True(f.Value, $"the font {f.Key} is not embedded"));
        // The theme's own fonts, not a system fallback.
        Assert.Contains(fonts.Keys, f => f.Contains("Charter-Serif", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("fr", "Priorité 2.3")]
    [InlineData("es", "Prioridad 2.3")]
    [InlineData("en", "Priority 2.3")]
    public void A_journalist_finds_the_cover_the_contents_and_priority_2_3_with_its_permalink(string lang, string label)
    {
        using var pdf = PdfSites.Open(sites.Real, PdfPath("lampedusa", lang));
        var title = OpenData(sites.Real, "lampedusa", lang).GetProperty("title").GetString()!;
        Assert.Contains(Letters(title), Letters(BodyText(pdf.GetPage(1))));
        Assert.NotEmpty(TableOfContents(pdf));
        var permalink = $"https://charter.example.org/{lang}/2.3/";
        var page = pdf.GetPages().Single(p => BodyText(p).Contains(label, StringComparison.Ordinal));
        Assert.Contains(permalink, BodyText(page));
        Assert.Contains(page.GetHyperlinks(), link => link.Uri == permalink);
    }

    [Theory]
    [InlineData("real", "lampedusa", "principles/2/")]
    [InlineData("articles", "accueil", "chapters/1/")]
    public void The_charter_s_pages_link_its_PDF_with_the_size_of_the_file(string site, string slug, string page)
    {
        var build = Site(site);
        foreach (var lang in build.Config!.Languages)
        {
            var bytes = build.File(PdfPath(slug, lang)).LongLength;
            foreach (var path in new[] { $"{lang}/{slug}/index.html", $"{lang}/{slug}/{page}index.html" })
            {
                var html = new HtmlParser().ParseDocument(PdfSites.Text(build, path));
                var link = html.QuerySelectorAll("a.download-pdf").Single();
                // Reference managers find the PDF too (Highwire's citation_pdf_url, an absolute address).
                Assert.Equal(build.Config.BaseUrl + PdfPath(slug, lang), html.QuerySelector("meta[name=citation_pdf_url]")?.GetAttribute("content"));
                Assert.Equal($"/{PdfPath(slug, lang)}", link.GetAttribute("href"));
                Assert.Equal("application/pdf", link.GetAttribute("type"));
                Assert.Equal(lang, link.GetAttribute("hreflang"));
                var size = Regex.Match(link.TextContent, @"^PDF \((\d+)\s(\S+)\)$");
                Assert.True(size.Success, $"{path}: the link says '{link.TextContent}'");
                Assert.Equal((bytes + 500) / 1000, long.Parse(size.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture));
            }
        }
    }

    [Fact]
    public void The_same_input_makes_the_same_PDF_bytes()
    {
        var again = PdfSites.Build(Repo.Fixture("articles"));
        foreach (var lang in again.Config!.Languages)
            Assert.True(sites.Articles.File(PdfPath("accueil", lang)).AsSpan().SequenceEqual(again.File(PdfPath("accueil", lang))),
                $"two builds made different bytes for {PdfPath("accueil", lang)}");
    }

    [Fact]
    public void Check_passes_with_the_PDFs_and_fails_on_a_link_to_a_PDF_that_is_not_there()
    {
        Assert.DoesNotContain(Charter.Tests.Check.CheckSites.CheckSite(sites.Articles).Diagnostics, d => d.Severity == Severity.Error);
        var missing = PdfPath("accueil", "fr");
        var without = sites.Articles with { Files = sites.Articles.Files.Where(f => f.Path != missing).ToList() };
        var errors = Charter.Tests.Check.CheckSites.CheckSite(without).Diagnostics.Where(d => d.Severity == Severity.Error).ToList();
        Assert.NotEmpty(errors);
        Assert.All(errors, e => Assert.Equal(Codes.BrokenLink, e.Code));
        Assert.Contains(errors, e => e.Message.Contains(missing, StringComparison.Ordinal));
    }
}
