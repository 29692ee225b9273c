using System.Text.Json;
using Charter.Core.Model;
using Charter.Tests.Support;

namespace Charter.Tests.Topics;

/// <summary>
/// Issue 19, topics, on the real site: every unit of a kind that takes topics has one to three; the topics index and
/// each topic's page, in every language, list what the assignment says (counts and units derived from
/// content/lampedusa/topics.yml, not written here); each unit carries its chips; charter.json and the search
/// documents carry the topics.
/// </summary>
[Collection(RealSiteCollection.Name)]
public sealed class TopicPagesTests(RealSiteFixture site)
{
    private TopicAssignment Assignment => site.Content.TopicAssignments[RealSiteFixture.Slug];

    private IEnumerable<Unit> TopicUnits => site.Edition("fr").AllUnits()
        .Where(u => site.Content.Structures[RealSiteFixture.Slug].Kind(u.Kind).Topics);

    [Fact]
    public void Every_priority_commitment_and_call_has_one_to_three_topics_of_the_taxonomy()
    {
        var known = site.Content.Topics.Select(t => t.Id).ToHashSet();
        Assert.InRange(known.Count, 12, 16);
        var units = TopicUnits.ToList();
        // 35 priorities, 30 commitments, 13 calls: the kinds marked 'topics: true' in structure.yml.
        Assert.Equal(78, units.Count);
        foreach (var unit in units)
        {
            var topics = Assignment.Of(unit.Id);
            Assert.True(topics.Length is >= 1 and <= 3, $"{unit.Id}: {topics.Length} topics");
            Assert.All(topics, t => Assert.Contains(t, known));
        }
        Assert.Contains("housing", Assignment.Of("p2-3"));
        Assert.Contains("housing", Assignment.Of("c4-7"));
        Assert.DoesNotContain(site.Result.Warnings(), d => d.Location.Path.EndsWith("topics.yml", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("fr")]
    [InlineData("en")]
    [InlineData("es")]
    public void The_topics_index_lists_every_topic_with_its_count(string lang)
    {
        var page = site.Page($"{lang}/topics/index.html");
        var items = page.QuerySelectorAll(".topic-list > li");
        Assert.Equal(site.Content.Topics.Length, items.Length);
        foreach (var topic in site.Content.Topics)
        {
            var item = page.GetElementById(topic.Id);
            Assert.NotNull(item);
            var expected = Assignment.Units.Values.Count(ids => ids.Contains(topic.Id));
            Assert.Contains(expected.ToString(System.Globalization.CultureInfo.InvariantCulture), item!.QuerySelector(".topic-count")!.TextContent);
            Assert.Equal($"/{lang}/topics/{topic.Id}/", item.QuerySelector("a")!.GetAttribute("href"));
            Assert.Equal(topic.Name.In(lang), item.QuerySelector("a")!.TextContent.Replace('\u202F', ' ').Replace('\u00A0', ' '));
        }
        // Reachable from the charter's navigation, canonical and in the sitemap like every page.
        Assert.NotNull(site.Page($"{lang}/lampedusa/index.html").QuerySelector($".site-nav a[href='/{lang}/topics/']"));
        Assert.Contains($"/{lang}/topics/housing/</loc>", System.Text.Encoding.UTF8.GetString(site.Files["sitemap.xml"]));
        Assert.EndsWith($"/{lang}/topics/", page.QuerySelector("link[rel=canonical]")!.GetAttribute("href"));
        using var jsonLd = JsonDocument.Parse(page.QuerySelector("script[type='application/ld+json']")!.TextContent);
        Assert.Equal("DefinedTermSet", jsonLd.RootElement.GetProperty("@type").GetString());
        Assert.Equal(site.Content.Topics.Length, jsonLd.RootElement.GetProperty("hasDefinedTerm").GetArrayLength());
    }

    [Theory]
    [InlineData("fr")]
    [InlineData("en")]
    [InlineData("es")]
    public void A_topic_page_links_to_exactly_its_units_grouped_by_kind(string lang)
    {
        foreach (var topic in site.Content.Topics)
        {
            var page = site.Page($"{lang}/topics/{topic.Id}/index.html");
            var linked = page.QuerySelectorAll(".topic-units a").Select(a => a.GetAttribute("href")!).ToList();
            var ids = linked.Select(h => h[(h.IndexOf('#') + 1)..]).ToList();
            var expected = TopicUnits.Where(u => Assignment.Of(u.Id).Contains(topic.Id)).Select(u => u.Id).Order(StringComparer.Ordinal);
            Assert.Equal(expected, ids.Order(StringComparer.Ordinal));
            Assert.All(linked, h => Assert.StartsWith($"/{lang}/lampedusa/", h));
            Assert.All(page.QuerySelectorAll(".topic-group"), g => Assert.Matches(@"\(\d+\)", g.QuerySelector("h2")!.TextContent));
        }
        var topicPage = site.Page($"{lang}/topics/housing/index.html");
        using var jsonLd = JsonDocument.Parse(topicPage.QuerySelector("script[type='application/ld+json']")!.TextContent);
        Assert.Equal("CollectionPage", jsonLd.RootElement.GetProperty("@type").GetString());
        Assert.Equal("housing", jsonLd.RootElement.GetProperty("about").GetProperty("termCode").GetString());
        Assert.Equal(topicPage.QuerySelectorAll(".topic-units a").Length, jsonLd.RootElement.GetProperty("hasPart").GetArrayLength());
        // The housing page leads to p2-3 with the topic's word in that language to mark on landing.
        var housing = site.Page($"{lang}/topics/housing/index.html").QuerySelector(".topic-units a[href$='#p2-3']")!.GetAttribute("href")!;
        Assert.Contains("?mark=" + lang switch { "fr" => "logement", "es" => "vivienda", _ => "housing" }, housing);
    }

    [Fact]
    public void Each_unit_with_topics_carries_its_chips_to_the_topic_pages()
    {
        var page = site.Page("fr/lampedusa/principles/2/index.html");
        var chips = page.GetElementById("p2-3")!.QuerySelectorAll(".unit-topics a").Select(a => a.GetAttribute("href")).ToList();
        Assert.Equal(Assignment.Of("p2-3").Select(t => $"/fr/topics/{t}/"), chips);
        // A unit of a kind without topics (the principle itself) has none of its own.
        Assert.Null(page.QuerySelector(".page-head .unit-topics"));
    }

    [Theory]
    [InlineData("fr")]
    [InlineData("es")]
    public void Charter_json_and_the_search_documents_carry_the_topics(string lang)
    {
        using var json = site.Json($"{lang}/charter.json");
        var units = json.RootElement.GetProperty("units").EnumerateArray().ToDictionary(u => u.GetProperty("id").GetString()!);
        Assert.Equal(Assignment.Of("c4-7"), units["c4-7"].GetProperty("topics").EnumerateArray().Select(t => t.GetString()));
        Assert.False(units["p2"].TryGetProperty("topics", out _));
        var listed = json.RootElement.GetProperty("topics").EnumerateArray().ToList();
        foreach (var entry in listed)
        {
            var id = entry.GetProperty("id").GetString()!;
            Assert.Equal(Assignment.Units.Values.Count(ids => ids.Contains(id)), entry.GetProperty("count").GetInt32());
            Assert.Equal(site.Content.Topics.Single(t => t.Id == id).Name.In(lang), entry.GetProperty("name").GetString()!.Replace('\u202F', ' '));
        }
        Assert.Equal(site.Content.Topics.Length, listed.Count);

        using var documents = site.Json($"{lang}/search/documents.json");
        var p23 = documents.RootElement.EnumerateArray().Single(d => d.GetProperty("id").GetString() == "p2-3");
        Assert.Equal("p2", p23.GetProperty("in").GetString());
        Assert.Contains("housing", p23.GetProperty("topics").EnumerateArray().Select(t => t.GetString()));
    }

    [Fact]
    public void The_search_page_offers_filters_by_kind_principle_and_topic()
    {
        var page = site.Page("fr/search/index.html");
        Assert.NotNull(page.QuerySelector("label[for='filter-kind']"));
        var principles = page.QuerySelectorAll("#filter-in option").Skip(1).Select(o => o.GetAttribute("value")).ToList();
        Assert.Equal(site.Edition("fr").Folder("principles").Select(u => u.Id), principles);
        var topics = page.QuerySelectorAll("#filter-topic option").Skip(1).Select(o => o.GetAttribute("value")).Order().ToList();
        Assert.Equal(site.Content.Topics.Select(t => t.Id).Order(), topics);
        Assert.Contains("priority", page.QuerySelectorAll("#filter-kind option").Select(o => o.GetAttribute("value")));
    }
}
