using Charter.Core.Diagnostics;
using Charter.Tests.Support;
using static Charter.Tests.Support.DiagnosticAssert;

namespace Charter.Tests.Validate;

/// <summary>Stage 2: what no single file can tell — translations, unique ids, timeline order.</summary>
public class ValidateTests
{
    [Fact]
    public void Duplicate_declaration_id_names_both_files()
    {
        var result = Builds.InMemory(Repo.BrokenSite("duplicate-id"));
        // marrakech-2018.en.md was copied from gaziantep-2019.en.md and kept its id.
        // Line 2 is its "id: gaziantep-2019"; the message names the line that claimed the id first.
        var error = SingleError(result, Codes.DuplicateId, "content/declarations/marrakech-2018.en.md", 2, 1);
        Assert.Contains("'gaziantep-2019'", error.Message);
        Assert.Contains("content/declarations/gaziantep-2019.en.md:2:1", error.Message);
    }

    [Fact]
    public void Duplicate_principle_id_names_both_files()
    {
        // A principle file copied to start a new one, its id left unchanged.
        using var site = new TempDir(Repo.BrokenSite("translation-structure"));
        site.Replace("content/charte/principles/01-dignite.en.md", "  - text: Four\n", "  - text: Four\n  - text: Five\n");
        foreach (var language in new[] { "fr", "en" })
        {
            var text = site.Read($"content/charte/principles/01-dignite.{language}.md");
            site.Write($"content/charte/principles/02-equite.{language}.md", text.Replace("number: 1", "number: 2"));
        }
        var result = Builds.InMemory(site.Path);
        var duplicates = result.Errors().Where(d => d.Code == Codes.DuplicateId && d.Message.Contains("'p1'")).ToList();
        Assert.True(duplicates.Count == 2, result.Printed());
        AssertAt(duplicates[0], Severity.Error, Codes.DuplicateId, "content/charte/principles/02-equite.en.md", 2, 1);
        AssertAt(duplicates[1], Severity.Error, Codes.DuplicateId, "content/charte/principles/02-equite.fr.md", 2, 1);
        Assert.Contains("content/charte/principles/01-dignite.fr.md:2:1", duplicates[1].Message);
    }

    [Fact]
    public void Duplicate_unit_id_names_both_lines()
    {
        using var site = new TempDir(Repo.BrokenSite("translation-structure"));
        // Start from matching translations: give the English its fifth priority back.
        site.Replace("content/charte/principles/01-dignite.en.md", "  - text: Four\n", "  - text: Four\n  - text: Five\n");
        foreach (var language in new[] { "fr", "en" })
        {
            var path = $"content/charte/principles/01-dignite.{language}.md";
            var lines = File.ReadAllLines(site.Full(path)).ToList();
            // Give the second and the fourth priority the same explicit id (lines 8 and 10 of the file).
            lines[7] = lines[7].Replace("  - text:", "  - id: twice\n    text:");
            lines[9] = lines[9].Replace("  - text:", "  - id: twice\n    text:");
            File.WriteAllText(site.Full(path), string.Join("\n", lines) + "\n");
        }
        var result = Builds.InMemory(site.Path);
        var errors = result.Errors().ToList();
        Assert.True(errors.Count == 2, result.Printed());
        // After the edit, the first 'twice' is on line 9 ("    text: Deux") and the second on line 12.
        AssertAt(errors[0], Severity.Error, Codes.DuplicateId, "content/charte/principles/01-dignite.en.md", 12, 11);
        AssertAt(errors[1], Severity.Error, Codes.DuplicateId, "content/charte/principles/01-dignite.fr.md", 12, 11);
        Assert.Contains("'twice'", errors[1].Message);
        Assert.Contains("content/charte/principles/01-dignite.fr.md:9:11", errors[1].Message);
    }

    [Fact]
    public void Translations_that_differ_in_structure_are_an_error()
    {
        var result = Builds.InMemory(Repo.BrokenSite("translation-structure"));
        // At the 'priorities:' line (6) of the translation that differs.
        var error = SingleError(result, Codes.TranslationMismatch, "content/charte/principles/01-dignite.en.md", 6, 1);
        Assert.Contains("content/charte/principles/01-dignite.fr.md", error.Message);
        Assert.Contains("4 priorities where 5 are expected", error.Message);
    }

    [Fact]
    public void Timeline_out_of_order_is_reported_at_the_misplaced_milestone()
    {
        var result = Builds.InMemory(Repo.BrokenSite("timeline-out-of-order"));
        var errors = result.Errors().ToList();
        Assert.True(errors.Count == 2, result.Printed());
        // Line 9 is "    text: Three, listed after October but from May", the milestone that breaks the order.
        AssertAt(errors[0], Severity.Error, Codes.TimelineOrder, "content/charte/timeline.en.md", 9, 11);
        AssertAt(errors[1], Severity.Error, Codes.TimelineOrder, "content/charte/timeline.fr.md", 9, 11);
        Assert.Contains("2021-05", errors[0].Message);
        Assert.Contains("2021-10", errors[0].Message);
    }

    [Fact]
    public void Every_problem_is_reported_together_sorted_by_file_and_line()
    {
        var result = Builds.InMemory(Repo.BrokenSite("many-faults"));
        Assert.False(result.Success);
        // Faults found by three stages (load: YAML, unknown field; validate: timeline; resolve: reference), all in one run.
        var errors = result.Errors().Select(d => $"{d.Location} {d.Code}").ToList();
        Assert.Equal(
        [
            "content/charte/ambition.fr.md:7:42 CH011",
            "content/charte/principles/01-dignite.fr.md:5:14 CH001",
            "content/charte/timeline.en.md:9:11 CH016",
            "content/charte/timeline.fr.md:9:11 CH016",
        ], errors);
        Assert.Contains(result.Warnings(), w => w.Code == Codes.UnknownField && w.Location.ToString() == "content/charte/principles/01-dignite.en.md:9:5");
        var order = result.Diagnostics.Select(d => (d.Location.Path, d.Location.Line, d.Location.Column)).ToList();
        Assert.Equal(order.OrderBy(x => x.Path, StringComparer.Ordinal).ThenBy(x => x.Line).ThenBy(x => x.Column), order);
    }
}
