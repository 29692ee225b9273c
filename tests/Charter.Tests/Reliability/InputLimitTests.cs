using System.Diagnostics;
using Charter.Core.Diagnostics;
using Charter.Site.Build;
using Charter.Tests.Support;
using static Charter.Tests.Support.DiagnosticAssert;

namespace Charter.Tests.Reliability;

/// <summary>Issue 13, breaks 2, 7 and 9: input no writer would write still gets a diagnostic at its place, in bounded time.</summary>
public class InputLimitTests
{
    private const string Principle = "content/demo/principles/01-dignite.fr.md";

    private static string Nested(int depth, bool maps) => maps
        ? string.Concat(Enumerable.Repeat("{a: ", depth)) + "1" + new string('}', depth)
        : new string('[', depth) + new string(']', depth);

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Front_matter_nested_50000_levels_deep_is_an_error_at_its_line_not_a_stack_overflow(bool maps)
    {
        using var site = new TempDir(Repo.Fixture("mini"));
        site.Replace(Principle, "theme: ", $"deep: {Nested(50_000, maps)}\ntheme: ");
        var result = Builds.InMemory(site.Path);
        var error = SingleError(result, Codes.LimitExceeded, Principle, 5);
        Assert.Contains("nested more than 64 levels", error.Message);
        Assert.Contains("yaml_depth", error.Hint);
    }

    [Fact]
    public void Charter_yml_and_ui_strings_nested_too_deep_are_errors_too()
    {
        using var site = new TempDir(Repo.Fixture("mini"));
        site.Write("charter.yml", site.Read("charter.yml") + $"deep: {Nested(50_000, false)}\n");
        SingleError(Builds.InMemory(site.Path), Codes.LimitExceeded, "charter.yml", 10);

        using var themed = new TempDir(Repo.Fixture("mini"));
        themed.Write("charter.yml", themed.Read("charter.yml").Replace("theme: default", "theme: mine"));
        themed.Write("themes/mine/i18n/fr.yml", $"home: Accueil\ndeep: {Nested(50_000, true)}\n");
        SingleError(Builds.InMemory(themed.Path), Codes.LimitExceeded, "themes/mine/i18n/fr.yml", 2);
    }

    [Fact]
    public void The_depth_limit_is_set_in_charter_yml()
    {
        using var site = new TempDir(Repo.Fixture("mini"));
        site.Replace(Principle, "theme: ", $"deep: {Nested(20, false)}\ntheme: ");
        Assert.Contains(Builds.InMemory(site.Path).Diagnostics, d => d.Code == Codes.UnknownField); // 20 levels: read, just unknown
        // 12 is deeper than structure.yml goes, shallower than the principle's 'deep:'.
        site.Write("charter.yml", site.Read("charter.yml") + "limits:\n  yaml_depth: 12\n");
        SingleError(Builds.InMemory(site.Path), Codes.LimitExceeded, Principle, 5);
        site.Write("charter.yml", site.Read("charter.yml").Replace("yaml_depth: 12", "yaml_depth: 0"));
        SingleError(Builds.InMemory(site.Path), Codes.InvalidValue, "charter.yml", 11);
    }

    [Fact]
    public void Under_serve_a_file_parsed_under_a_larger_limit_is_parsed_again_when_the_limit_is_lowered()
    {
        // serve keeps every file as parsed while its bytes are unchanged; the limits are part of what it was parsed under.
        using var site = new TempDir(Repo.Fixture("mini"));
        var cache = new BuildCache();
        BuildResult Build() => SiteBuilder.Build(new BuildOptions(site.Path, Path.Combine(site.Path, "public"), null, WriteOutput: false), cache);
        site.Replace(Principle, "theme: ", $"deep: {Nested(20, false)}\ntheme: ");
        Assert.Contains(Build().Diagnostics, d => d.Code == Codes.UnknownField);
        site.Write("charter.yml", site.Read("charter.yml") + "limits:\n  yaml_depth: 12\n");
        SingleError(Build(), Codes.LimitExceeded, Principle, 5);
    }

    [Theory]
    [InlineData("[")]
    [InlineData("> ")]
    public void Markdown_nested_50000_deep_is_refused_at_its_line_in_bounded_time(string opener)
    {
        using var site = new TempDir(Repo.Fixture("mini"));
        var body = site.Read(Principle);
        site.Write(Principle, body + "\n\n" + string.Concat(Enumerable.Repeat(opener, 50_000)) + "x\n");
        var clock = Stopwatch.StartNew();
        var result = Builds.InMemory(site.Path);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(20), $"took {clock.Elapsed}");
        var error = SingleError(result, Codes.LimitExceeded, Principle, body.Split('\n').Length + 2);
        Assert.Contains("markdown_depth", error.Hint);
    }

    private static void MakeFifo(string path)
    {
        using var mkfifo = Process.Start("mkfifo", path)!;
        mkfifo.WaitForExit();
        Assert.Equal(0, mkfifo.ExitCode);
    }

    /// <summary>A build in memory, with serve's cache or without (serve first takes a digest of every file it watches).</summary>
    private static BuildResult InMemory(string siteRoot, bool serve) =>
        SiteBuilder.Build(new BuildOptions(siteRoot, Path.Combine(siteRoot, "public"), null, WriteOutput: false), serve ? new BuildCache() : null);

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task A_fifo_named_like_a_content_file_is_refused_without_hanging(bool serve)
    {
        if (!OperatingSystem.IsLinux()) return;
        using var site = new TempDir(Repo.Fixture("mini"));
        MakeFifo(site.Full("content/demo/principles/03-fifo.fr.md"));
        var build = Task.Run(() => InMemory(site.Path, serve));
        Assert.True(await Task.WhenAny(build, Task.Delay(TimeSpan.FromSeconds(30))) == build, "the build hangs on a FIFO");
        var error = Single(await build, Codes.UnreadableFile);
        Assert.Equal("content/demo/principles/03-fifo.fr.md", error.Location.Path);
        Assert.Contains("FIFO", error.Message);
    }

    [Fact]
    public async Task Serve_watches_past_a_fifo_and_a_link_to_dev_zero_that_the_build_does_not_read()
    {
        if (!OperatingSystem.IsLinux()) return;
        using var site = new TempDir(Repo.Fixture("mini"));
        MakeFifo(site.Full("content/notes.fifo"));
        Directory.CreateDirectory(site.Full("themes"));
        File.CreateSymbolicLink(site.Full("themes/zero"), "/dev/zero");
        var build = Task.Run(() => InMemory(site.Path, serve: true));
        Assert.True(await Task.WhenAny(build, Task.Delay(TimeSpan.FromSeconds(30))) == build, "serve's build hangs on a file it only watches");
        (await build).AssertSucceeded();
    }

    [Fact]
    public void A_link_to_dev_zero_and_a_dangling_link_are_said_plainly_at_the_file()
    {
        if (!OperatingSystem.IsLinux()) return;
        using var site = new TempDir(Repo.Fixture("mini"));
        File.CreateSymbolicLink(site.Full("content/demo/principles/03-zero.fr.md"), "/dev/zero");
        File.CreateSymbolicLink(site.Full("content/demo/principles/04-gone.fr.md"), site.Full("nowhere.md"));
        var result = Builds.InMemory(site.Path);
        Assert.DoesNotContain(result.Diagnostics, d => d.Code == Codes.Internal);
        var zero = result.Diagnostics.Single(d => d.Location.Path.EndsWith("03-zero.fr.md", StringComparison.Ordinal));
        Assert.Equal(Codes.UnreadableFile, zero.Code);
        Assert.Contains("character device", zero.Message);
        var gone = result.Diagnostics.Single(d => d.Location.Path.EndsWith("04-gone.fr.md", StringComparison.Ordinal));
        Assert.Equal(Codes.UnreadableFile, gone.Code);
        Assert.Contains("cannot be read", gone.Message);
    }

    [Fact]
    public void A_file_over_the_size_limit_is_refused_before_it_is_read()
    {
        using var site = new TempDir(Repo.Fixture("mini"));
        site.Write("charter.yml", site.Read("charter.yml") + "limits:\n  file_size_mb: 1\n");
        site.Write(Principle, site.Read(Principle) + new string('x', 1024 * 1024));
        var error = SingleError(Builds.InMemory(site.Path), Codes.LimitExceeded, Principle, 1, 1);
        Assert.Contains("larger than 1 MiB", error.Message);
    }

    [Fact]
    public void Main_charter_naming_no_charter_is_an_error_at_its_line()
    {
        using var site = new TempDir(Repo.Fixture("mini"));
        site.Replace("charter.yml", "main_charter: demo", "main_charter: nosuch");
        var error = SingleError(Builds.InMemory(site.Path), Codes.InvalidValue, "charter.yml", 9);
        Assert.Contains("nosuch", error.Message);
        Assert.Contains("demo", error.Hint);
    }

    [Fact]
    public void An_invalid_milestone_date_is_one_error_not_two()
    {
        using var site = new TempDir(Repo.Fixture("mini"));
        var timeline = site.Read("content/demo/timeline.fr.md");
        var date = System.Text.RegularExpressions.Regex.Match(timeline, @"date: (\d{4}-\d{2})").Groups[1].Value;
        site.Replace("content/demo/timeline.fr.md", "date: " + date, "date: 2021-13");
        site.Replace("content/demo/timeline.en.md", "date: " + date, "date: 2021-13");
        var result = Builds.InMemory(site.Path);
        Assert.DoesNotContain(result.Diagnostics, d => d.Code == Codes.TimelineOrder);
        Assert.Equal(2, result.Errors().Count(e => e.Code == Codes.InvalidValue)); // one per language file
    }
}
