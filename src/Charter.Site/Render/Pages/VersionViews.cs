using Charter.Core.Model;
using Charter.Core.Resolve;

namespace Charter.Site.Render.Pages;

/// <summary>
/// What the pages of a charter with versions say of them: the banner of a dated page, the versions list of the
/// charter's home, and each unit's notes ("modified on …", "removed on …") with the link to its other wording.
/// </summary>
public static class VersionViews
{
    /// <summary>The "what changed" page of a later version: under its dated home.</summary>
    public static string ChangesPath(ResolvedEdition dated) => dated.Home + "changes/";

    /// <summary>"Modifié le 12 mai 2023" or "Modifié en octobre 2022": the string for the date's precision.</summary>
    private static string On(PageContext page, string key, PartialDate date) =>
        page.T.Format(key + (date.Day is null ? "_in" : "_on"), ("date", page.T.Date(date)));

    /// <summary>On a dated page, which version it shows and the link to the same page undated (or the charter's home when the current text has no such page).</summary>
    public static VersionBannerVm? Banner(PageContext page, ResolvedEdition e, string path)
    {
        if (e.Version is not { Dated: true } v || !path.StartsWith(e.Home, StringComparison.Ordinal)) return null;
        var current = page.Site.Edition(e.Slug, page.Lang);
        var same = current.Home + path[e.Home.Length..];
        var exists = same == current.Home || same == current.Home + Permalinks.SideBySide + "/" || current.Units.Any(u => u.HasPage && u.PagePath == same);
        var values = new[] { ("date", page.T.Date(v.Value.Date)), ("status", page.T["status_" + v.Value.Status]) };
        return v.IsCurrent
            ? new VersionBannerVm(page.T.Format("version_banner_current", values), page.T["version_undated"], page.Href(exists ? same : current.Home))
            : new VersionBannerVm(page.T.Format("version_banner", values), page.T["version_read_current"], page.Href(exists ? same : current.Home));
    }

    /// <summary>The versions of the charter, oldest first, each with its dated home and (after the first) its "what changed" page.</summary>
    public static EquatableList<VersionEntryVm> List(PageContext page, ResolvedEdition e)
    {
        if (e.Version is not { } v) return EquatableList<VersionEntryVm>.Empty;
        var list = v.History.Versions.List;
        return list.Select((version, i) =>
        {
            var dated = page.Site.DatedEdition(e.Slug, page.Lang, i);
            var note = version.Note.In(page.Lang, page.Config.DefaultLanguage) is { } n ? page.Typo(n, page.Lang) : null;
            return new VersionEntryVm(version.Id, page.T.Date(version.Date), version.Date.ToString(), page.T["status_" + version.Status], note,
                page.Href(dated?.Home ?? e.Home), i > 0 && dated is not null ? page.Href(ChangesPath(dated)) : null, i == list.Length - 1, i == v.Index && v.Dated)
                { SearchUrl = dated is null ? null : page.Href(Index.SiteIndexer.VersionSearchPath(dated)) };
        }).ToEquatable();
    }

    /// <summary>
    /// What the other versions did to a unit, as seen from this version: a later change (its wording was modified, or
    /// it was removed) and the last earlier one (modified, or added), each with the link to the other wording.
    /// </summary>
    public static EquatableList<VersionNoteVm> Notes(PageContext page, UnitViews units, ResolvedEdition e, ResolvedUnit u)
    {
        if (e.Version is not { } v) return EquatableList<VersionNoteVm>.Empty;
        var notes = new List<VersionNoteVm>();
        var list = v.History.Versions.List;
        var changes = v.History.ChangesOf(u.Id);
        if (v.Untranslated.Contains(u.Id))
            notes.Add(new("untranslated", page.T.Format("version_untranslated", ("language", page.T.NameOf(page.LanguageOf(u.Language)))), null, null));
        if (changes.FirstOrDefault(c => c.Version > v.Index) is { } later)
        {
            var date = list[later.Version].Date;
            if (later.Kind == UnitChangeKind.Removed)
                notes.Add(new("removed", On(page, "version_removed", date), page.T["version_see_changes"], ChangesUrl(page, e, later.Version, u.Id)));
            else
            {
                // Its wording now: the current page, or, for a unit removed since, the last version that has it.
                var removal = changes.FirstOrDefault(c => c.Kind == UnitChangeKind.Removed && c.Version > v.Index);
                var last = removal is null ? page.Site.Edition(e.Slug, page.Lang) : page.Site.DatedEdition(e.Slug, page.Lang, removal.Version - 1);
                notes.Add(new("modified", On(page, "version_modified", date), page.T[removal is null ? "version_read_current_wording" : "version_read_last_wording"],
                    UnitUrl(page, units, last, u.Id)));
            }
        }
        if (changes.LastOrDefault(c => c.Version <= v.Index) is { } earlier)
        {
            var date = list[earlier.Version].Date;
            if (earlier.Kind == UnitChangeKind.Modified)
                notes.Add(new("modified", On(page, "version_modified", date), page.T["version_read_earlier_wording"],
                    UnitUrl(page, units, page.Site.DatedEdition(e.Slug, page.Lang, earlier.Version - 1), u.Id)));
            else if (earlier.Kind == UnitChangeKind.Added)
                notes.Add(new("added", On(page, "version_added", date), page.T["version_see_changes"], ChangesUrl(page, e, earlier.Version, u.Id)));
        }
        return notes.ToEquatable();
    }

    private static string? UnitUrl(PageContext page, UnitViews units, ResolvedEdition? edition, string id) =>
        edition is not null && units.Find(edition, id) is { } unit ? page.Href(Permalinks.InLanguage(unit.PagePath, page.Lang) + "#" + id) : null;

    private static string? ChangesUrl(PageContext page, ResolvedEdition e, int version, string id) =>
        page.Site.DatedEdition(e.Slug, page.Lang, version) is { } dated ? page.Href(ChangesPath(dated)) + "#" + id : null;
}
