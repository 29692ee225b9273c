using Microsoft.Playwright;

namespace Charter.Browser.Tests;

/// <summary>
/// Issue 5 in a real browser: the shipped lunr.js loads the index our C# builder wrote, queries in French and English
/// (with and without accents, singular and plural, several words) put the right unit among the first results, and the
/// result's link lands on the unit, highlighted.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class SearchTests(BrowserFixture site)
{
    [Theory]
    [InlineData("fr", "détention", "p1-2")]
    [InlineData("fr", "detention", "p1-2")]            // no accent
    [InlineData("fr", "DÉTENTION", "p1-2")]            // capitals
    [InlineData("fr", "logement", "p2-3")]
    [InlineData("fr", "logements", "p2-3")]            // plural finds the singular
    [InlineData("fr", "jumelage", "p5-3")]
    [InlineData("fr", "mineurs non accompagnés", "c4-3")] // several words
    [InlineData("fr", "refugies logement", "c4-7")]     // inclusive writing "réfugié.e.s", no accent, two words
    [InlineData("en", "twinning", "p5-3")]
    [InlineData("en", "housing", "p2-3")]
    [InlineData("en", "unaccompanied minors", "c4-3")]
    [InlineData("en", "detentions", "p1-2")]           // plural finds the singular
    [InlineData("es", "vivienda", "p2-3")]
    [InlineData("es", "detencion", "p1-2")]            // no accent
    [InlineData("es", "hermanamiento", "p5-3")]
    public async Task A_query_puts_the_expected_unit_among_the_first_results(string lang, string query, string expected)
    {
        await using var context = await site.NewContextAsync(width: 1280, height: 900);
        var page = await context.NewPageAsync();
        await page.GotoAsync($"/{lang}/search/?q={Uri.EscapeDataString(query)}");
        await PageHelpers.WaitForSearchResultsAsync(page);
        var hrefs = await page.Locator("#search-results li a").EvaluateAllAsync<string[]>("as => as.map(a => a.getAttribute('href'))");
        // Declarations have pages of their own (no fragment); units are fragments of their page.
        var top = hrefs.Take(5).Select(h => h.Contains('#') ? h[(h.IndexOf('#') + 1)..] : h).ToList();
        Assert.True(top.Contains(expected), $"'{query}' ({lang}): {expected} not in the first five results: {string.Join(", ", top)}");
        // The results are announced to screen readers.
        Assert.Matches(@"\d", await page.Locator("#search-status").TextContentAsync() ?? "");
    }

    [Theory]
    [InlineData("fr", "jumelage", "p5-3")]
    [InlineData("en", "twinning", "p5-3")]
    public async Task The_result_link_lands_on_the_unit_highlighted(string lang, string query, string expected)
    {
        await using var context = await site.NewContextAsync(width: 360, height: 740);
        var page = await context.NewPageAsync();
        await page.GotoAsync($"/{lang}/search/?q={query}");
        await PageHelpers.WaitForSearchResultsAsync(page);
        await page.Locator($"#search-results a[href$='#{expected}']").First.ClickAsync();
        await page.ArrivesAtAsync(new System.Text.RegularExpressions.Regex(System.Text.RegularExpressions.Regex.Escape("#" + expected) + "$"));
        var unit = page.Locator("#" + expected);
        await Assertions.Expect(unit).ToHaveClassAsync(new System.Text.RegularExpressions.Regex(@"\bis-highlighted\b"));
        await Assertions.Expect(unit).ToBeInViewportAsync();
        // The snippet marked the matched word before the click.
    }

    [Fact]
    public async Task Matched_words_are_marked_and_results_are_text_not_html()
    {
        await using var context = await site.NewContextAsync(width: 1280, height: 900);
        var page = await context.NewPageAsync();
        await page.GotoAsync("/fr/search/?q=" + Uri.EscapeDataString("<img src=x onerror=alert(1)> détention"));
        await PageHelpers.WaitForSearchResultsAsync(page);
        Assert.True(await page.Locator("#search-results mark").CountAsync() > 0);
        Assert.Equal(0, await page.Locator("#search-results img, main img[src='x']").CountAsync());
    }

    [Theory]
    [InlineData("en", "jumelage", "fr", "es")]
    [InlineData("fr", "twinning", "en", "es")]
    [InlineData("es", "jumelage", "fr", "en")]
    public async Task No_result_says_so_and_offers_each_other_language_with_the_query_filled_in(string lang, string query, string first, string second)
    {
        await using var context = await site.NewContextAsync(width: 1280, height: 900);
        var page = await context.NewPageAsync();
        await page.GotoAsync($"/{lang}/search/?q={query}");
        var offers = page.Locator("#search-elsewhere a");
        await offers.First.WaitForAsync(new LocatorWaitForOptions { Timeout = 10_000 });
        Assert.Equal(2, await offers.CountAsync());
        foreach (var (other, i) in new[] { (first, 0), (second, 1) })
        {
            var link = offers.Nth(i);
            Assert.Contains($"/{other}/search/?q={query}", await link.GetAttributeAsync("href") ?? "");
            var label = await link.TextContentAsync() ?? "";
            Assert.Contains(query, label);
            Assert.DoesNotContain("{", label); // no raw placeholder
        }
    }

    // Issue 19: what a reader trips over in search.

    [Theory]
    [InlineData("fr", "logement")]
    [InlineData("en", "housing")]
    [InlineData("fr", "novembre")]
    public async Task Each_result_shows_its_number_once(string lang, string query)
    {
        await using var context = await site.NewContextAsync(width: 1280, height: 900);
        var page = await context.NewPageAsync();
        await page.GotoAsync($"/{lang}/search/?q={Uri.EscapeDataString(query)}");
        await PageHelpers.WaitForSearchResultsAsync(page);
        var links = await page.Locator("#search-results li > a").EvaluateAllAsync<string[]>("as => as.map(a => a.textContent)");
        Assert.NotEmpty(links);
        foreach (var text in links)
        {
            var numbers = System.Text.RegularExpressions.Regex.Matches(text, @"\b\d+(\.\d+)*\b").Select(m => m.Value).ToList();
            Assert.True(numbers.Distinct().Count() == numbers.Count, $"a number twice in '{text}'");
        }
        // A milestone is titled with its label, so its number never reads as a day ("1 novembre 2020").
        Assert.DoesNotContain(links, t => System.Text.RegularExpressions.Regex.IsMatch(t, @"^\s*\d+\s+\p{L}+\s+\d{4}"));
    }

    [Theory]
    [InlineData("en", "migrnts", "migrants")]
    [InlineData("fr", "lojement", "logement")]
    [InlineData("es", "bivienda", "vivienda")]
    public async Task A_typo_finds_the_close_words_and_says_so(string lang, string typo, string meant)
    {
        await using var context = await site.NewContextAsync(width: 1280, height: 900);
        var page = await context.NewPageAsync();
        await page.GotoAsync($"/{lang}/search/?q={typo}");
        await PageHelpers.WaitForSearchResultsAsync(page);
        Assert.True(await page.Locator("#search-results li").CountAsync() > 0);
        var status = await page.Locator("#search-status").TextContentAsync() ?? "";
        Assert.Contains(typo, status);
        Assert.Contains(meant, status);
        Assert.DoesNotContain("{", status);
        Assert.Contains(meant, (await page.Locator("#search-results mark").AllTextContentsAsync()).Select(m => m.ToLowerInvariant()));
    }

    [Theory]
    [InlineData("fr", "climat")]
    [InlineData("en", "climate")]
    public async Task The_charters_own_units_rank_above_the_texts_it_cites(string lang, string query)
    {
        await using var context = await site.NewContextAsync(width: 1280, height: 900);
        var page = await context.NewPageAsync();
        await page.GotoAsync($"/{lang}/search/?q={query}");
        await PageHelpers.WaitForSearchResultsAsync(page);
        var hrefs = await page.Locator("#search-results li > a").EvaluateAllAsync<string[]>("as => as.map(a => a.getAttribute('href'))");
        var cited = hrefs.Select(h => h.Contains("/declarations/", StringComparison.Ordinal)).ToList();
        Assert.Contains(true, cited);
        Assert.Contains(false, cited);
        // Every one of the charter's units (each matches the one word) comes before the first declaration.
        Assert.True(cited.IndexOf(true) > cited.LastIndexOf(false), string.Join(", ", hrefs));
    }

    [Fact]
    public async Task Switching_language_on_the_search_page_does_not_carry_the_words_over()
    {
        await using var context = await site.NewContextAsync(width: 1280, height: 900);
        var page = await context.NewPageAsync();
        await page.GotoAsync("/fr/search/?q=logement");
        await PageHelpers.WaitForSearchResultsAsync(page);
        await page.Locator("a[data-lang-switch][hreflang='en']").First.ClickAsync();
        await page.ArrivesAtAsync(new System.Text.RegularExpressions.Regex("/en/search/"));
        Assert.DoesNotContain("q=", page.Url);
        Assert.Equal("", await page.Locator("#search-q").InputValueAsync());
        Assert.Equal(0, await page.Locator("#search-results li").CountAsync());
    }

    [Theory]
    [InlineData("fr", "logement", "p2-3")]
    [InlineData("es", "vivienda", "p2-3")]
    public async Task The_matched_words_are_marked_on_the_unit_landed_on(string lang, string query, string expected)
    {
        await using var context = await site.NewContextAsync(width: 1280, height: 900);
        var page = await context.NewPageAsync();
        await page.GotoAsync($"/{lang}/search/?q={query}");
        await PageHelpers.WaitForSearchResultsAsync(page);
        await page.Locator($"#search-results a[href$='#{expected}']").First.ClickAsync();
        await page.ArrivesAtAsync(new System.Text.RegularExpressions.Regex(System.Text.RegularExpressions.Regex.Escape("#" + expected) + "$"));
        var marks = page.Locator($"#{expected} mark.search-mark");
        await Assertions.Expect(marks.First).ToBeVisibleAsync();
        Assert.All(await marks.AllTextContentsAsync(), m => Assert.StartsWith(query[..5], m.ToLowerInvariant()));
        // Only the unit landed on: the page's other units are left as they are.
        Assert.Equal(await page.Locator("mark.search-mark").CountAsync(), await marks.CountAsync());
    }
}
