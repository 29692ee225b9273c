using Charter.Core.Model;
using Charter.Core.Resolve;

namespace Charter.Site.Render.Pages;

/// <summary>
/// The "what changed" page of a later version of a charter, in one language (/{lang}/{slug}/{id}/changes/): the units
/// it added, removed and modified, each with its label, its permalink in the version that has it, and a word-level
/// redline of its text and of each field it changed.
/// </summary>
public sealed class ChangesPage(PageContext page, UnitViews units)
{
    public PageSpec? For(ResolvedEdition e, CharterVm charter)
    {
        if (e.Version is not { Dated: true, Index: > 0 } v || page.Site.DatedEdition(e.Slug, page.Lang, v.Index - 1) is not { } before) return null;
        var path = VersionViews.ChangesPath(e);
        var mine = v.History.Changes.SelectMany(kv => kv.Value.Where(c => c.Version == v.Index).Select(c => (Id: kv.Key, c.Kind)))
            .ToDictionary(x => x.Id, x => x.Kind, StringComparer.Ordinal);
        // In reading order: the later text's for what it has, the earlier text's for what it removed.
        var added = e.Units.Where(u => mine.GetValueOrDefault(u.Id) == UnitChangeKind.Added && mine.ContainsKey(u.Id))
            .Select(u => Change(e, u, [new(null, Redline.Whole("ins", Plain(u)))])).ToList();
        var removed = before.Units.Where(u => mine.TryGetValue(u.Id, out var k) && k == UnitChangeKind.Removed)
            .Select(u => Change(before, u, [new(null, Redline.Whole("del", Plain(u)))])).ToList();
        var modified = e.Units.Where(u => mine.TryGetValue(u.Id, out var k) && k == UnitChangeKind.Modified && units.Find(before, u.Id) is not null)
            .Select(u => Change(e, u, Rows(units.Find(before, u.Id)!, u))).ToList();
        var groups = new[] { ("added", "changes_added", added), ("removed", "changes_removed", removed), ("modified", "changes_modified", modified) }
            .Where(g => g.Item3.Count > 0)
            .Select(g => new ChangeGroupVm(g.Item1, page.T[g.Item2], g.Item3.ToEquatable())).ToEquatable();
        var date = page.T.Date(v.Value.Date);
        var title = page.T["changes_title"];
        var lead = page.T.Format("changes_lead", ("date", date), ("status", page.T["status_" + v.Value.Status]),
            ("previous", page.T.Date(before.Version!.Value.Date)));
        var vm = page.Page("changes", path, $"{title} · {date}", lead, e, page.Crumbs(e, (title, path)));
        return new PageSpec(path, "changes", vm, PageContext.Data(("charter", charter), ("lead", lead), ("groups", groups)));
    }

    private ChangeVm Change(ResolvedEdition e, ResolvedUnit u, List<RedlineRowVm> rows)
    {
        var vm = units.Unit(e, u);
        return new ChangeVm(u.Id, vm.Label, vm.Title ?? vm.Heading, vm.Url, u.Language, rows.ToEquatable());
    }

    /// <summary>A row for its text, then one for each field whose wording differs, in its kind's order.</summary>
    private List<RedlineRowVm> Rows(ResolvedUnit before, ResolvedUnit after)
    {
        var rows = new List<RedlineRowVm>();
        var (a, b) = (Plain(before), Plain(after));
        if (a != b) rows.Add(new(page.T["changes_text"], Redline.Of(a, b)));
        foreach (var def in after.Kind.OrderedFields)
        {
            var (x, y) = (FieldText(before, def.Key), FieldText(after, def.Key));
            if (x != y) rows.Add(new(page.T.Format("changes_field", ("field", def.Key)), Redline.Of(x, y)));
        }
        return rows;
    }

    private string Plain(ResolvedUnit u) => page.Md(u.Unit.Text, u.Language).Text;

    private string FieldText(ResolvedUnit u, string key) => u.Unit.Field(key) is not { } f ? ""
        : f.Type switch
        {
            FieldType.Text => page.Typo(f.Text ?? "", u.Language),
            FieldType.Markdown => page.Md(f.Markdown, u.Language).Text,
            FieldType.List => string.Join(", ", f.Items.Select(i => page.Typo(i, u.Language))),
            _ => f.Invariant ?? "",
        };
}
