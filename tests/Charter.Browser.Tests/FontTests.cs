using Microsoft.Playwright;

namespace Charter.Browser.Tests;

/// <summary>
/// Issue 19: the text does not reflow when the fonts arrive (the reading fonts are preloaded, and fall back to
/// metric-matched local fonts meanwhile), and a page loads only the font files its text needs.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class FontTests(BrowserFixture site)
{
    private static async Task<string[]> FontsLoadedAsync(IPage page) =>
        await page.EvaluateAsync<string[]>(@"async () => { await document.fonts.ready;
            return performance.getEntriesByType('resource').map(r => r.name).filter(n => n.endsWith('.woff2')).map(n => n.split('/').pop()); }");

    [Theory]
    [InlineData("/fr/lampedusa/")]
    [InlineData("/en/lampedusa/principles/2/")]
    [InlineData("/es/lampedusa/commitments/")]
    public async Task A_page_loads_only_the_latin_fonts_it_needs(string path)
    {
        await using var context = await site.NewContextAsync(width: 360, height: 740);
        var page = await context.NewPageAsync();
        await page.GotoAsync(path);
        var fonts = await FontsLoadedAsync(page);
        Assert.NotEmpty(fonts);
        Assert.DoesNotContain(fonts, f => f.Contains("latin-ext", StringComparison.Ordinal));
        // The preloaded files are the ones the page then uses, so none is fetched for nothing.
        var preloaded = await page.Locator("link[rel=preload][as=font]").EvaluateAllAsync<string[]>("ls => ls.map(l => l.href.split('/').pop())");
        Assert.NotEmpty(preloaded);
        Assert.All(preloaded, p => Assert.Contains(p, fonts));
    }

    [Theory]
    [InlineData("/en/lampedusa/principles/2/")]
    [InlineData("/fr/lampedusa/")]
    public async Task Nothing_moves_when_the_fonts_arrive_on_a_slow_phone(string path)
    {
        await using var context = await site.NewContextAsync(width: 360, height: 740);
        var page = await context.NewPageAsync();
        // A slow phone network (Lighthouse's mobile profile: 150 ms, 1.6 Mbit/s) and a four times slower CPU.
        var cdp = await context.NewCDPSessionAsync(page);
        await cdp.SendAsync("Network.enable");
        await cdp.SendAsync("Network.emulateNetworkConditions", new Dictionary<string, object>
        {
            ["offline"] = false, ["latency"] = 150, ["downloadThroughput"] = 1.6 * 1024 * 1024 / 8, ["uploadThroughput"] = 750 * 1024 / 8,
        });
        await cdp.SendAsync("Emulation.setCPUThrottlingRate", new Dictionary<string, object> { ["rate"] = 4 });
        await page.GotoAsync(path, new PageGotoOptions { WaitUntil = WaitUntilState.Load });
        var shift = await page.EvaluateAsync<double>(@"() => new Promise(resolve => {
            let total = 0;
            new PerformanceObserver(list => { for (const e of list.getEntries()) if (!e.hadRecentInput) total += e.value; })
                .observe({ type: 'layout-shift', buffered: true });
            setTimeout(() => resolve(total), 1500);
        })");
        Assert.True(shift < 0.05, $"cumulative layout shift {shift:0.000}");
    }
}
