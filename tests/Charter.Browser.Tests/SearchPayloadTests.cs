using System.Text.Json;
using Microsoft.Playwright;
using Xunit.Abstractions;

namespace Charter.Browser.Tests;

/// <summary>
/// Issue 19, measured in the browser on the real site, served gzipped: the search payload (index, documents and
/// scripts, as transferred) is at most 80 kB per language, and once the index is loaded into lunr the first query
/// and the drawing of its results take at most 50 ms (search.js's data-search-ms). Also printed: the time from the
/// last file's arrival to the first result on screen, which adds parsing and lunr's Index.load.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class SearchPayloadTests(BrowserFixture site, ITestOutputHelper output)
{
    private const long MaxPayloadBytes = 80_000;
    private const double MaxFirstResultsMs = 50;

    // The moment the first result is drawn, on the page's own clock, recorded before any script of the page runs.
    private const string WatchResults = @"
        window.__firstResultsAt = null;
        new MutationObserver((_, observer) => {
            const list = document.getElementById('search-results');
            if (list && list.children.length > 0) { window.__firstResultsAt = performance.now(); observer.disconnect(); }
        }).observe(document, { childList: true, subtree: true });";

    private sealed record Payload(JsonElement[] Files, double ArrivedAt, double ResultsAt);

    [Theory]
    [InlineData("fr", "logement")]
    [InlineData("en", "housing")]
    [InlineData("es", "vivienda")]
    public async Task The_search_payload_is_small_and_the_first_results_come_at_once(string lang, string query)
    {
        // Another process's CPU can only slow a run down: up to three fresh pages, the fastest kept.
        var searchMs = double.PositiveInfinity;
        for (var attempt = 1; attempt <= 3 && searchMs > MaxFirstResultsMs; attempt++)
            searchMs = Math.Min(searchMs, await MeasureAsync(lang, query, attempt));
        Assert.True(searchMs <= MaxFirstResultsMs, $"{lang}: the first query and its results took {searchMs} ms at best");
    }

    private async Task<double> MeasureAsync(string lang, string query, int attempt)
    {
        await using var context = await site.NewContextAsync(width: 360, height: 740);
        await context.AddInitScriptAsync(WatchResults);
        var page = await context.NewPageAsync();
        await page.GotoAsync($"/{lang}/search/?q={query}");
        await PageHelpers.WaitForSearchResultsAsync(page);

        var json = await page.EvaluateAsync<JsonElement>(@"() => {
            const config = document.getElementById('search-config').dataset;
            const wanted = [config.index, config.documents, ...config.scripts.split(/\s+/), document.querySelector('script[src*=""search.js""]').getAttribute('src')]
                .filter(Boolean).map(u => new URL(u, location.href).href);
            const files = performance.getEntriesByType('resource').filter(r => wanted.includes(r.name))
                .map(r => ({ name: r.name.split('/').slice(-2).join('/'), bytes: r.encodedBodySize, decoded: r.decodedBodySize, end: r.responseEnd }));
            return { files, wanted: wanted.length, arrivedAt: Math.max(...files.map(f => f.end)), resultsAt: window.__firstResultsAt };
        }");
        var files = json.GetProperty("files").EnumerateArray().ToList();
        Assert.Equal(json.GetProperty("wanted").GetInt32(), files.Count);

        var total = files.Sum(f => f.GetProperty("bytes").GetInt64());
        foreach (var f in files)
            output.WriteLine($"{lang}: {f.GetProperty("name").GetString()} {f.GetProperty("bytes").GetInt64():N0} bytes gzipped ({f.GetProperty("decoded").GetInt64():N0} decoded)");
        var afterArrival = json.GetProperty("resultsAt").GetDouble() - json.GetProperty("arrivedAt").GetDouble();
        output.WriteLine($"{lang} (run {attempt}): search payload {total:N0} bytes transferred; first results {afterArrival:0.0} ms after the last file arrived; data-search-ms {await page.Locator("#search-results").GetAttributeAsync("data-search-ms")}");

        // Compressed for real: a server that did not gzip would make this test measure nothing it claims.
        Assert.All(files.Where(f => f.GetProperty("name").GetString()!.EndsWith(".json", StringComparison.Ordinal)),
            f => Assert.True(f.GetProperty("bytes").GetInt64() < f.GetProperty("decoded").GetInt64() / 2, f.GetRawText()));
        Assert.True(total <= MaxPayloadBytes, $"{lang}: search payload {total} bytes gzipped");
        return double.Parse(await page.Locator("#search-results").GetAttributeAsync("data-search-ms") ?? "NaN", System.Globalization.CultureInfo.InvariantCulture);
    }
}
