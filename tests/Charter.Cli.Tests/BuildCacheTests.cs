using Charter.Site.Build;

namespace Charter.Cli.Tests;

/// <summary>What serve keeps from one build to the next (theme, parsed files, Markdown, pages, search index) must never hide a change or an error.</summary>
public sealed class BuildCacheTests : IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("charter-cache-").FullName;
    private readonly BuildCache _cache = new();

    public BuildCacheTests() => ServedSite.CopySite(_root);

    public void Dispose() => Directory.Delete(_root, recursive: true);

    private BuildResult Build(BuildCache? cache) =>
        SiteBuilder.Build(new BuildOptions(_root, Path.Combine(_root, "public"), "http://127.0.0.1:1/", WriteOutput: false), cache);

    private string Page(BuildResult result, string path) =>
        System.Text.Encoding.UTF8.GetString(result.Files.Single(f => f.Path == path).Content);

    private void Edit(string relative, Func<string, string> change)
    {
        var path = Path.Combine(_root, relative);
        var before = File.GetLastWriteTimeUtc(path);
        File.WriteAllText(path, change(File.ReadAllText(path)));
        // Coarse file times (some file systems) must not make the edit invisible to the stamp.
        if (File.GetLastWriteTimeUtc(path) == before) File.SetLastWriteTimeUtc(path, before.AddSeconds(1));
    }

    [Fact]
    public void A_build_with_the_kept_theme_is_byte_identical_to_a_fresh_one()
    {
        Assert.True(Build(_cache).Success);
        Edit("content/lampedusa/vision.fr.md", t => t.Replace("title: Notre Vision", "title: Notre Vision modifiée"));
        var kept = Build(_cache);
        var fresh = Build(null);
        Assert.Equal(1, _cache.ThemeReuses);
        Assert.True(kept.Success);
        Assert.Contains("Notre Vision modifiée", Page(kept, "fr/lampedusa/vision/index.html"));
        Assert.Equal(fresh.Files.Select(f => f.Path), kept.Files.Select(f => f.Path));
        Assert.All(fresh.Files.Zip(kept.Files), pair => Assert.True(pair.First.Content.AsSpan().SequenceEqual(pair.Second.Content), pair.First.Path));
    }

    private void AssertSameAsFresh(BuildResult kept, string after)
    {
        Assert.True(kept.Success, after + ": " + string.Join("\n", kept.Diagnostics));
        var fresh = Build(null);
        Assert.Equal(fresh.Files.Select(f => f.Path), kept.Files.Select(f => f.Path));
        Assert.All(fresh.Files.Zip(kept.Files), pair => Assert.True(pair.First.Content.AsSpan().SequenceEqual(pair.Second.Content), $"{after}: {pair.First.Path}"));
    }

    [Fact]
    public void Every_rebuild_after_an_edit_equals_a_fresh_build_and_reuses_what_the_edit_did_not_touch()
    {
        Assert.True(Build(_cache).Success);

        Edit("content/lampedusa/principles/02-equite.fr.md", t => t.Replace("Renforcer et étendre", "Renforcer et bien étendre"));
        var kept = Build(_cache);
        AssertSameAsFresh(kept, "a priority edited");
        Assert.Contains("Renforcer et bien étendre", Page(kept, "fr/lampedusa/principles/2/index.html"));
        // One file of ~70 parsed again; most pages and the English search index reused.
        Assert.True(_cache.Content.Reused > 60, $"{_cache.Content.Reused} files reused");
        var pages = kept.Files.Count(f => f.Path.EndsWith(".html", StringComparison.Ordinal));
        Assert.True(_cache.Pages.Reused > pages / 2, $"{_cache.Pages.Reused} pages reused of {pages}");
        Assert.Equal(2, _cache.SearchIndexReuses); // the languages whose documents the edit did not touch (en, es)

        // A declaration's title is shown on pages that did not change: the home page, the commitments that cite it.
        Edit("content/declarations/africa-charter-2018.fr.md", t => t.Replace("title: Charte des gouvernements", "title: La Charte des gouvernements"));
        kept = Build(_cache);
        AssertSameAsFresh(kept, "a declaration renamed");
        Assert.Contains("La Charte des gouvernements", Page(kept, "fr/lampedusa/index.html"));

        // A note added before another renumbers it in a text that did not change (the Town Hall priority, 6.4).
        Edit("content/lampedusa/principles/06-communaute.fr.md", t => t
            .Replace("Renforcer la confiance avec", "Renforcer la confiance[^extra] avec")
            .Replace("notes:\n  town-hall:", "notes:\n  extra: >-\n    Une note ajoutée.\n  town-hall:"));
        Edit("content/lampedusa/principles/06-communaute.en.md", t => t
            .Replace("Build trust with", "Build trust[^extra] with")
            .Replace("notes:\n  town-hall:", "notes:\n  extra: >-\n    An added note.\n  town-hall:"));
        Edit("content/lampedusa/principles/06-communaute.es.md", t => t
            .Replace("Reforzar la confianza con", "Reforzar la confianza[^extra] con")
            .Replace("notes:\n  town-hall:", "notes:\n  extra: >-\n    Una nota añadida.\n  town-hall:"));
        kept = Build(_cache);
        AssertSameAsFresh(kept, "a note added");
        Assert.Contains("Une note ajoutée", Page(kept, "fr/lampedusa/principles/6/index.html"));

        // A UI string is on every page of its language.
        Edit("themes/default/i18n/fr.yml", t => t.Replace("home: Accueil", "home: Page d’accueil"));
        kept = Build(_cache);
        AssertSameAsFresh(kept, "a UI string edited");
        Assert.Contains("Page d’accueil", Page(kept, "fr/lampedusa/vision/index.html"));
    }

    [Fact]
    public void A_file_whose_digest_is_the_one_it_was_kept_under_is_not_read_again()
    {
        var diagnostics = new Charter.Core.Diagnostics.DiagnosticBag();
        var config = Charter.Core.Load.SiteConfigLoader.Load(_root, diagnostics)!;
        var cache = new Charter.Core.Load.LoadCache();
        string VisionText(Charter.Core.Model.SiteContent content) =>
            content.Edition("lampedusa", "fr")!.Parts.Values.Single(u => u.File.Path == "content/lampedusa/vision.fr.md").File.Text;
        Charter.Core.Model.SiteContent Load(IReadOnlyDictionary<string, byte[]> digests)
        {
            cache.Begin();
            var content = Charter.Core.Load.ContentLoader.Load(_root, config, diagnostics, cache, digests);
            cache.End(success: true);
            return content;
        }

        Load(SiteInputs.Read(_root).Files);
        // Saved after serve took its digests: this build loads what was parsed under the digest it took (its keys were
        // made from it), so it does not read the file; the watcher's next build, with new digests, does.
        var digests = SiteInputs.Read(_root).Files;
        Edit("content/lampedusa/vision.fr.md", t => t.Replace("title: Notre Vision", "title: Notre Vision relue"));
        var loaded = Load(digests);
        Assert.DoesNotContain("Notre Vision relue", VisionText(loaded));
        var files = cache.Reused;
        Assert.True(files > 60, $"{files} files reused");
        loaded = Load(SiteInputs.Read(_root).Files);
        Assert.Contains("Notre Vision relue", VisionText(loaded));
        Assert.Equal(files - 1, cache.Reused);
        Assert.False(diagnostics.HasErrors);
    }

    [Fact]
    public void A_warning_of_a_file_that_did_not_change_is_reported_again()
    {
        Edit("content/lampedusa/vision.fr.md", t => t.Replace("title: Notre Vision", "title: Notre Vision\nunknown_field_41: x"));
        var first = Build(_cache);
        Assert.Contains(first.Diagnostics, d => d.Message.Contains("unknown_field_41", StringComparison.Ordinal));
        Edit("content/lampedusa/timeline.fr.md", t => t + "\n");
        var second = Build(_cache);
        Assert.True(_cache.Content.Reused > 0);
        Assert.Contains(second.Diagnostics, d => d.Message.Contains("unknown_field_41", StringComparison.Ordinal));
    }

    [Fact]
    public void An_edited_template_is_read_again()
    {
        Assert.True(Build(_cache).Success);
        Edit("themes/default/templates/vision.liquid", t => "<p>template-edit-31</p>\n" + t);
        var result = Build(_cache);
        Assert.True(result.Success);
        Assert.Equal(0, _cache.ThemeReuses);
        Assert.Contains("template-edit-31", Page(result, "fr/lampedusa/vision/index.html"));
    }

    [Fact]
    public void An_edited_partial_is_read_again()
    {
        Assert.True(Build(_cache).Success);
        Edit("themes/default/templates/unit-tools.liquid", t => "<span>partial-edit-32</span>\n" + t);
        var result = Build(_cache);
        Assert.True(result.Success);
        Assert.Contains("partial-edit-32", Page(result, "fr/lampedusa/vision/index.html"));
    }

    [Fact]
    public void A_broken_template_keeps_failing_until_it_is_fixed()
    {
        Assert.True(Build(_cache).Success);
        var original = File.ReadAllText(Path.Combine(_root, "themes/default/templates/vision.liquid"));
        Edit("themes/default/templates/vision.liquid", t => t + "\n{% if %}\n");
        var broken = Build(_cache);
        Assert.False(broken.Success);
        Assert.Contains(broken.Diagnostics, d => d.Location.Path.EndsWith("vision.liquid", StringComparison.Ordinal));

        // A content edit alone must not bring back a theme that remembers the template as missing, without its error.
        Edit("content/lampedusa/vision.fr.md", t => t.Replace("title: Notre Vision", "title: Notre Vision bis"));
        var still = Build(_cache);
        Assert.False(still.Success);
        Assert.Contains(still.Diagnostics, d => d.Location.Path.EndsWith("vision.liquid", StringComparison.Ordinal));

        Edit("themes/default/templates/vision.liquid", _ => original);
        Assert.True(Build(_cache).Success);
    }
}
