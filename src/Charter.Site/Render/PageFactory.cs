using Charter.Core.Diagnostics;
using Charter.Core.Resolve;
using Charter.Site.Markdown;
using Charter.Site.Render.Pages;
using Charter.Site.Text;

namespace Charter.Site.Render;

/// <summary>
/// The pages of the site in one language, with the data their templates need, in three groups listed in this order:
/// the language home (<see cref="Home"/>), each charter's pages and side-by-side view (<see cref="CharterPages"/>),
/// then the references, topics, search and the short addresses (<see cref="SitePages"/>). The work is in the
/// builders of Render/Pages; no HTML is written here beyond what Markdig renders.
/// </summary>
public sealed class PageFactory
{
    /// <summary>The templates of the site's own pages (besides the layout and those the charters' structures name).</summary>
    public static readonly IReadOnlyList<string> SiteTemplates =
        ["language-picker", "404", "home", "charter", "unit", "side-by-side", "declarations", "declaration", "topics", "topic", "search", "redirect", "changes"];

    private readonly CharterPages _charters;
    private readonly DeclarationPages _declarations;
    private readonly TopicPages _topics;
    private readonly SitePages _site;
    private readonly SideBySidePage _sideBySide;
    private readonly ChangesPage _changes;

    private PageFactory(PageContext context, Func<string, (PageContext, UnitViews)> family)
    {
        Context = context;
        Units = new UnitViews(context);
        _charters = new CharterPages(context, Units);
        _declarations = new DeclarationPages(context, Units);
        _topics = new TopicPages(context, Units);
        _site = new SitePages(context, Units, _charters, _declarations, _topics);
        _sideBySide = new SideBySidePage(context, family);
        _changes = new ChangesPage(context, Units);
    }

    public PageContext Context { get; }
    public UnitViews Units { get; }

    /// <summary>
    /// One factory per language, each able to reach the others: the side-by-side page shows every unit in every
    /// language, and takes the other languages' units from their own factory rather than rendering them again.
    /// </summary>
    public static IReadOnlyDictionary<string, PageFactory> ForLanguages(ResolvedSite site, IReadOnlyDictionary<string, Strings> strings,
        MarkdownRenderer markdown, DiagnosticBag diagnostics)
    {
        var family = new Dictionary<string, PageFactory>(StringComparer.Ordinal);
        foreach (var language in site.Config.Languages)
            family[language] = new PageFactory(new PageContext(site, language, strings, markdown, diagnostics), l => (family[l].Context, family[l].Units));
        return family;
    }

    public string Href(string path) => Context.Href(path);
    public string Absolute(string path) => Context.Absolute(path);

    /// <summary>The language home: the site's charters, each with its table of contents.</summary>
    public PageSpec Home() => _site.Home();

    /// <summary>A charter's pages in this language (none if it is not in it), its side-by-side view, and each of its versions'.</summary>
    public IEnumerable<PageSpec> CharterPages(string slug)
    {
        var site = Context.Site;
        if (!site.Editions.TryGetValue((slug, Context.Lang), out var edition)) yield break;
        foreach (var page in _charters.Pages(edition)) yield return page;
        if (Permalinks.HasSideBySide(site.Config)) yield return _sideBySide.For(edition, _charters.Card(edition));
        // A charter with versions: every version again under its dated address, the current one too.
        foreach (var dated in site.DatedEditions(slug, Context.Lang))
        {
            foreach (var page in _charters.Pages(dated)) yield return page;
            if (Permalinks.HasSideBySide(site.Config)) yield return _sideBySide.For(dated, _charters.Card(dated));
            if (_changes.For(dated, _charters.Card(dated)) is { } changes) yield return changes;
            yield return _site.Search(dated);
        }
    }

    /// <summary>The site's own pages after the charters': the references, the topics, search and the short addresses.</summary>
    public IEnumerable<PageSpec> SitePages()
    {
        foreach (var page in _declarations.Pages()) yield return page;
        foreach (var page in _topics.Pages()) yield return page;
        yield return _site.Search();
        foreach (var page in _site.ShortForms()) yield return page;
    }

    /// <summary>
    /// Lets go of a charter's unit views in this language once its pages are made in every language (the side-by-side
    /// view of each reads the others'); the main charter's are kept, as the site's own pages show its units.
    /// </summary>
    public void Forget(string slug)
    {
        var site = Context.Site;
        if (slug == site.MainCharter || !site.Editions.TryGetValue((slug, Context.Lang), out var edition)) return;
        Units.Forget(edition);
        foreach (var dated in site.DatedEditions(slug, Context.Lang)) Units.Forget(dated);
    }

    /// <summary>A charter's card in this language: its metadata, record and table of contents (the print edition uses it too).</summary>
    public CharterVm Card(ResolvedEdition edition) => _charters.Card(edition);

    /// <summary>The cards made of a charter's editions in this language (for serve's memo of whole charters).</summary>
    public IReadOnlyDictionary<string, CharterVm> Cards(string slug) => _charters.Cards(slug);

    /// <summary>A charter's cards as a previous build made them from the same inputs.</summary>
    public void KeepCards(string slug, IReadOnlyDictionary<string, CharterVm> cards) => _charters.Keep(slug, cards);

    /// <summary>The pages at the root: the language picker and 404.html, in this (the default) language.</summary>
    public IEnumerable<PageSpec> RootPages() => _site.Root();

    public SiteVm SiteView()
    {
        var c = Context;
        var config = c.Config;
        return new(config.TitleIn(c.Lang), config.BasePath, c.Href(Permalinks.LanguageHome(c.Lang)),
            c.Href(Permalinks.Search(c.Lang)), c.Href("assets/"), c.Href($"{c.Lang}/opensearch.xml"), c.Href(Permalinks.Declarations(c.Lang)),
            config.Languages.Select(l => c.Alternate(l, Permalinks.LanguageHome(l))).ToEquatable(), SourceNote())
            { TopicsUrl = TopicPages.Any(c.Site) ? c.Href(Permalinks.Topics(c.Lang)) : null };
    }

    /// <summary>"Texte source en français ; traductions en anglais et espagnol, …": from the site's languages, in this one.</summary>
    private string SourceNote()
    {
        var c = Context;
        return c.T.Format("footer_source", ("source", c.T.NameOf(c.LanguageOf(c.Config.Languages[0]))),
            ("translations", c.T.List(c.Config.Languages.Skip(1).Select(l => c.T.NameOf(c.LanguageOf(l))).ToList())));
    }
}
