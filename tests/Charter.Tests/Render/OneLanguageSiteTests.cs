using Charter.Core.Diagnostics;
using Charter.Tests.Support;

namespace Charter.Tests.Render;

/// <summary>A site of one language has nothing to set side by side: no such page, no link to one.</summary>
public sealed class OneLanguageSiteTests
{
    private static TempDir FrenchOnly()
    {
        var site = new TempDir(Repo.Fixture("mini"));
        foreach (var file in Directory.EnumerateFiles(site.Full("content"), "*.en.md", SearchOption.AllDirectories).ToList()) File.Delete(file);
        site.Replace("charter.yml", "languages: [fr, en]", "languages: [fr]");
        site.Replace("charter.yml", "  en: Demo site\n", "");
        return site;
    }

    [Fact]
    public void It_has_no_side_by_side_page_and_no_page_links_to_one()
    {
        using var site = FrenchOnly();
        var result = Builds.InMemory(site.Path);
        result.AssertSucceeded();
        Assert.DoesNotContain(result.Files, f => f.Path.Contains("side-by-side", StringComparison.Ordinal));
        var pages = result.Files.Where(f => f.Path.EndsWith(".html", StringComparison.Ordinal)).ToList();
        Assert.True(pages.Count > 10, $"only {pages.Count} pages");
        Assert.All(pages, p => Assert.DoesNotContain("side-by-side", System.Text.Encoding.UTF8.GetString(result.File(p.Path))));
    }

    [Fact]
    public void A_link_to_the_side_by_side_view_is_an_error_at_its_line()
    {
        using var site = FrenchOnly();
        var timeline = site.Read("content/demo/timeline.fr.md");
        var line = timeline.Split('\n').ToList().FindIndex(l => l.TrimStart().StartsWith("- date:", StringComparison.Ordinal)) + 2;
        Assert.True(line > 1, "the fixture's timeline has no milestone");
        site.Replace("content/demo/timeline.fr.md", timeline.Split('\n')[line - 2], timeline.Split('\n')[line - 2] + "\n    concerns: side-by-side");
        var result = Builds.InMemory(site.Path);
        Assert.False(result.Success);
        Assert.Contains("one language", DiagnosticAssert.SingleError(result, Codes.UnknownReference, "content/demo/timeline.fr.md", line).Message);
    }
}
