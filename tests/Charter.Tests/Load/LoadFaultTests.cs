using System.Text;
using Charter.Core.Diagnostics;
using Charter.Tests.Support;
using static Charter.Tests.Support.DiagnosticAssert;

namespace Charter.Tests.Load;

/// <summary>
/// Faults an editor makes in a single file, each in its own small site under BrokenSites/. Each test names the
/// exact code, file, line and (where it means something) column of the one error it expects.
/// </summary>
public class LoadFaultTests
{
    /// <summary>A translation that exists but cannot be read has its own error; calling it "missing" would mislead.</summary>
    private static void NoMissingTranslationWarning(Charter.Site.Build.BuildResult result) =>
        Assert.DoesNotContain(result.Diagnostics, d => d.Code == Codes.MissingTranslation);

    [Fact]
    public void Yaml_syntax_error_points_at_the_offending_character()
    {
        var result = Builds.InMemory(Repo.BrokenSite("yaml-syntax"));
        // Line 5 is "theme: Accès : services"; column 14 is the second ': ', which YAML reads as a nested mapping.
        var error = SingleError(result, Codes.YamlSyntax, "content/charte/principles/01-dignite.fr.md", 5, 14);
        Assert.Contains("YAML syntax error", error.Message);
        Assert.NotNull(error.Hint);
        NoMissingTranslationWarning(result);
    }

    [Fact]
    public void Front_matter_that_never_closes_is_reported_where_it_opens()
    {
        var result = Builds.InMemory(Repo.BrokenSite("front-matter-not-closed"));
        var error = SingleError(result, Codes.FrontMatterNotClosed, "content/charte/ambition.fr.md", 1, 1);
        Assert.Contains("never closed", error.Message);
        Assert.Contains("'---'", error.Hint);
        NoMissingTranslationWarning(result);
    }

    [Fact]
    public void Invalid_utf8_is_reported_at_the_bad_byte()
    {
        // A file with invalid UTF-8 is awkward in git, so the test writes the bytes: "Café" saved as Latin-1.
        using var site = new TempDir(Repo.BrokenSite("invalid-utf8"));
        var bytes = new List<byte>(Encoding.UTF8.GetBytes("---\nnumber: 1\ntitle: Ambition\nheadline: Caf"));
        bytes.Add(0xE9);
        bytes.AddRange(Encoding.UTF8.GetBytes(" du monde\n---\nLe texte.\n"));
        site.WriteBytes("content/charte/ambition.fr.md", [.. bytes]);
        site.Write("content/charte/ambition.en.md", "---\nnumber: 1\ntitle: Ambition\n---\nThe text.\n");

        var result = Builds.InMemory(site.Path);
        // Line 4 "headline: Caf\xE9": the bad byte is the 14th character of the line.
        var error = SingleError(result, Codes.InvalidUtf8, "content/charte/ambition.fr.md", 4, 14);
        Assert.Contains("0xE9", error.Message);
        Assert.Contains("UTF-8", error.Hint);
        NoMissingTranslationWarning(result);
    }

    [Fact]
    public void An_empty_file_is_an_error()
    {
        var result = Builds.InMemory(Repo.BrokenSite("empty-file"));
        var error = SingleError(result, Codes.EmptyFile, "content/charte/ambition.en.md", 1, 1);
        Assert.Contains("empty", error.Message);
        NoMissingTranslationWarning(result);
    }

    [Fact]
    public void A_file_without_front_matter_is_an_error()
    {
        using var site = new TempDir(Repo.BrokenSite("empty-file"));
        site.Write("content/charte/ambition.en.md", "Just some text, no fields.\n");
        var error = SingleError(Builds.InMemory(site.Path), Codes.EmptyFile, "content/charte/ambition.en.md", 1, 1);
        Assert.Contains("no front matter", error.Message);
    }

    [Fact]
    public void Front_matter_without_fields_is_an_error()
    {
        using var site = new TempDir(Repo.BrokenSite("empty-file"));
        site.Write("content/charte/ambition.en.md", "---\n# only a comment\n---\nThe text.\n");
        SingleError(Builds.InMemory(site.Path), Codes.EmptyFile, "content/charte/ambition.en.md", 2, 1);
    }

    [Fact]
    public void A_missing_required_field_is_named()
    {
        var result = Builds.InMemory(Repo.BrokenSite("missing-required-field"));
        // The field is absent, so the error points at the fields it should be among (the first line after '---').
        var error = SingleError(result, Codes.MissingField, "content/charte/principles/01-dignite.en.md", 2, 1);
        Assert.Contains("'theme'", error.Message);
    }

    [Fact]
    public void An_unknown_field_is_a_warning_with_a_suggestion()
    {
        var result = Builds.InMemory(Repo.BrokenSite("unknown-field"));
        result.AssertSucceeded();
        var warning = Single(result, Codes.UnknownField);
        // Line 9 is "    referencs: [decl-a]", inside the second priority.
        AssertAt(warning, Severity.Warning, Codes.UnknownField, "content/charte/principles/01-dignite.en.md", 9, 5);
        Assert.Contains("'referencs'", warning.Message);
        Assert.Equal("did you mean 'references'?", warning.Hint);
    }

    [Fact]
    public void An_unknown_language_code_in_a_file_name_is_an_error()
    {
        var result = Builds.InMemory(Repo.BrokenSite("unknown-language"));
        var error = SingleError(result, Codes.UnknownLanguage, "content/charte/ambition.de.md", 1, 1);
        Assert.Contains("'de'", error.Message);
        Assert.Contains("fr, en", error.Message);
    }

    [Fact]
    public void A_value_of_the_wrong_shape_is_reported_at_its_line()
    {
        using var site = new TempDir(Repo.BrokenSite("unknown-field"));
        site.Replace("content/charte/principles/01-dignite.en.md", "number: 1", "number: one");
        site.Replace("content/charte/principles/01-dignite.fr.md", "number: 1", "number: one");
        var result = Builds.InMemory(site.Path);
        var errors = result.Errors().ToList();
        Assert.Equal(2, errors.Count);
        AssertAt(errors[0], Severity.Error, Codes.InvalidValue, "content/charte/principles/01-dignite.en.md", 3, 9);
        AssertAt(errors[1], Severity.Error, Codes.InvalidValue, "content/charte/principles/01-dignite.fr.md", 3, 9);
        Assert.Contains("whole number", errors[0].Message);
    }

    [Fact]
    public void A_missing_charter_yml_is_an_error()
    {
        using var site = new TempDir(Repo.BrokenSite("unknown-field"));
        File.Delete(site.Full("charter.yml"));
        SingleError(Builds.InMemory(site.Path), Codes.SiteConfig, "charter.yml", 1, 1);
    }

    [Fact]
    public void A_yaml_error_in_charter_yml_is_reported_at_its_line()
    {
        using var site = new TempDir(Repo.BrokenSite("unknown-field"));
        site.Replace("charter.yml", "default_language: fr", "default_language: fr\n  base: [oops");
        var error = SingleError(Builds.InMemory(site.Path), Codes.YamlSyntax, "charter.yml", 6);
        Assert.Contains("YAML syntax error", error.Message);
    }
}
