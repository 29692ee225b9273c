using System.Globalization;
using Charter.Core.Model;
using Charter.Core.Resolve;

namespace Charter.Site.Render;

public sealed record DiagramNodeVm(string Id, string Label, string Url, double Y, int Count, string Type);
public sealed record DiagramEdgeVm(string From, string To, string Path, double Width, int Count, string Title);
public sealed record DiagramRowVm(string Label, string Url, IReadOnlyList<DeclarationLinkVm> Cites);
public sealed record DiagramVm(double Width, double Height, double LeftX, double RightX,
    IReadOnlyList<DiagramNodeVm> Sources, IReadOnlyList<DiagramNodeVm> Targets, IReadOnlyList<DiagramEdgeVm> Edges,
    IReadOnlyList<DiagramRowVm> Rows);

/// <summary>
/// The layout of the references diagram: on the left the parts of a charter (a principle, a list of commitments, a
/// section), on the right the declarations and frameworks, and a curve for each "cites". Only the geometry is
/// computed here; the theme's reference-diagram.liquid draws it as SVG and as a table for those who cannot see it.
/// </summary>
public static class ReferenceDiagram
{
    private const double RowHeight = 30, Top = 24, Width = 820, LeftX = 300, RightX = 520;

    public static DiagramVm Build(ResolvedSite site, string language, string slug, Func<string, string> href,
        Func<ResolvedDeclaration, DeclarationLinkVm> link)
    {
        var edition = site.Edition(slug, language);
        // Group the citing passages by the part of the charter a reader would name.
        var groups = new List<(string Key, string Label, string Url, List<Passage> Passages)>();
        foreach (var passage in edition.Passages.Where(p => !p.References.IsEmpty))
        {
            var (key, label, path) = GroupOf(edition, passage);
            var group = groups.FirstOrDefault(g => g.Key == key);
            if (group.Key is null) { group = (key, label, href(path), []); groups.Add(group); }
            group.Passages.Add(passage);
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
            targets.Where(t => g.Passages.Any(p => p.References.Contains(t.Id))).Select(link).ToList())).ToList();
        return new DiagramVm(Width, Round(height), LeftX, RightX, sources, targetNodes, edges, tableRows);
    }

    private static (string Key, string Label, string Path) GroupOf(ResolvedEdition e, Passage p)
    {
        switch (p.Kind)
        {
            case UnitKinds.Principle:
            case UnitKinds.Priority:
                var principle = e.Principles.First(x => x.Value.Id == p.Id || x.Value.Priorities.Any(y => y.Id == p.Id)).Value;
                return (principle.Id, $"{principle.Number}. {principle.Title}", Permalinks.Principle(e.Language, e.Slug, principle.Number));
            case UnitKinds.Commitment:
            case UnitKinds.Call:
                var list = e.Commitments!.Value.Lists.First(l => l.Items.Any(i => i.Id == p.Id));
                return (list.Id, list.Heading, Permalinks.Section(e.Language, e.Slug, "commitments") + "#" + list.Id);
            case UnitKinds.Premise:
                return ("vision", e.Vision!.Value.Section.Title, p.PagePath);
            case UnitKinds.Milestone:
                return ("timeline", e.Timeline!.Value.Title, p.PagePath);
            default:
                return (p.Id, p.Heading ?? p.Id, p.PagePath + "#" + p.Id);
        }
    }

    /// <summary>Long titles are cut for the drawing; the full title is in the table and on the linked page.</summary>
    private static string Short(string title) => title.Length <= 42 ? title : title[..title.LastIndexOf(' ', 40)] + " …";

    private static double Round(double v) => Math.Round(v, 1);
}
