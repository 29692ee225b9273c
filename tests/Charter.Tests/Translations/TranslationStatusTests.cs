using System.Text.Json;
using Charter.Cli;
using Charter.Core.Diagnostics;
using Charter.Tests.Support;

namespace Charter.Tests.Translations;

/// <summary>
/// A translator's view: the ledgers (content/translations.{lang}.yml) record what source text each unit was
/// translated from; a change of the French text makes that unit outdated in every translation — a warning at its
/// line, a note on its page, a line in <c>charter status</c> — until <c>charter mark</c> records the new text.
/// </summary>
public class TranslationStatusTests
{
    private const string Fr = "content/lampedusa/principles/02-equite.fr.md";
    private const string En = "content/lampedusa/principles/02-equite.en.md";
    private const string Es = "content/lampedusa/principles/02-equite.es.md";
    private const string P23Fr = "      Garantir un accès universel et inconditionnel";

    private static (int Exit, string Out, string Err) Run(params string[] args)
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        var exit = CommandLine.Run(args, stdout, stderr);
        return (exit, stdout.ToString(), stderr.ToString());
    }

    /// <summary>The 1-based line of the third priority in a principle file ("  - text: >-", where its text starts).</summary>
    private static int ThirdPriorityLine(string text)
    {
        var lines = text.Split('\n');
        return Enumerable.Range(0, lines.Length).Where(i => lines[i].StartsWith("  - text:", StringComparison.Ordinal)).ElementAt(2) + 1;
    }

    [Fact]
    public void The_real_translations_are_recorded_and_current()
    {
        var (exit, stdout, stderr) = Run("status", "--source", Repo.Root, "--json", "--strict");
        Assert.True(exit == 0, stderr + stdout);
        using var json = JsonDocument.Parse(stdout);
        Assert.Equal("fr", json.RootElement.GetProperty("source").GetString());
        foreach (var language in json.RootElement.GetProperty("languages").EnumerateArray())
        {
            Assert.True(language.GetProperty("units").GetInt32() > 100);
            Assert.Equal(language.GetProperty("units").GetInt32(), language.GetProperty("current").GetInt32());
        }
    }

    [Fact]
    public void A_changed_source_text_makes_the_unit_outdated_until_it_is_marked()
    {
        using var site = TempDir.RealSite();
        site.Replace(Fr, P23Fr, "      Assurer un accès universel et inconditionnel");

        var build = Builds.InMemory(site.Path);
        build.AssertSucceeded();
        var outdated = build.Warnings().Where(w => w.Code == Codes.OutdatedTranslation).OrderBy(w => w.Location.Path, StringComparer.Ordinal).ToList();
        Assert.True(outdated.Count == 2, build.Printed());
        Assert.Equal((En, ThirdPriorityLine(site.Read(En))), (outdated[0].Location.Path, outdated[0].Location.Line));
        Assert.Equal(Es, outdated[1].Location.Path);
        Assert.Contains("priority 2.3", outdated[0].Message);
        Assert.Contains("charter mark en lampedusa/p2-3", outdated[0].Hint);

        // The reader of the English page is told, at that priority only, and led to the French text.
        var page = Html.Parse(build.File("en/lampedusa/principles/2/index.html"));
        var notes = page.QuerySelectorAll(".outdated-note").ToList();
        var note = Assert.Single(notes);
        Assert.Equal("p2-3", note.Closest("[id]")!.Id);
        Assert.Equal("/fr/lampedusa/principles/2/#p2-3", note.QuerySelector("a")!.GetAttribute("href"));
        Assert.Equal("Read it in French", note.QuerySelector("a")!.TextContent);
        Assert.Empty(Html.Parse(build.File("fr/lampedusa/principles/2/index.html")).QuerySelectorAll(".outdated-note"));

        var status = Run("status", "--source", site.Path, "--strict");
        Assert.Equal(ExitCodes.ContentErrors, status.Exit);
        Assert.Contains($"{En}:{ThirdPriorityLine(site.Read(En))}:{outdated[0].Location.Column}: priority 2.3 [lampedusa/p2-3]: the source text changed", status.Out);

        // The translator brings the English up to date and marks it: English is current again, Spanish is not.
        var ledger = site.Read("content/translations.en.yml");
        var mark = Run("mark", "en", "p2-3", "--source", site.Path);
        Assert.True(mark.Exit == 0, mark.Err);
        Assert.Contains("Marked 1 unit of en", mark.Out);
        var changed = ledger.Split('\n').Zip(site.Read("content/translations.en.yml").Split('\n')).Where(p => p.First != p.Second).ToList();
        Assert.Single(changed);
        Assert.StartsWith("  lampedusa/p2-3: ", changed[0].Second);
        var after = Builds.InMemory(site.Path).Warnings().Where(w => w.Code == Codes.OutdatedTranslation).ToList();
        Assert.Equal(Es, Assert.Single(after).Location.Path);
    }

    [Fact]
    public void Rewrapping_a_paragraph_is_not_a_change_of_its_text()
    {
        using var site = TempDir.RealSite();
        site.Replace(Fr, "      Garantir un accès universel", "      Garantir un accès\n      universel");
        Assert.DoesNotContain(Builds.InMemory(site.Path).Warnings(), w => w.Code == Codes.OutdatedTranslation);
    }

    [Fact]
    public void A_missing_translation_and_a_language_never_marked_are_said_apart()
    {
        using var site = TempDir.RealSite();
        site.Delete(Es);
        site.Delete("content/translations.en.yml");
        var (exit, stdout, stderr) = Run("status", "--source", site.Path, "--json");
        Assert.True(exit == 0, stderr);
        using var json = JsonDocument.Parse(stdout);
        var byLanguage = json.RootElement.GetProperty("languages").EnumerateArray().ToDictionary(l => l.GetProperty("language").GetString()!);
        Assert.Equal(0, byLanguage["en"].GetProperty("current").GetInt32());
        Assert.Equal(byLanguage["en"].GetProperty("units").GetInt32(), byLanguage["en"].GetProperty("not_recorded").GetInt32());
        // The Spanish principle 2 and its five priorities fall back to French.
        Assert.Equal(6, byLanguage["es"].GetProperty("missing").GetInt32());
        var missing = byLanguage["es"].GetProperty("behind").EnumerateArray().Select(u => u.GetProperty("key").GetString()).ToList();
        Assert.Equal(["lampedusa/p2", "lampedusa/p2-1", "lampedusa/p2-2", "lampedusa/p2-3", "lampedusa/p2-4", "lampedusa/p2-5"], missing);
        Assert.Equal(ExitCodes.ContentErrors, Run("status", "--source", site.Path, "--strict").Exit);
    }

    [Fact]
    public void Mark_refuses_what_it_cannot_mark_and_never_writes_then()
    {
        using var site = TempDir.RealSite();
        var before = site.Read("content/translations.en.yml");
        var unknownLanguage = Run("mark", "de", "--source", site.Path);
        Assert.Equal(ExitCodes.Usage, unknownLanguage.Exit);
        Assert.Contains("'de' is not a translation of this site", unknownLanguage.Err);
        var source = Run("mark", "fr", "--source", site.Path);
        Assert.Equal(ExitCodes.Usage, source.Exit);
        var unknownUnit = Run("mark", "en", "p9-9", "--source", site.Path);
        Assert.Equal(ExitCodes.Usage, unknownUnit.Exit);
        Assert.Contains("'p9-9' names no translated unit of en", unknownUnit.Err);
        site.Replace(En, "number: 2", "number: two");
        var broken = Run("mark", "en", "--source", site.Path);
        Assert.Equal(ExitCodes.ContentErrors, broken.Exit);
        Assert.Contains($"{En}:", broken.Err);
        Assert.Equal(before, site.Read("content/translations.en.yml"));
    }

    [Fact]
    public void A_ledger_written_against_another_source_language_is_said_once()
    {
        using var site = TempDir.RealSite();
        site.Replace("content/translations.es.yml", "source: fr", "source: en");
        var warning = DiagnosticAssert.Single(Builds.InMemory(site.Path), Codes.OutdatedTranslation);
        Assert.Equal("content/translations.es.yml", warning.Location.Path);
        Assert.Contains("written against 'en'", warning.Message);
    }
}
