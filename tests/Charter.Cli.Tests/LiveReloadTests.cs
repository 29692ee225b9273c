using System.Diagnostics;
using System.Net;
using Xunit.Abstractions;

namespace Charter.Cli.Tests;

/// <summary>Edits the served copy of the site and watches what open pages are told. Each test puts the file back.</summary>
[Collection(ServedSiteCollection.Name)]
public sealed class LiveReloadTests(ServerFixture fixture, ITestOutputHelper output) : IDisposable
{
    private const string Vision = "content/lampedusa/vision.fr.md";
    private const string VisionPage = "fr/lampedusa/vision/";
    // How long a test waits for what it expects before it fails (not a time it asserts).
    private static readonly TimeSpan Patiently = TimeSpan.FromSeconds(10);

    private ServedSite Site => fixture.Site;
    private readonly int _logStart = fixture.Site.Stdout.ToString().Length;

    /// <summary>What the server printed during this test.</summary>
    private string Log => Site.Stdout.ToString()[_logStart..];

    // The server's own lines (build times) go to the test output, to read when a timing assertion fails.
    public void Dispose() => output.WriteLine(Log);

    /// <summary>Puts the file back and waits until the pages were told, so that the next test starts from quiet.</summary>
    private async Task RestoreAsync(string original, EventStream events, string file = Vision)
    {
        if (Site.Read(file) == original) return;
        Site.Write(file, original);
        await events.NextAsync("reload", Patiently);
    }

    [Theory]
    [InlineData("charter.yml", "fr: Charte de Lampedusa — CGLU", "fr: Charte de Lampedusa — CGLU yml-edit-51", "fr/", "yml-edit-51")]
    [InlineData("themes/default/assets/css/charter.css", "", ".css-edit-52 { color: inherit; }\n", "assets/css/charter.css", "css-edit-52")]
    [InlineData("themes/default/templates/layout.liquid", "</footer>", "<p>layout-edit-53</p></footer>", "fr/", "layout-edit-53")]
    public async Task Editing_the_configuration_or_the_theme_reloads_too(string file, string find, string replace, string page, string marker)
    {
        var original = Site.Read(file);
        Assert.DoesNotContain(marker, await Site.Http.GetStringAsync(page));
        using var events = await Site.EventsAsync();
        await events.NextAsync("hello", Patiently);
        try
        {
            Site.Write(file, find.Length == 0 ? replace + original : original.Replace(find, replace));
            await events.NextAsync("reload", Patiently);
            Assert.Contains(marker, await Site.Http.GetStringAsync(page));
        }
        finally
        {
            await RestoreAsync(original, events, file);
        }
    }

    // How fast a rebuild is, is measured by `bench run` (its serve figures), not asserted here: a timed test
    // fails on a loaded machine (it did, in CI) and says nothing a benchmark does not say better. The time it
    // took goes to the test output.
    [Fact]
    public async Task Editing_content_reloads_open_pages_with_the_new_text()
    {
        var original = Site.Read(Vision);
        using var events = await Site.EventsAsync();
        await events.NextAsync("hello", Patiently);
        const string marker = "Notre Vision zq42";
        Assert.DoesNotContain(marker, await Site.Http.GetStringAsync(VisionPage));
        try
        {
            var clock = Stopwatch.StartNew();
            Site.Write(Vision, original.Replace("title: Notre Vision", "title: " + marker));
            var reload = await events.NextAsync("reload", Patiently);
            var page = await Site.Http.GetStringAsync(VisionPage);
            output.WriteLine($"edit to new page: {clock.ElapsedMilliseconds} ms");

            Assert.Equal($"{{\"build\":{Site.Server.Site!.Build}}}", reload);
            Assert.Contains(marker, page);
        }
        finally
        {
            await RestoreAsync(original, events);
        }
    }

    [Fact]
    public async Task The_data_files_served_after_an_edit_are_the_ones_a_fresh_build_makes()
    {
        // serve makes data files on demand (DeferDataFiles); what it serves must still be what the build would write.
        var original = Site.Read(Vision);
        using var events = await Site.EventsAsync();
        await events.NextAsync("hello", Patiently);
        try
        {
            Site.Write(Vision, original.Replace("La migration est un fait naturel", "La migration est un fait xylophone"));
            await events.NextAsync("reload", Patiently);
            var served = await Site.Http.GetByteArrayAsync("fr/search/index.json");
            var fresh = Charter.Site.Build.SiteBuilder.Build(new Charter.Site.Build.BuildOptions(
                Site.Root, Path.Combine(Site.Root, "public"), Site.Server.Address.ToString(), WriteOutput: false));
            Assert.True(fresh.Success);
            Assert.Equal(fresh.Files.Single(f => f.Path == "fr/search/index.json").Content, served);
            Assert.Contains("xylophon", System.Text.Encoding.UTF8.GetString(served));
            foreach (var path in new[] { "fr/search/documents.json", "fr/lampedusa/charter.json", "fr/charter.json", "en/charter.json", "sitemap.xml" })
                Assert.Equal(fresh.Files.Single(f => f.Path == path).Content, await Site.Http.GetByteArrayAsync(path));
            Assert.Contains("fait xylophone", await Site.Http.GetStringAsync("fr/charter.json"));
            // The citation files come from folders deferred whole: every one the build writes, with its bytes, and no other file.
            var snapshot = Site.Server.Site!;
            var cited = fresh.Files.Where(f => f.Path.Contains("/cite/", StringComparison.Ordinal)).ToList();
            Assert.True(cited.Count > 900, $"{cited.Count} citation files");
            foreach (var file in cited) Assert.Equal(file.Content, snapshot.Files[file.Path].Content);
            Assert.Equal(fresh.Files.Count + fresh.Assets.Count, snapshot.Files.Count);
            Assert.Equal(fresh.Files.Select(f => f.Path).Concat(fresh.AssetPaths).Order(StringComparer.Ordinal), snapshot.Files.Keys.Order(StringComparer.Ordinal));
        }
        finally
        {
            await RestoreAsync(original, events);
        }
    }

    [Fact]
    public async Task Saving_without_a_change_reloads_nothing()
    {
        using var events = await Site.EventsAsync();
        await events.NextAsync("hello", Patiently);
        Site.Write(Vision, Site.Read(Vision));

        // The server says when it has rebuilt; a reload would have been sent before that line.
        var clock = Stopwatch.StartNew();
        while (!Log.Contains("Rebuilt in") && clock.Elapsed < TimeSpan.FromSeconds(5)) await Task.Delay(20);
        Assert.Contains("0 files changed", Log);
        await Task.Delay(200);
        Assert.False(events.Arrived("reload"), "a save that changed nothing reloaded the pages");
    }

    [Fact]
    public async Task A_content_error_is_sent_to_pages_and_the_last_good_site_stays()
    {
        var original = Site.Read(Vision);
        // The line of "title:", where the broken value is reported (column 8, after "title: ").
        var at = $"{Vision}:{original.Split('\n').ToList().FindIndex(l => l.StartsWith("title: Notre Vision", StringComparison.Ordinal)) + 1}:8";
        var good = await Site.Http.GetStringAsync(VisionPage);
        using var events = await Site.EventsAsync();
        await events.NextAsync("hello", Patiently);
        try
        {
            Site.Write(Vision, original.Replace("title: Notre Vision", "title: [Notre Vision"));
            var error = await events.NextAsync("error", Patiently);

            Assert.Contains($"{at}: error CH001", error);
            Assert.Contains("last good site", error);
            Assert.Contains($"{at}: error CH001", Site.Stderr.ToString());
            var response = await Site.Http.GetAsync(VisionPage);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Equal(good, await response.Content.ReadAsStringAsync());

            // A page opened now learns of the error as soon as it connects.
            using (var late = await Site.EventsAsync())
                Assert.Contains($"{at}: error CH001", await late.NextAsync("error", Patiently));

            // Fixed: the pages reload (which clears the overlay), even though the site is the same as before the error.
            Site.Write(Vision, original);
            await events.NextAsync("reload", Patiently);
            Assert.Equal(good, await Site.Http.GetStringAsync(VisionPage));
        }
        finally
        {
            await RestoreAsync(original, events);
        }
    }
}
