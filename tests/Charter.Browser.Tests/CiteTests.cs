using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;

namespace Charter.Browser.Tests;

/// <summary>
/// The cite panel as a reader uses it: it opens in the flow and covers no text, at 1280 and 360 px; Escape and a
/// click outside close it (Escape gives the focus back to its control); the access date is the reader's today,
/// written as the page's language writes dates.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class CiteTests(BrowserFixture site)
{
    /// <summary>The boxes of the page's text (unit texts, headings, paragraphs of prose) that an open panel overlaps.</summary>
    private const string Overlaps = """
        box => {
          const b = document.querySelector(box).getBoundingClientRect();
          const texts = document.querySelectorAll('.unit-body, .unit-label, h1, h2, .lead, .prose p, .toc');
          const hit = [];
          for (const t of texts) {
            if (t.closest('details.cite')) continue;
            const r = t.getBoundingClientRect();
            if (r.width === 0 || r.height === 0) continue;
            if (r.left < b.right && b.left < r.right && r.top < b.bottom && b.top < r.bottom)
              hit.push((t.closest('[id]') || t).id + ' ' + t.className + ' ' + t.tagName);
          }
          return hit;
        }
        """;

    [Theory]
    [InlineData(1280, "/fr/lampedusa/principles/2/#p2-3", "#p2-3")]
    [InlineData(360, "/fr/lampedusa/principles/2/#p2-3", "#p2-3")]
    [InlineData(1280, "/en/lampedusa/principles/2/", ".principle-head")]
    [InlineData(1280, "/es/lampedusa/", ".charter-cite")]
    [InlineData(360, "/es/lampedusa/", ".charter-cite")]
    public async Task An_open_panel_covers_none_of_the_text(int width, string path, string scope)
    {
        await using var context = await site.NewContextAsync(width: width, height: 800);
        var page = await context.NewPageAsync();
        await page.GotoAsync(path);
        // Where the unit's text is in the document (not in the viewport: a fragment or a click may scroll the page).
        const string top = "el => el.getBoundingClientRect().top + window.scrollY";
        var unitText = page.Locator($"{scope} .unit-body").First;
        double? before = await unitText.CountAsync() > 0 ? await unitText.EvaluateAsync<double>(top) : null;
        await page.Locator($"{scope} details.cite > summary").First.ClickAsync();
        var box = $"{scope} .cite-box";
        Assert.True(await page.Locator(box).First.IsVisibleAsync());
        var hit = await page.EvaluateAsync<string[]>(Overlaps, box);
        Assert.True(hit.Length == 0, $"the open panel covers: {string.Join(", ", hit)}");
        // The unit's own text stays where it was: the panel opens below it.
        if (before is not null) Assert.Equal(before.Value, await unitText.EvaluateAsync<double>(top), 1);
    }

    /// <summary>axe-core on open panels: their texts, copy buttons and links (the pages' own runs see them closed).</summary>
    [Theory]
    [InlineData("/fr/lampedusa/principles/2/", "#p2-3", 1280)]
    [InlineData("/en/lampedusa/", ".charter-cite", 360)]
    public async Task Axe_finds_no_violation_in_an_open_panel(string path, string scope, int width)
    {
        await using var context = await site.NewContextAsync(width: width);
        var page = await context.NewPageAsync();
        await page.GotoAsync(path);
        await page.Locator($"{scope} details.cite > summary").First.ClickAsync();
        var result = await page.Locator($"{scope} details.cite").First.RunAxe(new AxeRunOptions { ResultTypes = [ResultType.Violations] });
        Assert.True(result.Violations.Length == 0, "axe violations: " + string.Join("; ", result.Violations.Select(v => $"{v.Id}: {v.Help} ({string.Join(", ", v.Nodes.Take(3).Select(n => n.Target))})")));
    }

    [Fact]
    public async Task Escape_closes_the_panel_and_gives_the_focus_back_to_its_control()
    {
        await using var context = await site.NewContextAsync();
        var page = await context.NewPageAsync();
        await page.GotoAsync("/fr/lampedusa/principles/2/");
        var details = page.Locator("#p2-3 details.cite");
        await details.Locator("summary").ClickAsync();
        await details.Locator(".cite-apa button.copy").FocusAsync();
        await page.Keyboard.PressAsync("Escape");
        Assert.False(await details.EvaluateAsync<bool>("d => d.open"), "Escape did not close the panel");
        Assert.True(await details.Locator("summary").EvaluateAsync<bool>("s => s === document.activeElement"), "the focus did not go back to the Cite control");
    }

    [Fact]
    public async Task A_click_outside_closes_the_panel_and_one_panel_opens_at_a_time()
    {
        await using var context = await site.NewContextAsync();
        var page = await context.NewPageAsync();
        await page.GotoAsync("/en/lampedusa/principles/2/");
        var first = page.Locator("#p2-2 details.cite");
        var second = page.Locator("#p2-3 details.cite");
        await first.Locator("summary").ClickAsync();
        // A click inside the panel (on its text) leaves it open.
        await first.Locator(".cite-apa .cite-text").ClickAsync(new LocatorClickOptions { Position = new Position { X = 5, Y = 5 } });
        Assert.True(await first.EvaluateAsync<bool>("d => d.open"));
        await second.Locator("summary").ClickAsync();
        Assert.True(await second.EvaluateAsync<bool>("d => d.open"));
        Assert.False(await first.EvaluateAsync<bool>("d => d.open"), "opening a second panel left the first open");
        await page.Locator("h1").ClickAsync();
        Assert.False(await second.EvaluateAsync<bool>("d => d.open"), "a click outside did not close the panel");
    }

    [Theory]
    [InlineData("fr", "fr-FR", "1er mars 2027")]
    [InlineData("en", "en-GB", "1 March 2027")]
    [InlineData("es", "es-ES", "1 de marzo de 2027")]
    public async Task The_access_date_is_the_readers_today_in_the_page_language(string lang, string locale, string today)
    {
        await using var context = await site.NewContextAsync(locale: locale, permissions: ["clipboard-read", "clipboard-write"]);
        var page = await context.NewPageAsync();
        await page.Clock.SetFixedTimeAsync(new DateTime(2027, 3, 1, 10, 0, 0, DateTimeKind.Local));
        await page.GotoAsync($"/{lang}/lampedusa/principles/2/");
        var dates = page.Locator("#p2-3 time.cite-accessed");
        Assert.Equal(3, await dates.CountAsync());
        foreach (var date in await dates.AllAsync())
        {
            Assert.Equal(today, await date.TextContentAsync());
            Assert.Equal("2027-03-01", await date.GetAttributeAsync("datetime"));
        }
        // What is copied is what is shown: today's date included.
        await page.Locator("#p2-3 details.cite > summary").ClickAsync();
        await page.Locator("#p2-3 .cite-apa button.copy").ClickAsync();
        await page.WaitForFunctionAsync("() => navigator.clipboard.readText().then(t => t.length > 0)");
        Assert.Contains(today, await page.EvaluateAsync<string>("() => navigator.clipboard.readText()"));
    }
}
