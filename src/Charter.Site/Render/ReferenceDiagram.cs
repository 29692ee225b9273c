using System.Globalization;
using Charter.Core.Model;
using Charter.Core.Resolve;

namespace Charter.Site.Render;

public sealed record DiagramNodeVm(string Id, string Label, string Url, double Y, int Count, string Type);
public sealed record DiagramEdgeVm(string From, string To, string Path, double Width, int Count, string Title);
public sealed record DiagramRowVm(string Label, string Url, EquatableList<DeclarationLinkVm> Cites);
public sealed record DiagramVm(double Width, double Height, double LeftX, double RightX,
    EquatableList<DiagramNodeVm> Sources, EquatableList<DiagramNodeVm> Targets, EquatableList<DiagramEdgeVm> Edges,
    EquatableList<DiagramRowVm> Rows);

/// <summary>
/// The layout of the references diagram: on the left the parts of a charter (a principle, a list of commitments, a
/// section), on the right the declarations and frameworks, and a curve for each "cites". Only the geometry is
/// computed here; the theme's reference-diagram.liquid draws it as SVG and as a table for those who cannot see it.
/// </summary>
public static class ReferenceDiagram
{
    private const double RowHeight = 30, Top = 24, Width = 820, LeftX = 300, RightX = 520;

    public static DiagramVm Build(Pages.PageContext page, Pages.UnitViews units, string slug)
    {
        var site = page.Site;
        var language = page.Lang;
        Func<string, string> href = page.Href;
        Func<ResolvedDeclaration, DeclarationLinkVm> link = page.DeclarationLink;
        var edition = site.Edition(slug, language);
        // Group the citing units by the part of the charter a reader would name (see GroupOf).
        var groups = new List<(string Key, string Label, string Url, List<ResolvedUnit> Passages)>();
        foreach (var (unit, group0) in Groups(edition))
        {
            if (unit.References.IsEmpty) continue;
            var vm = units.Unit(edition, group0);
            var key = group0.Id;
            // A labelled unit is named by its number and title ("2. Équité"), a list or a part by its title or heading.
            var label = group0.Kind.Label.In(language) is not null && vm.Title is { } title ? $"{group0.Unit.Number}. {title}" : vm.Title ?? vm.Heading ?? vm.Label;
            var path = group0.HasPage ? group0.PagePath : group0.Url;
            var group = groups.FirstOrDefault(g => g.Key == key);
            if (group.Key is null) { group = (key, label, href(path), []); groups.Add(group); }
            group.Passages.Add(unit);
        }
        var declarations = site.DeclarationsByLanguage[language];
        var targets = declarations
            .OrderBy(d => d.Declaration.Value.Type == DeclarationTypes.Declaration ? 0 : 1)
            .ThenBy(d => d.Declaration.Value.Year, StringComparer.Ordinal).ThenBy(d => d.Id, StringComparer.Ordinal)
            .ToList();

        var rows = Math.Max(groups.Count, targets.Count);
        double height = Top * 2 + rows * RowHeight;
        double SourceY(int i) => Top + (rows - groups.Count) * RowHeight / 2 + i * RowHeight + RowHeight / 2;
        double TargetY(int i) => Top + (rows - targets.Count) * RowHeight / 2 + i * RowHeight + RowHeight / 2;

        var sources = groups.Select((g, i) => new DiagramNodeVm(g.Key, Short(g.Label), g.Url, Round(SourceY(i)), g.Passages.Count, "source")).ToList();
        var targetNodes = targets.Select((d, i) => new DiagramNodeVm(d.Id, Short(link(d).Title), href(Permalinks.Declaration(language, d.Id)),
            Round(TargetY(i)), d.CitedBy.Count(p => p.Slug == slug), d.Declaration.Value.Type)).ToList();

        var edges = new List<DiagramEdgeVm>();
        for (int i = 0; i < groups.Count; i++)
        {
            foreach (var (target, j) in targets.Select((t, j) => (t, j)))
            {
                var count = groups[i].Passages.Count(p => p.References.Contains(target.Id));
                if (count == 0) continue;
                double y1 = SourceY(i), y2 = TargetY(j), mid = (LeftX + RightX) / 2;
                var path = string.Create(CultureInfo.InvariantCulture,
                    $"M{LeftX + 8},{Round(y1)} C{mid},{Round(y1)} {mid},{Round(y2)} {RightX - 8},{Round(y2)}");
                edges.Add(new DiagramEdgeVm(groups[i].Key, target.Id, path, Math.Min(1.5 + count, 6), count,
                    $"{groups[i].Label} → {link(target).Title}"));
            }
        }
        var tableRows = groups.Select(g => new DiagramRowVm(g.Label, g.Url,
            targets.Where(t => g.Passages.Any(p => p.References.Contains(t.Id))).Select(link).ToEquatable())).ToEquatable();
        return new DiagramVm(Width, Round(height), LeftX, RightX, sources.ToEquatable(), targetNodes.ToEquatable(), edges.ToEquatable(), tableRows);
    }

    /// <summary>
    /// Every unit with the group it is drawn in: a part and the leaves right under it (premises, milestones) in the
    /// part; a unit right under a part that holds units of its own (a principle, a list of commitments) with all of them.
    /// </summary>
    private static IEnumerable<(ResolvedUnit Unit, ResolvedUnit Group)> Groups(ResolvedEdition e)
    {
        foreach (var part in e.Parts)
        {
            yield return (part, part);
            foreach (var child in part.Children)
            {
                var group = child.Children.IsEmpty ? part : child;
                foreach (var unit in child.DescendantsAndSelf()) yield return (unit, group);
            }
        }
    }

    /// <summary>Long titles are cut for the drawing; the full title is in the table and on the linked page.</summary>
    private static string Short(string title) => title.Length <= 42 ? title : title[..title.LastIndexOf(' ', 40)] + " …";

    private static double Round(double v) => Math.Round(v, 1);
}
