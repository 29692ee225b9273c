using AngleSharp.Dom;
using Charter.Tests.Support;

namespace Charter.Tests.RealContent;

/// <summary>Issue 8 on every page of the real site: a Content-Security-Policy that forbids inline scripts, and nothing that needs one.</summary>
[Collection(RealSiteCollection.Name)]
public class PageSafetyTests(RealSiteFixture real)
{
    private static Dictionary<string, string[]> Directives(string policy) => policy
        .Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
        .Select(d => d.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        .ToDictionary(d => d[0], d => d[1..]);

    [Fact]
    public void Every_page_has_a_content_security_policy_without_unsafe_inline_scripts()
    {
        foreach (var path in real.HtmlPaths)
        {
            var page = real.Page(path);
            var metas = page.QuerySelectorAll("meta[http-equiv='Content-Security-Policy']").ToList();
            Assert.True(metas.Count == 1, $"{path}: {metas.Count} CSP meta");
            var csp = Directives(metas[0].Attr("content"));
            var scripts = csp.TryGetValue("script-src", out var s) ? s : csp["default-src"];
            Assert.DoesNotContain("'unsafe-inline'", scripts);
            Assert.DoesNotContain("'unsafe-eval'", scripts);
            Assert.DoesNotContain("*", scripts);
            Assert.Equal(["'none'"], csp["object-src"]);
            // The policy must come before any script, or the browser has already run it.
            var first = page.Head!.Children.TakeWhile(e => e != metas[0]);
            Assert.DoesNotContain(first, e => e.LocalName == "script");
        }
    }

    [Fact]
    public void No_page_has_inline_executable_script_or_event_handlers()
    {
        foreach (var path in real.HtmlPaths)
        {
            var page = real.Page(path);
            foreach (var script in page.QuerySelectorAll("script"))
            {
                var type = script.Attr("type");
                if (type == "application/ld+json") continue; // data, never executed
                Assert.True(script.HasAttribute("src") && string.IsNullOrWhiteSpace(script.TextContent),
                    $"{path}: inline script {script.OuterHtml[..Math.Min(80, script.OuterHtml.Length)]}");
            }
            var handlers = page.All.SelectMany(e => e.Attributes.Where(a => a.Name.StartsWith("on", StringComparison.Ordinal)).Select(a => $"{e.LocalName}[{a.Name}]")).ToList();
            Assert.True(handlers.Count == 0, $"{path}: {string.Join(", ", handlers)}");
            var scriptUrls = page.QuerySelectorAll("a[href], area[href], form[action], iframe[src]")
                .Select(e => e.Attr("href") + e.Attr("action") + e.Attr("src"))
                .Where(u => u.TrimStart().StartsWith("javascript:", StringComparison.OrdinalIgnoreCase)).ToList();
            Assert.True(scriptUrls.Count == 0, $"{path}: {string.Join(", ", scriptUrls)}");
        }
    }

    [Fact]
    public void No_page_has_inline_styles_the_policy_would_block()
    {
        // style-src 'self' forbids <style> and style="" as well: the browser would drop them silently.
        foreach (var path in real.HtmlPaths)
        {
            var page = real.Page(path);
            Assert.Empty(page.QuerySelectorAll("style"));
            var styled = page.QuerySelectorAll("[style]").Select(e => e.LocalName).ToList();
            Assert.True(styled.Count == 0, $"{path}: style attribute on {string.Join(", ", styled)}");
        }
    }

    [Fact]
    public void External_links_have_rel_noopener()
    {
        var origin = new Uri(real.Content.Config.BaseUrl);
        var external = 0;
        foreach (var path in real.HtmlPaths)
            foreach (var a in real.Page(path).QuerySelectorAll("a[href]"))
            {
                if (!Uri.TryCreate(a.Attr("href"), UriKind.Absolute, out var uri) || uri.Host == origin.Host) continue;
                if (uri.Scheme is not ("http" or "https")) continue;
                external++;
                Assert.True(a.Attr("rel").Split(' ').Contains("noopener"), $"{path}: {a.OuterHtml}");
            }
        Assert.True(external > 0, "no external link at all: the check proved nothing");
    }
}
