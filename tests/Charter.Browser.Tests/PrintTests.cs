using System.Text;
using Microsoft.Playwright;

namespace Charter.Browser.Tests;

[Collection(BrowserCollection.Name)]
public sealed class PrintTests(BrowserFixture site)
{
    private static readonly string[] Chrome =
        [".site-header", ".site-nav", ".breadcrumbs", ".site-footer", ".skip-link", ".unit-tools", ".page-toc", ".pager", ".lang-switch", ".header-search"];

    /// <summary>A printed principle: no navigation chrome, the permalink of every unit in the margin of the paper, and a
    /// reasonable PDF (a few pages, not empty, not a runaway).</summary>
    [Theory]
    [InlineData("fr")]
    [InlineData("en")]
    public async Task A_printed_principle_has_no_chrome_and_shows_its_permalinks(string lang)
    {
        await using var context = await site.NewContextAsync();
        var page = await context.NewPageAsync();
        var path = $"/{lang}/lampedusa/principles/2/";
        await page.GotoAsync(path);

        // On screen the chrome is there (so the assertions below can fail)…
        foreach (var selector in Chrome.Where(s => s is not ".skip-link"))
            Assert.True(await page.Locator(selector).First.IsVisibleAsync(), $"{selector} is not on screen to begin with");
        Assert.Equal("none", await page.Locator("#p2-1").EvaluateAsync<string>("u => getComputedStyle(u, '::after').content"));

        await page.EmulateMediaAsync(new PageEmulateMediaOptions { Media = Media.Print });
        foreach (var selector in Chrome)
        {
            var shown = await page.Locator(selector).EvaluateAllAsync<int>("els => els.filter(e => e.getClientRects().length > 0).length");
            Assert.True(shown == 0, $"{selector} is printed");
        }

        // …and each unit prints its permalink, in full, after its text.
        var permalinks = await page.EvaluateAsync<string[]>(
            "() => [...document.querySelectorAll('[data-permalink]')].map(u => getComputedStyle(u, '::after').content)");
        Assert.Equal(6, permalinks.Length);
        for (var i = 0; i < permalinks.Length; i++)
        {
            var expected = site.Url(path + (i == 0 ? "#p2" : $"#p2-{i}"));
            Assert.Contains(expected, permalinks[i]);
        }
        Assert.Equal("block", await page.Locator("#p2-1").EvaluateAsync<string>("u => getComputedStyle(u, '::after').display"));
        Assert.Equal("avoid", await page.Locator("#p2-1").EvaluateAsync<string>("u => getComputedStyle(u).breakInside"));
        Assert.Equal("rgb(0, 0, 0)", await page.Locator("h1").EvaluateAsync<string>("h => getComputedStyle(h).color"));

        var pdf = await page.PdfAsync(new PagePdfOptions { Format = "A4", PrintBackground = false });
        Assert.Equal("%PDF-", Encoding.ASCII.GetString(pdf, 0, 5));
        var pages = System.Text.RegularExpressions.Regex.Matches(Encoding.Latin1.GetString(pdf), @"/Type\s*/Page[^s]").Count;
        Assert.InRange(pages, 2, 8);
        Assert.InRange(pdf.Length, 20_000, 3_000_000);
    }

    /// <summary>When the whole charter is printed (the side-by-side reading), each principle starts a new sheet.</summary>
    [Fact]
    public async Task Each_principle_starts_a_new_printed_page()
    {
        await using var context = await site.NewContextAsync();
        var page = await context.NewPageAsync();
        await page.GotoAsync("/fr/lampedusa/side-by-side/");
        await page.EmulateMediaAsync(new PageEmulateMediaOptions { Media = Media.Print });
        var breaks = await page.EvaluateAsync<string[]>("() => [...document.querySelectorAll('.kind-principle')].map(r => getComputedStyle(r).breakBefore)");
        Assert.Equal(7, breaks.Length);
        Assert.All(breaks, b => Assert.Equal("page", b));
        var others = await page.EvaluateAsync<string[]>("() => [...document.querySelectorAll('.kind-priority')].map(r => getComputedStyle(r).breakBefore)");
        Assert.All(others, b => Assert.NotEqual("page", b));
    }

    /// <summary>Issue 19: a printed page of the charter names the charter and its date, so a single sheet can be cited.</summary>
    [Theory]
    [InlineData("fr", "Charte de Lampedusa", "octobre 2022")]
    [InlineData("en", "Lampedusa Charter", "October 2022")]
    [InlineData("es", "Carta de Lampedusa", "octubre de 2022")]
    public async Task A_printed_principle_names_the_charter_and_its_date(string lang, string charter, string date)
    {
        await using var context = await site.NewContextAsync();
        var page = await context.NewPageAsync();
        await page.GotoAsync($"/{lang}/lampedusa/principles/2/");
        await page.EmulateMediaAsync(new PageEmulateMediaOptions { Media = Media.Print });
        var printed = await page.EvaluateAsync<string>("() => document.body.innerText");
        Assert.Contains(charter, printed);
        Assert.Contains(date, printed);
    }
}
