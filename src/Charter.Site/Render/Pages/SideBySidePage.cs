using Charter.Core.Resolve;

namespace Charter.Site.Render.Pages;

/// <summary>
/// Every unit of a charter in every language, row by row (the aligned reading view). Each language's cells are that
/// language's own unit views, taken from its family member rather than made again.
/// </summary>
public sealed class SideBySidePage(PageContext page, Func<string, (PageContext Page, UnitViews Units)> family)
{
    public PageSpec For(ResolvedEdition e, CharterVm charter)
    {
        var path = e.HomeIn(page.Lang) + Permalinks.SideBySide + "/";
        var languages = page.Config.Languages.OrderBy(l => l == page.Lang ? 0 : 1).ToList();
        var editions = languages.ToDictionary(l => l, l => page.Site.Counterpart(e, l));
        var rows = e.Passages.Select(p => new SideBySideRowVm(p.Id, p.Kind, page.Text.Label(p.Unit), e.Parts.Contains(p.Unit), languages.Select(l =>
        {
            var (_, units) = family(l);
            var other = units.Find(editions[l], p.Id) ?? p.Unit;
            return units.Unit(editions[l], other);
        }).ToEquatable())).ToEquatable();
        var title = page.T["side_by_side"];
        var vm = page.Page("side-by-side", path, $"{title} · {e.Meta.Value.ShortTitle}", e.Meta.Value.Description, e, page.Crumbs(e, (title, path)));
        vm = vm with { Citation = page.Cite.Meta(e, page.Cite.Item(e), vm.Canonical) };
        // With more than two languages the reader picks the second column (?with=CODE, read by site.js); by default the
        // source beside a translation, and the first translation beside the source.
        var source = page.Config.Languages[0];
        var compareWith = page.Lang == source ? languages.Skip(1).FirstOrDefault() ?? page.Lang : source;
        return new PageSpec(path, "side-by-side", vm, PageContext.Data(("charter", charter),
            ("languages", languages.Select(l => new AlternateVm(l, page.LanguageOf(l).Tag, page.LanguageOf(l).Name, "", "", l == page.Lang)).ToEquatable()),
            ("rows", rows), ("compare_with", compareWith)));
    }
}
