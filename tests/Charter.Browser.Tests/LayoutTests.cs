using Microsoft.Playwright;

namespace Charter.Browser.Tests;

[Collection(BrowserCollection.Name)]
public sealed class LayoutTests(BrowserFixture site)
{
    /// <summary>On the narrowest phones nothing makes the page scroll sideways: every line fits the screen.</summary>
    [Theory]
    [InlineData(320)]
    [InlineData(360)]
    public async Task Nothing_scrolls_sideways_on_a_phone(int width)
    {
        var problems = new List<string>();
        foreach (var lang in SitePages.Languages)
            foreach (var group in SitePages.Of(lang).GroupBy(p => SitePages.LocaleFor(p, lang)))
            {
                await using var context = await site.NewContextAsync(width: width, height: 720, locale: group.Key);
                var results = await PageHelpers.ForEachPageAsync(context, group.ToList(), parallel: 2, async (page, sitePage) =>
                {
                    await page.OpenAsync(sitePage);
                    // The widest element, to name the culprit when the page is too wide.
                    var overflow = await page.EvaluateAsync<string?>(@"() => {
                        const root = document.documentElement;
                        if (root.scrollWidth <= root.clientWidth) return null;
                        let worst = null, right = root.clientWidth;
                        for (const el of document.body.querySelectorAll('*')) {
                            const r = el.getBoundingClientRect();
                            if (r.right > right + 0.5) { right = r.right; worst = el; }
                        }
                        const name = worst ? worst.tagName.toLowerCase() + (worst.id ? '#' + worst.id : '') + (worst.className ? '.' + String(worst.className).trim().split(/\s+/).join('.') : '') : '?';
                        return `scrollWidth ${root.scrollWidth} > ${root.clientWidth}; widest: ${name} (right edge ${Math.round(right)})`;
                    }");
                    return (sitePage, overflow);
                });
                problems.AddRange(results.Where(r => r.overflow is not null).Select(r => $"{r.sitePage} @{width}px: {r.overflow}"));
            }
        Assert.True(problems.Count == 0, string.Join('\n', problems));
    }

    /// <summary>Long reading stays comfortable on a desktop: prose lines stay under about 80 characters.</summary>
    [Theory]
    [InlineData("/fr/lampedusa/principles/2/", ".unit-body p")]
    [InlineData("/fr/lampedusa/vision/", ".prose p")]
    [InlineData("/en/lampedusa/commitments/", ".unit-body p")]
    public async Task Prose_lines_are_not_too_long_on_a_wide_screen(string path, string selector)
    {
        await using var context = await site.NewContextAsync(width: 1600);
        var page = await context.NewPageAsync();
        await page.GotoAsync(path);
        // Characters per line ≈ paragraph width / average glyph width of the paragraph's own font.
        var perLine = await page.EvaluateAsync<double>(@"sel => {
            const p = document.querySelector(sel);
            const probe = document.createElement('span');
            probe.textContent = 'abcdefghijklmnopqrstuvwxyz abcdefghijklmnopqrstuvwxyz';
            probe.style.whiteSpace = 'nowrap';
            p.appendChild(probe);
            const glyph = probe.getBoundingClientRect().width / probe.textContent.length;
            probe.remove();
            return p.getBoundingClientRect().width / glyph;
        }", selector);
        Assert.InRange(perLine, 45, 85);
    }

    /// <summary>Principle pages carry their own table of contents, so a phone reader can jump to a priority.</summary>
    [Fact]
    public async Task Principle_page_has_an_in_page_table_of_contents_that_reaches_every_priority()
    {
        await using var context = await site.NewContextAsync(width: 360, height: 720);
        var page = await context.NewPageAsync();
        await page.GotoAsync("/en/lampedusa/principles/4/");
        var targets = await page.EvaluateAsync<string[]>("() => [...document.querySelectorAll('.page-toc a')].map(a => a.hash.slice(1))");
        var priorities = await page.EvaluateAsync<string[]>("() => [...document.querySelectorAll('.priorities > li[id]')].map(li => li.id)");
        Assert.Equal(5, priorities.Length);
        Assert.All(priorities, id => Assert.Contains(id, targets));
        await page.Locator($".page-toc a[href='#{priorities[4]}']").ClickAsync();
        await page.WaitForFunctionAsync("id => { const r = document.getElementById(id).getBoundingClientRect(); return r.top >= -1 && r.top < innerHeight / 2; }", priorities[4]);
    }

    // Issue 19: what a reader trips over on a phone (360 × 740).

    [Theory]
    [InlineData("/fr/lampedusa/principles/2/")]
    [InlineData("/en/lampedusa/commitments/")]
    [InlineData("/es/declarations/")]
    public async Task The_phone_header_is_short_and_its_sections_stay_on_one_row(string path)
    {
        await using var context = await site.NewContextAsync(width: 360, height: 740);
        var page = await context.NewPageAsync();
        await page.GotoAsync(path);
        var header = await page.Locator(".site-header").BoundingBoxAsync();
        Assert.NotNull(header);
        Assert.True(header.Height <= 120, $"header {header.Height} px high");
        var tops = await page.Locator(".site-nav li").EvaluateAllAsync<double[]>("ls => ls.map(l => l.getBoundingClientRect().top)");
        Assert.True(tops.Length > 1 && tops.Distinct().Count() == 1, "sections on several rows: " + string.Join(", ", tops));
        // The search is one tap away, and the current section is in view.
        await Assertions.Expect(page.Locator(".search-link")).ToBeVisibleAsync();
        var current = page.Locator(".site-nav a[aria-current]");
        if (await current.CountAsync() > 0)
        {
            var box = await current.First.BoundingBoxAsync();
            Assert.True(box!.X >= 0 && box.X + box.Width <= 360.5, $"current section at {box.X}–{box.X + box.Width}");
        }
    }

    [Theory]
    [InlineData("/fr/lampedusa/principles/2/")]
    [InlineData("/es/lampedusa/principles/7/")]
    public async Task The_way_back_sign_stays_beside_its_link_on_a_phone(string path)
    {
        await using var context = await site.NewContextAsync(width: 360, height: 740);
        var page = await context.NewPageAsync();
        await page.GotoAsync(path);
        var gap = await page.EvaluateAsync<double>(@"() => {
            const li = [...document.querySelectorAll('.breadcrumbs li')].find(l => getComputedStyle(l).display !== 'none');
            return li.querySelector('a').getBoundingClientRect().top - li.getBoundingClientRect().top;
        }");
        Assert.True(gap < 8, $"the link starts {gap} px below its '‹'");
    }

    [Theory]
    [InlineData("fr")]
    [InlineData("es")]
    public async Task The_references_diagram_gives_way_to_its_table_on_a_phone(string lang)
    {
        await using var context = await site.NewContextAsync(width: 360, height: 740);
        var page = await context.NewPageAsync();
        await page.GotoAsync($"/{lang}/declarations/");
        await Assertions.Expect(page.Locator(".reference-diagram")).ToBeHiddenAsync();
        await Assertions.Expect(page.Locator("details.diagram-table table")).ToBeVisibleAsync();
        var right = await page.Locator("details.diagram-table table").EvaluateAsync<double>("t => t.getBoundingClientRect().right");
        Assert.True(right <= 360.5, $"table right edge {right}");

        // On a wide screen the diagram is there, whole, with labels of a readable size.
        await using var wide = await site.NewContextAsync(width: 1280, height: 900);
        var desk = await wide.NewPageAsync();
        await desk.GotoAsync($"/{lang}/declarations/");
        var size = await desk.Locator(".reference-diagram text").First.EvaluateAsync<double>("t => t.getBoundingClientRect().height");
        Assert.True(size >= 10, $"labels {size} px high");
    }
}
