using System.Text.RegularExpressions;
using AngleSharp.Dom;
using Charter.Core.Model;
using Charter.Tests.Support;

namespace Charter.Tests.RealContent;

/// <summary>
/// Issue 6 on the real site: references resolve in the page's language, and the "Cited in" lists of the
/// declaration pages are exactly the references the charter makes — no more, no fewer — in both languages.
/// </summary>
[Collection(RealSiteCollection.Name)]
public partial class ReferenceTests(RealSiteFixture real)
{
    [GeneratedRegex(@"\]\(ref:(?<id>[^)\s]+)\)")]
    private static partial Regex RefLink();

    public static TheoryData<string> Languages => new() { "fr", "en", "es" };

    private const string Slug = RealSiteFixture.Slug;

    /// <summary>
    /// The references of the charter, worked out from the content files by the test itself (an oracle independent of
    /// the Resolve stage): (permalink of the citing unit, declaration id).
    /// </summary>
    private HashSet<(string Url, string Declaration)> ReferencesFromContent(string language)
    {
        var e = real.Edition(language);
        var result = new HashSet<(string, string)>();
        var home = $"/{language}/{Slug}/";
        void Add(string url, MarkdownText? text, IEnumerable<string>? listed = null)
        {
            foreach (Match m in RefLink().Matches(text?.Source ?? "")) result.Add((url, m.Groups["id"].Value));
            foreach (var id in listed ?? []) result.Add((url, id));
        }
        Add(home + "#ambition", e.Part("ambition")?.Text);
        Add(home + "#co-creation", e.Part("co-creation")?.Text, e.Part("co-creation")?.Items("declarations"));
        Add(home + "vision/#vision", e.Vision()?.Text);
        foreach (var p in e.Vision()?.Children ?? []) Add(home + "vision/#" + p.Id, p.Text, p.References);
        Add(home + "principles/#principles", e.Part("principles")?.Text);
        foreach (var p in e.Principles())
        {
            Add($"{home}principles/{p.Ordinal}/#{p.Id}", p.Text);
            foreach (var x in p.Children) Add($"{home}principles/{p.Ordinal}/#{x.Id}", x.Text, x.References);
        }
        Add(home + "commitments/#commitments", e.Commitments()?.Text);
        foreach (var i in e.Commitments()?.Children.SelectMany(l => l.Children) ?? []) Add(home + "commitments/#" + i.Id, i.Text, i.References);
        foreach (var m in e.Timeline()?.Children ?? [])
            Add(home + "timeline/#" + m.Id, m.Text, m.Concerns() is { } c && c.StartsWith("ref:", StringComparison.Ordinal) ? [c[4..]] : null);
        Add(home + "acknowledgements/#acknowledgements", e.Part("acknowledgements")?.Text);
        return result;
    }

    /// <summary>The backlinks as published: every "Cited in" link of every declaration page of a language.</summary>
    private HashSet<(string Url, string Declaration)> BacklinksOnPages(string language)
    {
        var result = new HashSet<(string, string)>();
        foreach (var d in real.Content.Declarations.Where(d => d.Language == language))
            foreach (var a in real.Page($"{language}/declarations/{d.Id}/index.html").QuerySelectorAll(".cited-by li a"))
                result.Add((a.Attr("href"), d.Id));
        return result;
    }

    [Theory]
    [MemberData(nameof(Languages))]
    public void Ref_links_resolve_to_the_declaration_page_in_the_page_language(string language)
    {
        // The side-by-side view holds every language's text, each with its own links (tested below).
        var links = real.HtmlPaths.Where(p => p.StartsWith(language + "/", StringComparison.Ordinal) && !p.Contains("/side-by-side/"))
            .SelectMany(p => real.Page(p).QuerySelectorAll("main a.ref").Select(a => (Page: p, Href: a.Attr("href")))).ToList();
        Assert.True(links.Count >= 20, $"only {links.Count} ref: links in '{language}'");
        foreach (var (page, href) in links)
        {
            Assert.Matches($"^/{language}/declarations/[a-z0-9-]+/$", href);
            Assert.True(real.Exists(Html.Target(href).File), $"{page}: {href} is not a page");
        }
    }

    [Theory]
    [MemberData(nameof(Languages))]
    public void Side_by_side_cells_link_in_their_own_language(string language)
    {
        var page = real.Page($"{language}/{Slug}/side-by-side/index.html");
        var cells = page.QuerySelectorAll(".parallel-cell").ToList();
        Assert.True(cells.Count > 200, $"only {cells.Count} cells");
        var links = 0;
        foreach (var cell in cells)
        {
            var lang = cell.Attr("lang");
            Assert.Contains(lang, real.Languages);
            foreach (var a in cell.QuerySelectorAll("a.ref"))
            {
                Assert.StartsWith($"/{lang}/declarations/", a.Attr("href"));
                links++;
            }
            Assert.StartsWith($"/{lang}/", cell.QuerySelector("a.cell-link")!.Attr("href"));
        }
        Assert.True(links >= 20, $"only {links} ref: links");
        // Each row shows the same unit in every language.
        foreach (var row in page.QuerySelectorAll(".parallel-row[id]"))
            Assert.Equal(real.Languages.Order(), row.QuerySelectorAll(".parallel-cell").Select(c => c.Attr("lang")).Order());
    }

    [Theory]
    [MemberData(nameof(Languages))]
    public void Backlinks_are_exactly_the_references_the_content_makes(string language)
    {
        var expected = ReferencesFromContent(language);
        var actual = BacklinksOnPages(language);
        Assert.True(expected.Count >= 30, $"only {expected.Count} references: the comparison would prove little");
        Assert.Equal([], expected.Except(actual).Select(x => $"{x.Url} cites {x.Declaration} but has no backlink").Order());
        Assert.Equal([], actual.Except(expected).Select(x => $"backlink {x.Url} on {x.Declaration} matches no reference").Order());
    }

    [Theory]
    [MemberData(nameof(Languages))]
    public void Every_backlink_leads_to_a_passage_that_links_back_to_the_declaration(string language)
    {
        var problems = new List<string>();
        foreach (var (url, declaration) in BacklinksOnPages(language))
        {
            var (file, fragment) = Html.Target(url);
            var page = real.Page(file);
            var target = page.GetElementById(fragment!);
            if (target is null) { problems.Add($"{url}: no element #{fragment}"); continue; }
            // A unit is its element; a section whose id is on its heading is the page's main content.
            var scope = target.LocalName is "h1" or "h2" ? page.QuerySelector("main")! : target;
            var forward = $"/{language}/declarations/{declaration}/";
            if (!scope.QuerySelectorAll("a[href]").Any(a => a.Attr("href") == forward))
                problems.Add($"{url} is cited on {declaration}'s page but has no link to {forward}");
        }
        Assert.True(problems.Count == 0, string.Join("\n", problems));
    }

    [Theory]
    [MemberData(nameof(Languages))]
    public void Every_forward_link_on_the_charter_pages_has_its_backlink(string language)
    {
        var backlinks = BacklinksOnPages(language);
        var passageIds = ReferencesFromContent(language).Select(r => r.Url.Split('#')[1])
            .Concat(real.Edition(language).Principles().SelectMany(p => p.Children.Select(x => x.Id).Prepend(p.Id)))
            .ToHashSet();
        var pages = real.HtmlPaths.Where(p => p.StartsWith($"{language}/{Slug}/", StringComparison.Ordinal) && !p.Contains("side-by-side")).ToList();
        var checkedLinks = 0;
        foreach (var path in pages)
        {
            var page = real.Page(path);
            foreach (var a in page.QuerySelectorAll("main a.ref"))
            {
                var owner = a.Ancestors<IElement>().FirstOrDefault(x => x.Id is { } id && passageIds.Contains(id))?.Id
                            ?? page.QuerySelector("main h1[id]")?.Id; // prose of a section page belongs to the section
                var id = Regex.Match(a.Attr("href"), "/declarations/([^/]+)/").Groups[1].Value;
                var url = "/" + (path.EndsWith("index.html", StringComparison.Ordinal) ? path[..^"index.html".Length] : path) + "#" + owner;
                Assert.True(backlinks.Contains((url, id)), $"{url} links to {id}, whose page does not list it under 'Cited in'");
                checkedLinks++;
            }
        }
        Assert.True(checkedLinks >= 15, $"only {checkedLinks} links checked");
    }

    [Theory]
    [MemberData(nameof(Languages))]
    public void The_endorse_list_links_the_african_charter_gaziantep_and_marrakech(string language)
    {
        var page = real.Page($"{language}/{Slug}/commitments/index.html");
        var endorse = page.GetElementById("c3")!; // Approuvons / Endorse, the third list
        var targets = endorse.QuerySelectorAll("a.ref").Select(a => a.Attr("href")).ToHashSet();
        foreach (var id in new[] { "africa-charter-2018", "gaziantep-2019", "marrakech-2018" })
            Assert.Contains($"/{language}/declarations/{id}/", targets);
    }

    [Theory]
    [MemberData(nameof(Languages))]
    public void The_co_creation_section_lists_all_nine_declarations(string language)
    {
        var section = real.Page($"{language}/{Slug}/index.html").GetElementById("co-creation")!;
        var links = section.QuerySelectorAll("ul.doc-list a").Select(a => a.Attr("href")).ToList();
        string[] nine = ["cemr-2006", "charter-agenda-2011", "mc2cm", "africa-charter-2018", "marrakech-2018",
                         "uclg-manifesto-2019", "gaziantep-2019", "rome-charter-2020", "mayors-action-agenda-2021"];
        Assert.Equal(nine.Select(id => $"/{language}/declarations/{id}/").Order(), links.Order());
        Assert.All(links, l => Assert.True(real.Exists(Html.Target(l).File)));
    }

    [Theory]
    [MemberData(nameof(Languages))]
    public void The_timeline_reads_in_date_order_with_machine_readable_dates(string language)
    {
        var page = real.Page($"{language}/{Slug}/timeline/index.html");
        var milestones = page.QuerySelectorAll("li.milestone").ToList();
        Assert.Equal(Enumerable.Range(1, 12).Select(i => $"m{i}"), milestones.Select(m => m.Id));
        var dates = milestones.Select(m => m.QuerySelector("time:not(.cite-accessed)")!.Attr("datetime")).ToList();
        Assert.Equal(dates.Order(StringComparer.Ordinal), dates);
        Assert.All(dates, d => Assert.Matches(@"^\d{4}-\d{2}$", d));
        // Grouped by year, each group under its year's heading.
        Assert.Equal(["2020", "2021", "2022"], page.QuerySelectorAll(".timeline-year h2").Select(h => h.TextContent.Trim()));
        foreach (var year in page.QuerySelectorAll(".timeline-year"))
        {
            var heading = year.QuerySelector("h2")!.TextContent.Trim();
            Assert.All(year.QuerySelectorAll("time:not(.cite-accessed)"), t => Assert.StartsWith(heading, t.Attr("datetime")));
            Assert.All(year.QuerySelectorAll("time:not(.cite-accessed)"), t => Assert.EndsWith(heading, t.TextContent.Trim()));
        }
    }

    [Fact]
    public void The_references_index_counts_citations()
    {
        foreach (var language in real.Languages)
        {
            var index = real.Page($"{language}/declarations/index.html");
            foreach (var d in real.Content.Declarations.Where(d => d.Language == language))
            {
                var cited = real.Page($"{language}/declarations/{d.Id}/index.html").QuerySelectorAll(".cited-by li").Length;
                var entry = index.QuerySelector($"li#{d.Id}");
                Assert.True(entry is not null, $"{language}/declarations/ has no entry {d.Id}");
                var meta = entry.QuerySelector(".meta")!.TextContent;
                if (cited >= 2) Assert.Contains(cited.ToString(System.Globalization.CultureInfo.InvariantCulture), meta);
            }
        }
    }
}
