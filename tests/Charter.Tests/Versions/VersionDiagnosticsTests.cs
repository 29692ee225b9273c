using Charter.Core.Diagnostics;
using Charter.Site.Build;
using Charter.Tests.Support;

namespace Charter.Tests.Versions;

/// <summary>
/// Mistakes in versions.yml and in the amendment records, each an error at its file and line with what to do: versions
/// out of order or given one id twice, an id that is not a dated segment, a record for no version or for the first,
/// a change to a unit the text does not have, an id reused, records that differ between languages.
/// </summary>
public class VersionDiagnosticsTests
{
    private const string List = "content/parc/versions.yml";
    private const string Adopted = "content/parc/versions/2022-10.fr.yml";
    private const string Amended = "content/parc/versions/2023-05.fr.yml";

    private static TempDir Site() => new(Repo.Fixture("versions"));

    private static Diagnostic ErrorAt(BuildResult result, string code, string path, int line)
    {
        Assert.False(result.Success, "the build succeeded, but an error was expected:\n" + result.Printed());
        var found = result.Errors().FirstOrDefault(d => d.Code == code && d.Location.Path == path && d.Location.Line == line);
        Assert.True(found is not null, $"expected {code} at {path}:{line}, got:\n" + result.Printed());
        Assert.False(string.IsNullOrEmpty(found.Hint), "the error gives no hint: " + found);
        return found;
    }

    [Fact]
    public void The_fixture_itself_builds_without_a_diagnostic()
    {
        var result = Builds.InMemory(Repo.Fixture("versions"));
        Assert.True(result.Diagnostics.Count == 0, result.Printed());
    }

    [Fact]
    public void Versions_out_of_date_order_are_an_error_at_the_later_date()
    {
        using var site = Site();
        site.Replace(List, "date: 2023-05-12", "date: 2022-09");
        var error = ErrorAt(Builds.InMemory(site.Path), Codes.TimelineOrder, List, 9);
        Assert.Contains("comes after version 2022-10", error.Message);
    }

    [Fact]
    public void An_id_given_twice_is_an_error_at_the_second()
    {
        using var site = Site();
        site.Replace(List, "id: 2023-05", "id: 2022-10");
        Assert.Contains("given twice", ErrorAt(Builds.InMemory(site.Path), Codes.DuplicateId, List, 10).Message);
    }

    [Fact]
    public void An_id_that_is_not_a_dated_segment_is_an_error_at_it()
    {
        using var site = Site();
        site.Replace(List, "id: 2023-05", "id: latest");
        Assert.Contains("'latest' is not a dated address segment", ErrorAt(Builds.InMemory(site.Path), Codes.InvalidValue, List, 10).Message);
    }

    [Fact]
    public void A_record_for_no_version_or_for_the_first_is_an_error_at_the_file()
    {
        using var site = Site();
        site.Write("content/parc/versions/2024-01.fr.yml", "added: [p1-1]\n");
        site.Write("content/parc/versions/2021-06.fr.yml", "added: [p1-1]\n");
        var result = Builds.InMemory(site.Path);
        Assert.Contains("no version '2024-01'", ErrorAt(result, Codes.UnknownReference, "content/parc/versions/2024-01.fr.yml", 1).Message);
        Assert.Contains("is the first", ErrorAt(result, Codes.InvalidValue, "content/parc/versions/2021-06.fr.yml", 1).Message);
    }

    [Fact]
    public void A_modified_unit_the_text_does_not_have_is_an_error_at_its_line()
    {
        using var site = Site();
        site.Replace(Adopted, "p2: { title", "p9: { title");
        Assert.Contains("p9 is not a unit", ErrorAt(Builds.InMemory(site.Path), Codes.UnknownReference, Adopted, 4).Message);
    }

    [Fact]
    public void An_added_unit_the_later_text_does_not_have_is_an_error_at_it()
    {
        using var site = Site();
        site.Replace(Adopted, "added: [p1-3]", "added: [p1-9]");
        Assert.Contains("has no p1-9", ErrorAt(Builds.InMemory(site.Path), Codes.UnknownReference, Adopted, 5).Message);
    }

    [Fact]
    public void A_removed_unit_whose_id_a_later_unit_has_is_a_reused_id()
    {
        using var site = Site();
        site.Replace(Amended, "  c3: { in: commitments, after: c2,", "  c2: { in: commitments, after: c1,");
        site.Replace("content/parc/versions/2023-05.en.yml", "  c3: { in: commitments, after: c2,", "  c2: { in: commitments, after: c1,");
        Assert.Contains("never reused", ErrorAt(Builds.InMemory(site.Path), Codes.DuplicateId, Amended, 5).Hint);
    }

    [Fact]
    public void A_unit_removed_then_added_again_is_a_reused_id()
    {
        using var site = Site();
        // c3 removed in 2022-10 and said to be added back in 2023-05 (whose text has it again).
        site.Replace(Amended, "removed:\n  c3: { in: commitments, after: c2, text: \"Fermer le parc la nuit, de 22 heures à 6 heures.\" }\n", "added: [c2]\n");
        site.Replace("content/parc/versions/2023-05.en.yml", "removed:\n  c3: { in: commitments, after: c2, text: \"Close the park at night, from 10 pm to 6 am.\" }\n", "added: [c2]\n");
        site.Write(Adopted, site.Read(Adopted) + "removed:\n  c2: { in: commitments, after: c1, text: \"Un ancien engagement.\" }\n");
        site.Write("content/parc/versions/2022-10.en.yml", site.Read("content/parc/versions/2022-10.en.yml") + "removed:\n  c2: { in: commitments, after: c1, text: \"An old commitment.\" }\n");
        Assert.Contains("added again by a later version", ErrorAt(Builds.InMemory(site.Path), Codes.DuplicateId, Adopted, 7).Message);
    }

    [Fact]
    public void A_version_id_that_is_a_charters_folder_name_is_an_address_collision()
    {
        using var site = Site();
        // A second charter whose folder is named like a version: /fr/2022-10/ would be its home and the version's short forms.
        Directory.CreateDirectory(site.Full("content/2022-10"));
        TempDir.CopyTree(site.Full("content/parc"), site.Full("content/2022-10"));
        Directory.Delete(site.Full("content/2022-10/versions"), recursive: true);
        File.Delete(site.Full("content/2022-10/versions.yml"));
        var error = ErrorAt(Builds.InMemory(site.Path), Codes.AddressCollision, List, 7);
        Assert.Contains("the version id '2022-10' is the address of the charter '2022-10'", error.Message);
    }

    [Fact]
    public void Records_that_differ_in_structure_between_languages_are_an_error_at_the_translation()
    {
        using var site = Site();
        site.Replace("content/parc/versions/2023-05.en.yml", "after: c2", "after: c1");
        Assert.Contains("differs in structure from " + Amended,
            ErrorAt(Builds.InMemory(site.Path), Codes.TranslationMismatch, "content/parc/versions/2023-05.en.yml", 1).Message);
    }
}

/// <summary>A version whose record is missing in a language: that language's earlier text takes the source's wording, and says so.</summary>
public class UntranslatedRecordTests
{
    [Fact]
    public void The_source_languages_earlier_wording_is_shown_in_its_language_with_a_note()
    {
        using var site = new TempDir(Repo.Fixture("versions"));
        site.Delete("content/parc/versions/2022-10.en.yml");
        var result = Builds.InMemory(site.Path);
        result.AssertSucceeded();
        var page = Html.Parse(result.File("en/parc/2021-06/principles/1/index.html"));
        var unit = page.GetElementById("p1-2")!;
        Assert.Contains("Garder les allées praticables en été.", unit.TextContent);
        Assert.Equal("fr", unit.GetAttribute("lang"));
        Assert.Contains("has not been translated", unit.QuerySelector(".version-untranslated")!.TextContent);
        // The units the record does not touch keep their own language.
        Assert.Contains("Open the park gates every morning.", page.GetElementById("p1-1")!.TextContent);
        Assert.Null(page.GetElementById("p1-1")!.GetAttribute("lang"));
        var warning = Assert.Single(result.Diagnostics);
        Assert.Equal("content/parc/versions/2022-10.fr.yml:1:1: warning CH013: version 2022-10 has no record in 'en': its earlier wording is shown in 'fr' on the 'en' pages",
            warning.ToString().Split(" (")[0]);
    }
}

/// <summary>A translation that lacks a whole file shows the source's (as without versions), in every version, and its records are no error.</summary>
public class UntranslatedFileTests
{
    [Fact]
    public void A_file_missing_in_a_translation_falls_back_to_the_source_in_every_version()
    {
        using var site = new TempDir(Repo.Fixture("versions"));
        site.Delete("content/parc/principles/01-acces.en.md");
        var result = Builds.InMemory(site.Path);
        Assert.True(result.Success, result.Printed());
        Assert.DoesNotContain(result.Diagnostics, d => d.Location.Path.Contains("/versions/"));
        var draft = Html.Parse(result.File("en/parc/2021-06/principles/1/index.html"));
        Assert.Contains("Garder les allées praticables en été.", draft.GetElementById("p1-2")!.TextContent);
        Assert.Null(draft.GetElementById("p1-3"));
        Assert.Contains("Garder les allées accessibles aux fauteuils roulants et aux poussettes",
            Html.Parse(result.File("en/parc/principles/1/index.html")).GetElementById("p1-2")!.TextContent);
    }
}
