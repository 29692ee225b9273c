using System.Text;
using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;

namespace Charter.Browser.Tests;

[Collection(BrowserCollection.Name)]
public sealed class AccessibilityTests(BrowserFixture site, Xunit.Abstractions.ITestOutputHelper output)
{
    // Only violations come back in full: the passes of a long page are thousands of nodes to serialise for nothing.
    // The legacy runner calls axe.run in the page itself; the default one also opens a blank page per run to
    // finish the results (for cross-origin frames, which the site has none of), which costs twice the CPU.
    private static readonly AxeRunOptions ViolationsOnly = new() { ResultTypes = [ResultType.Violations] };

    public static TheoryData<string, int> LanguagesAndWidths() => new()
    {
        { "fr", 1280 }, { "en", 1280 }, { "fr", 360 }, { "en", 360 },
    };

    /// <summary>axe-core (every rule it runs by default: WCAG 2.x A and AA, and best practices) on every kind of page.</summary>
    [Theory]
    [MemberData(nameof(LanguagesAndWidths))]
    public async Task Axe_finds_no_violation_on_any_kind_of_page(string lang, int width)
    {
        var report = new StringBuilder();
        var pages = SitePages.Of(lang);
        foreach (var group in pages.GroupBy(p => SitePages.LocaleFor(p, lang)))
        {
            await using var context = await site.NewContextAsync(width: width, locale: group.Key);
            var results = await PageHelpers.ForEachPageAsync(context, group.ToList(), parallel: 2, async (page, sitePage) =>
            {
                var clock = System.Diagnostics.Stopwatch.StartNew();
                await page.OpenAsync(sitePage);
                var loaded = clock.ElapsedMilliseconds;
#pragma warning disable CS0618 // obsolete: kept on purpose for half the CPU (see ViolationsOnly); CiteTests uses the default runner
                var result = await page.RunAxeLegacy(null, ViolationsOnly, null);
#pragma warning restore CS0618
                output.WriteLine($"{sitePage} @{width}px: loaded in {loaded} ms, axe in {clock.ElapsedMilliseconds - loaded} ms");
                return (sitePage, result);
            });
            foreach (var (sitePage, result) in results)
                foreach (var violation in result.Violations)
                {
                    report.AppendLine($"{sitePage} @{width}px: {violation.Id} ({violation.Impact}): {violation.Help}");
                    foreach (var node in violation.Nodes.Take(3))
                        report.AppendLine($"    {node.Target}: {string.Join("; ", node.Any.Concat(node.All).Concat(node.None).Select(c => c.Message))}");
                }
        }
        Assert.True(report.Length == 0, "axe violations:\n" + report);
    }

    /// <summary>One h1 per page, and no level skipped on the way down (h2 → h4 would lose a screen reader's user).</summary>
    [Theory]
    [InlineData("fr")]
    [InlineData("en")]
    public async Task Every_page_has_one_h1_and_headings_in_order(string lang)
    {
        var problems = new List<string>();
        foreach (var group in SitePages.Of(lang).GroupBy(p => SitePages.LocaleFor(p, lang)))
        {
            await using var context = await site.NewContextAsync(locale: group.Key);
            var results = await PageHelpers.ForEachPageAsync(context, group.ToList(), parallel: 2, async (page, sitePage) =>
            {
                await page.OpenAsync(sitePage);
                var levels = await page.EvaluateAsync<int[]>(
                    "() => [...document.querySelectorAll('h1,h2,h3,h4,h5,h6')].filter(h => h.getClientRects().length > 0 && !h.closest('[aria-hidden=true]')).map(h => +h.tagName[1])");
                return (sitePage, levels);
            });
            foreach (var (sitePage, levels) in results)
            {
                if (levels.Count(l => l == 1) != 1) problems.Add($"{sitePage}: {levels.Count(l => l == 1)} h1 elements");
                if (levels.Length > 0 && levels[0] != 1) problems.Add($"{sitePage}: the first heading is h{levels[0]}, not h1");
                for (var i = 1; i < levels.Length; i++)
                    if (levels[i] > levels[i - 1] + 1) problems.Add($"{sitePage}: h{levels[i - 1]} is followed by h{levels[i]}");
            }
        }
        Assert.True(problems.Count == 0, string.Join('\n', problems));
    }

    /// <summary>The first Tab reaches a visible skip link; following it puts the focus on the main content.</summary>
    [Fact]
    public async Task Skip_link_is_first_visible_on_focus_and_moves_to_main()
    {
        await using var context = await site.NewContextAsync(width: 360);
        var page = await context.NewPageAsync();
        await page.GotoAsync("/fr/lampedusa/principles/2/");
        await page.Keyboard.PressAsync("Tab");
        var focused = page.Locator(":focus");
        Assert.Equal("skip-link", await focused.GetAttributeAsync("class"));
        var box = await focused.BoundingBoxAsync();
        Assert.NotNull(box);
        Assert.True(box.Y >= 0 && box.Height > 20, $"the focused skip link is off screen: y={box.Y}, h={box.Height}");
        await page.Keyboard.PressAsync("Enter");
        Assert.Equal("main", await page.EvaluateAsync<string>("() => document.activeElement.id"));
    }

    /// <summary>Every control reached with Tab shows where the focus is (an outline or a ring), on a page full of controls.</summary>
    [Fact]
    public async Task Focus_is_visible_on_every_control_reached_with_tab()
    {
        await using var context = await site.NewContextAsync();
        var page = await context.NewPageAsync();
        await page.GotoAsync("/fr/lampedusa/principles/2/");
        var invisible = new List<string>();
        var seen = 0;
        for (var i = 0; i < 60; i++)
        {
            await page.Keyboard.PressAsync("Tab");
            var state = await page.EvaluateAsync<string[]?>(@"() => {
                const el = document.activeElement;
                if (!el || el === document.body) return null;
                const s = getComputedStyle(el);
                const ring = (s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) >= 2) || (s.boxShadow && s.boxShadow !== 'none');
                return [el.tagName.toLowerCase() + (el.className ? '.' + String(el.className).split(' ')[0] : '') + ' ' + (el.textContent || '').trim().slice(0, 30), String(ring)];
            }");
            if (state is null) continue;
            seen++;
            if (state[1] != "True" && state[1] != "true") invisible.Add(state[0]);
        }
        Assert.True(seen > 30, $"only {seen} focus stops in 60 tabs");
        Assert.True(invisible.Count == 0, "no visible focus on: " + string.Join(", ", invisible.Distinct()));
    }

    /// <summary>Readers who ask for less motion get no smooth scrolling or animated highlight.</summary>
    [Fact]
    public async Task Reduced_motion_is_respected()
    {
        async Task<string> ScrollBehavior(ReducedMotion motion)
        {
            await using var context = await site.NewContextAsync(reducedMotion: motion);
            var page = await context.NewPageAsync();
            await page.GotoAsync("/fr/lampedusa/principles/2/");
            return await page.EvaluateAsync<string>("() => getComputedStyle(document.documentElement).scrollBehavior");
        }
        Assert.Equal("auto", await ScrollBehavior(ReducedMotion.Reduce));
        Assert.Equal("smooth", await ScrollBehavior(ReducedMotion.NoPreference));
    }
}
