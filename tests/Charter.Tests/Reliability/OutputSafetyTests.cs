using Charter.Cli;
using Charter.Site.Write;
using Charter.Tests.Support;

namespace Charter.Tests.Reliability;

/// <summary>
/// Issue 13, break 1 and 8: a build replaces its output whole, so the output may never be the sources, and an
/// interrupted build must leave nothing behind that the next one does not clean, nor a moment without output.
/// </summary>
public class OutputSafetyTests
{
    private static (int Exit, string Stderr) Build(params string[] args)
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        var exit = CommandLine.Run(["build", .. args], stdout, stderr);
        return (exit, stderr.ToString());
    }

    [Theory]
    [InlineData(".")]
    [InlineData("..")]
    [InlineData("content")]
    [InlineData("themes")]
    [InlineData("content/demo")]
    [InlineData("charter.yml")]
    public void An_output_that_is_or_holds_or_lies_in_the_sources_is_a_usage_error_and_touches_nothing(string output)
    {
        using var parent = new TempDir();
        var root = Path.Combine(parent.Path, "site");
        Directory.CreateDirectory(root);
        TempDir.CopyTree(Repo.Fixture("mini"), root);
        Directory.CreateDirectory(Path.Combine(root, "themes", "default"));
        File.WriteAllText(Path.Combine(root, "themes", "default", "keep.txt"), "mine");
        File.WriteAllText(Path.Combine(parent.Path, "beside.txt"), "mine too");
        var before = TempDir.Snapshot(parent.Path);

        var (exit, stderr) = Build("--source", root, "--output", Path.Combine(root, output));

        Assert.Equal(ExitCodes.Usage, exit);
        Assert.Contains("choose another --output", stderr);
        Assert.DoesNotContain("Exception", stderr);
        var after = TempDir.Snapshot(parent.Path);
        Assert.Equal(before.Keys, after.Keys);
        Assert.All(before, kv => Assert.True(kv.Value.AsSpan().SequenceEqual(after[kv.Key]), kv.Key));
    }

    [Fact]
    public void The_root_the_home_folder_and_a_folder_of_other_files_are_refused()
    {
        using var site = new TempDir(Repo.Fixture("mini"));
        Assert.Contains("root of the file system", OutputLocation.Problem(site.Path, "/"));
        Assert.Contains("home folder", OutputLocation.Problem(site.Path, Environment.GetFolderPath(Environment.SpecialFolder.UserProfile)));
        using var documents = new TempDir();
        documents.Write("letter.txt", "not a site");
        Assert.Contains("not empty", OutputLocation.Problem(site.Path, documents.Path));
        Assert.Null(OutputLocation.Problem(site.Path, Path.Combine(site.Path, "public")));
    }

    [Fact]
    public void A_link_to_the_sources_is_followed()
    {
        using var parent = new TempDir();
        var root = Path.Combine(parent.Path, "site");
        Directory.CreateDirectory(root);
        TempDir.CopyTree(Repo.Fixture("mini"), root);
        var link = Path.Combine(parent.Path, "out");
        Directory.CreateSymbolicLink(link, Path.Combine(root, "content"));
        Assert.Contains("content", OutputLocation.Problem(root, link));
    }

    [Fact]
    public void The_next_build_removes_what_a_killed_build_left_and_keeps_what_a_running_one_is_making()
    {
        using var work = new TempDir();
        var output = work.Full("public");
        Builds.To(Repo.Fixture("mini"), output).AssertSucceeded();
        // A build killed outright (SIGKILL) leaves its staging folder; PID 0x3FFFFFFF runs nothing.
        work.Write(".public.building-1073741823/fr/index.html", "half a site");
        // PID 1 always runs: a build of that process may still be writing there.
        work.Write(".public.building-1/fr/index.html", "a build under way");

        Builds.To(Repo.Fixture("mini"), output).AssertSucceeded();

        var left = Directory.EnumerateFileSystemEntries(work.Path).Select(Path.GetFileName).Order(StringComparer.Ordinal).ToList();
        Assert.Equal([".public.building-1", "public"], left);
    }

    [Fact]
    public void A_site_moved_aside_by_a_swap_that_was_cut_is_put_back()
    {
        using var work = new TempDir();
        var output = work.Full("public");
        Builds.To(Repo.Fixture("mini"), output).AssertSucceeded();
        // Killed between the two moves of the portable swap: the output is gone, the previous site beside it.
        Directory.Move(output, work.Full(".public.previous-1073741823"));
        Assert.False(Directory.Exists(output));

        using (var staged = StagedOutput.Begin(output))
            Assert.True(File.Exists(Path.Combine(output, "sitemap.xml")), "the moved-aside site was not put back when the next build started");
        Assert.False(Directory.Exists(work.Full(".public.previous-1073741823")));
    }

    [Fact]
    public async Task The_swap_never_leaves_a_moment_without_an_output_folder()
    {
        using var work = new TempDir();
        var output = work.Full("site");
        using (var first = StagedOutput.Begin(output))
        {
            first.Add(new Charter.Site.Write.OutputFile("index.html", [1]));
            first.Commit();
        }
        var missing = 0;
        using var stop = new CancellationTokenSource();
        var watcher = Task.Run(() =>
        {
            while (!stop.IsCancellationRequested)
                if (!File.Exists(Path.Combine(output, "index.html"))) Interlocked.Increment(ref missing);
        });
        for (int i = 0; i < 200; i++)
        {
            using var staged = StagedOutput.Begin(output);
            staged.Add(new Charter.Site.Write.OutputFile("index.html", [(byte)i]));
            staged.Commit();
        }
        stop.Cancel();
        await watcher;
        Assert.Equal(0, missing);
        Assert.Equal(["site"], Directory.EnumerateFileSystemEntries(work.Path).Select(Path.GetFileName));
    }
}
