using System.Text.Json;
using Charter.Core.Diagnostics;
using Charter.Core.Load;
using Charter.Core.Schema;
using Charter.Tests.Support;
using Json.Schema;

namespace Charter.Tests.Schema;

/// <summary>
/// The JSON Schemas made from the structures (charter schema) accept every content file of the real site and of the
/// fixtures, and refuse what the loader refuses; the real site's schemas/ folder is up to date, and each content
/// file names its own schema for the YAML language server.
/// </summary>
public class ContentSchemaTests
{
    public static TheoryData<string> Sites() => new() { "", "tests/Charter.Tests/Fixtures/mini", "tests/Charter.Tests/Fixtures/articles" };

    private static Dictionary<string, JsonSchema> Schemas(string siteRoot)
    {
        var diagnostics = new DiagnosticBag();
        var config = SiteConfigLoader.Load(siteRoot, diagnostics)!;
        var structures = ContentLoader.LoadStructures(siteRoot, config, diagnostics);
        Assert.False(diagnostics.HasErrors, string.Join("\n", diagnostics.Sorted()));
        // Each schema in a registry of its own: the global one would refuse the same address built twice.
        return ContentSchemas.For(structures).ToDictionary(s => $"{ContentSchemas.Folder}/{s.Path}",
            s => JsonSchema.FromText(s.Json, new BuildOptions { SchemaRegistry = new SchemaRegistry() }, new Uri($"https://schemas.charter.test/{s.Path}")));
    }

    private static IReadOnlyList<string> Problems(JsonSchema schema, JsonElement instance)
    {
        var result = schema.Evaluate(instance, new EvaluationOptions { OutputFormat = OutputFormat.List });
        if (result.IsValid) return [];
        return (result.Details ?? []).Where(d => d.Errors is { Count: > 0 })
            .SelectMany(d => d.Errors!.Select(e => $"{d.InstanceLocation}: {e.Key}: {e.Value}")).DefaultIfEmpty("invalid").ToList();
    }

    private static IReadOnlyDictionary<string, Charter.Core.Model.Structure> Structures(string siteRoot)
    {
        var diagnostics = new DiagnosticBag();
        return ContentLoader.LoadStructures(siteRoot, SiteConfigLoader.Load(siteRoot, diagnostics)!, diagnostics);
    }

    private static IEnumerable<string> ContentFiles(string siteRoot) =>
        Directory.EnumerateFiles(Path.Combine(siteRoot, "content"), "*.md", SearchOption.AllDirectories)
            .Select(f => Path.GetRelativePath(siteRoot, f).Replace('\\', '/'))
            .Where(f => f != "content/README.md" && f != "content/ERRATA.md" && f.Count(c => c == '/') >= 2 && !f.EndsWith("/GLOSSARY.md", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal);

    [Theory]
    [MemberData(nameof(Sites))]
    public void Every_content_file_follows_its_schema(string site)
    {
        var root = Path.Combine(Repo.Root, site);
        var schemas = Schemas(root);
        var structures = Structures(root);
        var files = ContentFiles(root).ToList();
        Assert.True(files.Count >= 12, $"{files.Count} content files in {root}");
        var problems = new List<string>();
        foreach (var file in files)
        {
            var schema = ContentSchemas.SchemaOf(file, structures);
            Assert.True(schema is not null && schemas.ContainsKey(schema), $"{file}: no schema ({schema})");
            foreach (var problem in Problems(schemas[schema!], YamlJson.OfContentFile(File.ReadAllText(Path.Combine(root, file)))))
                problems.Add($"{file}: {problem}");
        }
        Assert.True(problems.Count == 0, string.Join("\n", problems));
    }

    /// <summary>Content the loader refuses, each refused by the schema too (a schema that accepted anything would pass the test above).</summary>
    [Theory]
    [InlineData("content/lampedusa/principles/01-dignite.fr.md", "number: 1\n", "number: one\n", "/number")]
    [InlineData("content/lampedusa/principles/01-dignite.fr.md", "theme: ", "themes: ", "")]
    [InlineData("content/lampedusa/principles/01-dignite.fr.md", "  - text: ", "  - texte: ", "/priorities/0")]
    [InlineData("content/lampedusa/timeline.fr.md", "date: 2020-11", "date: 2020-13", "/milestones/0/date")]
    [InlineData("content/lampedusa/commitments.fr.md", "kind: call-list", "kind: milestone", "/lists/4")]
    [InlineData("content/declarations/rome-charter-2020.fr.md", "type: ", "kind: ", "")]
    [InlineData("content/lampedusa/charter.fr.md", "organization: ", "organisation: ", "")]
    public void What_the_loader_refuses_the_schema_refuses(string file, string find, string replace, string where)
    {
        using var site = TempDir.RealSite();
        site.Replace(file, find, replace);
        var build = Builds.InMemory(site.Path);
        Assert.True(build.Diagnostics.Any(d => d.Location.Path == file && d.Code is Codes.InvalidValue or Codes.UnknownField or Codes.MissingField or Codes.UnknownKind or Codes.StructureViolation),
            "the loader accepts it:\n" + build.Printed());
        var schemas = Schemas(site.Path);
        var problems = Problems(schemas[ContentSchemas.SchemaOf(file, Structures(site.Path))!], YamlJson.OfContentFile(site.Read(file)));
        Assert.NotEmpty(problems);
        Assert.Contains(problems, p => p.StartsWith(where, StringComparison.Ordinal));
    }

    [Fact]
    public void Four_priorities_where_the_structure_asks_for_five_are_refused()
    {
        using var site = TempDir.RealSite();
        const string file = "content/lampedusa/principles/02-equite.fr.md";
        var text = site.Read(file);
        var last = text.LastIndexOf("\n  - text:", StringComparison.Ordinal);
        var end = text.IndexOf("\n---", last, StringComparison.Ordinal);
        var notes = text.IndexOf("\nnotes:", last, StringComparison.Ordinal);
        site.Write(file, text[..last] + text[(notes > 0 && notes < end ? notes : end)..]);
        var problems = Problems(Schemas(site.Path)[ContentSchemas.SchemaOf(file, Structures(site.Path))!], YamlJson.OfContentFile(site.Read(file)));
        Assert.Contains(problems, p => p.StartsWith("/priorities: minItems", StringComparison.Ordinal));
    }

    [Fact]
    public void The_real_sites_schemas_folder_is_what_charter_schema_writes_now()
    {
        var diagnostics = new DiagnosticBag();
        var structures = ContentLoader.LoadStructures(Repo.Root, SiteConfigLoader.Load(Repo.Root, diagnostics)!, diagnostics);
        var expected = ContentSchemas.For(structures);
        var folder = Path.Combine(Repo.Root, ContentSchemas.Folder);
        var present = Directory.EnumerateFiles(folder, "*.json", SearchOption.AllDirectories).Select(f => Path.GetRelativePath(folder, f).Replace('\\', '/')).Order(StringComparer.Ordinal);
        Assert.Equal(expected.Select(e => e.Path).Order(StringComparer.Ordinal), present);
        foreach (var (path, json) in expected)
            Assert.True(json == File.ReadAllText(Path.Combine(folder, path)), $"schemas/{path} is out of date: run 'dotnet run --project src/Charter.Cli -- schema'");
    }

    [Theory]
    [InlineData("declaration")]
    [InlineData("articles")]
    [InlineData("principles")]
    public void A_new_sites_content_follows_the_schemas_it_is_written_with(string shape)
    {
        using var work = new TempDir();
        var root = work.Full("site");
        var exit = Charter.Cli.CommandLine.Run(["new", root, "--languages", "fr,en", "--shape", shape], new StringWriter(), new StringWriter());
        Assert.Equal(0, exit);
        var structures = Structures(root);
        foreach (var file in ContentFiles(root))
        {
            var schema = ContentSchemas.SchemaOf(file, structures)!;
            var written = JsonSchema.FromText(File.ReadAllText(Path.Combine(root, schema)), new BuildOptions { SchemaRegistry = new SchemaRegistry() }, new Uri("https://schemas.charter.test/" + schema));
            var problems = Problems(written, YamlJson.OfContentFile(File.ReadAllText(Path.Combine(root, file))));
            Assert.True(problems.Count == 0, $"{file}: " + string.Join("\n", problems));
            var second = File.ReadLines(Path.Combine(root, file)).Skip(1).First();
            Assert.EndsWith(schema, second);
        }
    }

    [Fact]
    public void Every_real_content_file_names_its_own_schema_on_its_first_line()
    {
        var structures = Structures(Repo.Root);
        foreach (var file in ContentFiles(Repo.Root))
        {
            var second = File.ReadLines(Path.Combine(Repo.Root, file)).Skip(1).First();
            var schema = ContentSchemas.SchemaOf(file, structures)!;
            var relative = Path.GetRelativePath(Path.GetDirectoryName(Path.Combine(Repo.Root, file))!, Path.Combine(Repo.Root, schema)).Replace('\\', '/');
            Assert.Equal($"# yaml-language-server: $schema={relative}", second);
        }
    }
}
