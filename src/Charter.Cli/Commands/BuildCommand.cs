using System.CommandLine;
using System.Globalization;
using Charter.Core.Diagnostics;
using Charter.Site.Build;

namespace Charter.Cli.Commands;

/// <summary><c>charter build [--source DIR] [--output DIR] [--base-url URL]</c>: builds the site into its output folder.</summary>
public sealed class BuildCommand : ICharterCommand
{
    public Command Describe()
    {
        var command = new Command("build", "build content/ with the theme into the output folder");
        var site = SiteOptions.AddTo(command, replacesOutput: true);
        var noPdf = PdfOption.AddTo(command);
        command.SetAction(parse => Run(site.Read(parse), parse.InvocationConfiguration.Output, parse.InvocationConfiguration.Error,
            PdfOption.Settings(parse.GetValue(noPdf))));
        return command;
    }

    public static int Run(SiteArguments options, TextWriter stdout, TextWriter stderr, Charter.Site.Print.PdfSettings? pdf = null)
    {
        // Ctrl+C or SIGTERM stop the build at its next step and remove its staging folder: the output stays as it was.
        using var stop = new CancellationTokenSource();
        void OnSignal(System.Runtime.InteropServices.PosixSignalContext context)
        {
            context.Cancel = true;
            stop.Cancel();
        }
        using var interrupt = System.Runtime.InteropServices.PosixSignalRegistration.Create(System.Runtime.InteropServices.PosixSignal.SIGINT, OnSignal);
        using var terminate = System.Runtime.InteropServices.PosixSignalRegistration.Create(System.Runtime.InteropServices.PosixSignal.SIGTERM, OnSignal);
        var result = SiteBuilder.Build(new BuildOptions(options.Source, options.Output, options.BaseUrl, Cancel: stop.Token) { Pdf = pdf });
        Report(result, stderr);
        if (result.Cancelled)
        {
            stderr.WriteLine($"Build interrupted; {Path.GetRelativePath(Directory.GetCurrentDirectory(), options.Output)} was left as it was.");
            return ExitCodes.ContentErrors;
        }
        if (!result.Success)
        {
            stderr.WriteLine($"Build failed: {Plural(result.Diagnostics.Count(d => d.Severity == Severity.Error), "error")}; {Path.GetRelativePath(Directory.GetCurrentDirectory(), options.Output)} was left as it was.");
            return ExitCodes.ContentErrors;
        }
        PrintSummary(result, stdout, Path.GetRelativePath(Directory.GetCurrentDirectory(), options.Output));
        return ExitCodes.Success;
    }

    /// <summary>Diagnostics on stderr, one per line, sorted by file and line.</summary>
    public static void Report(BuildResult result, TextWriter stderr)
    {
        foreach (var diagnostic in result.Diagnostics) stderr.WriteLine(diagnostic.ToString());
    }

    /// <summary>A short table like Hugo's: pages per language, translation completeness, time per stage.</summary>
    public static void PrintSummary(BuildResult result, TextWriter stdout, string output)
    {
        var stats = result.Stats!;
        var ordered = stats.Languages;
        string Row(string label, Func<string, string> cell) =>
            $"  {label,-12}" + string.Concat(ordered.Select(l => $" | {cell(l),6}"));
        stdout.WriteLine("  " + new string(' ', 12) + string.Concat(ordered.Select(l => $" | {l.ToUpperInvariant(),6}")));
        stdout.WriteLine("  " + new string('-', 12) + string.Concat(ordered.Select(_ => "-+-------")));
        stdout.WriteLine(Row("Pages", l => stats.PagesPerLanguage[l].ToString(CultureInfo.InvariantCulture)));
        stdout.WriteLine(Row("Translated", l => $"{stats.Completeness[l].Percent}%"));
        var warnings = result.Diagnostics.Count(d => d.Severity == Severity.Warning);
        stdout.WriteLine($"  {stats.Files} files in {output}, {Plural(warnings, "warning")}");
        stdout.WriteLine("  Stages: " + string.Join(", ", stats.Stages.Select(s => $"{s.Stage} {s.Time.TotalMilliseconds:0} ms")));
        stdout.WriteLine($"Built in {stats.Total.TotalMilliseconds:0} ms");
    }

    public static string Plural(int n, string word) => n == 1 ? $"1 {word}" : $"{n} {word}s";
}
