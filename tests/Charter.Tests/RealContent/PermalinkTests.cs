using System.Text.Json;
using System.Xml.Linq;
using Charter.Core.Model;
using Charter.Tests.Support;

namespace Charter.Tests.RealContent;

/// <summary>Issue 4 on the real site: every citable unit has an address that holds in both languages and after rewording.</summary>
[Collection(RealSiteCollection.Name)]
public class PermalinkTests(RealSiteFixture real)
{
    public static TheoryData<string> Languages => new() { "fr", "en", "es" };

    /// <summary>Each citable unit of the model with the page it must be on (derived from the content, not from the output).</summary>
    private IEnumerable<(string Page, string Id)> UnitsFromContent(string language)
    {
        var e = real.Edition(language);
        var charter = $"{language}/{RealSiteFixture.Slug}";
        foreach (var premise in e.Vision()!.Children) yield return ($"{charter}/vision/index.html", premise.Id);
        foreach (var principle in e.Principles())
        {
            yield return ($"{charter}/principles/{principle.Ordinal}/index.html", principle.Id);
            foreach (var priority in principle.Children) yield return ($"{charter}/principles/{principle.Ordinal}/index.html", priority.Id);
        }
        foreach (var list in e.Commitments()!.Children)
        {
            yield return ($"{charter}/commitments/index.html", list.Id);
            foreach (var item in list.Children) yield return ($"{charter}/commitments/index.html", item.Id);
        }
        foreach (var milestone in e.Timeline()!.Children) yield return ($"{charter}/timeline/index.html", milestone.Id);
        foreach (var declaration in real.Content.Declarations.Where(d => d.Language == language))
            yield return ($"{language}/declarations/{declaration.Id}/index.html", declaration.Id);
    }

    [Fact]
    public void Every_unit_id_is_an_element_id_on_its_page_in_every_language()
    {
        var missing = new List<string>();
        var count = 0;
        foreach (var language in real.Languages)
            foreach (var (page, id) in UnitsFromContent(language))
            {
                count++;
                if (real.Page(page).GetElementById(id) is null) missing.Add($"{page}#{id}");
            }
        Assert.True(missing.Count == 0, "missing: " + string.Join(", ", missing));
        // 7 premises, 7 principles and 35 priorities, 5 lists and 43 items, 12 milestones, 17 documents; in every language.
        Assert.Equal(real.Languages.Count * (7 + 7 + 35 + 5 + 43 + 12 + 17), count);
    }

    [Theory]
    [MemberData(nameof(Languages))]
    public void Charter_json_has_the_contract_shape(string language)
    {
        using var json = real.Json($"{language}/charter.json");
        var root = json.RootElement;
        Assert.Equal(JsonValueKind.Object, root.ValueKind);
        Assert.Equal(language, root.GetProperty("language").GetString());
        Assert.Equal(real.Edition(language).Meta!.Title, root.GetProperty("title").GetString());
        var units = root.GetProperty("units");
        Assert.Equal(JsonValueKind.Array, units.ValueKind);
        string[] kinds = ["premise", "principle", "priority", "commitment", "call", "milestone", UnitKinds.Declaration];
        foreach (var unit in units.EnumerateArray())
        {
            Assert.Equal(JsonValueKind.String, unit.GetProperty("id").ValueKind);
            Assert.Contains(unit.GetProperty("kind").GetString(), kinds);
            Assert.True(unit.GetProperty("number").ValueKind is JsonValueKind.String or JsonValueKind.Null, unit.ToString());
            Assert.False(string.IsNullOrWhiteSpace(unit.GetProperty("title").GetString()), unit.ToString());
            var text = unit.GetProperty("text").GetString();
            Assert.False(string.IsNullOrWhiteSpace(text), unit.ToString());
            Assert.DoesNotContain("](ref:", text); // plain text, not Markdown
            Assert.Matches($"^/{language}/.+#{unit.GetProperty("id").GetString()}$|^/{language}/declarations/[a-z0-9-]+/$", unit.GetProperty("url").GetString()!);
        }
        // 7 premises, 7 principles and 35 priorities, 43 commitments and calls, 12 milestones, 17 documents.
        Assert.Equal(7 + 7 + 35 + 43 + 12 + 17, units.GetArrayLength());
    }

    [Fact]
    public void Every_charter_json_url_resolves_to_an_element_with_the_same_ids_in_both_languages()
    {
        var ids = new Dictionary<string, List<string>>();
        var broken = new List<string>();
        foreach (var language in real.Languages)
        {
            using var json = real.Json($"{language}/charter.json");
            ids[language] = [];
            foreach (var unit in json.RootElement.GetProperty("units").EnumerateArray())
            {
                var id = unit.GetProperty("id").GetString()!;
                ids[language].Add(id);
                var (file, fragment) = Html.Target(unit.GetProperty("url").GetString()!);
                if (!real.Exists(file)) broken.Add($"{language}: {id} → {file} (no such page)");
                else if (real.Page(file).GetElementById(fragment ?? id) is null) broken.Add($"{language}: {id} → {file}#{fragment} (no such element)");
            }
        }
        Assert.True(broken.Count == 0, string.Join("\n", broken));
        Assert.Equal(ids["fr"], ids["en"]);
    }

    [Fact]
    public void Rewording_titles_keeps_every_id_and_url()
    {
        using var site = TempDir.RealSite();
        // Reword what a careless scheme would build addresses from: principle titles, themes, list headings, a declaration title.
        foreach (var language in real.Languages)
        {
            var principle = Directory.GetFiles(site.Full("content/lampedusa/principles"), $"02-*.{language}.md").Single();
            var text = File.ReadAllText(principle);
            var title = real.Edition(language).Principles()[1].Title();
            Assert.Contains($"title: {title}\n", text);
            File.WriteAllText(principle, text.Replace($"title: {title}", $"title: {title} reworded").Replace("theme: ", "theme: New "));
            site.Replace($"content/lampedusa/commitments.{language}.md", "heading: ", "heading: Reworded ");
            var declaration = $"content/declarations/gaziantep-2019.{language}.md";
            var lines = File.ReadAllLines(site.Full(declaration)).Select(l => l.StartsWith("title: ", StringComparison.Ordinal) ? l + " (reworded)" : l);
            File.WriteAllLines(site.Full(declaration), lines);
        }
        var reworded = Builds.InMemory(site.Path);
        reworded.AssertSucceeded();

        foreach (var language in real.Languages)
        {
            using var before = real.Json($"{language}/charter.json");
            using var after = JsonDocument.Parse(reworded.File($"{language}/charter.json"));
            List<(string?, string?, string?)> Addresses(JsonDocument d) => d.RootElement.GetProperty("units").EnumerateArray()
                .Select(u => (u.GetProperty("id").GetString(), u.GetProperty("url").GetString(), u.GetProperty("number").GetString())).ToList();
            Assert.Equal(Addresses(before), Addresses(after));
            // The rewording did reach the output (otherwise this test would prove nothing).
            var titles = after.RootElement.GetProperty("units").EnumerateArray()
                .Where(u => u.GetProperty("id").GetString() is "p2" or "gaziantep-2019").Select(u => u.GetProperty("title").GetString()).ToList();
            Assert.All(titles, t => Assert.Contains("reworded", t));
        }
        // No page moved either.
        Assert.Equal(real.HtmlPaths.Order(StringComparer.Ordinal),
            reworded.Files.Select(f => f.Path).Where(p => p.EndsWith(".html", StringComparison.Ordinal)).Order(StringComparer.Ordinal));
    }

    [Theory]
    [MemberData(nameof(Languages))]
    public void Short_forms_point_to_the_permalink(string language)
    {
        var e = real.Edition(language);
        foreach (var principle in e.Principles())
        {
            var targets = principle.Children.Select(p => (p.Number, p.Id)).Prepend((principle.Number, principle.Id));
            foreach (var (number, id) in targets)
            {
                var page = real.Page($"{language}/{number}/index.html");
                var permalink = $"/{language}/{RealSiteFixture.Slug}/principles/{principle.Ordinal}/#{id}";
                var refresh = page.QuerySelector("meta[http-equiv=refresh]")?.Attr("content");
                Assert.Equal($"0; url={permalink}", refresh);
                Assert.Equal(real.Content.Config.Origin + permalink, page.QuerySelector("link[rel=canonical]")!.Attr("href"));
                Assert.Equal(permalink, page.QuerySelector("main a[href*='#']")!.Attr("href")); // a plain link for when refresh is off
                Assert.NotNull(page.QuerySelector("meta[name=robots][content=noindex]"));
                var (file, fragment) = Html.Target(permalink);
                Assert.NotNull(real.Page(file).GetElementById(fragment!));
            }
        }
    }

    [Fact]
    public void Sitemap_lists_every_indexable_page_with_hreflang_alternates()
    {
        var sitemap = XDocument.Parse(System.Text.Encoding.UTF8.GetString(real.Files["sitemap.xml"]));
        XNamespace sm = "http://www.sitemaps.org/schemas/sitemap/0.9";
        XNamespace xhtml = "http://www.w3.org/1999/xhtml";
        var origin = real.Content.Config.Origin;
        var urls = sitemap.Root!.Elements(sm + "url").ToList();
        var listed = urls.Select(u => u.Element(sm + "loc")!.Value).ToHashSet();

        var indexable = real.HtmlPaths.Where(p => real.Page(p).QuerySelector("meta[name=robots][content~=noindex]") is null).ToList();
        // Every language (34 pages, the topics index and a page per topic), and the language picker at the root.
        Assert.Equal(real.Languages.Count * (34 + 1 + real.Content.Topics.Length) + 1, indexable.Count);
        foreach (var path in indexable)
            Assert.Contains(real.Page(path).QuerySelector("link[rel=canonical]")!.Attr("href"), listed);
        Assert.Equal(indexable.Count, listed.Count);

        foreach (var url in urls)
        {
            var links = url.Elements(xhtml + "link").ToList();
            Assert.All(links, l => Assert.Equal("alternate", (string?)l.Attribute("rel")));
            Assert.Equal(real.Languages.Append("x-default").Order(), links.Select(l => (string)l.Attribute("hreflang")!).Order());
            foreach (var href in links.Select(l => (string)l.Attribute("href")!))
                Assert.True(real.Exists(Html.Target("/" + href[(origin.Length + 1)..]).File), $"{href} is not a page");
        }
    }

    [Fact]
    public void Json_ld_describes_the_charter_as_legislation_with_its_parts()
    {
        var checkedPages = 0;
        // The topic pages describe themselves, not the charter (TopicPagesTests).
        foreach (var path in real.HtmlPaths.Where(p => !p.Contains("/topics/", StringComparison.Ordinal)))
        {
            foreach (var script in real.Page(path).QuerySelectorAll("script[type='application/ld+json']"))
            {
                using var json = JsonDocument.Parse(script.TextContent);
                var root = json.RootElement;
                Assert.Equal("https://schema.org", root.GetProperty("@context").GetString());
                Assert.Equal("Legislation", root.GetProperty("@type").GetString());
                Assert.Equal(path[..2], root.GetProperty("inLanguage").GetString());
                Assert.True(root.TryGetProperty("workTranslation", out _) || root.TryGetProperty("translationOfWork", out _), path);
                checkedPages++;
            }
        }
        Assert.True(checkedPages >= 2 * 10, $"JSON-LD on only {checkedPages} pages");

        foreach (var language in real.Languages)
        {
            var page = real.Page($"{language}/{RealSiteFixture.Slug}/principles/2/index.html");
            using var json = JsonDocument.Parse(page.QuerySelector("script[type='application/ld+json']")!.TextContent);
            var parts = json.RootElement.GetProperty("hasPart").EnumerateArray().ToList();
            Assert.Equal(["p2", "p2-1", "p2-2", "p2-3", "p2-4", "p2-5"], parts.Select(p => p.GetProperty("legislationIdentifier").GetString()));
            Assert.All(parts, p => Assert.Equal("Legislation", p.GetProperty("@type").GetString()));
            Assert.All(parts, p => Assert.NotNull(page.GetElementById(p.GetProperty("@id").GetString()!.Split('#')[1])));
        }
        using var home = JsonDocument.Parse(real.Page("fr/lampedusa/index.html").QuerySelector("script[type='application/ld+json']")!.TextContent);
        var translations = home.RootElement.GetProperty("workTranslation").EnumerateArray().Select(t => t.GetProperty("inLanguage").GetString());
        Assert.Equal(real.Languages.Skip(1), translations);
    }

    [Fact]
    public void Open_graph_title_and_description_on_every_indexable_page()
    {
        foreach (var path in real.HtmlPaths.Where(p => real.Languages.Any(l => p.StartsWith(l + "/", StringComparison.Ordinal))))
        {
            var page = real.Page(path);
            Assert.False(string.IsNullOrWhiteSpace(page.QuerySelector("meta[property='og:title']")?.Attr("content")), path);
            Assert.False(string.IsNullOrWhiteSpace(page.QuerySelector("meta[property='og:description']")?.Attr("content")), path);
        }
    }
}
