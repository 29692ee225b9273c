using System.Globalization;
using Charter.Core.Model;
using Charter.Core.Resolve;
using Charter.Site.Text;

namespace Charter.Site.Render.Pages;

/// <summary>
/// "Browse by topic": the topics of the site with their counts (/{lang}/topics/), and a page per topic with the units
/// about it, grouped by kind (/{lang}/topics/{id}/). A site without topics, or whose charters assign none, has neither.
/// </summary>
public sealed class TopicPages(PageContext page, UnitViews units)
{
    /// <summary>Whether the site has topic pages: a taxonomy, and at least one unit given a topic.</summary>
    public static bool Any(ResolvedSite site) => !site.Topics.IsEmpty && site.Editions.Values.Any(e => !e.Topics.IsEmpty);

    public IEnumerable<PageSpec> Pages()
    {
        if (!Any(page.Site)) yield break;
        var topics = page.Site.Topics.Select(View).ToEquatable();
        yield return TopicIndex(topics);
        foreach (var (topic, view) in page.Site.Topics.Zip(topics)) yield return Topic(topic, view);
    }

    /// <summary>The editions in this language whose units have topics, the main charter first.</summary>
    private List<ResolvedEdition> Editions() => page.Site.CharterSlugs
        .Where(s => page.Site.Editions.TryGetValue((s, page.Lang), out var e) && !e.Topics.IsEmpty)
        .OrderBy(s => s == page.Site.MainCharter ? 0 : 1).ThenBy(s => s, StringComparer.Ordinal)
        .Select(s => page.Site.Edition(s, page.Lang)).ToList();

    private TopicVm View(Topic topic)
    {
        var count = Editions().Sum(e => e.Topics.Values.Count(t => t.Contains(topic.Id)));
        var n = count.ToString(CultureInfo.InvariantCulture);
        var label = Strings.Fill(page.T[count == 1 ? "topic_count_one" : "topic_count"], ("n", n));
        return new TopicVm(topic.Id, Name(topic), Description(topic), page.Href(Permalinks.Topic(page.Lang, topic.Id)), count, label);
    }

    public string Name(Topic topic) => page.Typo(topic.Name.In(page.Lang, page.Config.DefaultLanguage) ?? topic.Id, page.Lang);

    private string Description(Topic topic) => topic.Description.In(page.Lang, page.Config.DefaultLanguage) is { } d ? page.Typo(d, page.Lang) : "";

    private PageSpec TopicIndex(EquatableList<TopicVm> topics)
    {
        var t = page.T;
        var path = Permalinks.Topics(page.Lang);
        var jsonLd = Index.Json.LinkedData(w =>
        {
            w.WriteStartObject();
            w.WriteString("@context", "https://schema.org");
            w.WriteString("@type", "DefinedTermSet");
            w.WriteString("@id", page.Absolute(path));
            w.WriteString("name", t["topics_title"]);
            w.WriteString("inLanguage", t.Language.Tag);
            w.WriteStartArray("hasDefinedTerm");
            foreach (var topic in topics)
            {
                w.WriteStartObject();
                w.WriteString("@type", "DefinedTerm");
                w.WriteString("termCode", topic.Id);
                w.WriteString("name", topic.Name);
                w.WriteString("url", page.Absolute(Permalinks.Topic(page.Lang, topic.Id)));
                w.WriteEndObject();
            }
            w.WriteEndArray();
            w.WriteEndObject();
        });
        var vm = page.Page("topics", path, t["topics_title"], t["topics_intro"], null, page.Crumbs(null, (t["topics_title"], path)), jsonLd: jsonLd);
        return new PageSpec(path, "topics", vm, PageContext.Data(("topics", topics)));
    }

    private PageSpec Topic(Topic topic, TopicVm view)
    {
        var t = page.T;
        var path = Permalinks.Topic(page.Lang, topic.Id);
        var editions = Editions();
        var groups = editions.SelectMany(e =>
        {
            var prefix = editions.Count > 1 ? page.Typo(e.Meta.Value.ShortTitle, page.Lang) + " · " : "";
            return e.Units.Where(u => e.TopicsOf(u.Id).Contains(topic.Id)).GroupBy(u => u.Kind.Name).Select(g =>
                new TopicGroupVm(g.Key, prefix + Capitalized(g.First().Kind.Plural.In(page.Lang, page.Config.DefaultLanguage) ?? g.Key),
                    g.Select(u => Unit(e, u, topic)).ToEquatable()));
        }).ToEquatable();
        var jsonLd = Index.Json.LinkedData(w =>
        {
            w.WriteStartObject();
            w.WriteString("@context", "https://schema.org");
            w.WriteString("@type", "CollectionPage");
            w.WriteString("@id", page.Absolute(path));
            w.WriteString("name", view.Name);
            w.WriteString("inLanguage", t.Language.Tag);
            w.WriteStartObject("about");
            w.WriteString("@type", "DefinedTerm");
            w.WriteString("termCode", topic.Id);
            w.WriteString("name", view.Name);
            w.WriteString("inDefinedTermSet", page.Absolute(Permalinks.Topics(page.Lang)));
            w.WriteEndObject();
            w.WriteStartArray("hasPart");
            foreach (var unit in groups.SelectMany(g => g.Units)) w.WriteStringValue(page.Absolute(unit.Url[page.Config.BasePath.Length..]));
            w.WriteEndArray();
            w.WriteEndObject();
        });
        var vm = page.Page("topic", path, view.Name, view.Description.Length > 0 ? view.Description : view.Name, null,
            page.Crumbs(null, (t["topics_title"], Permalinks.Topics(page.Lang)), (view.Name, path)), jsonLd: jsonLd);
        return new PageSpec(path, "topic", vm, PageContext.Data(("topic", view), ("groups", groups), ("topics_url", page.Href(Permalinks.Topics(page.Lang))),
            ("search_url", page.Href(Permalinks.Search(page.Lang)) + "?topic=" + topic.Id)));
    }

    private TopicUnitVm Unit(ResolvedEdition e, ResolvedUnit u, Topic topic)
    {
        var view = units.Unit(e, u);
        return new TopicUnitVm(u.Id, view.Label, view.Heading, Excerpt.Start(view.Text), WithMarks(view, topic), view.TextLang);
    }

    /// <summary>
    /// The unit's permalink with the topic's words its text holds to mark on landing (?mark=, as a search result's
    /// link has: site.js marks them), so that the reader sees why the unit is on the topic's page.
    /// </summary>
    private static string WithMarks(UnitVm view, Topic topic)
    {
        var words = view.Text.Split(WordBreaks, StringSplitOptions.RemoveEmptyEntries).Select(w => w.ToLowerInvariant()).ToHashSet(StringComparer.Ordinal);
        var marks = topic.WordsIn(view.TextLang).Select(w => w.ToLowerInvariant()).Where(words.Contains).Distinct(StringComparer.Ordinal).ToList();
        if (marks.Count == 0) return view.Url;
        var hash = view.Url.IndexOf('#');
        return view.Url[..hash] + "?mark=" + string.Join('+', marks.Select(Uri.EscapeDataString)) + view.Url[hash..];
    }

    private static readonly char[] WordBreaks = [.. " \u00A0\u202F,;:.!?()«»“”‘’'\"—–-/…"];

    private string Capitalized(string text) =>
        text.Length == 0 ? text : char.ToUpperInvariant(text[0]) + text[1..];
}
