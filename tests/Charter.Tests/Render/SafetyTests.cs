using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using Charter.Tests.Support;

namespace Charter.Tests.Render;

/// <summary>Issue 8, safe output: raw HTML from content is text unless the site allows it.</summary>
public class SafetyTests
{
    private const string Hostile = "Avant.\n\n<script>alert(1)</script>\n\nUne image <img src=\"x\" onerror=\"alert(2)\"> au milieu.\n";

    private static IElement Ambition(bool allowHtml)
    {
        using var site = new TempDir(Repo.Fixture("mini"));
        site.Write("content/demo/ambition.fr.md", "---\nnumber: 1\ntitle: Ambition\n---\n" + Hostile);
        if (allowHtml) site.Replace("charter.yml", "theme: default", "theme: default\nallow_html: true");
        var result = Builds.InMemory(site.Path);
        result.AssertSucceeded();
        return Html.Parse(result.File("fr/demo/index.html")).GetElementById("ambition")!;
    }

    [Fact]
    public void Raw_html_in_markdown_is_shown_as_text_by_default()
    {
        var section = Ambition(allowHtml: false);
        Assert.Empty(section.QuerySelectorAll("script"));
        Assert.Empty(section.QuerySelectorAll("img"));
        Assert.DoesNotContain(section.Descendants<IElement>(), e => e.Attributes.Any(a => a.Name.StartsWith("on", StringComparison.Ordinal)));
        // The reader sees what the editor typed.
        Assert.Contains("<script>alert(1)</script>", section.TextContent);
        Assert.Contains("<img src=\"x\" onerror=\"alert(2)\">", section.TextContent);
    }

    [Fact]
    public void Raw_html_passes_when_the_site_allows_it()
    {
        var section = Ambition(allowHtml: true);
        Assert.Equal("alert(1)", section.QuerySelector("script")!.TextContent);
        Assert.Equal("alert(2)", section.QuerySelector("img")!.Attr("onerror"));
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Script_urls_never_become_links(bool allowHtml)
    {
        using var site = new TempDir(Repo.Fixture("mini"));
        site.Write("content/demo/ambition.fr.md",
            "---\nnumber: 1\ntitle: Ambition\n---\nUn [lien piégé](javascript:alert(1)), un autre <javascript:alert(2)>, "
            + "un [troisième]( JavaScript:alert(3)) et un [vrai lien](https://example.org/).\n");
        if (allowHtml) site.Replace("charter.yml", "theme: default", "theme: default\nallow_html: true");
        var result = Builds.InMemory(site.Path);
        result.AssertSucceeded();
        var section = Html.Parse(result.File("fr/demo/index.html")).GetElementById("ambition")!;
        var hrefs = section.QuerySelectorAll("a[href]").Select(a => a.Attr("href")).ToList();
        Assert.Equal(["https://example.org/"], hrefs);
        Assert.Contains("lien piégé", section.TextContent);
        Assert.Contains("troisième", section.TextContent);
    }

    [Fact]
    public void External_links_in_markdown_get_rel_noopener()
    {
        var link = Html.Parse(MiniSite.Result.File("en/demo/index.html")).QuerySelectorAll("main a[href='https://www.uclg.org/']").Single();
        Assert.Contains("noopener", link.Attr("rel").Split(' '));
    }
}
