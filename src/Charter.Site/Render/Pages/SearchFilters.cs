using Charter.Core.Model;
using Charter.Core.Resolve;

namespace Charter.Site.Render.Pages;

/// <summary>An option of a search filter: the value the URL and the documents carry (a kind, a unit id, a topic id), and its label.</summary>
public sealed record FilterOptionVm(string Value, string Label);

/// <summary>A filter of the search page: its URL parameter, its label, the label of "no filter", and its options.</summary>
public sealed record FilterVm(string Name, string Label, string Any, EquatableList<FilterOptionVm> Options);

/// <summary>
/// The filters of the search page in one language, from the documents it searches: by kind (the kinds search finds,
/// in reading order, then the cited texts), by the unit a result is in (its principle: <see cref="Groups"/>), and by
/// topic. A filter with fewer than two options is left out; the browser filters the documents by the same fields.
/// A dated version's search page has its version's filters.
/// </summary>
public static class SearchFilters
{
    public const string Kind = "kind", In = "in", Topic = "topic";

    /// <param name="dated">A dated version's search page: it searches that version alone (SiteIndexer.SearchDocuments), so
    /// its filters are that version's kinds and units, with their wording then, not every charter's current ones.</param>
    public static EquatableList<FilterVm> For(PageContext page, Func<Topic, string> topicName, ResolvedEdition? dated = null)
    {
        var site = page.Site;
        var t = page.T;
        var editions = dated is not null ? [dated] : site.CharterSlugs.Where(s => site.Editions.ContainsKey((s, page.Lang)))
            .OrderBy(s => s == site.MainCharter ? 0 : 1).ThenBy(s => s, StringComparer.Ordinal).Select(s => site.Edition(s, page.Lang)).ToList();
        var filters = new List<FilterVm>();

        var kinds = editions.SelectMany(e => e.Units).Where(u => u.Kind.Citable && u.Kind.Searchable).Select(u => u.Kind)
            .DistinctBy(k => k.Name).Select(k => new FilterOptionVm(k.Name, Capitalized(page.Typo(k.Plural.In(page.Lang, page.Config.DefaultLanguage) ?? k.Name, page.Lang))))
            .ToList();
        if (!site.DeclarationsByLanguage[page.Lang].IsEmpty) kinds.Add(new FilterOptionVm(UnitKinds.Declaration, t["nav_declarations"]));
        filters.Add(new FilterVm(Kind, t["search_filter_kind"], t["search_filter_any_kind"], kinds.ToEquatable()));

        var groups = editions.SelectMany(e => e.Units).Where(Groups.IsGroup).ToList();
        if (groups.Count > 0)
        {
            var kind = groups[0].Kind;
            var label = Capitalized(page.Typo(kind.Singular.In(page.Lang, page.Config.DefaultLanguage) ?? kind.Name, page.Lang));
            var any = kind.Headings.GetValueOrDefault("all")?.In(page.Lang, page.Config.DefaultLanguage) is { } all ? page.Typo(all, page.Lang) : t["search_filter_any"];
            filters.Add(new FilterVm(In, label, any, groups.Select(g => new FilterOptionVm(g.Id, Option(page, g))).ToEquatable()));
        }

        if (TopicPages.Any(site))
            filters.Add(new FilterVm(Topic, t["search_filter_topic"], t["search_filter_any_topic"],
                site.Topics.Select(topic => new FilterOptionVm(topic.Id, topicName(topic))).OrderBy(o => o.Label, StringComparer.Create(System.Globalization.CultureInfo.InvariantCulture, true)).ToEquatable()));

        return filters.Where(f => f.Options.Count > 1).ToEquatable();
    }

    /// <summary>"2 · Équité": the unit's number and what names it, short enough for a select on a phone.</summary>
    private static string Option(PageContext page, ResolvedUnit unit)
    {
        var heading = page.Text.Heading(unit) ?? unit.Unit.TextField("title");
        var number = unit.Kind.ShowNumber ? unit.Unit.Number : "";
        return number.Length > 0 && heading is not null ? $"{number} · {heading}" : heading ?? page.Text.Label(unit);
    }

    private static string Capitalized(string text) => text.Length == 0 ? text : char.ToUpperInvariant(text[0]) + text[1..];
}
