using System.Text;
using Charter.Core.Diagnostics;
using Charter.Site.Build;
using Charter.Site.Print;
using Charter.Tests.Support;

namespace Charter.Tests.Print;

/// <summary>What a build does about PDFs when the engine is not there, when PDFs are off, and under serve. No engine is run here.</summary>
public class PdfEngineTests
{
    private static BuildResult Build(string root, PdfSettings? pdf, bool defer = false)
    {
        var result = SiteBuilder.Build(new BuildOptions(root, Path.Combine(root, "public"), WriteOutput: false, DeferDataFiles: defer) { Pdf = pdf });
        result.AssertSucceeded();
        return result;
    }

    private static IEnumerable<string> Pages(BuildResult build) =>
        build.Files.Where(f => f.Path.EndsWith(".html", StringComparison.Ordinal)).Select(f => Encoding.UTF8.GetString(f.Content));

    [Fact]
    public void Without_the_engine_the_build_warns_once_how_to_install_it_and_makes_everything_else()
    {
        var root = Repo.Fixture("articles");
        var missing = Build(root, new PdfSettings("/nonexistent/weasyprint", TimeSpan.FromSeconds(5)));
        var warning = Assert.Single(missing.Diagnostics, d => d.Code == Codes.PdfNotMade);
        Assert.Equal(Severity.Warning, warning.Severity);
        Assert.Contains("apt-get install weasyprint", warning.ToString());
        Assert.Contains("scripts/ensure-weasyprint.sh", warning.ToString());
        Assert.DoesNotContain('\n', warning.ToString());
        // Everything a build without PDFs makes, nothing more, and no page links a PDF.
        var none = Build(root, null);
        Assert.Equal(none.Files.Select(f => f.Path), missing.Files.Select(f => f.Path));
        Assert.DoesNotContain(missing.Files, f => f.Path.EndsWith(".pdf", StringComparison.Ordinal));
        Assert.All(Pages(missing), html => Assert.DoesNotContain(".pdf", html));
        Assert.DoesNotContain(none.Diagnostics, d => d.Code == Codes.PdfNotMade);
    }

    [Fact]
    public void An_engine_that_fails_is_a_warning_naming_the_PDF_and_no_page_links_it()
    {
        var root = Repo.Fixture("articles");
        // /bin/false starts and exits with 1, as an engine that cannot read its input would.
        var failed = Build(root, new PdfSettings("/bin/false", TimeSpan.FromSeconds(30)));
        var warnings = failed.Diagnostics.Where(d => d.Code == Codes.PdfNotMade).ToList();
        Assert.Equal(failed.Config!.Languages.Length, warnings.Count);
        Assert.All(warnings, w => Assert.Contains("exited with code 1", w.Message));
        Assert.Contains(warnings, w => w.Message.Contains("fr/accueil/accueil-fr.pdf", StringComparison.Ordinal));
        Assert.All(Pages(failed), html => Assert.DoesNotContain(".pdf", html));
    }

    [Fact]
    public void An_engine_that_hangs_is_stopped_at_its_timeout()
    {
        using var temp = new TempDir();
        var engine = Path.Combine(temp.Path, "slow-engine");
        File.WriteAllText(engine, "#!/bin/sh\nexec sleep 60\n");
        if (!OperatingSystem.IsWindows()) File.SetUnixFileMode(engine, UnixFileMode.UserRead | UnixFileMode.UserExecute);
        var clock = System.Diagnostics.Stopwatch.StartNew();
        var result = WeasyPrint.Run(engine, "<p>x</p>", "print.css", null, TimeSpan.FromSeconds(1), CancellationToken.None);
        Assert.Null(result.Pdf);
        Assert.Contains("took longer than 1 s", result.Problem);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(20), $"stopped after {clock.Elapsed}");
    }

    [Fact]
    public async Task A_cancelled_build_stops_its_engines_and_leaves_as_any_cancelled_build()
    {
        using var temp = new TempDir();
        // An engine that would run for a minute: the build is cancelled while every document waits on it.
        var engine = Path.Combine(temp.Path, "slow-engine");
        var started = Path.Combine(temp.Path, "started");
        File.WriteAllText(engine, $"#!/bin/sh\necho $$ >> '{started}'\nexec sleep 60\n");
        if (!OperatingSystem.IsWindows()) File.SetUnixFileMode(engine, UnixFileMode.UserRead | UnixFileMode.UserExecute);
        using var cancel = new CancellationTokenSource();
        var root = Repo.Fixture("articles");
        var build = Task.Run(() => SiteBuilder.Build(new BuildOptions(root, Path.Combine(root, "public"), WriteOutput: false, Cancel: cancel.Token)
            { Pdf = new PdfSettings(engine, TimeSpan.FromMinutes(5)) }));
        var clock = System.Diagnostics.Stopwatch.StartNew();
        while (!File.Exists(started) && clock.Elapsed < TimeSpan.FromSeconds(60)) await Task.Delay(50);
        Assert.True(File.Exists(started), "the engine never started");
        cancel.Cancel();
        var result = await build.WaitAsync(TimeSpan.FromSeconds(20));
        Assert.False(result.Success);
        Assert.True(result.Cancelled);
        Assert.DoesNotContain(result.Diagnostics, d => d.Code == Codes.Internal);
        // The engine processes were killed, not left to run their minute.
        foreach (var pid in File.ReadAllLines(started).Select(int.Parse))
            Assert.True(!Directory.Exists($"/proc/{pid}") || File.ReadAllText($"/proc/{pid}/stat").Split(' ')[2] == "Z", $"engine {pid} still runs");
    }

    [Fact]
    public void Under_serve_the_PDF_is_made_when_asked_for_and_linked_without_a_size()
    {
        var root = Repo.Fixture("articles");
        // The engine is only looked for here: the deferred PDF is never asked for, so /bin/true never runs.
        var served = Build(root, new PdfSettings("/bin/true", TimeSpan.FromSeconds(5)), defer: true);
        Assert.Contains(served.Deferred, d => d.Path == "fr/accueil/accueil-fr.pdf");
        var home = Encoding.UTF8.GetString(served.File("fr/accueil/index.html"));
        Assert.Contains("href=\"/fr/accueil/accueil-fr.pdf\"", home);
        Assert.Contains(">PDF</a>", home);
    }
}
