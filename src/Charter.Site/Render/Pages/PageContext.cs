using Charter.Core.Diagnostics;
using Charter.Core.Model;
using Charter.Core.Resolve;
using Charter.Core.Safety;
using Charter.Site.Markdown;
using Charter.Site.Text;
using Language = Charter.Core.Model.Language;

namespace Charter.Site.Render.Pages;

/// <summary>
/// What every page of one language is made with: the resolved site, the language's strings and names, Markdown,
/// addresses under the base path, and the head of a page (its <see cref="PageVm"/>). One per language; the page
/// builders (charter, declarations, site pages, side by side) share it.
/// </summary>
public sealed class PageContext
{
    public PageContext(ResolvedSite site, string language, IReadOnlyDictionary<string, Strings> strings, MarkdownRenderer markdown,
        DiagnosticBag diagnostics)
    {
        Site = site;
        Lang = language;
        AllStrings = strings;
        T = strings[language];
        Markdown = markdown;
        Diagnostics = diagnostics;
        Config = site.Config;
        _basePath = Config.BasePath;
        Text = new UnitText(strings, language);
        Cite = new CitePanels(this);
        _dates = new DateRuleVm(T.Language.DayMonthYear, string.Join('|', Enumerable.Range(1, 12).Select(T.Month)), T.Language.FirstDay);
    }

    public ResolvedSite Site { get; }
    public string Lang { get; }
    public Strings T { get; }
    public IReadOnlyDictionary<string, Strings> AllStrings { get; }
    public MarkdownRenderer Markdown { get; }
    public DiagnosticBag Diagnostics { get; }
    public SiteConfig Config { get; }
    public UnitText Text { get; }
    public CitePanels Cite { get; }

    /// <summary>The language's date rule as the pages' script reads it (the reader's today in the citations' access date).</summary>
    private readonly DateRuleVm _dates;

    /// <summary>The site's base path, read once: the config parses its base URL each time it is asked, and every link asks.</summary>
    private readonly string _basePath;

    /// <summary>The link to a site-relative path, under the site's base path.</summary>
    public string Href(string path) => _basePath + path;
    public string Absolute(string path) => Config.BaseUrl + path;

    public Language LanguageOf(string lang) => AllStrings[lang].Language;

    public AlternateVm Alternate(string lang, string path) =>
        new(lang, LanguageOf(lang).Tag, LanguageOf(lang).Name, Href(path), Absolute(path), lang == Lang);

    /// <summary>A text of the content in its own language's typography (a fallback passage keeps its language's).</summary>
    public string Typo(string text, string textLanguage) => Text.Typo(text, textLanguage);

    /// <summary>
    /// A Markdown text rendered for this page language (ref: links to this language's declaration pages), with the
    /// text's own typography; problems (links refused, nesting Markdig cannot take) reported at the text.
    /// </summary>
    public RenderedText Md(MarkdownText? text, string textLanguage, Func<string, int, NoteLink?>? notes = null)
    {
        RenderedText rendered;
        try
        {
            rendered = Markdown.Render(text?.Source, new MarkdownContext(textLanguage, AllStrings[textLanguage].Typography,
                id => Site.Declaration(Lang, id) is null ? null : Href(Permalinks.Declaration(Lang, id)),
                notes ?? ((_, _) => null)));
        }
        catch (ArgumentException e) when (text is not null)
        {
            // Markdig refuses some nesting that MarkdownGuard does not count (lists, emphasis): said at the text.
            Diagnostics.Error(Codes.LimitExceeded, text.Location, $"the Markdown cannot be rendered: {e.Message}",
                "flatten the nesting of lists, quotes or emphasis");
            return new RenderedText("", "");
        }
        // The same text may render on several pages and in several languages' views: the bag keeps one of each.
        foreach (var url in rendered.RefusedUrls)
            Diagnostics.Warning(Codes.UnsafeUrl, text!.Locate(url.Length > 0 ? url : "]("),
                $"the link to '{(url.Length > 60 ? url[..57] + "..." : url)}' is shown as plain text: only http, https, mailto and site addresses are links",
                UrlPolicy.Hint);
        return rendered;
    }

    /// <summary>The head of a page: its titles, addresses, alternates in every language, navigation and notice.</summary>
    public PageVm Page(string kind, string path, string title, string description, ResolvedEdition? edition,
        IEnumerable<LinkVm> crumbs, string? notice = null, string? jsonLd = null, bool noindex = false)
    {
        var siteTitle = Config.TitleIn(Lang);
        var alternates = Config.Languages.Select(l => Alternate(l, Permalinks.InLanguage(path, l))).ToEquatable();
        var charterEdition = edition ?? (Site.MainCharter is { Length: > 0 } main && Site.Editions.TryGetValue((main, Lang), out var m) ? m : null);
        return new PageVm(Lang, kind, Typo(title, Lang), Typo(title == siteTitle ? title : $"{title} · {siteTitle}", Lang),
            Typo(description, Lang), path, Href(path), Absolute(path), alternates, Config.BaseUrl, jsonLd, notice, crumbs.ToEquatable(),
            charterEdition is null ? EquatableList<LinkVm>.Empty : Nav(charterEdition, path),
            charterEdition?.Meta.Value.ShortTitle, charterEdition is null ? null : Href(charterEdition.HomeIn(Lang)),
            charterEdition is null || !Permalinks.HasSideBySide(Config) ? null : Href(charterEdition.HomeIn(Lang) + Permalinks.SideBySide + "/"), noindex)
            with { LangTag = T.Language.Tag, Dir = T.Language.Direction, Dates = _dates,
                AknUrl = edition is null ? null : Href(Export.AknExport.PathFor(edition)),
                Version = edition is null ? null : VersionViews.Banner(this, edition, path) };
    }


    /// <summary>The charter's navigation: the parts whose kind names a navigation label, then the references.</summary>
    private EquatableList<LinkVm> Nav(ResolvedEdition e, string current)
    {
        var links = new List<LinkVm>();
        void Add(string label, string path) => links.Add(new LinkVm(label, Href(path), current.StartsWith(path, StringComparison.Ordinal), current == path));
        foreach (var part in e.Parts.Where(p => p.HasPage))
            if (part.Kind.Nav.In(Lang, Config.DefaultLanguage) is { } label) Add(Typo(label, Lang), part.PagePath);
        Add(T["nav_declarations"], Permalinks.Declarations(Lang));
        if (TopicPages.Any(Site)) Add(T["nav_topics"], Permalinks.Topics(Lang));
        return links.ToEquatable();
    }

    /// <summary>Home › the charter › … › <paramref name="rest"/>.</summary>
    public List<LinkVm> Crumbs(ResolvedEdition? e, params (string Label, string Path)[] rest)
    {
        var crumbs = new List<LinkVm> { new(T["home"], Href(Permalinks.LanguageHome(Lang))) };
        if (e is not null) crumbs.Add(new LinkVm(Typo(e.Meta.Value.ShortTitle, Lang), Href(Permalinks.Charter(Lang, e.Slug))));
        // A dated version's pages are below its own home: Home › the charter › its version › …
        if (e?.Version is { Dated: true } v) crumbs.Add(new LinkVm(T.Format("version_crumb", ("date", T.Date(v.Value.Date))), Href(e.HomeIn(Lang))));
        crumbs.AddRange(rest.Select(r => new LinkVm(Typo(r.Label, Lang), Href(r.Path))));
        return crumbs;
    }

    /// <summary>The notice of a page shown in another language than its own.</summary>
    public string? Notice(bool fallback, string textLanguage) =>
        fallback ? T.Format("fallback_notice", ("language", T.NameOf(LanguageOf(textLanguage)))) : null;

    public static EquatableMap Data(params (string Key, object? Value)[] items) => Equatable.Map(items);

    /// <summary>A declaration as it is listed: title, issuer, year, address and how often the charters cite it.</summary>
    public DeclarationLinkVm DeclarationLink(ResolvedDeclaration d)
    {
        var v = d.Declaration.Value;
        var l = d.Declaration.Language;
        // The agreement is the title's, in the page's language: a fallback title in another language says nothing of it.
        var (gender, plural) = d.Declaration.IsFallback ? (null, false) : (v.Gender, v.Plural);
        var n = d.CitedBy.Length;
        var cited = Strings.Fill(T.Agree(n switch { 0 => "cited_count_none", 1 => "cited_count_one", _ => "cited_count" }, gender, plural),
            ("n", n.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        return new DeclarationLinkVm(v.Id, Typo(v.Title, l), Typo(v.Issuer, l), YearRange(v.Year), Href(Permalinks.Declaration(Lang, v.Id)), n, v.Type, cited);
    }

    /// <summary>A year or a range of years as printed: with an en dash between the years ("2015–2017").</summary>
    public static string YearRange(string year) => System.Text.RegularExpressions.Regex.Replace(year, @"(\d{4})\s*[-‐‑–—]\s*(\d{2,4})", "$1–$2");
}
