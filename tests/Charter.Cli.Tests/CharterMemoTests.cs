using System.Text.RegularExpressions;
using Charter.Core.Diagnostics;
using Charter.Site.Build;

namespace Charter.Cli.Tests;

/// <summary>
/// Serve keeps a charter's pages whole while nothing they are made of changed (CharterMemo): in a site of two charters,
/// every rebuild must still equal a fresh build, file for file and warning for warning, whichever charter or site file
/// an edit touches, and the charter an edit did not touch must be the one reused.
/// </summary>
public sealed class CharterMemoTests : IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("charter-memo-").FullName;
    private readonly BuildCache _cache = new();

    public void Dispose() => Directory.Delete(_root, recursive: true);

    /// <summary>The real site, and a second charter, "bis", a copy of the first: its passages cite the same declarations,
    /// so each declaration's "cited N times" on the first charter's pages counts the second's citations too.</summary>
    private void RealSiteAndACopy()
    {
        ServedSite.CopySite(_root);
        ServedSite.CopyFolder(Path.Combine(_root, "content/lampedusa"), Path.Combine(_root, "content/bis"));
    }

    private BuildResult Build(BuildCache? cache) =>
        SiteBuilder.Build(new BuildOptions(_root, Path.Combine(_root, "public"), "http://127.0.0.1:1/", WriteOutput: false), cache);

    private void Edit(string relative, Func<string, string> change)
    {
        var path = Path.Combine(_root, relative);
        var before = File.ReadAllText(path);
        var after = change(before);
        Assert.NotEqual(before, after); // the edit must find what it changes
        File.WriteAllText(path, after);
    }

    private static string Page(BuildResult result, string path) =>
        System.Text.Encoding.UTF8.GetString(result.Files.Single(f => f.Path == path).Content);

    /// <summary>
    /// Rebuilds with the cache, checks how many charters it reused whole and how many it took validated and placed from the memories of Validate and Resolve
    /// (null: not checked), and that it equals a fresh build.
    /// </summary>
    private BuildResult Rebuild(string after, int? charters, int? placed)
    {
        var kept = Build(_cache);
        var reused = _cache.Charters.Reused;
        if (charters is { } expected) Assert.True(expected == reused, $"{after}: {reused} charters reused, expected {expected}");
        var (validated, resolved) = (_cache.Validated.Reused, _cache.Placed.Reused);
        if (placed is { } expectedPlaced)
            Assert.True(expectedPlaced == resolved && expectedPlaced == validated,
                $"{after}: {validated} charters validated and {resolved} placed by an earlier build, expected {expectedPlaced}");
        Assert.True(kept.Success, after + ": " + string.Join("\n", kept.Diagnostics));
        var fresh = Build(null);
        Assert.Equal(fresh.Files.Select(f => f.Path), kept.Files.Select(f => f.Path));
        Assert.All(fresh.Files.Zip(kept.Files), pair => Assert.True(pair.First.Content.AsSpan().SequenceEqual(pair.Second.Content), $"{after}: {pair.First.Path}"));
        Assert.Equal(fresh.Diagnostics.Select(d => d.ToString()), kept.Diagnostics.Select(d => d.ToString()));
        return kept;
    }

    [Fact]
    public void A_charter_whose_inputs_did_not_change_is_reused_and_every_rebuild_equals_a_fresh_build()
    {
        RealSiteAndACopy();
        // A warning given while bis's pages are made (a link shown as plain text): reported again when they are reused.
        Edit("content/bis/vision.fr.md", t => t + "\nVoir [ceci](javascript:alert(1)).\n");
        var first = Build(_cache);
        Assert.True(first.Success, string.Join("\n", first.Diagnostics));
        Assert.Equal(0, _cache.Charters.Reused);

        var kept = Rebuild("nothing edited", charters: 2, placed: 2);

        Edit("content/lampedusa/principles/02-equite.fr.md", t => t.Replace("Renforcer et étendre", "Renforcer et bien étendre", StringComparison.Ordinal));
        kept = Rebuild("a priority of the first charter edited", charters: 1, placed: 1);
        Assert.Contains("Renforcer et bien étendre", Page(kept, "fr/lampedusa/principles/2/index.html"));
        Assert.DoesNotContain("Renforcer et bien étendre", Page(kept, "fr/bis/principles/2/index.html"));

        Edit("content/bis/principles/02-equite.fr.md", t => t.Replace("Renforcer et étendre", "Renforcer et mieux étendre", StringComparison.Ordinal));
        kept = Rebuild("a priority of the second charter edited", charters: 1, placed: 1);
        Assert.Contains("Renforcer et mieux étendre", Page(kept, "fr/bis/principles/2/index.html"));

        // A passage that cites a declaration: its quote on the declaration's page follows, the other charter's stays as it was.
        Edit("content/bis/commitments.fr.md", t => t.Replace("pour un avenir plus égalitaire", "pour un avenir bien plus égalitaire", StringComparison.Ordinal));
        kept = Rebuild("a citing passage of the second charter edited", charters: 1, placed: 1);
        Assert.Contains("avenir bien plus égalitaire", Page(kept, "fr/declarations/agenda-2030/index.html"));
        Assert.Contains("avenir plus égalitaire", Page(kept, "fr/declarations/agenda-2030/index.html"));

        // The first charter's edited priority is outdated in English and Spanish: warnings of its translation status, given
        // again while its placement is reused. Its line taken out of the English ledger (a site file), every charter's status
        // is made again: the English warning goes, the Spanish one stays.
        bool Outdated(BuildResult result, string language, string key) => result.Diagnostics.Any(d =>
            d.Code == Codes.OutdatedTranslation && d.Hint is { } hint && hint.EndsWith($"charter mark {language} {key}'", StringComparison.Ordinal));
        var marked = kept.Diagnostics.Single(d => d.Code == Codes.OutdatedTranslation && d.Hint!.Contains("charter mark en lampedusa/", StringComparison.Ordinal));
        var key = Regex.Match(marked.Hint!, @"charter mark en (\S+)'").Groups[1].Value;
        Assert.True(Outdated(kept, "es", key));
        Edit("content/translations.en.yml", t => Regex.Replace(t, $@"\n  {Regex.Escape(key)}: \w+", ""));
        kept = Rebuild("a line of the English ledger removed", charters: 0, placed: 0);
        Assert.False(Outdated(kept, "en", key));
        Assert.True(Outdated(kept, "es", key));

        // bis cites one declaration less: its count, which a theme may print on the first charter's pages, changes with it
        // (the built-in theme prints the counts on the references page only; this one prints them on the charter's home too).
        Edit("themes/default/templates/charter.liquid", t => t.Replace("{{ d.issuer }}, {{ d.year }}</span>", "{{ d.issuer }}, {{ d.year }} · {{ d.cited }}</span>", StringComparison.Ordinal));
        Assert.True(Build(_cache).Success);
        foreach (var language in new[] { "fr", "en", "es" })
            Edit($"content/bis/co-creation.{language}.md", t => t.Replace("  - mc2cm\n", "", StringComparison.Ordinal));
        // The first charter's own files and the site's are unchanged: it is placed as before, though its pages are made again.
        kept = Rebuild("a citation removed from the second charter", charters: 0, placed: 1);

        // A declaration's title is shown on both charters' pages.
        Edit("content/declarations/africa-charter-2018.fr.md", t => t.Replace("title: Charte des gouvernements", "title: La Charte des gouvernements", StringComparison.Ordinal));
        kept = Rebuild("a declaration renamed", charters: 0, placed: 0);
        Assert.Contains("La Charte des gouvernements", Page(kept, "fr/bis/index.html"));

        // A template: the theme is read again, and no page is kept from the old one.
        Edit("themes/default/templates/vision.liquid", t => "<p>template-edit-77</p>\n" + t);
        kept = Rebuild("a template edited", charters: 0, placed: 0);
        Assert.Contains("template-edit-77", Page(kept, "fr/bis/vision/index.html"));

        // A UI string.
        Edit("themes/default/i18n/fr.yml", t => t.Replace("home: Accueil", "home: Page d’accueil", StringComparison.Ordinal));
        kept = Rebuild("a UI string edited", charters: 0, placed: 0);
        Assert.Contains("Page d’accueil", Page(kept, "fr/bis/vision/index.html"));

        // The warning of bis's page, and a charter removed.
        Edit("content/lampedusa/vision.fr.md", t => t.Replace("title: Notre Vision", "title: Notre Vision modifiée", StringComparison.Ordinal));
        kept = Rebuild("the first charter's vision edited", charters: 1, placed: 1);
        Assert.Contains(kept.Diagnostics, d => d.Location.Path == "content/bis/vision.fr.md" && d.Message.Contains("javascript", StringComparison.Ordinal));
        Directory.Delete(Path.Combine(_root, "content/bis"), recursive: true);
        kept = Rebuild("the second charter removed", charters: null, placed: null);
        Assert.DoesNotContain(kept.Files, f => f.Path.StartsWith("fr/bis/", StringComparison.Ordinal));
    }

    [Fact]
    public void A_charter_with_versions_is_reused_too_and_its_dated_pages_follow_its_version_files()
    {
        // The versions fixture (charter "parc", three versions) beside a copy of it without versions ("bis").
        ServedSite.CopyFolder(Path.Combine(ServedSite.RepositoryRoot(), "tests/Charter.Tests/Fixtures/versions"), _root);
        ServedSite.CopyFolder(Path.Combine(_root, "content/parc"), Path.Combine(_root, "content/bis"));
        File.Delete(Path.Combine(_root, "content/bis/versions.yml"));
        Directory.Delete(Path.Combine(_root, "content/bis/versions"), recursive: true);
        // A version without its English record: a warning Resolve gives while it places parc, reported again when parc's
        // placement is reused (each rebuild's diagnostics must equal a fresh build's).
        File.Delete(Path.Combine(_root, "content/parc/versions/2023-05.en.yml"));
        // And a missing translation in bis: a warning of the validation, reported again when bis's checks are reused.
        File.Delete(Path.Combine(_root, "content/bis/principles/02-espaces.en.md"));
        var first = Build(_cache);
        Assert.True(first.Success, string.Join("\n", first.Diagnostics));
        Assert.Contains(first.Diagnostics, d => d.Location.Path == "content/parc/versions/2023-05.fr.yml");
        Assert.Contains(first.Diagnostics, d => d.Location.Path == "content/bis/principles/02-espaces.en.md");
        Assert.Equal(0, _cache.Charters.Reused);

        Rebuild("nothing edited", charters: 2, placed: 2);

        Edit("content/bis/principles/01-acces.fr.md", t => t.Replace("chaque matin", "chaque matin tôt", StringComparison.Ordinal));
        Rebuild("a priority of the charter without versions edited", charters: 1, placed: 1);

        // The title 2022-10 replaced: the pages of the 2021-06 draft show it.
        Edit("content/parc/versions/2022-10.fr.yml", t => t.Replace("Espaces communs", "Espaces partagés jadis", StringComparison.Ordinal));
        var kept = Rebuild("a version file edited", charters: 1, placed: 1);
        Assert.Contains(kept.Files, f => f.Path.StartsWith("fr/parc/2021-06/", StringComparison.Ordinal) && f.Path.EndsWith(".html", StringComparison.Ordinal)
            && Page(kept, f.Path).Contains("Espaces partagés jadis", StringComparison.Ordinal));

        Edit("content/parc/versions.yml", t => t.Replace("Projet soumis aux riverains", "Projet soumis aux riverains du parc", StringComparison.Ordinal));
        Rebuild("the list of versions edited", charters: 1, placed: 1);

        Edit("content/parc/principles/01-acces.fr.md", t => t.Replace("chaque matin", "chaque matin de bonne heure", StringComparison.Ordinal));
        Rebuild("the current text of the charter with versions edited", charters: 1, placed: 1);
    }
}
