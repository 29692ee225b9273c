using Microsoft.Playwright;

namespace Charter.Browser.Tests;

public static class PageHelpers
{
    /// <summary>Opens a page and waits until it is ready to be judged: loaded, and on the search page, results shown.</summary>
    public static async Task OpenAsync(this IPage page, SitePage sitePage)
    {
        var response = await page.GotoAsync(sitePage.Path, new PageGotoOptions { WaitUntil = WaitUntilState.Load });
        Assert.NotNull(response);
        var expected = sitePage.Kind == "not found" ? 404 : 200;
        Assert.True(response.Status == expected, $"{sitePage}: HTTP {response.Status}, expected {expected}");
        if (sitePage.Kind.StartsWith("search with", StringComparison.Ordinal)) await WaitForSearchResultsAsync(page);
    }

    /// <summary>Waits until the page is at an address (an exact string or a pattern), then for its load.
    /// Not IPage.WaitForURLAsync: it looks at the address, then subscribes to the next navigation, and a
    /// navigation that commits between the two — a meta refresh just after GotoAsync, a click's — is missed,
    /// so it waits for one that never comes (seen in CI under load). The assertion polls the address instead.</summary>
    public static async Task ArrivesAtAsync(this IPage page, string url)
    {
        await Assertions.Expect(page).ToHaveURLAsync(url, new PageAssertionsToHaveURLOptions { Timeout = 15_000 });
        await page.WaitForLoadStateAsync(LoadState.Load);
    }

    /// <inheritdoc cref="ArrivesAtAsync(IPage, string)"/>
    public static async Task ArrivesAtAsync(this IPage page, System.Text.RegularExpressions.Regex url)
    {
        await Assertions.Expect(page).ToHaveURLAsync(url, new PageAssertionsToHaveURLOptions { Timeout = 15_000 });
        await page.WaitForLoadStateAsync(LoadState.Load);
    }

    public static async Task WaitForSearchResultsAsync(IPage page) =>
        await page.Locator("#search-results li a").First.WaitForAsync(new LocatorWaitForOptions { State = WaitForSelectorState.Attached, Timeout = 10_000 });

    /// <summary>Runs work over items with a few pages open at once (two cores: two pages at a time keep both busy).</summary>
    public static async Task<List<T>> ForEachPageAsync<TItem, T>(IBrowserContext context, IReadOnlyList<TItem> items, int parallel,
        Func<IPage, TItem, Task<T>> work)
    {
        var results = new T[items.Count];
        var next = -1;
        async Task Worker()
        {
            var page = await context.NewPageAsync();
            try
            {
                int i;
                while ((i = Interlocked.Increment(ref next)) < items.Count) results[i] = await work(page, items[i]);
            }
            finally { await page.CloseAsync(); }
        }
        await Task.WhenAll(Enumerable.Range(0, Math.Min(parallel, items.Count)).Select(_ => Worker()));
        return [.. results];
    }
}
