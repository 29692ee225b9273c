using System.Collections.Concurrent;
using Charter.Core.Model;
using Charter.Core.Resolve;

namespace Charter.Site.Render.Pages;

/// <summary>
/// The pages of a charter in one language: its home (metadata, table of contents and the parts that have no page of
/// their own), then a page for every unit whose kind has one, with the template its kind names, in reading order.
/// </summary>
public sealed class CharterPages(PageContext page, UnitViews units)
{
    public IEnumerable<PageSpec> Pages(ResolvedEdition e)
    {
        var charter = Card(e);
        var homePath = e.Home;
        var onHome = e.Parts.Where(p => !p.HasPage).Select(p => units.Unit(e, p)).ToEquatable();
        var home = page.Page("charter", homePath, e.Meta.Value.Title, e.Meta.Value.Description, e, e.Version is { Dated: true } ? page.Crumbs(e) : page.Crumbs(null),
            page.Notice(e.Meta.IsFallback || e.Parts.Where(p => !p.HasPage).Take(1).Any(p => p.IsFallback), e.Meta.Language),
            JsonLd.Charter(page, e, homePath, e.Passages.Where(p => p.Citable).Select(p => units.Unit(e, p.Unit))));
        var item = page.Cite.Item(e);
        home = home with { Citation = page.Cite.Meta(e, item, home.Canonical) };
        charter = charter with { Cite = page.Cite.Panel(e, item) };
        yield return new PageSpec(homePath, "charter", home, PageContext.Data(("charter", charter), ("parts", onHome)));

        foreach (var part in e.Parts)
            foreach (var spec in UnitPages(e, part, charter, [])) yield return spec;
    }

    /// <summary>The pages of a unit and of the units below it that have pages, each with its trail of ancestors.</summary>
    private IEnumerable<PageSpec> UnitPages(ResolvedEdition e, ResolvedUnit u, CharterVm charter, List<(string Label, string Path)> trail)
    {
        var here = trail;
        if (u.HasPage)
        {
            var vm = units.Unit(e, u);
            var label = u.Kind.Label.IsEmpty ? vm.Title ?? vm.Label : vm.Label;
            here = [.. trail, (label, u.PagePath)];
            var title = u.Kind.Label.IsEmpty ? vm.Title ?? vm.Label : vm.Title is { } t ? $"{vm.Label} · {t}" : vm.Label;
            // The headline, or else the first required line of text besides the title (a principle's theme), describes the page.
            var description = (u.Unit.TextField("headline") ?? u.Kind.OrderedFields
                    .Where(f => f.Required && f.Type == FieldType.Text && f.Key is not ("title" or "heading"))
                    .Select(f => u.Unit.TextField(f.Key)).FirstOrDefault(t => t is not null)) is { } d
                ? page.Typo(d, u.Language) : e.Meta.Value.Description;
            var siblings = SiblingsWithPages(e, u);
            var index = siblings.FindIndex(s => s.Id == u.Id);
            var shown = OnPage(u).Where(x => x.Kind.Citable).Select(x => units.Unit(e, x)).ToList();
            var spec = page.Page(u.Kind.Template ?? "unit", u.PagePath, title, description, e, page.Crumbs(e, [.. here]),
                page.Notice(u.IsFallback, u.Language), shown.Count == 0 ? null : JsonLd.Charter(page, e, u.PagePath, shown));
            // Reference managers take the page for the unit where it is cited on its own, else for the charter.
            spec = spec with { Citation = page.Cite.Meta(e, page.Cite.Item(e, u.Kind.Citable ? u : null), spec.Canonical) };
            // The unit is also given under its kind's name ({{ principle.title }}), which reads better in a kind's own template.
            var alias = u.Kind.Name.Replace('-', '_');
            yield return new PageSpec(u.PagePath, u.Kind.Template ?? "unit", spec, PageContext.Data(("charter", charter), ("unit", vm),
                (Reserved.Contains(alias) ? "unit" : alias, vm),
                ("previous", index > 0 ? units.Unit(e, siblings[index - 1]) : null),
                ("next", index >= 0 && index + 1 < siblings.Count ? units.Unit(e, siblings[index + 1]) : null),
                ("years", Years(e, u))));
        }
        foreach (var child in u.Children)
            foreach (var spec in UnitPages(e, child, charter, here)) yield return spec;
    }

    private static readonly HashSet<string> Reserved = ["charter", "unit", "previous", "next", "years", "page", "site", "t"];

    /// <summary>The units shown on a unit's page: itself and those below it, down to (and including) those that have a page of their own.</summary>
    private static IEnumerable<ResolvedUnit> OnPage(ResolvedUnit u)
    {
        yield return u;
        foreach (var child in u.Children)
        {
            if (child.HasPage) yield return child;
            else foreach (var below in OnPage(child)) yield return below;
        }
    }

    /// <summary>The units of the same kind, with pages, under the same parent: a principle's previous and next.</summary>
    private static List<ResolvedUnit> SiblingsWithPages(ResolvedEdition e, ResolvedUnit u)
    {
        var parent = e.Units.FirstOrDefault(p => p.Children.Any(c => c.Id == u.Id));
        return parent is null ? [] : parent.Children.Where(c => c.HasPage && c.Unit.Kind == u.Unit.Kind).ToList();
    }

    /// <summary>A dated list (its kind orders it by a date), grouped by year for the page: the timeline.</summary>
    private EquatableList<YearVm>? Years(ResolvedEdition e, ResolvedUnit u)
    {
        if (!u.Kind.Children.Any(c => c.Order is not null)) return null;
        return u.Children.Where(c => Text.UnitText.DateOf(c) is not null).GroupBy(c => Text.UnitText.DateOf(c)!.Value.Year)
            .Select(g => new YearVm(g.Key.ToString(System.Globalization.CultureInfo.InvariantCulture), g.Select(c => units.Unit(e, c)).ToEquatable()))
            .ToEquatable();
    }

    // By charter (its slug), then edition (its home): a card is asked for by the charter's pages, its side-by-side
    // view and the language's home; made once. Under serve, the cards of a charter kept whole come from the previous
    // build (Keep), so that the home does not make every unit's head of a hundred charters again for its contents.
    private readonly ConcurrentDictionary<string, ConcurrentDictionary<string, CharterVm>> _cards = new(StringComparer.Ordinal);

    private ConcurrentDictionary<string, CharterVm> CardsOf(string slug) =>
        _cards.GetOrAdd(slug, _ => new(StringComparer.Ordinal));

    /// <summary>The charter as a card (home pages) and as the head of its own pages: metadata and table of contents.</summary>
    public CharterVm Card(ResolvedEdition e) => CardsOf(e.Slug).GetOrAdd(e.Home, _ => MakeCard(e));

    /// <summary>The cards made so far of a charter's editions in this language, by edition home.</summary>
    public IReadOnlyDictionary<string, CharterVm> Cards(string slug) =>
        _cards.TryGetValue(slug, out var cards) ? cards.ToDictionary(StringComparer.Ordinal) : new Dictionary<string, CharterVm>();

    /// <summary>Cards of a charter that a previous build made from the same inputs.</summary>
    public void Keep(string slug, IReadOnlyDictionary<string, CharterVm> cards)
    {
        var kept = CardsOf(slug);
        foreach (var (home, card) in cards) kept.TryAdd(home, card);
    }

    private CharterVm MakeCard(ResolvedEdition e)
    {
        var meta = e.Meta.Value;
        var l = e.Meta.Language;
        var record = Record(meta, l, e.Version is { Dated: true, IsCurrent: false });
        // The downloads (PDF, Akoma Ntoso) are of the current text: a dated version's key finds none (site.downloads[slug]).
        var key = e.Version is { Dated: true } v ? $"{e.Slug}@{v.Value.Id}" : e.Slug;
        return new CharterVm(key, page.Typo(meta.Title, l), page.Typo(meta.ShortTitle, l), meta.Organization, meta.Year, meta.Place,
            page.Typo(meta.Citation, l), page.Typo(meta.Description, l), page.Href(e.HomeIn(page.Lang)), page.Md(meta.Body, l).Html,
            Toc(e), page.Href(e.HomeIn(page.Lang) + "charter.json"))
        {
            Versions = VersionViews.List(page, e),
            Record = record,
            RecordLine = record.Count == 0 ? null : page.T.Typography.Apply(string.Join(" · ", record.Where(r => r.Key != "adopted_by")
                .Select(r => page.T.Format("record_entry", ("label", r.Label), ("value", r.Value))))),
        };
    }

    /// <summary>What is known of the document, in the page's words: only the facts the content states, and the content's last change.</summary>
    /// <param name="earlier">An earlier version's record: the content's last change is not its date.</param>
    private EquatableList<RecordEntryVm> Record(CharterMeta meta, string textLanguage, bool earlier)
    {
        var t = page.T;
        var f = meta.Facts;
        var entries = new List<RecordEntryVm>();
        if (f.Status is { } status) entries.Add(new("status", t["record_status"], t["status_" + status], null, null));
        if (f.Adopted is { } adopted)
            entries.Add(new("adopted", t["record_adopted"], meta.Place is { } place ? $"{t.Date(adopted)}, {page.Typo(place, textLanguage)}" : t.Date(adopted), null, adopted.ToString()));
        if (f.AdoptedBy is { } by) entries.Add(new("adopted_by", t["record_adopted_by"], page.Typo(by, textLanguage), null, null));
        if (f.Version is { } version) entries.Add(new("version", t["record_version"], version, null, null));
        if (f.Licence is { } licence) entries.Add(new("licence", t["record_licence"], licence.Name, licence.Url, null));
        if (page.Site.Updated is { } updated && !earlier)
            entries.Add(new("updated", t["record_updated"], t.Date(new PartialDate(updated.Year, updated.Month, updated.Day)), null, updated.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)));
        return entries.ToEquatable();
    }

    /// <summary>
    /// The table of contents: every part, numbered where it has a number, and below it the units its structure lists
    /// there (the principles; the lists of commitments, by their headings). From the units' heads, not their views:
    /// the site's home lists every charter's contents, and a large site does not keep every charter's views.
    /// </summary>
    private EquatableList<TocEntryVm> Toc(ResolvedEdition e) => e.Parts.Select(part =>
    {
        var vm = units.Head(e, part);
        var children = part.Children.Where(c => c.Kind.Toc || (part.Kind.ChildFor(c.Unit.Kind)?.Toc ?? false)).Select(c =>
        {
            var child = units.Head(e, c);
            return new TocEntryVm(c.Kind.ShowNumber ? child.Number : "", child.Title ?? child.Heading ?? child.Label,
                child.PageUrl ?? child.Url, EquatableList<TocEntryVm>.Empty) { Id = c.Id };
        }).ToEquatable();
        return new TocEntryVm(vm.Number, vm.Title ?? vm.Label, vm.PageUrl ?? vm.Url, children) { Id = part.Id };
    }).ToEquatable();
}

public sealed record YearVm(string Year, EquatableList<UnitVm> Units);
