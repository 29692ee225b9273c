using Charter.Core.Diagnostics;
using Charter.Tests.Support;
using static Charter.Tests.Support.DiagnosticAssert;

namespace Charter.Tests.Validate;

/// <summary>
/// A missing translation is not an error: the page shows the other language with a notice, the build warns
/// with the file to create, and the summary reports the language as less than complete.
/// </summary>
public class FallbackTests
{
    [Fact]
    public void A_missing_principle_translation_falls_back_with_a_notice_and_a_warning()
    {
        using var site = new TempDir(Repo.Fixture("mini"));
        site.Delete("content/demo/principles/02-equite.en.md");
        var result = Builds.InMemory(site.Path);
        result.AssertSucceeded();

        var warning = Single(result, Codes.MissingTranslation);
        Assert.Equal(Severity.Warning, warning.Severity);
        Assert.Equal("content/demo/principles/02-equite.en.md", warning.Location.Path);
        Assert.Contains("content/demo/principles/02-equite.fr.md", warning.Message);
        Assert.Contains("create content/demo/principles/02-equite.en.md", warning.Hint);

        var stats = result.Stats!;
        Assert.Equal(100, stats.Completeness["fr"].Percent);
        Assert.InRange(stats.Completeness["en"].Percent, 1, 99);
        Assert.Equal(stats.Completeness["fr"].Total, stats.Completeness["en"].Total);
        // Principle 2 and its five priorities are the six passages shown in French on the English site.
        Assert.Equal(6, stats.Completeness["en"].Total - stats.Completeness["en"].Translated);

        var page = Html.Parse(result.File("en/demo/principles/2/index.html"));
        Assert.Equal("en", page.DocumentElement.Attr("lang"));
        var notice = page.QuerySelector("main .notice");
        Assert.NotNull(notice);
        Assert.Contains("(French)", notice.TextContent); // the notice names the language shown, in the page's language
        var article = page.QuerySelector("article#p2")!;
        Assert.Equal("fr", article.Attr("lang")); // the French text is marked as French for screen readers
        Assert.Equal("Équité", page.QuerySelector("h1")!.TextContent.Trim());
        Assert.Contains("Première priorité", page.QuerySelector("#p2-1")!.TextContent);

        // The pages that are translated carry no notice.
        Assert.Null(Html.Parse(result.File("en/demo/principles/1/index.html")).QuerySelector("main .notice"));
        Assert.Null(Html.Parse(result.File("fr/demo/principles/2/index.html")).QuerySelector("main .notice"));
    }

    [Fact]
    public void A_missing_section_translation_names_the_file_to_create()
    {
        using var site = new TempDir(Repo.Fixture("mini"));
        site.Delete("content/demo/timeline.fr.md");
        var result = Builds.InMemory(site.Path);
        result.AssertSucceeded();
        var warning = Single(result, Codes.MissingTranslation);
        AssertAt(warning, Severity.Warning, Codes.MissingTranslation, "content/demo/timeline.fr.md", 1, 1);
        Assert.Contains("content/demo/timeline.en.md", warning.Message);
        Assert.Equal(100, result.Stats!.Completeness["en"].Percent);
        Assert.True(result.Stats.Completeness["fr"].Percent < 100);

        var page = Html.Parse(result.File("fr/demo/timeline/index.html"));
        Assert.Equal("fr", page.DocumentElement.Attr("lang"));
        Assert.NotNull(page.QuerySelector("main .notice"));
        Assert.Equal("en", page.QuerySelector("#m1")!.Attr("lang"));
    }

    [Fact]
    public void A_missing_declaration_translation_falls_back_too()
    {
        using var site = new TempDir(Repo.Fixture("mini"));
        site.Delete("content/declarations/decl-beta.en.md");
        var result = Builds.InMemory(site.Path);
        result.AssertSucceeded();
        var warning = Single(result, Codes.MissingTranslation);
        Assert.Equal("content/declarations/decl-beta.en.md", warning.Location.Path);
        var page = Html.Parse(result.File("en/declarations/decl-beta/index.html"));
        Assert.NotNull(page.QuerySelector("main .notice"));
        Assert.Equal("fr", page.QuerySelector("article#decl-beta")!.Attr("lang"));
        Assert.Equal("Déclaration bêta", page.QuerySelector("h1")!.TextContent.Trim());
    }

    [Fact]
    public void A_complete_site_is_complete_in_every_language()
    {
        var result = MiniSite.Result;
        Assert.Empty(result.Diagnostics);
        Assert.All(result.Stats!.Completeness.Values, c => Assert.Equal(100, c.Percent));
    }
}
