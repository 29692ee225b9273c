using Charter.Core.Diagnostics;
using Charter.Core.Safety;
using Charter.Tests.Check;
using Charter.Tests.Support;
using static Charter.Tests.Check.CheckSites;

namespace Charter.Tests.Reliability;

/// <summary>Issue 13, breaks 5 and 9: no address outside the allow-list reaches a page, from content or from a template; check sees them all.</summary>
public class UrlSafetyTests(CheckSites sites) : IClassFixture<CheckSites>
{
    public static TheoryData<string> Hostile => ["javascript:alert(301)", "JAVASCRIPT:alert(1)", "java\tscript:alert(1)", " javascript:alert(1)",
        "data:text/html,<script>alert(1)</script>", "vbscript:msgbox(1)", "file:///etc/passwd", "//evil.example/x"];

    [Theory]
    [MemberData(nameof(Hostile))]
    public void The_policy_refuses_what_a_browser_would_run(string url) => Assert.False(UrlPolicy.IsAllowed(url), url);

    [Theory]
    [InlineData("https://example.org/a:b")]
    [InlineData("http://example.org")]
    [InlineData("mailto:someone@example.org")]
    [InlineData("/fr/lampedusa/#p2-3")]
    [InlineData("#top")]
    [InlineData("?q=a:b")]
    [InlineData("principles/2/")]
    public void The_policy_allows_the_web_mail_and_the_site(string url) => Assert.True(UrlPolicy.IsAllowed(url), url);

    [Theory]
    [MemberData(nameof(Hostile))]
    public void A_declaration_url_outside_the_allow_list_is_an_error_at_its_line(string url)
    {
        using var site = new TempDir(Repo.Fixture("mini"));
        // The same url in both languages, as a language-independent field must be.
        site.Replace("content/declarations/decl-alpha.fr.md", "url: https://example.org/alpha", $"url: '{url.Replace("'", "''")}'");
        site.Replace("content/declarations/decl-alpha.en.md", "url: https://example.org/alpha", $"url: '{url.Replace("'", "''")}'");
        var result = Builds.InMemory(site.Path);
        Assert.Equal(2, result.Errors().Count());
        DiagnosticAssert.AssertAt(result.Errors().First(), Severity.Error, Codes.UnsafeUrl, "content/declarations/decl-alpha.en.md", 8, 6);
        DiagnosticAssert.AssertAt(result.Errors().Last(), Severity.Error, Codes.UnsafeUrl, "content/declarations/decl-alpha.fr.md", 8, 6);
    }

    [Theory]
    [InlineData("javascript:alert(1)")]
    [InlineData("JAVASCRIPT:alert(1)")]
    [InlineData("java&#x09;script:alert(1)")]
    [InlineData("data:text/html,x")]
    [InlineData("vbscript:x")]
    public void A_markdown_link_outside_the_allow_list_is_its_own_text_once_with_a_warning(string url)
    {
        using var site = new TempDir(Repo.Fixture("mini"));
        site.Write("content/demo/ambition.fr.md", $"---\nnumber: 1\ntitle: Ambition\n---\nAvant [cliquez *ici*]({url}) après.\n");
        var result = Builds.InMemory(site.Path);
        result.AssertSucceeded();
        var section = Html.Parse(result.File("fr/demo/index.html")).GetElementById("ambition")!;
        Assert.DoesNotContain(section.QuerySelectorAll("a"), a => a.GetAttribute("href") is { } h && !UrlPolicy.IsAllowed(h));
        Assert.Contains("Avant cliquez ici après.", section.TextContent);
        Assert.Equal("ici", section.QuerySelector("em")?.TextContent); // the link's own markup is kept
        var warning = Assert.Single(result.Warnings(), w => w.Code == Codes.UnsafeUrl);
        Assert.Equal("content/demo/ambition.fr.md", warning.Location.Path);
        Assert.Equal(5, warning.Location.Line);
    }

    [Theory]
    [InlineData("<a href=\"java&#x09;script:alert(1)\">x</a>")]
    [InlineData("<a href=\"&#106;avascript:alert(1)\">x</a>")]
    [InlineData("<a href=\"javascript&colon;alert(1)\">x</a>")]
    [InlineData("<img src=\"data:image/svg+xml,<svg onload=alert(1)>\" alt=\"\">")]
    [InlineData("<iframe srcdoc=\"<script>alert(1)</script>\"></iframe>")]
    [InlineData("<meta http-equiv=\"refresh\" content=\"0; url=javascript:alert(1)\">")]
    [InlineData("<img srcset=\"a.png 1x, javascript:alert(1) 2x\" alt=\"\">")]
    public void A_template_that_writes_an_unsafe_address_fails_the_build_at_the_template(string markup)
    {
        using var site = new TempDir(Repo.Fixture("mini"));
        site.Replace("charter.yml", "theme: default", "theme: mine");
        site.Write("themes/mine/templates/vision.liquid", $"<p>vision</p>{markup}");
        var result = Builds.InMemory(site.Path);
        Assert.False(result.Success);
        // One error per page that carries it: the vision page in each of the two languages.
        Assert.Equal(["en/demo/vision/", "fr/demo/vision/"], result.Errors().Select(e => e.Message.Split(':')[0].Replace("page ", "")).Order());
        Assert.All(result.Errors(), e => Assert.Equal((Codes.UnsafeUrl, "themes/mine/templates/vision.liquid"), (e.Code, e.Location.Path)));
    }

    [Theory]
    [InlineData("<a href=\"java&#x09;script:go()\">a</a>", Codes.InlineScript)]
    [InlineData("<a href=\"vbscript:go()\">a</a>", Codes.UnsafeUrl)]
    [InlineData("<iframe srcdoc=\"&lt;script&gt;go()&lt;/script&gt;\"></iframe>", Codes.UnsafeUrl)]
    [InlineData("<p style=\"background: url(/missing.png)\">a</p>", Codes.BrokenLink)]
    [InlineData("<style>p { background: url('/assets/nope.png') }</style>", Codes.BrokenLink)]
    public void Check_finds_what_it_used_to_miss(string markup, string code)
    {
        const string vision = "en/lampedusa/vision/index.html";
        var broken = With(sites.Real, vision, t => ReplaceFirst(t, "</main>", markup + "</main>"));
        var error = Assert.Single(Errors(CheckSite(broken)));
        Assert.Equal(code, error.Code);
        var (line, column) = TagPosition(Text(broken, vision), markup[..Math.Min(20, markup.Length)]);
        Assert.Equal(new SourceLocation(Prefix + vision, line, column), error.Location);
    }
}
