namespace Charter.Cli.Tests;

/// <summary>
/// The command line and the PDFs: without the engine, build warns in one line how to install it and builds the rest;
/// --no-pdf turns them off without a word. The engine is pointed at a missing file (CHARTER_WEASYPRINT), so none runs.
/// Safe to set variables here: this assembly runs its tests one at a time.
/// </summary>
public sealed class PdfCommandTests : IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("charter-pdf-cli-").FullName;
    private readonly string? _pdf = Environment.GetEnvironmentVariable("CHARTER_PDF");
    private readonly string? _engine = Environment.GetEnvironmentVariable("CHARTER_WEASYPRINT");

    public PdfCommandTests()
    {
        ServedSite.CopySite(Path.Combine(_root, "site"));
        Environment.SetEnvironmentVariable("CHARTER_PDF", null);
        Environment.SetEnvironmentVariable("CHARTER_WEASYPRINT", "/nonexistent/weasyprint");
    }

    public void Dispose()
    {
        Environment.SetEnvironmentVariable("CHARTER_PDF", _pdf);
        Environment.SetEnvironmentVariable("CHARTER_WEASYPRINT", _engine);
        Directory.Delete(_root, recursive: true);
    }

    private (int Exit, string Out, string[] Err) Run(params string[] args)
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        var exit = CommandLine.Run([.. args, "--source", Path.Combine(_root, "site"), "--output", Path.Combine(_root, "out")], stdout, stderr);
        return (exit, stdout.ToString(), stderr.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries));
    }

    [Fact]
    public void Build_without_the_engine_warns_once_in_one_line_and_builds_everything_else()
    {
        var (exit, stdout, stderr) = Run("build");
        Assert.Equal(0, exit);
        var warning = Assert.Single(stderr, l => l.Contains("CH029", StringComparison.Ordinal));
        Assert.StartsWith("charter.yml:1:1: warning CH029: no PDF was made", warning);
        Assert.Contains("sudo apt-get install weasyprint", warning);
        Assert.Contains("1 warning", stdout);
        Assert.True(File.Exists(Path.Combine(_root, "out", "fr", "lampedusa", "index.html")));
        Assert.Empty(Directory.EnumerateFiles(Path.Combine(_root, "out"), "*.pdf", SearchOption.AllDirectories));
    }

    [Theory]
    [InlineData("build")]
    [InlineData("check")]
    public void No_pdf_makes_none_and_says_nothing_about_the_engine(string command)
    {
        var (exit, _, stderr) = Run(command, "--no-pdf");
        Assert.Equal(0, exit);
        Assert.DoesNotContain(stderr, l => l.Contains("CH029", StringComparison.Ordinal));
    }
}
