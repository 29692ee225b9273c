using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace Charter.Browser.Tests;

/// <summary>
/// Issue 19 in a real browser: a reader on a phone goes from a topic's page to the unit, which is highlighted with the
/// topic's word marked; the search filters narrow the results, live in the URL and come back on reload; a topic alone
/// lists its units; a filter that leaves nothing says so and can be cleared.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class TopicTests(BrowserFixture site)
{
    private static readonly Regex Highlighted = new(@"\bis-highlighted\b");

    /// <summary>The search documents of a language as the browser gets them: what the filters must keep is derived from them.</summary>
    private List<JsonElement> Documents(string lang)
    {
        using var json = JsonDocument.Parse(File.ReadAllBytes(Path.Combine(site.OutputDir, lang, "search", "documents.json")));
        return json.RootElement.EnumerateArray().Select(d => d.Clone()).ToList();
    }

    private static bool HasTopic(JsonElement doc, string topic) =>
        doc.TryGetProperty("topics", out var topics) && topics.EnumerateArray().Any(t => t.GetString() == topic);

    private static async Task<List<string>> ResultIdsAsync(IPage page) =>
        (await page.Locator("#search-results li a").EvaluateAllAsync<string[]>("as => as.map(a => a.getAttribute('href'))"))
        // A unit is its page's fragment; a declaration is a page of its own (/fr/declarations/ID/?mark=…).
        .Select(h => h.Contains('#') ? h[(h.IndexOf('#') + 1)..] : h.Split('?')[0].TrimEnd('/').Split('/')[^1]).ToList();

    [Theory]
    [InlineData("fr", "logement")]
    [InlineData("es", "vivienda")]
    public async Task A_topic_page_leads_on_a_phone_to_the_unit_highlighted_with_the_word_marked(string lang, string word)
    {
        await using var context = await site.NewContextAsync(width: 360, height: 740);
        var page = await context.NewPageAsync();
        await page.GotoAsync($"/{lang}/topics/");
        await page.Locator("a[href$='/topics/housing/']").First.ClickAsync();
        await page.ArrivesAtAsync(new Regex("/topics/housing/$"));
        await page.Locator(".topic-units a[href$='#p2-3']").ClickAsync();
        await page.ArrivesAtAsync(new Regex("#p2-3$"));
        var unit = page.Locator("#p2-3");
        await Assertions.Expect(unit).ToHaveClassAsync(Highlighted);
        await Assertions.Expect(unit).ToBeInViewportAsync();
        await Assertions.Expect(unit.Locator("mark.search-mark").First).ToHaveTextAsync(new Regex("^" + word + "$", RegexOptions.IgnoreCase));
        // No horizontal scrolling on the phone.
        Assert.True(await page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= window.innerWidth"));
    }

    [Fact]
    public async Task A_filter_narrows_the_results_and_survives_a_reload()
    {
        await using var context = await site.NewContextAsync(width: 360, height: 740);
        var page = await context.NewPageAsync();
        await page.GotoAsync("/fr/search/?q=logement");
        await PageHelpers.WaitForSearchResultsAsync(page);
        var all = await ResultIdsAsync(page);
        var documents = Documents("fr").ToDictionary(d => d.GetProperty("id").GetString()!);

        await page.SelectOptionAsync("#filter-kind", "priority");
        await page.WaitForFunctionAsync("() => location.search.includes('kind=priority')");
        var priorities = await ResultIdsAsync(page);
        Assert.Equal(all.Where(id => documents[id].GetProperty("kind").GetString() == "priority"), priorities);
        Assert.True(priorities.Count < all.Count, $"the kind filter kept everything: {string.Join(", ", all)}");
        Assert.StartsWith(priorities.Count.ToString(System.Globalization.CultureInfo.InvariantCulture), await page.Locator("#search-status").TextContentAsync() ?? "");

        await page.SelectOptionAsync("#filter-in", "p2");
        await page.WaitForFunctionAsync("() => location.search.includes('in=p2')");
        var inP2 = await ResultIdsAsync(page);
        Assert.Equal(priorities.Where(id => documents[id].GetProperty("in").GetString() == "p2"), inP2);

        await page.ReloadAsync();
        await PageHelpers.WaitForSearchResultsAsync(page);
        Assert.Equal("logement", await page.InputValueAsync("#search-q"));
        Assert.Equal("priority", await page.InputValueAsync("#filter-kind"));
        Assert.Equal("p2", await page.InputValueAsync("#filter-in"));
        Assert.Equal(inP2, await ResultIdsAsync(page));
    }

    [Fact]
    public async Task A_topic_alone_lists_its_units_and_a_filter_that_leaves_nothing_can_be_cleared()
    {
        await using var context = await site.NewContextAsync(width: 1280, height: 900);
        var page = await context.NewPageAsync();
        await page.GotoAsync("/fr/search/?topic=housing");
        await PageHelpers.WaitForSearchResultsAsync(page);
        var expected = Documents("fr").Where(d => HasTopic(d, "housing")).Select(d => d.GetProperty("id").GetString()!).ToList();
        Assert.Contains("p2-3", expected);
        Assert.Equal(expected, await ResultIdsAsync(page));
        Assert.Equal("housing", await page.InputValueAsync("#filter-topic"));

        // "jumelage" is in no unit about health: the status says the filters left nothing, not that the words found nothing.
        await page.FillAsync("#search-q", "jumelage");
        await page.SelectOptionAsync("#filter-topic", "health");
        await Assertions.Expect(page.Locator("#search-status")).ToHaveTextAsync("Aucun résultat avec ces filtres.");
        Assert.Equal(0, await page.Locator("#search-results li").CountAsync());
        await page.ClickAsync("#search-filters-clear");
        await PageHelpers.WaitForSearchResultsAsync(page);
        Assert.Contains("p5-3", await ResultIdsAsync(page));
        await page.WaitForFunctionAsync("() => !location.search.includes('topic=')");
        Assert.Equal("", await page.InputValueAsync("#filter-topic"));
    }
}
