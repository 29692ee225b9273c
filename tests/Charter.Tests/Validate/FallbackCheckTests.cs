using Charter.Core.Diagnostics;
using Charter.Site.Check;
using Charter.Tests.Support;

namespace Charter.Tests.Validate;

/// <summary>
/// Issue 15: a site that is not fully translated is published, and passes <c>charter check</c>, with warnings and
/// never errors: one missing translation file (the side-by-side page then shows one text twice), a language with
/// only the charter's metadata, and a third language added to a two-language site.
/// </summary>
public class FallbackCheckTests
{
    private static void AssertBuildsAndChecksWithWarningsOnly(TempDir site, int expectedWarningsAtLeast)
    {
        var build = Builds.InMemory(site.Path);
        build.AssertSucceeded();
        Assert.True(build.Warnings().Count() >= expectedWarningsAtLeast, "expected warnings:\n" + build.Printed());
        var check = SiteChecker.Check(build, "public/");
        Assert.False(check.HasErrors, string.Join("\n", check.Diagnostics.Where(d => d.Severity == Severity.Error)));
    }

    [Fact]
    public void One_missing_translation_file_of_the_real_site_passes_check()
    {
        using var site = TempDir.RealSite();
        // The principle with a footnote: its note markers appear in two columns of the side-by-side view.
        site.Delete("content/lampedusa/principles/06-communaute.en.md");
        AssertBuildsAndChecksWithWarningsOnly(site, 1);
    }

    [Fact]
    public void A_language_with_only_the_charters_metadata_passes_check()
    {
        using var site = new TempDir(Repo.Fixture("mini"));
        foreach (var file in Directory.EnumerateFiles(site.Full("content"), "*.en.md", SearchOption.AllDirectories))
            if (!file.EndsWith("charter.en.md", StringComparison.Ordinal)) File.Delete(file);
        AssertBuildsAndChecksWithWarningsOnly(site, 10);
    }

    [Fact]
    public void A_third_language_added_to_a_fixture_passes_check_and_warns_for_each_missing_file()
    {
        using var site = new TempDir(Repo.Fixture("mini"));
        site.Replace("charter.yml", "languages: [fr, en]", "languages: [fr, en, de]");
        site.Replace("charter.yml", "  en: Demo site", "  en: Demo site\n  de: Demo-Website");
        site.Write("content/demo/charter.de.md", "---\ntitle: Demo-Charta\nshort_title: Demo\norganization: UCLG\nyear: 2022\n"
            + "citation: Demo-Charta (UCLG, 2022)\ndescription: Eine Demo.\n---\n");
        var build = Builds.InMemory(site.Path);
        build.AssertSucceeded();
        // No UI strings for German in the theme: said once, and the default language's strings are used.
        Assert.Contains(build.Warnings(), w => w.Code == Codes.MissingTranslation && w.Location.Path.EndsWith("i18n/de.yml", StringComparison.Ordinal));
        Assert.Contains(build.Warnings(), w => w.Location.Path == "content/demo/vision.de.md");
        Assert.Contains(build.Files, f => f.Path == "de/demo/vision/index.html");
        var check = SiteChecker.Check(build, "public/");
        Assert.False(check.HasErrors, string.Join("\n", check.Diagnostics.Where(d => d.Severity == Severity.Error)));
        var page = Html.Parse(build.File("de/demo/index.html"));
        Assert.Equal("de", page.DocumentElement.Attr("lang"));
        Assert.Equal(3, page.QuerySelectorAll("link[rel=alternate][hreflang]:not([hreflang=x-default])").Length);
    }
}
