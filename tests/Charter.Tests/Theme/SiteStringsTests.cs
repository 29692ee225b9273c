using Charter.Core.Diagnostics;
using Charter.Tests.Support;

namespace Charter.Tests.Theme;

/// <summary>
/// charter.yml 'strings:' words a UI string of the theme the site's own way (the real site's search examples come
/// from the Lampedusa Charter; the built-in theme, which every site shares, keeps neutral ones).
/// </summary>
public sealed class SiteStringsTests
{
    private static string Placeholder(Charter.Site.Build.BuildResult result, string page) =>
        Html.Parse(result.File(page)).QuerySelector("#header-q")!.Attr("placeholder");

    [Fact]
    public void A_site_string_replaces_the_theme_s_in_its_language_and_the_theme_s_stands_elsewhere()
    {
        using var site = new TempDir(Repo.Fixture("mini"));
        var theme = Placeholder(Builds.InMemory(site.Path), "en/demo/index.html");
        site.Replace("charter.yml", "theme: default", "theme: default\nstrings:\n  search_placeholder: { fr: \"logement, santé…\" }");
        var result = Builds.InMemory(site.Path);
        result.AssertSucceeded();
        Assert.Equal("logement, santé…", Placeholder(result, "fr/demo/index.html"));
        Assert.Equal(theme, Placeholder(result, "en/demo/index.html"));
    }

    [Fact]
    public void One_text_for_every_language_goes_through_each_language_s_typography()
    {
        using var site = new TempDir(Repo.Fixture("mini"));
        site.Replace("charter.yml", "theme: default", "theme: default\nstrings:\n  search_placeholder: \"Lampedusa ?\"");
        var result = Builds.InMemory(site.Path);
        result.AssertSucceeded();
        Assert.Equal("Lampedusa\u202F?", Placeholder(result, "fr/demo/index.html"));
        Assert.Equal("Lampedusa ?", Placeholder(result, "en/demo/index.html"));
    }

    [Fact]
    public void A_key_the_theme_does_not_have_is_an_error_at_its_line()
    {
        using var site = new TempDir(Repo.Fixture("mini"));
        site.Replace("charter.yml", "theme: default", "theme: default\nstrings:\n  search_title: { fr: Chercher }\n  search_placeholdr: { fr: x }");
        var result = Builds.InMemory(site.Path);
        Assert.False(result.Success);
        Assert.Contains("'search_placeholdr'", DiagnosticAssert.SingleError(result, Codes.UnknownField, "charter.yml", 11).Message);
    }

    [Fact]
    public void A_language_the_site_does_not_have_is_an_error_at_its_line()
    {
        using var site = new TempDir(Repo.Fixture("mini"));
        site.Replace("charter.yml", "theme: default", "theme: default\nstrings:\n  search_title: { de: Suche }");
        var result = Builds.InMemory(site.Path);
        Assert.False(result.Success);
        Assert.Contains("'de'", DiagnosticAssert.SingleError(result, Codes.UnknownLanguage, "charter.yml", 10).Message);
    }
}

/// <summary>A source language the theme has no UI strings for: the tool's own strings, with a warning, not blank labels.</summary>
public sealed class SourceLanguageWithoutStringsTests
{
    [Fact]
    public void Its_pages_show_the_tool_s_strings_and_the_build_says_where_to_put_its_own()
    {
        using var site = new TempDir(Repo.Fixture("mini"));
        foreach (var file in Directory.EnumerateFiles(site.Full("content"), "*.fr.md", SearchOption.AllDirectories).ToList())
            File.Move(file, file[..^".fr.md".Length] + ".de.md");
        site.Replace("charter.yml", "languages: [fr, en]", "languages: [de, en]");
        site.Replace("charter.yml", "default_language: fr", "default_language: de");
        site.Replace("charter.yml", "  fr: Site de démonstration", "  de: Demo-Website");
        var result = Builds.InMemory(site.Path);
        result.AssertSucceeded();
        var warning = Assert.Single(result.Warnings(), w => w.Location.Path == "themes/default/i18n/de.yml");
        Assert.Contains("source language", warning.Message);
        var page = Html.Parse(result.File("de/demo/index.html"));
        var english = Html.Parse(result.File("en/demo/index.html"));
        Assert.Equal(english.QuerySelector("#header-q")!.Attr("placeholder"), page.QuerySelector("#header-q")!.Attr("placeholder"));
        Assert.False(string.IsNullOrWhiteSpace(page.QuerySelector("#header-q")!.Attr("placeholder")));
    }
}
