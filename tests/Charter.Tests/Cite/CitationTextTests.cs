using AngleSharp.Dom;
using Charter.Core.Model;
using Charter.Site.Cite;
using Charter.Tests.Support;

namespace Charter.Tests.Cite;

/// <summary>
/// The ready citations of the cite panels (APA 7, Chicago, the charter's own form) in each language, with the short
/// permalink and the access date; the downloads linked from each panel; the citation_* and Dublin Core tags of the
/// head that reference managers read; BibTeX's special characters escaped so that a parser gives the text back.
/// </summary>
[Collection(RealSiteCollection.Name)]
public class CitationTextTests(RealSiteFixture site)
{
    /// <summary>A panel's text in one style, with the access date's words replaced by "{accessed}" (they depend on the content's date).</summary>
    private string Ready(IElement panel, string style)
    {
        var text = panel.QuerySelector($".cite-{style} .cite-text")!;
        var time = text.QuerySelector("time.cite-accessed")!;
        var updated = site.Content.Updated!.Value;
        Assert.Equal(updated.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), time.GetAttribute("datetime"));
        return text.TextContent.Replace(time.TextContent, "{accessed}");
    }

    private IElement Panel(string page, string unit) =>
        site.Page(page).QuerySelector(unit.Length == 0 ? ".charter-cite details.cite" : $"#{unit} > .unit-tools details.cite")
        ?? throw new Xunit.Sdk.XunitException($"no cite panel for '{unit}' on {page}");

    [Fact]
    public void Priority_2_3_is_cited_in_every_style_in_the_page_language_with_its_short_link()
    {
        var en = Panel("en/lampedusa/principles/2/index.html", "p2-3");
        Assert.Equal("UCLG. (2022, October). Principle 2, priority 3. In Lampedusa Charter for Dignified Human Mobility and Territorial Solidarity. "
            + "Retrieved {accessed}, from https://charter.example.org/en/2.3/", Ready(en, "apa"));
        Assert.Equal("UCLG. ‘Principle 2, priority 3’. In Lampedusa Charter for Dignified Human Mobility and Territorial Solidarity. October 2022. "
            + "Accessed {accessed}. https://charter.example.org/en/2.3/.", Ready(en, "chicago"));
        Assert.Equal("Lampedusa Charter (UCLG, 2022), principle 2, priority 3, https://charter.example.org/en/2.3/ (accessed {accessed}).", Ready(en, "charter"));
        // The cited work's title in italics; the address a link under the site's base path.
        Assert.Equal("Lampedusa Charter for Dignified Human Mobility and Territorial Solidarity", en.QuerySelector(".cite-apa .cite-text i")!.TextContent);
        Assert.Equal("/en/2.3/", en.QuerySelector(".cite-apa .cite-text a")!.GetAttribute("href"));

        var fr = Panel("fr/lampedusa/principles/2/index.html", "p2-3");
        Assert.Equal("CGLU. (2022, octobre). Principe 2, priorité 3. Dans Charte de Lampedusa sur la mobilité humaine digne et la solidarité territoriale. "
            + "Consulté le {accessed}, à l’adresse https://charter.example.org/fr/2.3/", Ready(fr, "apa"));
        Assert.Equal("CGLU. «\u202FPrincipe 2, priorité 3\u202F». Dans Charte de Lampedusa sur la mobilité humaine digne et la solidarité territoriale. "
            + "Octobre 2022. Consulté le {accessed}. https://charter.example.org/fr/2.3/.", Ready(fr, "chicago"));

        var es = Panel("es/lampedusa/principles/2/index.html", "p2-3");
        Assert.Equal("CGLU. «Principio 2, prioridad 3». En Carta de Lampedusa sobre la movilidad humana digna y la solidaridad territorial. "
            + "Octubre de 2022. Consultado el {accessed}. https://charter.example.org/es/2.3/.", Ready(es, "chicago"));
        Assert.Equal("Carta de Lampedusa (CGLU, 2022), principio 2, prioridad 3, https://charter.example.org/es/2.3/ (consultado el {accessed}).", Ready(es, "charter"));
    }

    [Fact]
    public void The_charter_is_cited_from_its_home_and_every_panel_links_its_three_downloads()
    {
        var home = Panel("fr/lampedusa/index.html", "");
        Assert.Equal("CGLU. (2022, octobre). Charte de Lampedusa sur la mobilité humaine digne et la solidarité territoriale. "
            + "Consulté le {accessed}, à l’adresse https://charter.example.org/fr/lampedusa/", Ready(home, "apa"));
        Assert.Equal(["/fr/lampedusa/cite/lampedusa.bib", "/fr/lampedusa/cite/lampedusa.ris", "/fr/lampedusa/cite/lampedusa.json"],
            home.QuerySelectorAll(".cite-downloads a[download]").Select(a => a.GetAttribute("href")!));

        // Every citable unit of every page has its panel, and each download it links is a file of the site.
        var panels = 0;
        foreach (var path in site.HtmlPaths.Where(p => p.Contains("/lampedusa/", StringComparison.Ordinal)))
            foreach (var link in site.Page(path).QuerySelectorAll(".cite-downloads a"))
            {
                panels++;
                Assert.True(site.Exists(link.GetAttribute("href")!.TrimStart('/')), $"{path} links {link.GetAttribute("href")}, which is not in the site");
            }
        Assert.True(panels > 3 * 100, $"only {panels} download links");
    }

    [Fact]
    public void Every_page_of_the_charter_tells_reference_managers_what_it_is()
    {
        string? Meta(AngleSharp.Html.Dom.IHtmlDocument page, string name) => page.Head!.QuerySelector($"meta[name='{name}']")?.GetAttribute("content");

        var principle = site.Page("en/lampedusa/principles/2/index.html");
        Assert.Equal("Lampedusa Charter for Dignified Human Mobility and Territorial Solidarity, principle 2", Meta(principle, "citation_title"));
        Assert.Equal("UCLG", Meta(principle, "citation_author"));
        Assert.Equal("2022/10", Meta(principle, "citation_publication_date"));
        Assert.Equal("2022/10", Meta(principle, "citation_date"));
        Assert.Equal("en", Meta(principle, "citation_language"));
        Assert.Equal("UCLG", Meta(principle, "citation_publisher"));
        Assert.Equal("https://charter.example.org/en/lampedusa/principles/2/", Meta(principle, "citation_public_url"));
        Assert.Null(Meta(principle, "citation_pdf_url")); // this build makes no PDF (the PDF tests check the tag where it does)
        Assert.Equal("http://purl.org/dc/elements/1.1/", principle.Head!.QuerySelector("link[rel='schema.DC']")!.GetAttribute("href"));
        Assert.Equal("Lampedusa Charter for Dignified Human Mobility and Territorial Solidarity, principle 2", Meta(principle, "DC.title"));
        Assert.Equal("UCLG", Meta(principle, "DC.creator"));
        Assert.Equal("2022-10", Meta(principle, "DC.date"));
        Assert.Equal("https://charter.example.org/en/2/", Meta(principle, "DC.identifier"));
        Assert.Equal("Text", Meta(principle, "DC.type"));
        Assert.Null(Meta(principle, "DC.rights")); // the charter states no licence

        var home = site.Page("es/lampedusa/index.html");
        Assert.Equal(site.Edition("es").Meta!.Title, Meta(home, "citation_title"));
        Assert.Equal("CGLU", Meta(home, "citation_author"));
        Assert.Equal("es", Meta(home, "DC.language"));

        // Every page under the charter's address has them; the site's own pages (search, declarations) do not.
        foreach (var path in site.HtmlPaths.Where(p => p.StartsWith("fr/lampedusa/", StringComparison.Ordinal)))
            Assert.True(Meta(site.Page(path), "citation_title") is { Length: > 0 }, $"{path} has no citation_title");
        Assert.Null(Meta(site.Page("fr/search/index.html"), "citation_title"));
    }

    [Fact]
    public void BibTeX_escapes_its_special_characters_so_that_a_parser_gives_the_text_back()
    {
        const string title = "Rights & duties: 100% {sure} #1 under_score $5 a~b c^d back\\slash — « ça » ";
        var item = new CitationItem("x", "fr", "Réseau & Cie", title.Trim(), null, new PartialDate(2024, 3, 1), "https://example.org/fr/x/#a-1",
            new DateOnly(2026, 1, 2), "Citation", null, DocumentFacts.None, null);
        using var dir = new TempDir();
        var path = Path.Combine(dir.Path, "x.bib");
        File.WriteAllBytes(path, CitationFiles.BibTeX(item, "x"));
        var parsed = CiteParsers.Single(CiteParsers.Run([new(path, "biblatex")])[0], "x.bib");
        Assert.Equal(title.Trim(), (string?)parsed["title"]);
        Assert.Equal("Réseau & Cie", (string?)parsed["author"]![0]!["family"] ?? (string?)parsed["author"]![0]!["literal"]);
        Assert.Equal("https://example.org/fr/x/#a-1", (string?)parsed["URL"]);
        Assert.Equal([2024, 3, 1], parsed["issued"]!["date-parts"]![0]!.AsArray().Select(p => p!.GetValue<int>()));
    }
}
