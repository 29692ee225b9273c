using System.CommandLine;
using System.Text;
using Charter.Core.Diagnostics;
using Charter.Core.Load;
using Charter.Core.Schema;
using Charter.Site.Write;

namespace Charter.Cli.Commands;

/// <summary>
/// <c>charter schema</c>: writes the JSON Schemas of the site's content files (<see cref="ContentSchemas"/>) to
/// SOURCE/schemas/, replacing the folder whole, so that editors with the YAML language server check front matter as it
/// is typed; a content file names its schema on its first front-matter line (content/README.md, "Editor support").
/// <c>charter check</c> warns when the folder no longer matches the structures.
/// </summary>
public sealed class SchemaCommand : ICharterCommand
{
    public Command Describe()
    {
        var command = new Command("schema", $"write the JSON Schemas of the content files, made from each charter's structure.yml, to SOURCE/{ContentSchemas.Folder}/");
        var site = SiteOptions.AddTo(command, output: false, baseUrl: false);
        command.SetAction(parse => Run(site.Read(parse).Source, parse.InvocationConfiguration.Output, parse.InvocationConfiguration.Error));
        return command;
    }

    public static int Run(string source, TextWriter stdout, TextWriter stderr)
    {
        var diagnostics = new DiagnosticBag();
        var schemas = Make(source, diagnostics);
        foreach (var d in diagnostics.Sorted()) stderr.WriteLine(d.ToString());
        if (schemas is null)
        {
            stderr.WriteLine($"No schemas written: {BuildCommand.Plural(diagnostics.ErrorCount, "error")} in charter.yml or a structure.yml.");
            return ExitCodes.ContentErrors;
        }
        var folder = Path.Combine(source, ContentSchemas.Folder);
        using (var staged = StagedOutput.Begin(folder))
        {
            foreach (var (path, json) in schemas) staged.Add(new OutputFile(path, Encoding.UTF8.GetBytes(json)));
            staged.Commit();
        }
        stdout.WriteLine($"Wrote {BuildCommand.Plural(schemas.Count, "schema")} to {Path.GetRelativePath(Environment.CurrentDirectory, folder)}/");
        return ExitCodes.Success;
    }

    /// <summary>The site's schemas, or null when charter.yml or a structure cannot be read (the diagnostics say why).</summary>
    public static IReadOnlyList<(string Path, string Json)>? Make(string source, DiagnosticBag diagnostics)
    {
        var config = SiteConfigLoader.Load(source, diagnostics);
        if (config is null) return null;
        var structures = ContentLoader.LoadStructures(source, config, diagnostics);
        return diagnostics.HasErrors ? null : ContentSchemas.For(structures);
    }

    /// <summary>
    /// For <c>check</c>: a warning per schema of SOURCE/schemas/ that differs from what the structures make now (or is
    /// missing, or is left over), when the folder exists; nothing when it does not (a site need not have schemas).
    /// </summary>
    public static IEnumerable<Diagnostic> Stale(string source)
    {
        var folder = Path.Combine(source, ContentSchemas.Folder);
        if (!Directory.Exists(folder)) yield break;
        var expected = Make(source, new DiagnosticBag());
        if (expected is null) yield break; // the build reports those errors
        var present = Directory.EnumerateFiles(folder, "*.schema.json", SearchOption.AllDirectories)
            .Select(f => Path.GetRelativePath(folder, f).Replace('\\', '/')).ToHashSet(StringComparer.Ordinal);
        const string hint = "run 'charter schema' to write them again";
        foreach (var (path, json) in expected)
        {
            var full = Path.Combine(folder, path);
            if (!present.Contains(path))
                yield return new Diagnostic(Severity.Warning, Codes.StaleSchema, SourceLocation.File($"{ContentSchemas.Folder}/{path}"), "this schema is missing", hint);
            else if (File.ReadAllText(full) != json)
                yield return new Diagnostic(Severity.Warning, Codes.StaleSchema, SourceLocation.File($"{ContentSchemas.Folder}/{path}"), "this schema is out of date: a structure.yml changed since it was written", hint);
        }
        foreach (var path in present.Except(expected.Select(e => e.Path)).Order(StringComparer.Ordinal))
            yield return new Diagnostic(Severity.Warning, Codes.StaleSchema, SourceLocation.File($"{ContentSchemas.Folder}/{path}"), "no content file has this schema any more", hint);
    }
}
