using Charter.Core.Diagnostics;
using Charter.Tests.Support;
using static Charter.Tests.Support.DiagnosticAssert;

namespace Charter.Tests.Structure;

/// <summary>
/// A structure.yml, or content that does not follow it, is reported at its line with what to do: a kind listed where
/// the structure does not allow it, a kind that does not exist, a number given twice, a count not met, a pattern
/// that cannot be filled or that gives two units one address.
/// </summary>
public class StructureDiagnosticsTests
{
    private const string Structure = "content/accueil/structure.yml";
    private const string ChapterFr = "content/accueil/chapters/01-principes.fr.md";
    private const string ChapterEn = "content/accueil/chapters/01-principes.en.md";

    private static TempDir Site() => new(Repo.Fixture("articles"));

    private static void InBoth(TempDir site, string oldText, string newText)
    {
        site.Replace(ChapterFr, oldText.Replace("{text}", "La présente charte fixe"), newText.Replace("{text}", "La présente charte fixe"));
        site.Replace(ChapterEn, oldText.Replace("{text}", "This charter sets out"), newText.Replace("{text}", "This charter sets out"));
    }

    [Fact]
    public void A_kind_listed_where_the_structure_does_not_allow_it_is_an_error_at_its_kind_line()
    {
        using var site = Site();
        InBoth(site, "      - text: {text}", "      - kind: recital\n        text: {text}");
        var errors = Builds.InMemory(site.Path).Errors().ToList();
        Assert.Equal(2, errors.Count);
        AssertAt(errors[0], Severity.Error, Codes.StructureViolation, ChapterEn, 9, 15);
        AssertAt(errors[1], Severity.Error, Codes.StructureViolation, ChapterFr, 9, 15);
        Assert.Contains("a recital cannot be listed under 'paragraphs'", errors[1].Message);
        Assert.Contains("paragraph", errors[1].Hint);
    }

    [Fact]
    public void An_unknown_kind_in_the_content_is_an_error_that_names_the_allowed_ones()
    {
        using var site = Site();
        InBoth(site, "      - text: {text}", "      - kind: clause\n        text: {text}");
        var errors = Builds.InMemory(site.Path).Errors().ToList();
        Assert.Equal(2, errors.Count);
        AssertAt(errors[1], Severity.Error, Codes.UnknownKind, ChapterFr, 9, 15);
        Assert.Contains("unknown kind 'clause'", errors[1].Message);
        Assert.Contains("use one of: paragraph", errors[1].Hint);
    }

    [Fact]
    public void An_unknown_kind_in_the_structure_is_an_error_at_its_child_list()
    {
        using var site = Site();
        site.Replace(Structure, "kinds: [paragraph]", "kinds: [paragraf]");
        var error = SingleError(Builds.InMemory(site.Path), Codes.UnknownKind, Structure, 64);
        Assert.Contains("'paragraf'", error.Message);
        Assert.Contains("paragraph", error.Hint);
    }

    [Fact]
    public void Two_chapters_with_one_number_are_an_error_at_the_second_ones_number()
    {
        using var site = Site();
        foreach (var lang in new[] { "fr", "en" }) site.Replace($"content/accueil/chapters/02-logement.{lang}.md", "number: 2\n", "number: 1\n");
        var result = Builds.InMemory(site.Path);
        var numbers = result.Errors().Where(e => e.Code == Codes.StructureViolation).ToList();
        Assert.True(numbers.Count == 2, result.Printed());
        AssertAt(numbers[1], Severity.Error, Codes.StructureViolation, "content/accueil/chapters/02-logement.fr.md", 3, 9);
        Assert.Contains("has the number 1, like 'ch1'", numbers[1].Message);
    }

    [Fact]
    public void A_count_the_structure_fixes_is_checked_on_the_source_and_translations_against_it()
    {
        using var site = Site();
        site.Replace(Structure, "      - { key: points, kinds: [annex-point] }", "      - { key: points, kinds: [annex-point], count: 3 }");
        var error = SingleError(Builds.InMemory(site.Path), Codes.StructureViolation, "content/accueil/annex.fr.md", 4, 1);
        Assert.Equal("2 points where the structure asks for 3", error.Message);

        // The translation alone lacking a point: one error, at the translation, naming what is missing.
        using var other = Site();
        other.Replace("content/accueil/annex.en.md", "  - text: The share of newly arrived children enrolled in school within a month.\n", "");
        var mismatch = SingleError(Builds.InMemory(other.Path), Codes.TranslationMismatch, "content/accueil/annex.en.md", 4, 1);
        Assert.Contains("1 point where 2 are expected (missing: annex-2)", mismatch.Message);
    }

    [Fact]
    public void A_misspelt_placeholder_is_an_error_at_its_pattern()
    {
        using var site = Site();
        site.Replace(Structure, "short: \"{number}\"", "short: \"{nmber}\"");
        var error = SingleError(Builds.InMemory(site.Path), Codes.InvalidValue, Structure, 72);
        Assert.Contains("'{nmber}'", error.Message);
        Assert.Contains("{number}", error.Hint);
    }

    [Fact]
    public void Short_forms_that_give_two_units_one_address_are_an_error_at_the_short_pattern()
    {
        using var site = Site();
        site.Replace(Structure, "short: \"r{n}\"", "short: \"{n}\"");
        site.Replace(Structure, "short: \"art{n}\"", "short: \"{n}\"");
        var result = Builds.InMemory(site.Path);
        var errors = result.Errors().ToList();
        Assert.True(errors.Count == 3, result.Printed()); // /fr/1/, /fr/2/, /fr/3/: a recital and an article each
        Assert.All(errors, e => AssertAt(e, Severity.Error, Codes.AddressCollision, Structure, 60));
        Assert.Contains(errors, e => e.Message.Contains("gives /fr/1/ to r1, art1", StringComparison.Ordinal));
    }

    [Fact]
    public void A_page_pattern_that_gives_every_chapter_one_page_is_an_error_at_the_pattern()
    {
        using var site = Site();
        site.Replace(Structure, "page: \"chapters/{n}/\"", "page: \"chapter/\"");
        var error = SingleError(Builds.InMemory(site.Path), Codes.AddressCollision, Structure, 47);
        Assert.Contains("ch1, ch2", error.Message);
        Assert.Contains("{n}", error.Hint);
    }

    [Fact]
    public void A_structure_of_several_faults_reports_each_at_its_line()
    {
        using var site = Site();
        site.Replace(Structure, "fields: { number: number!, title: text! }\n    text: body", "fields: { number: nombre!, title: text! }\n    text: body");
        site.Replace(Structure, "  annex-point:\n", "  annex-point:\n    extends: annex-item\n");
        site.Replace(Structure, "  - { id: annex, kind: annex }", "  - { id: annex, kind: annexe }");
        var result = Builds.InMemory(site.Path);
        var errors = result.Errors().ToList();
        Assert.True(errors.Count == 3, result.Printed());
        AssertAt(errors[0], Severity.Error, Codes.InvalidValue, Structure, 43);
        AssertAt(errors[1], Severity.Error, Codes.UnknownKind, Structure, 90);
        AssertAt(errors[2], Severity.Error, Codes.UnknownKind, Structure, 101);
        Assert.Contains("'nombre'", errors[0].Message);
        Assert.Contains("'annex-item'", errors[1].Message);
        Assert.Contains("'annexe'", errors[2].Message);
    }
}
