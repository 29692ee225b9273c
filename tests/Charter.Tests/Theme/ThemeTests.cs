using Charter.Core.Diagnostics;
using Charter.Core.Model;
using Charter.Site.Theme;
using Charter.Tests.Support;
using Fluid;

namespace Charter.Tests.Theme;

/// <summary>How a theme hands its templates to Fluid.</summary>
public sealed class ThemeTests
{
    /// <summary>A theme of its own ('mine') in an empty folder, with these templates.</summary>
    private static TempDir Themed(params (string Name, string Text)[] templates)
    {
        var site = new TempDir();
        foreach (var (name, text) in templates) site.Write($"themes/mine/templates/{name}.liquid", text);
        return site;
    }

    /// <summary>The theme, with Fluid's own parses of partials (TemplateParsed is where they end) counted.</summary>
    private static (Site.Theme.Theme Theme, List<string> ParsedByFluid) Open(TempDir site, Limits limits)
    {
        var theme = new Site.Theme.Theme(site.Path, "mine", limits);
        var parsed = new List<string>();
        var rewrite = theme.Options.TemplateParsed;
        theme.Options.TemplateParsed = (path, template) =>
        {
            lock (parsed) parsed.Add(path);
            return rewrite!(path, template);
        };
        return (theme, parsed);
    }

    private static string Render(Site.Theme.Theme theme, string name)
    {
        var bag = new DiagnosticBag();
        var template = theme.Template(name, bag);
        Assert.Empty(bag.Sorted());
        return template!.Render(new TemplateContext(theme.Options));
    }

    // Every parse and rewrite is the theme's, under its lock, once per text in a process; none happens while pages render.
    [Fact]
    public void Fluid_never_parses_a_partial_while_pages_render()
    {
        using var site = Themed(("page", "{% include 'part' %}|{% if true %}{% include 'part' %}{% endif %}|{% render 'other' %}"),
            ("part", "{% for i in (1..3) %}{{ i }}{% endfor %}"), ("other", "o{% include 'part' %}"));
        var (theme, parsedByFluid) = Open(site, Limits.Default);
        var pages = Enumerable.Range(0, 8).AsParallel().Select(_ => Render(theme, "page")).ToList();
        Assert.All(pages, page => Assert.Equal("123|123|o123", page));
        Assert.Empty(parsedByFluid);
    }

    [Fact]
    public void A_partial_is_bounded_like_a_page_template()
    {
        using var site = Themed(("page", "{% include 'part' %}"), ("part", "{% for i in (1..5000) %}{% endfor %}"));
        var (theme, _) = Open(site, Limits.Default with { TemplateSteps = 1000 });
        var error = Assert.Throws<TemplateLimitException>(() => Render(theme, "page"));
        Assert.Contains("5000 items", error.Message);
    }

    [Fact]
    public void A_partial_with_a_syntax_error_fails_the_page_that_includes_it_with_Fluid_s_message()
    {
        using var site = Themed(("page", "a{% include 'part' %}"), ("part", "{% if x %}"));
        var (theme, _) = Open(site, Limits.Default);
        var error = Assert.Throws<ParseException>(() => Render(theme, "page"));
        Assert.Contains("endif", error.Message);
    }

    [Fact]
    public void Themes_of_one_process_share_a_template_parsed_once_for_the_same_text_and_limits()
    {
        const string page = "{% case 1 %}{% when 1 %}one-5821{% endcase %}{% include 'part' %}";
        using var a = Themed(("page", page), ("part", "a"));
        using var b = Themed(("page", page), ("part", "b"));
        var (first, _) = Open(a, Limits.Default);
        var (second, _) = Open(b, Limits.Default);
        var (bounded, _) = Open(b, Limits.Default with { TemplateSteps = 1000 });
        var bag = new DiagnosticBag();
        Assert.Same(first.Template("page", bag), second.Template("page", bag));
        Assert.NotSame(first.Template("page", bag), bounded.Template("page", bag));
        // What a shared template includes is still each theme's own partial.
        Assert.Equal("one-5821a", Render(first, "page"));
        Assert.Equal("one-5821b", Render(second, "page"));
    }
}
