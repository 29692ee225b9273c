using Microsoft.Playwright;

namespace Charter.Browser.Tests;

/// <summary>What a reader does: arrive in their language, switch language without losing the place, cite, search.</summary>
[Collection(BrowserCollection.Name)]
public sealed class ReaderTests(BrowserFixture site)
{
    [Theory]
    [InlineData("fr-FR", "/fr/")]
    [InlineData("en-US", "/en/")]
    [InlineData("fr-CA", "/fr/")]
    public async Task Language_picker_follows_the_browser_language(string locale, string expected)
    {
        await using var context = await site.NewContextAsync(locale: locale);
        var page = await context.NewPageAsync();
        await page.GotoAsync("/");
        await page.ArrivesAtAsync(site.Url(expected));
        Assert.Equal(expected.Trim('/'), await page.EvaluateAsync<string>("() => document.documentElement.lang"));
    }

    [Fact]
    public async Task Language_picker_stays_and_offers_every_language_when_the_browser_language_is_not_available()
    {
        await using var context = await site.NewContextAsync(locale: "de-DE");
        var page = await context.NewPageAsync();
        await page.GotoAsync("/");
        await page.WaitForTimeoutAsync(300);
        Assert.Equal(site.Url("/"), page.Url);
        Assert.Equal(SitePages.Languages.Length, await page.Locator("#language-picker a[hreflang]").CountAsync());
    }

    [Theory]
    [InlineData(1280)]
    [InlineData(360)]
    public async Task Language_switch_on_a_priority_permalink_lands_on_the_same_priority(int width)
    {
        await using var context = await site.NewContextAsync(width: width, height: 740);
        var page = await context.NewPageAsync();
        await page.GotoAsync("/fr/lampedusa/principles/2/#p2-3");
        await page.Locator(".lang-switch a[hreflang=en]").ClickAsync();
        await page.ArrivesAtAsync(site.Url("/en/lampedusa/principles/2/#p2-3"));
        Assert.Equal("en", await page.EvaluateAsync<string>("() => document.documentElement.lang"));
        await AssertInViewAsync(page, "p2-3");
    }

    [Fact]
    public async Task Switching_among_the_three_languages_keeps_the_unit()
    {
        await using var context = await site.NewContextAsync(width: 1280, height: 800);
        var page = await context.NewPageAsync();
        await page.GotoAsync("/fr/lampedusa/commitments/#c4-7");
        foreach (var (lang, tag) in new[] { ("es", "es"), ("en", "en"), ("fr", "fr") })
        {
            await page.Locator($".lang-switch a[hreflang={tag}]").ClickAsync();
            await page.ArrivesAtAsync(site.Url($"/{lang}/lampedusa/commitments/#c4-7"));
            Assert.Equal(tag, await page.EvaluateAsync<string>("() => document.documentElement.lang"));
            await AssertInViewAsync(page, "c4-7");
        }
    }

    [Fact]
    public async Task The_side_by_side_view_compares_with_the_language_the_reader_picks()
    {
        await using var context = await site.NewContextAsync(width: 1280, height: 800);
        var page = await context.NewPageAsync();
        await page.GotoAsync("/es/lampedusa/side-by-side/#p2-3");
        var shown = "() => [...document.querySelectorAll('#p2-3 [data-col]')].filter(c => !c.hidden).map(c => c.dataset.col).join(' ')";
        Assert.Equal("es fr", await page.EvaluateAsync<string>(shown)); // a translation beside the source by default
        await page.Locator(".compare a[data-with=en]").ClickAsync();
        await page.ArrivesAtAsync(new System.Text.RegularExpressions.Regex("with=en"));
        Assert.Equal("es en", await page.EvaluateAsync<string>(shown));
        Assert.Equal("true", await page.Locator(".compare a[data-with=en]").GetAttributeAsync("aria-current"));
    }

    /// <summary>A reader reads a unit, scrolls back up to the switch, and switches: they land on the unit they were reading.</summary>
    [Fact]
    public async Task Language_switch_keeps_the_unit_the_reader_was_reading()
    {
        await using var context = await site.NewContextAsync(width: 1280, height: 800, reducedMotion: ReducedMotion.Reduce);
        var page = await context.NewPageAsync();
        await page.GotoAsync("/en/lampedusa/commitments/");
        var target = await page.EvaluateAsync<string>("() => document.querySelectorAll('.unit[id]')[6].id");
        await page.EvaluateAsync("id => document.getElementById(id).scrollIntoView({ block: 'start' })", target);
        await page.WaitForTimeoutAsync(800); // reading
        await page.Mouse.WheelAsync(0, -100_000); // back up to the header
        await page.WaitForFunctionAsync("() => scrollY === 0");
        await page.WaitForTimeoutAsync(800);
        await page.Locator(".lang-switch a[hreflang=fr]").ClickAsync();
        await page.ArrivesAtAsync(new System.Text.RegularExpressions.Regex("^" + System.Text.RegularExpressions.Regex.Escape(site.Url("/fr/"))));
        Assert.Equal(site.Url("/fr/lampedusa/commitments/#" + target), page.Url);
        await AssertInViewAsync(page, target);
    }

    private static async Task AssertInViewAsync(IPage page, string id)
    {
        // Smooth scrolling may still be moving; wait until the unit's top is on screen.
        await page.WaitForFunctionAsync(@"id => {
            const r = document.getElementById(id).getBoundingClientRect();
            return r.top >= -1 && r.top < innerHeight * 0.6;
        }", id, new PageWaitForFunctionOptions { Timeout = 5000 });
    }

    /// <summary>The cite control, by keyboard only: Tab to it, Enter opens it, the citation is in the page's language
    /// with the short permalink, and the copy buttons put the link and the citation in the clipboard.</summary>
    [Theory]
    [InlineData("fr", "Charte de Lampedusa (CGLU, 2022), principe 2, priorité 3")]
    [InlineData("en", "Lampedusa Charter (UCLG, 2022), principle 2, priority 3")]
    public async Task Cite_control_works_with_the_keyboard_alone(string lang, string citation)
    {
        await using var context = await site.NewContextAsync(locale: lang == "fr" ? "fr-FR" : "en-GB", permissions: ["clipboard-read", "clipboard-write"]);
        var page = await context.NewPageAsync();
        await page.GotoAsync(site.Url($"/{lang}/lampedusa/principles/2/#p2-3"));
        var shortLink = site.Url($"/{lang}/2.3/");

        // The fragment moved the keyboard's starting point to the unit: a few Tabs reach its Cite control.
        var summary = page.Locator("#p2-3 details.cite > summary");
        Assert.True(await TabToAsync(page, summary, 15), "Tab never reached the Cite control of p2-3");
        var box = page.Locator("#p2-3 .cite-box");
        Assert.False(await box.IsVisibleAsync());
        await page.Keyboard.PressAsync("Enter");
        Assert.True(await box.IsVisibleAsync(), "Enter did not open the Cite box");
        var text = (await page.Locator("#p2-3 .cite-charter .cite-text").InnerTextAsync()).Replace('\u202F', ' ').Replace('\u00A0', ' ');
        Assert.StartsWith(citation + ", " + shortLink, text);

        // Tab to "Copy link" and press Enter: the short permalink is in the clipboard, and the reader is told.
        Assert.True(await TabToAsync(page, page.Locator("#p2-3 button.copy[data-copy]"), 8), "Tab never reached the copy-link button");
        await page.Keyboard.PressAsync("Enter");
        await page.WaitForFunctionAsync("() => document.getElementById('live-region').textContent.length > 0");
        Assert.Equal(shortLink, await page.EvaluateAsync<string>("() => navigator.clipboard.readText()"));

        // The short form's own button copies the whole citation, as shown.
        await page.Locator("#p2-3 .cite-charter button.copy").FocusAsync();
        await page.Keyboard.PressAsync("Enter");
        await page.WaitForFunctionAsync("p => navigator.clipboard.readText().then(t => t !== p)", shortLink);
        var copied = (await page.EvaluateAsync<string>("() => navigator.clipboard.readText()")).Replace('\u202F', ' ').Replace('\u00A0', ' ');
        Assert.Equal(text.Trim(), copied);
    }

    private static async Task<bool> TabToAsync(IPage page, ILocator target, int most)
    {
        for (var i = 0; i < most; i++)
        {
            await page.Keyboard.PressAsync("Tab");
            if (await target.EvaluateAsync<bool>("el => el === document.activeElement")) return true;
        }
        return false;
    }

    [Theory]
    [InlineData("/fr/lampedusa/principles/2/", "header-q")]
    [InlineData("/en/search/", "search-q")]
    public async Task Slash_focuses_the_search_box(string path, string box)
    {
        await using var context = await site.NewContextAsync();
        var page = await context.NewPageAsync();
        await page.GotoAsync(path);
        Assert.NotEqual(box, await page.EvaluateAsync<string>("() => document.activeElement.id"));
        await page.Keyboard.PressAsync("/");
        Assert.Equal(box, await page.EvaluateAsync<string>("() => document.activeElement.id"));
        // Typing then goes into the box, and a second "/" is just a character there.
        await page.Keyboard.TypeAsync("a/b");
        Assert.Equal("a/b", await page.Locator("#" + box).InputValueAsync());
    }

    [Fact]
    public async Task Search_from_the_header_lands_on_the_search_page_with_results()
    {
        // On a phone the header's box gives way to a link to the search page (the header stays one row).
        await using (var phone = await site.NewContextAsync(width: 360, height: 740))
        {
            var small = await phone.NewPageAsync();
            await small.GotoAsync("/fr/lampedusa/principles/1/");
            await Assertions.Expect(small.Locator("#header-q")).ToBeHiddenAsync();
            await small.Locator(".search-link").ClickAsync();
            await small.ArrivesAtAsync(site.Url("/fr/search/"));
        }
        await using var context = await site.NewContextAsync(width: 1280, height: 900);
        var page = await context.NewPageAsync();
        await page.GotoAsync("/fr/lampedusa/principles/1/");
        await page.Locator("#header-q").FillAsync("détention");
        await page.Locator("#header-q").PressAsync("Enter");
        await page.ArrivesAtAsync(new System.Text.RegularExpressions.Regex("^" + System.Text.RegularExpressions.Regex.Escape(site.Url("/fr/search/?q="))));
        Assert.Equal("détention", Uri.UnescapeDataString(new Uri(page.Url).Query["?q=".Length..]).Replace('+', ' '));
        await PageHelpers.WaitForSearchResultsAsync(page);
        Assert.Equal("détention", await page.Locator("#search-q").InputValueAsync());
        var links = await page.Locator("#search-results li a").EvaluateAllAsync<string[]>("as => as.map(a => a.getAttribute('href'))");
        Assert.NotEmpty(links);
        Assert.All(links, href => Assert.Matches("^/fr/.+#.+", href));
    }

    // Issue 19: short links for every kind a reader cites, not only principles and priorities.
    [Theory]
    [InlineData("/fr/c4-7/", "/fr/lampedusa/commitments/", "c4-7")]
    [InlineData("/en/c5-2/", "/en/lampedusa/commitments/", "c5-2")]   // a call
    [InlineData("/es/m9/", "/es/lampedusa/timeline/", "m9")]
    [InlineData("/fr/v3/", "/fr/lampedusa/vision/", "v3")]
    public async Task A_short_link_lands_on_its_unit(string shortLink, string page, string id)
    {
        await using var context = await site.NewContextAsync(width: 360, height: 740);
        var tab = await context.NewPageAsync();
        await tab.GotoAsync(shortLink);
        await tab.ArrivesAtAsync(site.Url(page + "#" + id));
        var unit = tab.Locator("#" + id);
        await Assertions.Expect(unit).ToHaveClassAsync(new System.Text.RegularExpressions.Regex(@"\bis-highlighted\b"));
        await Assertions.Expect(unit).ToBeInViewportAsync();
    }

    // Issue 19: a backlink reads in one type style and quotes the passage it comes from; the symbol of a UN text is given.
    [Theory]
    [InlineData("fr")]
    [InlineData("en")]
    public async Task Backlinks_read_in_one_type_style_and_quote_their_passage(string lang)
    {
        await using var context = await site.NewContextAsync(width: 1280, height: 900);
        var page = await context.NewPageAsync();
        await page.GotoAsync($"/{lang}/declarations/global-compact-migration/");
        var styles = await page.EvaluateAsync<string[]>(@"() => [...document.querySelectorAll('.cited-by li > a, .cited-by li > a *')]
            .map(e => { const s = getComputedStyle(e); return s.fontFamily + ' ' + s.fontSize; })");
        Assert.NotEmpty(styles);
        Assert.Single(styles.Distinct());
        var quotes = await page.Locator(".cited-by blockquote.cited-quote").AllTextContentsAsync();
        Assert.Equal(await page.Locator(".cited-by li").CountAsync(), quotes.Count);
        Assert.All(quotes, q => Assert.True(q.Trim().Length > 20, q));
        await Assertions.Expect(page.Locator("dl.facts")).ToContainTextAsync("A/RES/73/195");
    }

    // Issue 19: the side-by-side reading labels each unit once and keeps its column heads in view.
    [Fact]
    public async Task Side_by_side_labels_each_unit_once_and_keeps_its_column_heads_in_view()
    {
        await using var context = await site.NewContextAsync(width: 1280, height: 900);
        var page = await context.NewPageAsync();
        await page.GotoAsync("/fr/lampedusa/side-by-side/#p2-3");
        await page.WaitForTimeoutAsync(300);
        var head = await page.Locator(".parallel-header").BoundingBoxAsync();
        Assert.True(head is not null && head.Y >= -1 && head.Y < 120, $"column heads at y={head?.Y}");
        // One visible label for the unit: its row header ("Priorité 2.3"), not one more per cell.
        var labels = await page.EvaluateAsync<int>(@"() => [...document.querySelectorAll('#p2-3 *')]
            .filter(e => e.children.length === 0 && e.getClientRects().length > 0 && !e.closest('.visually-hidden') && /Priorité 2\.3/.test(e.textContent)).length");
        Assert.Equal(1, labels);
    }

    // Issue 19: the timeline's May 2022 milestone points once to what it concerns, and its backlink gives the date in words.
    [Fact]
    public async Task The_May_2022_milestone_says_see_once_and_its_backlink_names_the_month()
    {
        await using var context = await site.NewContextAsync(width: 1280, height: 900);
        var page = await context.NewPageAsync();
        await page.GotoAsync("/fr/lampedusa/timeline/#m9");
        var links = await page.Locator("#m9 a[href*='/declarations/global-compact-migration/']").CountAsync();
        Assert.Equal(1, links);
        await page.GotoAsync("/fr/declarations/global-compact-migration/");
        var backlink = await page.Locator(".cited-by a[href*='#m9']").TextContentAsync() ?? "";
        Assert.Contains("mai 2022", backlink);
        Assert.DoesNotMatch(@"\d{4}-\d{2}", backlink);
    }
}
