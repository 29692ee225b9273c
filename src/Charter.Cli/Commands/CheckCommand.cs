using System.CommandLine;
using Charter.Core.Diagnostics;
using Charter.Site.Build;
using Charter.Site.Check;

namespace Charter.Cli.Commands;

/// <summary>
/// <c>charter check</c>: builds the site in memory (the same load, validation and rendering as <c>build</c>, so the
/// content diagnostics are the same) and checks the result as it would be written — links, fragments, titles,
/// lang, canonical and hreflang links, sitemap, charter.json — without writing or deleting anything.
/// </summary>
public sealed class CheckCommand : ICharterCommand
{
    public Command Describe()
    {
        var command = new Command("check", "validate the content and the built site (links, anchors, translations); writes nothing");
        var site = SiteOptions.AddTo(command);
        var noPdf = PdfOption.AddTo(command);
        command.SetAction(parse => Run(site.Read(parse), parse.InvocationConfiguration.Output, parse.InvocationConfiguration.Error,
            PdfOption.Settings(parse.GetValue(noPdf))));
        return command;
    }

    public static int Run(SiteArguments options, TextWriter stdout, TextWriter stderr, Charter.Site.Print.PdfSettings? pdf = null)
    {
        // With the PDFs, as build makes them: the pages' links to them are checked like any other.
        var build = SiteBuilder.Build(new BuildOptions(options.Source, options.Output, options.BaseUrl, WriteOutput: false) { Pdf = pdf });
        if (!build.Success)
        {
            BuildCommand.Report(build, stderr);
            stderr.WriteLine($"Check failed: {BuildCommand.Plural(Count(build.Diagnostics, Severity.Error), "error")} in the content; nothing was written.");
            return ExitCodes.ContentErrors;
        }

        var result = SiteChecker.Check(build, OutputPrefix(options.Source, options.Output));
        result = result with { Diagnostics = [.. result.Diagnostics, .. SchemaCommand.Stale(options.Source)] };
        foreach (var diagnostic in result.Diagnostics) stderr.WriteLine(diagnostic.ToString());
        var checkedWhat = $"{BuildCommand.Plural(result.Pages, "page")}, {BuildCommand.Plural(result.Links, "link")}, {BuildCommand.Plural(result.Fragments, "fragment")}";
        var warnings = Count(result.Diagnostics, Severity.Warning);
        if (result.HasErrors)
        {
            stderr.WriteLine($"Check failed: {BuildCommand.Plural(Count(result.Diagnostics, Severity.Error), "error")}, " +
                             $"{BuildCommand.Plural(warnings, "warning")} in {checkedWhat}.");
            return ExitCodes.ContentErrors;
        }
        stdout.WriteLine($"Checked {checkedWhat}: {(warnings == 0 ? "no problems" : BuildCommand.Plural(warnings, "warning"))}");
        return ExitCodes.Success;
    }

    private static int Count(IEnumerable<Diagnostic> diagnostics, Severity severity) => diagnostics.Count(d => d.Severity == severity);

    /// <summary>
    /// Diagnostics name output files as they would be written, relative to the source like every other path
    /// (public/fr/…/index.html), so an editor can tell a built-site problem from a content one at a glance.
    /// </summary>
    public static string OutputPrefix(string source, string output)
    {
        var relative = Path.GetRelativePath(source, output).Replace('\\', '/');
        return relative == "." ? "" : relative.TrimEnd('/') + "/";
    }
}
