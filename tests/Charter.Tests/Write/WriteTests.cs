using Charter.Site.Render;
using Charter.Site.Write;
using Charter.Tests.Support;

namespace Charter.Tests.Write;

/// <summary>Stage 6: the output folder is swapped in whole, or not touched at all.</summary>
public class WriteTests
{
    private static void AssertSameTree(SortedDictionary<string, byte[]> expected, SortedDictionary<string, byte[]> actual)
    {
        Assert.Equal(expected.Keys, actual.Keys);
        foreach (var (path, bytes) in expected)
            Assert.True(bytes.AsSpan().SequenceEqual(actual[path]), $"{path} differs");
    }

    [Fact]
    public void A_failed_build_leaves_the_previous_site_exactly_as_it_was()
    {
        using var site = new TempDir(Repo.Fixture("mini"));
        using var work = new TempDir();
        var output = work.Full("public");
        Builds.To(site.Path, output).AssertSucceeded();
        File.WriteAllText(Path.Combine(output, "hand-made.txt"), "something the editor put there");
        var before = TempDir.Snapshot(output);

        site.Replace("content/demo/principles/02-equite.fr.md", "theme: Accès inclusif aux services", "theme: Accès : services");
        var failed = Builds.To(site.Path, output);
        Assert.False(failed.Success);

        AssertSameTree(before, TempDir.Snapshot(output));
        Assert.Equal(["public"], Directory.EnumerateFileSystemEntries(work.Path).Select(Path.GetFileName)); // no staging folder left behind
    }

    [Fact]
    public void A_successful_build_removes_stale_files()
    {
        using var work = new TempDir();
        var output = work.Full("public");
        // A site from an earlier build: its index.html and sitemap.xml, and pages the content no longer has.
        Directory.CreateDirectory(Path.Combine(output, "fr", "old-page"));
        File.WriteAllText(Path.Combine(output, "fr", "old-page", "index.html"), "<p>from an earlier build</p>");
        File.WriteAllText(Path.Combine(output, "index.html"), "<p>from an earlier build</p>");
        File.WriteAllText(Path.Combine(output, "sitemap.xml"), "<urlset/>");
        File.WriteAllText(Path.Combine(output, "stale.txt"), "stale");

        var result = Builds.To(Repo.Fixture("mini"), output);
        result.AssertSucceeded();

        Assert.False(File.Exists(Path.Combine(output, "stale.txt")));
        Assert.False(Directory.Exists(Path.Combine(output, "fr", "old-page")));
        Assert.True(File.Exists(Path.Combine(output, "fr", "demo", "index.html")));
        Assert.Equal(["public"], Directory.EnumerateFileSystemEntries(work.Path).Select(Path.GetFileName));
    }

    [Fact]
    public void The_written_files_are_the_build_result_plus_the_theme_assets()
    {
        using var work = new TempDir();
        var output = work.Full("public");
        var result = Builds.To(Repo.Fixture("mini"), output);
        result.AssertSucceeded();
        // Written files go to the disk as they are made, not into the result; an in-memory build says what they must be.
        Assert.Empty(result.Files);
        var inMemory = Builds.InMemory(Repo.Fixture("mini"));
        var written = TempDir.Snapshot(output);
        foreach (var file in inMemory.Files)
            Assert.True(written.TryGetValue(file.Path, out var bytes) && bytes.AsSpan().SequenceEqual(file.Content), $"{file.Path} not written as built");
        var assets = written.Keys.Where(k => !inMemory.Files.Any(f => f.Path == k)).ToList();
        Assert.All(assets, a => Assert.StartsWith("assets/", a));
        Assert.Contains("assets/css/charter.css", assets);
        Assert.Equal(result.Stats!.Files, written.Count);
    }

    [Fact]
    public void Writing_into_a_new_nested_folder_creates_it()
    {
        using var work = new TempDir();
        var output = work.Full("a/b/site");
        using (var staged = StagedOutput.Begin(output))
        {
            staged.Add(new OutputFile("x/index.html", [1, 2, 3]));
            staged.Commit();
        }
        Assert.Equal(new byte[] { 1, 2, 3 }, File.ReadAllBytes(Path.Combine(output, "x", "index.html")));
    }
}

/// <summary>Two builds of the same input are byte-identical: no clock, no hash order, no culture in the output.</summary>
[Collection(RealSiteCollection.Name)]
public class ReproducibilityTests(RealSiteFixture real)
{
    [Fact]
    public void Two_builds_of_the_real_content_are_byte_identical()
    {
        using var work = new TempDir();
        var output = work.Full("public");
        Builds.To(Repo.Root, output).AssertSucceeded();
        var again = TempDir.Snapshot(output);
        Assert.Equal(real.Files.Keys, again.Keys);
        var different = real.Files.Where(kv => !kv.Value.AsSpan().SequenceEqual(again[kv.Key])).Select(kv => kv.Key).ToList();
        Assert.True(different.Count == 0, "files differ between two builds: " + string.Join(", ", different));
        Assert.True(again.Count > 150, $"only {again.Count} files: the comparison would prove little");
    }
}
