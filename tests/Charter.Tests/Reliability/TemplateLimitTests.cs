using System.Diagnostics;
using Charter.Core.Diagnostics;
using Charter.Tests.Support;

namespace Charter.Tests.Reliability;

/// <summary>Issue 13, breaks 3, 7 and 9: a theme override cannot hang the build or fill the memory, and its errors are said at its own files.</summary>
public class TemplateLimitTests
{
    /// <summary>The mini site with a theme of its own ('mine') overriding these templates.</summary>
    private static TempDir Themed(params (string Name, string Text)[] templates)
    {
        var site = new TempDir(Repo.Fixture("mini"));
        site.Replace("charter.yml", "theme: default", "theme: mine");
        foreach (var (name, text) in templates) site.Write($"themes/mine/templates/{name}.liquid", text);
        return site;
    }

    /// <summary>The one error of the page's template, which fails on the page in each language alike.</summary>
    private static Charter.Core.Diagnostics.Diagnostic OneErrorPerLanguage(Charter.Site.Build.BuildResult result, string template)
    {
        Assert.False(result.Success);
        var errors = result.Errors().ToList();
        Assert.Equal(2, errors.Count);
        Assert.All(errors, e => Assert.Equal((Codes.TemplateError, template), (e.Code, e.Location.Path)));
        return errors[0];
    }

    private static Charter.Site.Build.BuildResult BuildWithin(TempDir site, int seconds, string? output = null)
    {
        var clock = Stopwatch.StartNew();
        var build = Task.Run(() => output is null ? Builds.InMemory(site.Path) : Builds.To(site.Path, output));
        Assert.True(build.Wait(TimeSpan.FromSeconds(seconds)), $"the build did not end within {seconds} s");
        return build.Result;
    }

    [Fact]
    public void Three_nested_loops_end_with_an_error_at_the_template_and_leave_no_staging_folder()
    {
        using var site = Themed(("vision", "{% for i in (1..100000) %}{% for j in (1..100000) %}{% for k in (1..100000) %}x{% endfor %}{% endfor %}{% endfor %}"));
        using var work = new TempDir();
        var result = BuildWithin(site, 60, work.Full("public"));
        var error = OneErrorPerLanguage(result, "themes/mine/templates/vision.liquid");
        Assert.Contains("statements", error.Message);
        Assert.Empty(Directory.EnumerateFileSystemEntries(work.Path));
    }

    [Fact]
    public void A_range_of_two_billion_items_is_refused_before_it_fills_the_memory()
    {
        using var site = Themed(("vision", "{% for i in (1..2000000000) %}{% endfor %}"));
        var result = BuildWithin(site, 30);
        var error = OneErrorPerLanguage(result, "themes/mine/templates/vision.liquid");
        Assert.Contains("2000000000 items", error.Message);
        Assert.DoesNotContain(result.Diagnostics, d => d.Code == Codes.Internal);
    }

    [Fact]
    public void A_page_larger_than_the_limit_is_an_error()
    {
        using var site = Themed(("vision", "{% for i in (1..200000) %}{{ page.title }}{{ page.title }}{% endfor %}"));
        site.Write("charter.yml", site.Read("charter.yml") + "limits:\n  page_size_mb: 1\n");
        var error = OneErrorPerLanguage(BuildWithin(site, 30), "themes/mine/templates/vision.liquid");
        Assert.Contains("larger than 1 MiB", error.Message);
    }

    [Fact]
    public void A_misspelt_filter_is_an_error_at_the_template()
    {
        using var site = Themed(("vision", "{{ page.title | upcasse }}"));
        var error = OneErrorPerLanguage(BuildWithin(site, 30), "themes/mine/templates/vision.liquid");
        Assert.Contains("upcasse", error.Message);
    }

    [Fact]
    public void An_include_cycle_is_reported_at_the_include_that_closes_it()
    {
        using var site = Themed(("vision", "<p>{% include 'a' %}</p>"), ("a", "a\n{% include 'b' %}"), ("b", "b\n\n{% include 'a' %}"));
        var error = Assert.Single(BuildWithin(site, 30).Errors());
        Assert.Equal(Codes.TemplateError, error.Code);
        Assert.Equal("themes/mine/templates/b.liquid", error.Location.Path);
        Assert.Equal(3, error.Location.Line);
        Assert.Contains("a → b → a", error.Message);
    }

    [Fact]
    public void A_content_error_and_two_template_errors_are_reported_together_at_their_own_files()
    {
        using var site = Themed(("vision", "{% if x %}"), ("principle", "{{ 'x' | nosuch }}\n{% for %}"));
        site.Replace("content/demo/ambition.fr.md", "title: ", "title: [");
        var result = Builds.InMemory(site.Path);
        var paths = result.Errors().Select(e => e.Location.Path).ToList();
        Assert.Contains("content/demo/ambition.fr.md", paths);
        Assert.Contains("themes/mine/templates/vision.liquid", paths);
        Assert.Contains("themes/mine/templates/principle.liquid", paths);
        Assert.DoesNotContain(result.Diagnostics, d => d.Location.Path == "themes/principle.liquid" || d.Code == Codes.Internal);
    }
}
