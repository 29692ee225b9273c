using System.Text.RegularExpressions;
using Charter.Cli;
using Charter.Tests.Support;

namespace Charter.Tests.Cli;

/// <summary>The command line in-process: exit codes, diagnostics on stderr in the contract format, no stack traces.</summary>
public partial class CommandLineTests
{
    [GeneratedRegex(@"^(?<path>[^:\s][^:]*):(?<line>\d+):(?<col>\d+): (?<kind>error|warning) (?<code>CH\d{3}): \S.*$")]
    private static partial Regex DiagnosticLine();

    private static (int Exit, string Out, string Err) Run(params string[] args)
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        var exit = CommandLine.Run(args, stdout, stderr);
        return (exit, stdout.ToString(), stderr.ToString());
    }

    private static string[] Lines(string text) => text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    [Fact]
    public void Build_succeeds_with_exit_0_and_prints_a_summary()
    {
        using var work = new TempDir();
        var (exit, stdout, stderr) = Run("build", "--source", Repo.Fixture("mini"), "--output", work.Full("out"));
        Assert.True(exit == 0, stderr);
        Assert.Equal("", stderr);
        Assert.Contains(Lines(stdout), l => l.StartsWith("Pages", StringComparison.Ordinal) && l.Contains("15"));
        Assert.Contains(Lines(stdout), l => l.StartsWith("Translated", StringComparison.Ordinal) && l.Contains("100%"));
        Assert.True(File.Exists(work.Full("out/fr/demo/index.html")));
    }

    [Fact]
    public void Content_errors_exit_1_with_one_diagnostic_per_line_and_no_stack_trace()
    {
        using var work = new TempDir();
        // A previous site (a build replaces only a folder that holds one: see OutputLocation).
        Directory.CreateDirectory(work.Full("out"));
        File.WriteAllText(work.Full("out/index.html"), "<p>previous</p>");
        File.WriteAllText(work.Full("out/sitemap.xml"), "<urlset/>");
        File.WriteAllText(work.Full("out/keep.txt"), "previous site");
        var (exit, stdout, stderr) = Run("build", "--source", Repo.BrokenSite("many-faults"), "--output", work.Full("out"));
        Assert.Equal(ExitCodes.ContentErrors, exit);
        Assert.Equal("", stdout);
        var lines = Lines(stderr);
        Assert.DoesNotContain(lines, l => l.StartsWith("at ", StringComparison.Ordinal) || l.Contains("Exception", StringComparison.Ordinal));
        var diagnostics = lines[..^1];
        Assert.All(diagnostics, l => Assert.Matches(DiagnosticLine(), l));
        Assert.Equal(4, diagnostics.Count(l => l.Contains(": error ", StringComparison.Ordinal)));
        Assert.StartsWith("Build failed: 4 errors", lines[^1]);
        Assert.Equal("previous site", File.ReadAllText(work.Full("out/keep.txt")));
        // Paths are relative to the source folder, with '/' separators, so editors can open them.
        Assert.Contains("content/charte/ambition.fr.md:7:42: error CH011: unknown reference 'nope' in ambition", stderr);
    }

    [Fact]
    public void Usage_errors_exit_2()
    {
        var (exit, _, stderr) = Run("build", "--frobnicate");
        Assert.Equal(ExitCodes.Usage, exit);
        Assert.Contains("unknown option '--frobnicate'", stderr);

        (exit, _, stderr) = Run("build", "--source");
        Assert.Equal(ExitCodes.Usage, exit);
        Assert.Contains("--source needs a value", stderr);

        (exit, _, stderr) = Run("build", "--source", "--output", "x");
        Assert.Equal(ExitCodes.Usage, exit);

        (exit, _, stderr) = Run("publish");
        Assert.Equal(ExitCodes.Usage, exit);
        Assert.Contains("unknown command 'publish'", stderr);

        (exit, _, _) = Run();
        Assert.Equal(ExitCodes.Usage, exit);

        using var work = new TempDir();
        (exit, _, stderr) = Run("build", "--source", work.Full("does-not-exist"));
        Assert.Equal(ExitCodes.Usage, exit);
        Assert.Contains("is not a folder", stderr);

        (exit, _, _) = Run("build", "--source", Repo.Fixture("mini"), "--base-url", "not a url");
        Assert.Equal(ExitCodes.Usage, exit);
        Assert.All(Lines(stderr), l => Assert.DoesNotMatch(@"^\s*at ", l));
    }

    [Fact]
    public void Help_exits_0_on_stdout()
    {
        var (exit, stdout, _) = Run("--help");
        Assert.Equal(ExitCodes.Success, exit);
        Assert.Contains(Lines(stdout), l => l.StartsWith("Usage: charter", StringComparison.Ordinal));
    }
}
