using Charter.Core.Diagnostics;
using Charter.Core.Model;

namespace Charter.Core.Resolve;

/// <summary>
/// A charter's folder name is its address and may not be one the site uses. The addresses a structure gives its units — pages ("principles/{n}/") and the main charter's short forms
/// ("{number}" → /fr/2.3/) — must each lead to one unit. A pattern that gives two units the same address, or takes
/// the address of a charter or of a page of the site, is an error at its line in structure.yml, not a lost page.
/// </summary>
internal static class Addresses
{
    /// <summary>
    /// The main charter's versions give dated short forms under /{lang}/{id}/ (/fr/2021-06/2.3/): a version id may not
    /// be a charter's folder name, whose home is at that address.
    /// </summary>
    public static void CheckVersions(CharterVersions versions, IReadOnlyCollection<string> slugs, DiagnosticBag diagnostics)
    {
        foreach (var version in versions.List.Where(v => slugs.Contains(v.Id)))
            diagnostics.Error(Codes.AddressCollision, version.At,
                $"the version id '{version.Id}' is the address of the charter '{version.Id}' (/{{lang}}/{version.Id}/), where this version's short forms would be",
                "give the version another id (its date to the day, say), or rename the charter folder");
    }

    /// <param name="language">The language checked: addresses depend on ids and numbers, not on the language, so one says it all, once.</param>
    public static void Check(IReadOnlyCollection<ResolvedEdition> editions, string language, string mainCharter, IReadOnlyCollection<string> slugs, DiagnosticBag diagnostics)
    {
        foreach (var slug in slugs)
            if (Permalinks.SlugProblem(slug) is { } taken)
                diagnostics.Error(Codes.AddressCollision, SourceLocation.File($"content/{slug}"), $"the charter folder name {taken}",
                    "rename the folder: its name is the charter's address");
        foreach (var e in editions.Where(e => e.Language == language))
        {
            var pages = e.Units.Where(u => u.HasPage).GroupBy(u => u.PagePath, StringComparer.Ordinal);
            foreach (var group in pages.Where(g => g.Count() > 1))
            {
                var kind = group.Skip(1).First().Kind;
                diagnostics.Error(Codes.AddressCollision, kind.AtSetting("page"),
                    $"the page pattern of '{kind.Name}' gives /{group.Key} to {Names(group)}",
                    "put {n} (its number) or {id} in 'page:' so that each unit has a page of its own");
            }
            if (e.Slug != mainCharter) continue;
            var shorts = e.Units.Select(u => (Unit: u, Path: Permalinks.ShortForm(e.Language, u.Kind.Short, u.Unit)))
                .Where(x => x.Path is not null).GroupBy(x => x.Path!, StringComparer.Ordinal);
            foreach (var group in shorts)
            {
                var kind = group.Last().Unit.Kind;
                var segment = group.Key[(e.Language.Length + 1)..^1];
                if (group.Count() > 1)
                    diagnostics.Error(Codes.AddressCollision, kind.AtSetting("short"),
                        $"the short form of '{kind.Name}' gives /{group.Key} to {Names(group.Select(x => x.Unit))}",
                        "use {number} (the number as printed) or {id} in 'short:', or give the kinds different prefixes");
                else if (segment.Contains('/') || segment.Any(c => char.IsWhiteSpace(c) || c is '?' or '#' or '%'))
                    diagnostics.Error(Codes.InvalidValue, kind.AtSetting("short"),
                        $"the short form of {group.First().Unit.Id} would be '/{group.Key}', which is not one path segment",
                        "make 'short:' give one segment of letters, digits, dots and hyphens, e.g. '{number}' or 'art{n}'");
                // A charter folder named with digits is reported as such (Permalinks.SlugProblem), once.
                else if ((slugs.Contains(segment) && Permalinks.SlugProblem(segment) is null) || Permalinks.ReservedSlugs.Contains(segment))
                    diagnostics.Error(Codes.AddressCollision, kind.AtSetting("short"),
                        $"the short form of {group.First().Unit.Id} is /{group.Key}, the address of {(slugs.Contains(segment) ? "the charter" : "the site's page")} '{segment}'",
                        "change the 'short:' pattern (a prefix such as 'art{n}') or rename the charter folder");
            }
        }
    }

    private static string Names(IEnumerable<ResolvedUnit> units)
    {
        var ids = units.Select(u => u.Id).ToList();
        return string.Join(", ", ids.Take(4)) + (ids.Count > 4 ? $" and {ids.Count - 4} more" : "");
    }
}
