using Charter.Core.Diagnostics;
using Charter.Site.Check;
using Charter.Tests.Support;

namespace Charter.Tests.Reliability;

/// <summary>Issue 13, breaks 6 and 9: a charter folder named like a page of the site, and footnotes cited twice, never make two elements or pages one.</summary>
public class CollisionTests
{
    [Theory]
    [InlineData("search")]
    [InlineData("1")]
    [InlineData("2024")]
    public void A_charter_folder_named_like_a_page_of_the_site_is_an_error_and_check_does_not_crash(string slug)
    {
        using var site = new TempDir(Repo.Fixture("mini"));
        Directory.CreateDirectory(site.Full($"content/{slug}"));
        TempDir.CopyTree(site.Full("content/demo"), site.Full($"content/{slug}"));
        var result = Builds.InMemory(site.Path);
        Assert.False(result.Success);
        var error = Assert.Single(result.Errors());
        Assert.Equal(Codes.AddressCollision, error.Code);
        Assert.Equal($"content/{slug}", error.Location.Path);
        var check = SiteChecker.Check(result, "public/");
        Assert.True(check.HasErrors);
    }

    [Fact]
    public void A_footnote_cited_twice_gives_each_marker_its_own_id_and_the_site_passes_check()
    {
        using var site = new TempDir(Repo.Root, "charter.yml", "content");
        const string file = "content/lampedusa/principles/06-communaute.fr.md";
        var text = site.Read(file);
        var marker = "[^town-hall]";
        Assert.Contains(marker, text);
        // Cite the same note again in the principle's own description (the body).
        site.Write(file, text.TrimEnd() + $" Voir le Town Hall{marker}.\n");
        var result = Builds.InMemory(site.Path);
        result.AssertSucceeded();
        var check = SiteChecker.Check(result, "public/");
        Assert.False(check.HasErrors, string.Join("\n", check.Diagnostics));
        var page = Html.Parse(result.File("fr/lampedusa/principles/6/index.html"));
        var markers = page.QuerySelectorAll("sup.note-ref a").Select(a => a.Id).ToList();
        Assert.Equal(2, markers.Count);
        Assert.Equal(markers.Count, markers.Distinct().Count());
    }
}
