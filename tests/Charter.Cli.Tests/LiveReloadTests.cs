using System.Diagnostics;
using System.Net;
using Xunit.Abstractions;

namespace Charter.Cli.Tests;

/// <summary>Each test edits its own copy of the site, with its own server.</summary>
public sealed class LiveReloadTests(ITestOutputHelper output) : IAsyncLifetime
{
    private const string Vision = "content/lampedusa/vision.fr.md";
    private const string VisionPage = "fr/lampedusa/vision/";
    // What the issue asks of serve: open pages reload within half a second. The test allows a second, because
    // test machines are shared and slow; the report gives the measured figures.
    private static readonly TimeSpan Promptly = TimeSpan.FromSeconds(1);

    private ServedSite _site = null!;
    public async Task InitializeAsync() => _site = await ServedSite.StartAsync();
    public async Task DisposeAsync()
    {
        // The server's own lines (build times) go to the test output, to read when a timing assertion fails.
        output.WriteLine(_site.Stdout.ToString());
        await _site.DisposeAsync();
    }

    [Fact]
    public async Task Editing_content_reloads_open_pages_with_the_new_text()
    {
        Assert.DoesNotContain("Notre Vision zq42", await _site.Http.GetStringAsync(VisionPage));
        using var events = await _site.EventsAsync();
        await events.NextAsync("hello", Promptly);

        var clock = Stopwatch.StartNew();
        _site.Write(Vision, _site.Read(Vision).Replace("title: Notre Vision", "title: Notre Vision zq42"));
        var reload = await events.NextAsync("reload", Promptly);
        var page = await _site.Http.GetStringAsync(VisionPage);
        clock.Stop();

        Assert.Equal($"{{\"build\":{_site.Server.Site!.Build}}}", reload);
        Assert.Contains("Notre Vision zq42", page);
        Assert.True(clock.Elapsed < Promptly, $"edit to new page took {clock.ElapsedMilliseconds} ms");
    }

    [Fact]
    public async Task Saving_without_a_change_reloads_nothing()
    {
        using var events = await _site.EventsAsync();
        await events.NextAsync("hello", Promptly);
        _site.Write(Vision, _site.Read(Vision));

        // The server says when it has rebuilt; a reload would have been sent before that line.
        var clock = Stopwatch.StartNew();
        while (!_site.Stdout.ToString().Contains("0 files changed") && clock.Elapsed < TimeSpan.FromSeconds(5)) await Task.Delay(20);
        Assert.Contains("Rebuilt in", _site.Stdout.ToString());
        await Task.Delay(200);
        Assert.False(events.Arrived("reload"), "a save that changed nothing reloaded the pages");
    }

    [Fact]
    public async Task A_content_error_is_sent_to_pages_and_the_last_good_site_stays()
    {
        var good = await _site.Http.GetStringAsync(VisionPage);
        using var events = await _site.EventsAsync();
        await events.NextAsync("hello", Promptly);

        var original = _site.Read(Vision);
        _site.Write(Vision, original.Replace("title: Notre Vision", "title: [Notre Vision"));
        var error = await events.NextAsync("error", Promptly);

        Assert.Contains($"{Vision}:", error);
        Assert.Contains(": error ", error);
        Assert.Contains("last good site", error);
        Assert.Contains($"{Vision}:", _site.Stderr.ToString());
        var response = await _site.Http.GetAsync(VisionPage);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(good, await response.Content.ReadAsStringAsync());

        // A page opened now learns of the error as soon as it connects.
        using (var late = await _site.EventsAsync())
            Assert.Contains($"{Vision}:", await late.NextAsync("error", Promptly));

        // Fixed: the pages reload (which clears the overlay), even though the site is the same as before the error.
        _site.Write(Vision, original);
        await events.NextAsync("reload", Promptly);
        Assert.Equal(good, await _site.Http.GetStringAsync(VisionPage));
    }
}
