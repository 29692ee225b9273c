using Charter.Core.Model;
using Charter.Core.Resolve;
using Charter.Site.Text;

namespace Charter.Site.Render.Pages;

/// <summary>The references index (with its diagram) and a page for each declaration or framework, with the passages that cite it.</summary>
public sealed class DeclarationPages(PageContext page, UnitViews units)
{
    public IEnumerable<PageSpec> Pages()
    {
        yield return Index();
        foreach (var declaration in page.Site.DeclarationsByLanguage[page.Lang]) yield return Declaration(declaration);
    }

    /// <summary>The declarations (or frameworks) of the site, by year.</summary>
    public EquatableList<DeclarationLinkVm> Links(string type) =>
        page.Site.DeclarationsByLanguage[page.Lang].Where(d => d.Declaration.Value.Type == type)
            .OrderBy(d => d.Declaration.Value.Year, StringComparer.Ordinal).ThenBy(d => d.Id, StringComparer.Ordinal)
            .Select(page.DeclarationLink).ToEquatable();

    private PageSpec Index()
    {
        var t = page.T;
        var path = Permalinks.Declarations(page.Lang);
        var vm = page.Page("declarations", path, t["declarations_title"], t["declarations_intro"], null, page.Crumbs(null, (t["declarations_title"], path)));
        var main = page.Site.MainCharter;
        var diagram = main.Length > 0 && page.Site.Editions.ContainsKey((main, page.Lang))
            ? ReferenceDiagram.Build(page, units, main) : null;
        return new PageSpec(path, "declarations", vm, PageContext.Data(("declarations", Links(DeclarationTypes.Declaration)),
            ("frameworks", Links(DeclarationTypes.Framework)), ("diagram", diagram),
            ("diagram_charter", diagram is null ? null : page.Typo(page.Site.Edition(main, page.Lang).Meta.Value.ShortTitle, page.Lang))));
    }

    // A passage that cites several declarations is quoted on each one's page: its text is rendered once (per language).
    private readonly System.Collections.Concurrent.ConcurrentDictionary<(MarkdownText Text, string Language), string> _plain =
        new(new PassageKey());

    private string PlainText(MarkdownText text, string language) => _plain.GetOrAdd((text, language), k => page.Md(k.Text, k.Language).Text);

    /// <summary>A passage's text by reference (the same object for every declaration it cites) and its language.</summary>
    private sealed class PassageKey : IEqualityComparer<(MarkdownText Text, string Language)>
    {
        public bool Equals((MarkdownText Text, string Language) a, (MarkdownText Text, string Language) b) =>
            ReferenceEquals(a.Text, b.Text) && a.Language == b.Language;

        public int GetHashCode((MarkdownText Text, string Language) k) => HashCode.Combine(System.Runtime.CompilerServices.RuntimeHelpers.GetHashCode(k.Text), k.Language);
    }

    /// <summary>
    /// What a citing passage shows on a declaration's page, by page language and declaration, kept with the passage. serve
    /// reuses a charter's placement — the same Passage objects — while nothing its placement reads has changed (its folder,
    /// every site file outside the charter folders, the base URL: CharterMemory's key), and what is shown here is made from
    /// the passage, its edition and the site's strings alone. At 100 charters, making them again for every declaration at
    /// every rebuild was a sixth of a one-file rebuild.
    /// </summary>
    private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<Passage,
        System.Collections.Concurrent.ConcurrentDictionary<(string Lang, string Declaration), CitedByVm>> Shown = new();

    private PageSpec Declaration(ResolvedDeclaration d)
    {
        var v = d.Declaration.Value;
        var l = d.Declaration.Language;
        var path = Permalinks.Declaration(page.Lang, v.Id);
        var cited = d.CitedBy.Select(p => Shown.GetValue(p, _ => new()).GetOrAdd((page.Lang, v.Id), _ =>
        {
            var e = page.Site.Edition(p.Slug, page.Lang);
            // The unit's head: a declaration's page lists passages of every charter, whose views are not all kept.
            var unit = units.Head(e, p.Unit);
            var quote = p.Text is null ? null : Excerpt.Of(PlainText(p.Text, p.Language), p.Text.Source, v.Id);
            return new CitedByVm(unit.Label, p.Citable ? page.Text.Heading(p.Unit) ?? "" : "", unit.Url, page.Typo(e.Meta.Value.ShortTitle, page.Lang),
                quote, p.Language);
        })).ToEquatable();
        var body = page.Md(v.Body, l);
        var description = body.Text.Length > 200 ? body.Text[..body.Text.LastIndexOf(' ', 200)] + " …" : body.Text;
        var vm = page.Page("declaration", path, v.Title, description.Length > 0 ? description : v.Title, null,
            page.Crumbs(null, (page.T["declarations_title"], Permalinks.Declarations(page.Lang)), (v.Title, path)), page.Notice(d.Declaration.IsFallback, l));
        var declaration = new DeclarationVm(v.Id, page.Typo(v.Title, l), page.Typo(v.Issuer, l), PageContext.YearRange(v.Year), v.Type, v.Excerpt, v.Url,
            body.Html, l, d.Declaration.IsFallback, v.Symbol);
        return new PageSpec(path, "declaration", vm, PageContext.Data(("declaration", declaration), ("cited_by", cited)));
    }
}
