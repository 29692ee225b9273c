using System.Collections.Immutable;
using System.Text.RegularExpressions;
using Charter.Cli.Commands;
using Charter.Cli.New;
using Charter.Site.Build;
using Charter.Site.Check;

namespace Charter.Cli.Tests;

/// <summary>
/// <c>charter new</c>, in-process: every shape in every tried set of languages gives a site that builds and passes
/// the check without a warning; bad options are refused (exit 2) before anything is written; the new site appears
/// whole or not at all, and never over anything.
/// </summary>
public sealed class NewCommandTests : IDisposable
{
    private readonly string _temp = Directory.CreateTempSubdirectory("charter-new-").FullName;

    public void Dispose() => Directory.Delete(_temp, recursive: true);

    private string At(string name) => Path.Combine(_temp, name);

    private static (int Exit, string Out, string Err) Run(params string[] args)
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        var exit = CommandLine.Run(args, stdout, stderr);
        return (exit, stdout.ToString(), stderr.ToString());
    }

    private static string[] Lines(string text) => text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    private static BuildResult Build(string site, string? baseUrl = null) =>
        SiteBuilder.Build(new BuildOptions(site, Path.Combine(site, "public"), baseUrl, WriteOutput: false));

    /// <summary>Every file under a folder, relative, with '/' separators.</summary>
    private static string[] FilesUnder(string folder) =>
        Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories)
            .Select(f => Path.GetRelativePath(folder, f).Replace('\\', '/')).Order(StringComparer.Ordinal).ToArray();

    private static void AssertBuildsAndChecksClean(string site, IEnumerable<string>? allowedWarnings = null, string? baseUrl = null)
    {
        var build = Build(site, baseUrl);
        Assert.True(build.Success, string.Join("\n", build.Diagnostics));
        var expected = (allowedWarnings ?? []).Order(StringComparer.Ordinal).ToList();
        Assert.Equal(expected, build.Diagnostics.Select(d => d.ToString()).Order(StringComparer.Ordinal));
        // The check reports the build's diagnostics with its own: nothing more.
        var check = SiteChecker.Check(build, "public/");
        Assert.Equal(expected, check.Diagnostics.Select(d => d.ToString()).Order(StringComparer.Ordinal));
    }

    [Theory]
    [InlineData("declaration", "fr,en")]
    [InlineData("declaration", "en")]
    [InlineData("declaration", "es,fr,en")]
    [InlineData("articles", "fr,en")]
    [InlineData("articles", "en")]
    [InlineData("articles", "es,fr,en")]
    [InlineData("principles", "fr,en")]
    [InlineData("principles", "en")]
    [InlineData("principles", "es,fr,en")]
    public void Each_shape_builds_and_passes_the_check_without_a_warning(string shape, string languages)
    {
        var site = At("site");
        var (exit, _, stderr) = Run("new", site, "--shape", shape, "--languages", languages);
        Assert.True(exit == 0, stderr);
        Assert.Equal("", stderr);
        AssertBuildsAndChecksClean(site);

        var codes = languages.Split(',');
        var config = File.ReadAllText(Path.Combine(site, "charter.yml"));
        Assert.Contains($"languages: [{string.Join(", ", codes)}]", config);
        Assert.Contains($"default_language: {codes[0]}\n", config);
        Assert.Contains("main_charter: site ", config);
        // Every content file exists in every language, and nothing else is a translation.
        var files = FilesUnder(site);
        var translated = files.Where(f => f.EndsWith(".md", StringComparison.Ordinal)).ToList();
        var names = translated.Select(f => Regex.Replace(f, @"\.[a-z]{2}\.md$", "")).Distinct().ToList();
        Assert.Equal(names.Count * codes.Length, translated.Count);
        foreach (var name in names)
            foreach (var code in codes)
                Assert.Contains($"{name}.{code}.md", translated);
        // A folder unit where the shape has folders, and an example declaration a unit cites.
        if (shape != "declaration") Assert.Contains(files, f => Regex.IsMatch(f, @"^content/site/[a-z]+/[^/]+\.md$"));
        Assert.Contains(files, f => f.StartsWith("content/declarations/earlier-declaration.", StringComparison.Ordinal));
        Assert.Contains(Directory.EnumerateFiles(Path.Combine(site, "content", "site"), "*.md", SearchOption.AllDirectories),
            f => File.ReadAllText(f).Contains("references: [earlier-declaration]"));
        // The localized texts of structure.yml are given for exactly the site's languages, in its order.
        var structure = File.ReadAllText(Path.Combine(site, "content", "site", "structure.yml"));
        Assert.Contains($"label: {{ {codes[0]}: ", structure);
        foreach (var other in new[] { "fr", "en", "es" }.Except(codes)) Assert.DoesNotContain($" {other}: ", structure);
    }

    [Theory]
    [InlineData("content/site/preamble.en.md", "../../schemas/site/preamble.schema.json")]
    [InlineData("content/site/charter.en.md", "../../schemas/site/charter.schema.json")]
    [InlineData("content/site/chapters.en.md", "../../schemas/site/chapters.schema.json")]
    [InlineData("content/site/chapters/01-general-provisions.en.md", "../../../schemas/site/chapters/unit.schema.json")]
    [InlineData("content/declarations/earlier-declaration.en.md", "../../schemas/declaration.schema.json")]
    public void Each_content_file_names_its_json_schema_on_the_first_line_of_its_front_matter(string file, string schema)
    {
        var site = At("site");
        Assert.Equal(0, Run("new", site, "--shape", "articles").Exit);
        var lines = File.ReadAllLines(Path.Combine(site, file));
        Assert.Equal("---", lines[0]);
        Assert.Equal($"# yaml-language-server: $schema={schema}", lines[1]);
        // And every other content file too, with a path that leads from it to schemas/ at the site root.
        foreach (var md in FilesUnder(site).Where(f => f.EndsWith(".md", StringComparison.Ordinal)))
        {
            var second = File.ReadLines(Path.Combine(site, md)).ElementAt(1);
            var target = Regex.Match(second, @"^# yaml-language-server: \$schema=(?<path>\S+)$").Groups["path"].Value;
            var resolved = Path.GetRelativePath(site, Path.GetFullPath(Path.Combine(Path.GetDirectoryName(Path.Combine(site, md))!, target))).Replace('\\', '/');
            Assert.Matches(@"^schemas/(declaration|site/[a-z0-9-]+(/unit)?)\.schema\.json$", resolved);
            Assert.True(File.Exists(Path.Combine(site, resolved)), resolved);
        }
    }

    [Fact]
    public void A_language_the_theme_has_no_strings_for_gets_the_english_text_and_the_build_warns_once()
    {
        var site = At("site");
        var (exit, _, stderr) = Run("new", site, "--languages", "en,de", "--shape", "principles");
        Assert.True(exit == 0, stderr);
        Assert.Equal(File.ReadAllText(Path.Combine(site, "content/site/introduction.en.md")), File.ReadAllText(Path.Combine(site, "content/site/introduction.de.md")));
        Assert.False(Directory.Exists(Path.Combine(site, "themes")));
        AssertBuildsAndChecksClean(site, ["themes/default/i18n/de.yml:1:1: warning CH013: the theme has no UI strings for 'de'; its pages show the 'en' ones " +
            "(copy themes/default/i18n/en.yml to themes/default/i18n/de.yml in the site, then translate it and its 'language:' block)"]);
    }

    [Fact]
    public void A_source_language_the_theme_has_no_strings_for_gets_a_copy_of_the_english_ones_so_no_label_is_empty()
    {
        var site = At("site");
        var (exit, stdout, stderr) = Run("new", site, "--languages", "de,fr");
        Assert.True(exit == 0, stderr);
        var strings = File.ReadAllText(Path.Combine(site, "themes/default/i18n/de.yml"));
        Assert.Contains("\n  tag: de ", strings);
        Assert.Contains("\nsearch_button: Search\n", strings);
        Assert.Contains("themes/default/i18n/de.yml", Lines(stdout));
        AssertBuildsAndChecksClean(site);
        var home = System.Text.Encoding.UTF8.GetString(Build(site).Files.Single(f => f.Path == "de/site/index.html").Content);
        Assert.Contains("<html lang=\"de\"", home);
        Assert.Contains(">Search</button>", home);
    }

    [Fact]
    public void A_language_with_a_region_gets_its_language_s_text()
    {
        var site = At("site");
        Assert.Equal(0, Run("new", site, "--languages", "fr-CA,en").Exit);
        Assert.StartsWith("---\n# yaml-language-server: $schema=../../schemas/site/preamble.schema.json\ntitle: Préambule\n",
            File.ReadAllText(Path.Combine(site, "content/site/preamble.fr-CA.md")));
        AssertBuildsAndChecksClean(site);
    }

    [Fact]
    public void The_title_base_url_and_slug_given_are_the_sites_even_with_yaml_s_special_characters_and_a_sub_path()
    {
        var site = At("My Site");
        const string title = "Charte \"Villes\": l'accueil # 1 \\ tous";
        var (exit, stdout, stderr) = Run("new", site, "--languages", "fr,en", "--title", title, "--base-url", "https://org.github.io/repo");
        Assert.True(exit == 0, stderr);
        Assert.Contains("content/my-site/structure.yml", Lines(stdout));
        Assert.Contains("base_url: https://org.github.io/repo/ ", File.ReadAllText(Path.Combine(site, "charter.yml")));
        AssertBuildsAndChecksClean(site);
        var build = Build(site);
        var page = System.Text.Encoding.UTF8.GetString(build.Files.Single(f => f.Path == "en/my-site/index.html").Content);
        Assert.Contains("<h1>Charte \"Villes\": l'accueil # 1 \\ tous</h1>", System.Net.WebUtility.HtmlDecode(page));
        Assert.Contains("href=\"/repo/en/my-site/", page);

        var other = At("other");
        Assert.Equal(0, Run("new", other, "--slug", "welcome-charter").Exit);
        Assert.True(File.Exists(Path.Combine(other, "content/welcome-charter/charter.en.md")));
        AssertBuildsAndChecksClean(other);
    }

    [Theory]
    [InlineData("Ma Charte d’Accueil", "ma-charte-d-accueil")]
    [InlineData("site", "site")]
    [InlineData("2024", "charter")]
    [InlineData("search", "charter")]
    [InlineData("---", "charter")]
    public void The_slug_is_made_from_the_folder_s_name(string folder, string slug) => Assert.Equal(slug, Starter.SlugFrom(folder));

    [Fact]
    public void It_prints_what_it_wrote_and_the_next_steps()
    {
        var site = At("site");
        var (exit, stdout, stderr) = Run("new", site, "--languages", "fr,en", "--shape", "articles");
        Assert.True(exit == 0, stderr);
        var lines = Lines(stdout);
        Assert.Equal($"Wrote a new site into {site} (shape articles; languages fr, en; fr is the source):", lines[0]);
        Assert.Contains("charter.yml", lines);
        Assert.Contains("content/site/structure.yml", lines);
        Assert.Contains("content/site/chapters/01-general-provisions.{fr,en}.md", lines);
        Assert.Contains("content/declarations/earlier-declaration.{fr,en}.md", lines);
        // Every file written is listed, relative to the site.
        var listed = lines.Skip(1).TakeWhile(l => l != "Next steps:")
            .SelectMany(l => l.Contains("{fr,en}") ? new[] { l.Replace("{fr,en}", "fr"), l.Replace("{fr,en}", "en") } : [l]);
        Assert.Equal(FilesUnder(site), listed.Order(StringComparer.Ordinal));

        var steps = lines.SkipWhile(l => l != "Next steps:").Skip(1).ToList();
        Assert.Equal($"cd {site}", steps[0]);
        var charter = NewCommand.Invocation();
        Assert.StartsWith($"{charter} serve ", steps[1]);
        Assert.Contains("http://127.0.0.1:1313/", steps[1]);
        Assert.Equal("# edit the text in content/site/ (the *.fr.md files first: fr is the source language)", steps[2]);
        Assert.Equal("# and the shape in content/site/structure.yml", steps[3]);
        Assert.StartsWith($"{charter} check ", steps[4]);
        Assert.StartsWith($"{charter} build ", steps[5]);
        Assert.Contains("public/", steps[5]);
        Assert.Equal(6, steps.Count);

        // One language: no source to tell from its translations. In the current folder: no cd.
        var here = At("here");
        Directory.CreateDirectory(here);
        var before = Directory.GetCurrentDirectory();
        Directory.SetCurrentDirectory(here);
        try { (exit, stdout, stderr) = Run("new", ".", "--slug", "mine"); }
        finally { Directory.SetCurrentDirectory(before); }
        Assert.True(exit == 0, stderr);
        steps = Lines(stdout).SkipWhile(l => l != "Next steps:").Skip(1).ToList();
        Assert.StartsWith($"{charter} serve ", steps[0]);
        Assert.Equal("# edit the text in content/mine/ and the shape in content/mine/structure.yml", steps[1]);
        Assert.Equal(4, steps.Count);
    }

    [Fact]
    public void The_next_steps_name_charter_as_it_was_run()
    {
        // Here, an assembly run by dotnet (a test host); from the source tree, dotnet run --project …/src/Charter.Cli --.
        var charter = NewCommand.Invocation();
        Assert.Matches(@"^dotnet (run --project \S+/src/Charter\.Cli --|\S+/charter\.dll)$", charter);
    }

    [Fact]
    public void An_existing_empty_folder_is_filled_in_place()
    {
        var site = At("empty");
        Directory.CreateDirectory(site);
        var (exit, _, stderr) = Run("new", site);
        Assert.True(exit == 0, stderr);
        Assert.True(File.Exists(Path.Combine(site, "charter.yml")));
        Assert.DoesNotContain(Directory.EnumerateFileSystemEntries(site), e => Path.GetFileName(e).Contains("charter-new"));
        Assert.Equal(["empty"], Directory.EnumerateFileSystemEntries(_temp).Select(Path.GetFileName));
        AssertBuildsAndChecksClean(site);
    }

    [Fact]
    public void A_folder_that_is_not_empty_is_refused_and_left_as_it_was()
    {
        var site = At("site");
        Directory.CreateDirectory(site);
        File.WriteAllText(Path.Combine(site, "notes.txt"), "mine");
        var (exit, stdout, stderr) = Run("new", site);
        Assert.Equal(ExitCodes.Usage, exit);
        Assert.Equal("", stdout);
        Assert.Equal($"charter: error: '{site}' is not empty (it holds notes.txt); charter new writes only into a new or empty folder, and never overwrites anything", Lines(stderr)[0]);
        Assert.Equal(["notes.txt"], FilesUnder(site));
        Assert.Equal(["site"], Directory.EnumerateFileSystemEntries(_temp).Select(Path.GetFileName));

        File.WriteAllText(At("file"), "a file");
        (exit, _, stderr) = Run("new", At("file"));
        Assert.Equal(ExitCodes.Usage, exit);
        Assert.StartsWith($"charter: error: '{At("file")}' is a file", Lines(stderr)[0]);
        Assert.Equal("a file", File.ReadAllText(At("file")));
    }

    [Theory]
    [InlineData(new[] { "--languages", "fr,xx" }, "'xx' is not an ISO 639-1 language code")]
    [InlineData(new[] { "--languages", "english" }, "'english' is not an ISO 639-1 language code")]
    [InlineData(new[] { "--languages", "FR" }, "'FR' is not a language code: write it in lower case, 'fr'")]
    [InlineData(new[] { "--languages", "fr,en,fr" }, "'fr' is listed twice in --languages")]
    [InlineData(new[] { "--languages", "fr,,en" }, "--languages has an empty code")]
    [InlineData(new[] { "--shape", "treaty" }, "unknown shape 'treaty'; the shapes are: declaration (")]
    [InlineData(new[] { "--base-url", "ftp://example.org/" }, "--base-url 'ftp://example.org/' is not an absolute http(s) URL")]
    [InlineData(new[] { "--title", " " }, "--title is empty")]
    [InlineData(new[] { "--slug", "search" }, "--slug 'search' is the address of a page of the site itself")]
    [InlineData(new[] { "--slug", "My_Charter" }, "--slug 'My_Charter' cannot be a charter's folder and address")]
    public void Bad_options_are_usage_errors_and_nothing_is_written(string[] options, string message)
    {
        var (exit, stdout, stderr) = Run(["new", At("site"), .. options]);
        Assert.Equal(ExitCodes.Usage, exit);
        Assert.Equal("", stdout);
        Assert.StartsWith($"charter: error: {message}", Lines(stderr)[0]);
        Assert.Contains("charter new <DIR> [options]", Lines(stderr));
        Assert.Empty(Directory.EnumerateFileSystemEntries(_temp));
    }

    [Fact]
    public void An_unknown_shape_is_refused_with_the_list_of_shapes()
    {
        var (_, _, stderr) = Run("new", At("site"), "--shape", "treaty");
        foreach (var shape in Starter.Shapes) Assert.Contains($"{shape.Name} ({shape.Description})", Lines(stderr)[0]);
    }

    [Fact]
    public void A_stopped_new_leaves_nothing_and_a_killed_one_s_staging_folder_is_removed_by_the_next()
    {
        var options = new StarterOptions("articles", ["fr", "en"], null, Starter.DefaultBaseUrl, "site", 2026);
        var files = Starter.Files(options, Starter.BuiltInTheme);
        var calls = 0;
        Assert.False(NewSiteFolder.Write(At("site"), files, () => ++calls > 5));
        Assert.Empty(Directory.EnumerateFileSystemEntries(_temp));

        Directory.CreateDirectory(At("empty"));
        Assert.False(NewSiteFolder.Write(At("empty"), files, () => true));
        Assert.Empty(Directory.EnumerateFileSystemEntries(At("empty")));

        // What a new killed outright leaves (its process is gone): not content, and removed by the next new.
        Directory.CreateDirectory(At($".site.charter-new-{int.MaxValue}/content"));
        Directory.CreateDirectory(At($"empty/.charter-new-{int.MaxValue}/content"));
        Assert.Null(NewSiteFolder.Problem(At("empty"), "empty"));
        Assert.True(NewSiteFolder.Write(At("site"), files, () => false));
        Assert.True(NewSiteFolder.Write(At("empty"), files, () => false));
        Assert.Equal(["empty", "site"], Directory.EnumerateFileSystemEntries(_temp).Select(Path.GetFileName).Order(StringComparer.Ordinal));
        Assert.Equal(FilesUnder(At("site")), FilesUnder(At("empty")));
        Assert.DoesNotContain(Directory.EnumerateFileSystemEntries(At("empty")), e => Path.GetFileName(e).Contains("charter-new"));
    }

    [Fact]
    public void Nothing_is_written_over_a_folder_that_appears_meanwhile()
    {
        var files = Starter.Files(new StarterOptions("declaration", ["en"], null, Starter.DefaultBaseUrl, "site", 2026), Starter.BuiltInTheme);
        var site = At("site");
        Assert.Throws<IOException>(() => NewSiteFolder.Write(site, files, () =>
        {
            // Someone else's site appears while ours is being written.
            if (!Directory.Exists(site))
            {
                Directory.CreateDirectory(site);
                File.WriteAllText(Path.Combine(site, "theirs.txt"), "theirs");
            }
            return false;
        }));
        Assert.Equal(["theirs.txt"], FilesUnder(site));
        Assert.Equal(["site"], Directory.EnumerateFileSystemEntries(_temp).Select(Path.GetFileName));
    }

    [Fact]
    public void Localized_texts_of_a_structure_are_given_in_the_sites_languages_and_order_english_for_the_others()
    {
        const string structure = "  x:\n    name: { en: [point, points], fr: [point, points], es: [punto, puntos] }\n" +
                                 "    label: { en: \"Point {number}\", fr: \"Point {number}\", es: \"Punto {number}\" }\n" +
                                 "    children:\n      - { key: points, kinds: [p], heading: { en: Points, fr: \"Points, {n}\", es: Puntos } }\n";
        Assert.Equal("  x:\n    name: { es: [punto, puntos], de: [point, points] }\n" +
                     "    label: { es: \"Punto {number}\", de: \"Point {number}\" }\n" +
                     "    children:\n      - { key: points, kinds: [p], heading: { es: Puntos, de: Points } }\n",
            Starter.LocalizeStructure(structure, ["es", "de"]));
        Assert.Throws<InvalidOperationException>(() => Starter.LocalizeStructure("name: { en: [a, b], fr: [c, d] }\n", ["en"]));
    }
}
