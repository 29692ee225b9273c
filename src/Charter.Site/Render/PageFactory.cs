using System.Collections.Concurrent;
using System.Collections.Immutable;
using System.Globalization;
using System.Text.RegularExpressions;
using Charter.Core.Diagnostics;
using Charter.Core.Model;
using Language = Charter.Core.Model.Language;
using Charter.Core.Resolve;
using Charter.Core.Safety;
using Charter.Site.Markdown;

namespace Charter.Site.Render;

/// <summary>
/// Builds, for one language, the list of pages of the site with the data their templates need: every
/// Markdown text rendered once, every unit with its label, permalink and citation. No HTML is written
/// here beyond what Markdig renders; the markup belongs to the theme's templates.
/// </summary>
public sealed partial class PageFactory
{
    private readonly ResolvedSite _site;
    private readonly string _lang;
    private readonly Strings _t;
    private readonly IReadOnlyDictionary<string, Strings> _allStrings;
    private readonly MarkdownRenderer _markdown;
    private readonly SiteConfig _config;

    /// <summary>The theme templates pages are made with (besides the layout), so the build can parse them ahead of time.</summary>
    public static readonly ImmutableArray<string> Templates =
    [
        "language-picker", "404", "home", "charter", "vision", "principles", "principle", "commitments", "timeline",
        "acknowledgements", "side-by-side", "declarations", "declaration", "search", "redirect",
    ];

    /// <summary>
    /// One factory per language, each able to reach the others: the side-by-side page shows every unit in every
    /// language, and takes the other languages' units from their own factory rather than rendering them again.
    /// </summary>
    public static IReadOnlyDictionary<string, PageFactory> ForLanguages(ResolvedSite site, IReadOnlyDictionary<string, Strings> strings, MarkdownRenderer markdown,
        DiagnosticBag diagnostics)
    {
        var family = new Dictionary<string, PageFactory>(StringComparer.Ordinal);
        foreach (var language in site.Config.Languages) family[language] = new PageFactory(site, language, strings, markdown, family, diagnostics);
        return family;
    }

    private readonly IReadOnlyDictionary<string, PageFactory> _family;
    private readonly DiagnosticBag _diagnostics;

    private PageFactory(ResolvedSite site, string language, IReadOnlyDictionary<string, Strings> strings, MarkdownRenderer markdown,
        IReadOnlyDictionary<string, PageFactory> family, DiagnosticBag diagnostics)
    {
        _family = family;
        _diagnostics = diagnostics;
        _declarationRecords = new(MakeDeclarationRecords);
        _site = site;
        _lang = language;
        _allStrings = strings;
        _t = strings[language];
        _markdown = markdown;
        _config = site.Config;
    }

    [GeneratedRegex(@"\[\^(?<label>[^\]\s]+)\]")]
    private static partial Regex NoteRef();

    /// <summary>The link to a site-relative path, under the site's base path.</summary>
    public string Href(string path) => _config.BasePath + path;
    public string Absolute(string path) => _config.BaseUrl + path;

    /// <summary>A language of the site, as its own descriptor says.</summary>
    private Language LanguageOf(string lang) => _allStrings[lang].Language;

    private AlternateVm Alternate(string lang, string path) =>
        new(lang, LanguageOf(lang).Tag, LanguageOf(lang).Name, Href(path), Absolute(path), lang == _lang);

    private RenderedText Md(MarkdownText? text, string textLanguage, Func<string, int, NoteLink?>? notes = null)
    {
        RenderedText rendered;
        try
        {
            rendered = _markdown.Render(text?.Source, new MarkdownContext(textLanguage, _allStrings[textLanguage].Typography,
                id => _site.Declaration(_lang, id) is null ? null : Href(Permalinks.Declaration(_lang, id)),
                notes ?? ((_, _) => null)));
        }
        catch (ArgumentException e) when (text is not null)
        {
            // Markdig refuses some nesting that MarkdownGuard does not count (lists, emphasis): said at the text.
            _diagnostics.Error(Codes.LimitExceeded, text.Location, $"the Markdown cannot be rendered: {e.Message}",
                "flatten the nesting of lists, quotes or emphasis");
            return new RenderedText("", "");
        }
        // The same text may render on several pages and in several languages' views: the bag keeps one of each.
        foreach (var url in rendered.RefusedUrls)
            _diagnostics.Warning(Codes.UnsafeUrl, text!.Locate(url.Length > 0 ? url : "]("),
                $"the link to '{(url.Length > 60 ? url[..57] + "..." : url)}' is shown as plain text: only http, https, mailto and site addresses are links",
                UrlPolicy.Hint);
        return rendered;
    }

    /// <summary>A text of the content in its own language's typography (a fallback passage keeps its language's).</summary>
    private string Typo(string text, string textLanguage) => _allStrings[textLanguage].Typography.Apply(text);

    // ---------------------------------------------------------------- pages

    public IEnumerable<PageSpec> Pages()
    {
        yield return LanguageHome();
        foreach (var slug in _site.CharterSlugs)
        {
            if (!_site.Editions.TryGetValue((slug, _lang), out var edition)) continue;
            foreach (var page in CharterPages(edition)) yield return page;
        }
        yield return DeclarationsIndex();
        foreach (var declaration in _site.DeclarationsByLanguage[_lang]) yield return DeclarationPage(declaration);
        yield return SearchPage();
        foreach (var page in ShortForms()) yield return page;
    }

    private PageVm Page(string kind, string path, string title, string description, ResolvedEdition? edition,
        IReadOnlyList<LinkVm> crumbs, string? notice = null, string? jsonLd = null, bool noindex = false)
    {
        var siteTitle = _config.TitleIn(_lang);
        var alternates = _config.Languages.Select(l => Alternate(l, Permalinks.InLanguage(path, l))).ToList();
        var charterEdition = edition ?? (_site.MainCharter is { Length: > 0 } main && _site.Editions.TryGetValue((main, _lang), out var m) ? m : null);
        return new PageVm(_lang, kind, Typo(title, _lang), Typo(title == siteTitle ? title : $"{title} · {siteTitle}", _lang),
            Typo(description, _lang), path, Href(path), Absolute(path), alternates, _config.BaseUrl, jsonLd, notice, crumbs,
            charterEdition is null ? [] : Nav(charterEdition, path),
            charterEdition?.Meta.Value.ShortTitle, charterEdition is null ? null : Href(Permalinks.Charter(_lang, charterEdition.Slug)),
            charterEdition is null ? null : Href(Permalinks.Section(_lang, charterEdition.Slug, "side-by-side")), noindex)
            with { LangTag = _t.Language.Tag, Dir = _t.Language.Direction };
    }

    private IReadOnlyList<LinkVm> Nav(ResolvedEdition e, string current)
    {
        var links = new List<LinkVm>();
        void Add(string label, string path) => links.Add(new LinkVm(label, Href(path), current.StartsWith(path, StringComparison.Ordinal), current == path));
        if (e.Vision is not null) Add(_t["nav_vision"], Permalinks.Section(_lang, e.Slug, "vision"));
        if (!e.Principles.IsEmpty) Add(_t["nav_principles"], Permalinks.Section(_lang, e.Slug, "principles"));
        if (e.Commitments is not null) Add(_t["nav_commitments"], Permalinks.Section(_lang, e.Slug, "commitments"));
        if (e.Timeline is not null) Add(_t["nav_timeline"], Permalinks.Section(_lang, e.Slug, "timeline"));
        Add(_t["nav_declarations"], Permalinks.Declarations(_lang));
        return links;
    }

    private List<LinkVm> Crumbs(ResolvedEdition? e, params (string Label, string Path)[] rest)
    {
        var crumbs = new List<LinkVm> { new(_t["home"], Href(Permalinks.LanguageHome(_lang))) };
        if (e is not null) crumbs.Add(new LinkVm(Typo(e.Meta.Value.ShortTitle, _lang), Href(Permalinks.Charter(_lang, e.Slug))));
        crumbs.AddRange(rest.Select(r => new LinkVm(Typo(r.Label, _lang), Href(r.Path))));
        return crumbs;
    }

    private string? Notice(bool fallback, string textLanguage) =>
        fallback ? _t.Format("fallback_notice", ("language", _t.NameOf(LanguageOf(textLanguage)))) : null;

    private static Dictionary<string, object?> Data(params (string Key, object? Value)[] items) =>
        items.ToDictionary(i => i.Key, i => i.Value, StringComparer.Ordinal);

    public SiteVm SiteView() => new(_config.TitleIn(_lang), _config.BasePath, Href(Permalinks.LanguageHome(_lang)),
        Href(Permalinks.Search(_lang)), Href("assets/"), Href($"{_lang}/opensearch.xml"), Href(Permalinks.Declarations(_lang)),
        _config.Languages.Select(l => Alternate(l, Permalinks.LanguageHome(l))).ToList(), SourceNote());

    /// <summary>"Texte source en français ; traductions en anglais et espagnol, …": from the site's languages, in this one.</summary>
    private string SourceNote() => _t.Format("footer_source", ("source", _t.NameOf(LanguageOf(_config.Languages[0]))),
        ("translations", _t.List(_config.Languages.Skip(1).Select(l => _t.NameOf(LanguageOf(l))).ToList())));

    /// <summary>The pages at the root: the language picker (index.html) and 404.html, in this (the default) language.</summary>
    public IEnumerable<PageSpec> RootPages()
    {
        var homes = _config.Languages.Select(l => Alternate(l, Permalinks.LanguageHome(l))).ToList();
        var titles = _config.Languages.Select(l => new LinkVm(_config.TitleIn(l), Href(Permalinks.LanguageHome(l)))).ToList();
        var picker = new PageVm(_lang, "language-picker", _config.TitleIn(_lang), _config.TitleIn(_lang), _config.TitleIn(_lang), "", Href(""),
            _config.BaseUrl, homes, _config.BaseUrl, null, null, [], [], null, null, null)
            with { LangTag = _t.Language.Tag, Dir = _t.Language.Direction };
        yield return new PageSpec("", "language-picker", picker, Data(("languages", homes), ("titles", titles),
            ("strings", _config.Languages.Select(l => _allStrings[l].Table).ToList())));
        var notFound = picker with { Kind = "not-found", Title = _t["not_found_title"], HeadTitle = $"{_t["not_found_title"]} · {_config.TitleIn(_lang)}",
            Path = "404.html", Url = Href("404.html"), Canonical = Absolute("404.html"), Noindex = true };
        yield return new PageSpec("404.html", "404", notFound, Data(("languages", homes),
            ("strings", _config.Languages.Select(l => _allStrings[l].Table).ToList())));
    }

    // ---------------------------------------------------------------- language home

    private PageSpec LanguageHome()
    {
        var path = Permalinks.LanguageHome(_lang);
        var charters = _site.CharterSlugs.Where(s => _site.Editions.ContainsKey((s, _lang)))
            .OrderBy(s => s == _site.MainCharter ? 0 : 1).ThenBy(s => s, StringComparer.Ordinal)
            .Select(s => CharterCard(_site.Edition(s, _lang))).ToList();
        var page = Page("home", path, _config.TitleIn(_lang), charters.FirstOrDefault()?.Description ?? _config.TitleIn(_lang), null, []);
        return new PageSpec(path, "home", page, Data(("charters", charters), ("declarations", DeclarationLinks(DeclarationTypes.Declaration)),
            ("frameworks", DeclarationLinks(DeclarationTypes.Framework))));
    }

    private CharterVm CharterCard(ResolvedEdition e)
    {
        var meta = e.Meta.Value;
        var l = e.Meta.Language;
        return new CharterVm(e.Slug, Typo(meta.Title, l), Typo(meta.ShortTitle, l), meta.Organization, meta.Year, meta.Place,
            Typo(meta.Citation, l), Typo(meta.Description, l), Href(Permalinks.Charter(_lang, e.Slug)), Md(meta.Body, l).Html, Toc(e),
            Href($"{_lang}/{e.Slug}/charter.json"));
    }

    private IReadOnlyList<TocEntryVm> Toc(ResolvedEdition e)
    {
        var toc = new List<TocEntryVm>();
        var home = Permalinks.Charter(_lang, e.Slug);
        if (e.Ambition is { } a)
            toc.Add(new(Num(a.Value.Number), Typo(a.Value.Title, a.Language), Href(home) + "#ambition",
                e.CoCreation is { } c ? [new TocEntryVm("", Typo(c.Value.Section.Title, c.Language), Href(home) + "#co-creation", [])] : []));
        if (e.Vision is { } v)
            toc.Add(new(Num(v.Value.Section.Number), Typo(v.Value.Section.Title, v.Language), Href(Permalinks.Section(_lang, e.Slug, "vision")), []));
        if (e.PrinciplesIntro is not null || !e.Principles.IsEmpty)
            toc.Add(new(Num(e.PrinciplesIntro?.Value.Number), Typo(e.PrinciplesIntro?.Value.Title ?? _t["nav_principles"], e.PrinciplesIntro?.Language ?? _lang),
                Href(Permalinks.Section(_lang, e.Slug, "principles")),
                e.Principles.Select(p => new TocEntryVm(Num(p.Value.Number), Typo(p.Value.Title, p.Language),
                    Href(Permalinks.Principle(_lang, e.Slug, p.Value.Number)), [])).ToList()));
        if (e.Commitments is { } cm)
            toc.Add(new(Num(cm.Value.Section.Number), Typo(cm.Value.Section.Title, cm.Language), Href(Permalinks.Section(_lang, e.Slug, "commitments")),
                cm.Value.Lists.Select(l => new TocEntryVm("", Typo(l.Heading, cm.Language), Href(Permalinks.Section(_lang, e.Slug, "commitments")) + "#" + l.Id, [])).ToList()));
        if (e.Timeline is { } t)
            toc.Add(new("", Typo(t.Value.Title, t.Language), Href(Permalinks.Section(_lang, e.Slug, "timeline")), []));
        if (e.Acknowledgements is { } ack)
            toc.Add(new("", Typo(ack.Value.Section.Title, ack.Language), Href(Permalinks.Section(_lang, e.Slug, "acknowledgements")), []));
        return toc;
    }

    private static string Num(int? n) => n is { } v ? v.ToString("00", CultureInfo.InvariantCulture) : "";

    // ---------------------------------------------------------------- units

    // Concurrent: the factory of another language reads units from here while building its side-by-side page.
    private readonly ConcurrentDictionary<(string, string), UnitVm> _units = [];

    /// <summary>The view of a passage: its rendered text, label ("Priorité 2.3"), permalink and citation.</summary>
    private UnitVm Unit(ResolvedEdition e, Passage p)
    {
        if (_units.TryGetValue((e.Slug, p.Id), out var cached)) return cached;
        var rendered = Md(p.Text, p.Language, NotesFor(e, p));
        var url = Permalinks.InLanguage(p.PagePath, _lang) + "#" + p.Id;
        var label = p.Kind == "section" ? Typo(p.Heading ?? "", p.Language) : _t.Format("kind_" + p.Kind, ("number", p.Number));
        // References listed in front matter ('references:') and not already linked in the text get a link of their own,
        // so that every backlink on a declaration's page has its forward link on the unit.
        var inText = Resolver.RefLinks(p.Text).ToHashSet(StringComparer.Ordinal);
        var seeAlso = p.References.Where(id => !inText.Contains(id)).Select(id => _site.Declaration(_lang, id)).OfType<ResolvedDeclaration>()
            .Select(d => new LinkVm(Typo(d.Declaration.Value.Title, d.Declaration.Language), Href(Permalinks.Declaration(_lang, d.Id)))).ToList();
        var unit = new UnitVm(p.Id, p.Kind, p.Number, label, rendered.Html, rendered.Text, Href(url), Absolute(url),
            Citation(e, p), p.IsFallback, p.Language, p.Heading is null ? null : Typo(p.Heading, p.Language), seeAlso);
        _units[(e.Slug, p.Id)] = unit;
        return unit;
    }

    /// <summary>"Charte de Lampedusa (CGLU, 2022), principe 2, priorité 3": the charter's citation and the unit's place in it.</summary>
    public string Citation(ResolvedEdition e, Passage p)
    {
        var parts = p.Number.Split('.');
        var place = _t.Format("cite_" + (p.Kind == "section" ? "section" : p.Kind),
            ("number", p.Number), ("principle", parts[0]), ("priority", parts.ElementAtOrDefault(1) ?? ""),
            ("list", parts[0]), ("item", parts.ElementAtOrDefault(1) ?? ""), ("heading", p.Heading ?? ""),
            ("title", p.Heading ?? ""), ("date", p.Kind == UnitKinds.Milestone ? DateLabel(p.Heading) : ""));
        return Typo($"{e.Meta.Value.Citation}, {place}", _lang);
    }

    private string DateLabel(string? yearMonth) =>
        yearMonth is { } ym && ym.Length == 7 ? _t.MonthYear(int.Parse(ym[..4], CultureInfo.InvariantCulture), int.Parse(ym[5..], CultureInfo.InvariantCulture)) : "";

    private readonly ConcurrentDictionary<(string Slug, string Language), Dictionary<string, Passage>> _passagesById = [];

    /// <summary>A passage of an edition by id, through a per-edition index (pages and the side-by-side view look up every unit).</summary>
    private Passage? FindPassage(ResolvedEdition e, string id)
    {
        var byId = _passagesById.GetOrAdd((e.Slug, e.Language), _ => e.Passages.ToDictionary(p => p.Id, StringComparer.Ordinal));
        return byId.GetValueOrDefault(id);
    }

    private Passage P(ResolvedEdition e, string id) => FindPassage(e, id) ?? throw new KeyNotFoundException($"no passage '{id}' in {e.Slug}/{e.Language}");

    private SectionVm Section(ResolvedEdition e, string id, Localized<Section> s)
    {
        var v = s.Value;
        return new SectionVm(id, Num(v.Number), Typo(v.Title, s.Language), v.Headline is null ? null : Typo(v.Headline, s.Language),
            Md(v.Body, s.Language).Html, s.IsFallback, s.Language);
    }

    private string? JsonLd(ResolvedEdition e, string path, IEnumerable<UnitVm> units)
    {
        var meta = e.Meta.Value;
        var home = Permalinks.Charter(_lang, e.Slug);
        var translations = _config.Languages.Where(l => l != _lang);
        if (_lang != _config.DefaultLanguage) translations = translations.Where(l => l == _config.DefaultLanguage);
        var parts = units.Where(u => u.Kind != "section").ToList();
        return Index.Json.LinkedData(w =>
        {
            void Text(string name, string? value)
            {
                if (value is null) w.WriteNull(name);
                else w.WriteString(name, value);
            }
            w.WriteStartObject();
            Text("@context", "https://schema.org");
            Text("@type", "Legislation");
            Text("@id", Absolute(home));
            Text("name", meta.Title);
            Text("alternateName", meta.ShortTitle);
            Text("inLanguage", _lang);
            Text("datePublished", meta.Year);
            w.WriteStartObject("legislationPassedBy");
            Text("@type", "Organization");
            Text("name", meta.Organization);
            w.WriteEndObject();
            Text("url", Absolute(path));
            w.WriteStartArray(_lang == _config.DefaultLanguage ? "workTranslation" : "translationOfWork");
            foreach (var l in translations)
            {
                w.WriteStartObject();
                Text("@type", "Legislation");
                Text("@id", Absolute(Permalinks.Charter(l, e.Slug)));
                Text("inLanguage", l);
                w.WriteEndObject();
            }
            w.WriteEndArray();
            if (parts.Count > 0)
            {
                w.WriteStartArray("hasPart");
                foreach (var u in parts)
                {
                    w.WriteStartObject();
                    Text("@type", "Legislation");
                    Text("@id", u.AbsoluteUrl);
                    Text("name", u.Label);
                    Text("legislationIdentifier", u.Id);
                    w.WriteEndObject();
                }
                w.WriteEndArray();
            }
            w.WriteEndObject();
        });
    }

    // ---------------------------------------------------------------- charter pages

    private IEnumerable<PageSpec> CharterPages(ResolvedEdition e)
    {
        var meta = e.Meta.Value;
        var charter = CharterCard(e);

        { // home: title, ambition, co-creation, table of contents
            var path = Permalinks.Charter(_lang, e.Slug);
            var ambition = e.Ambition is { } a ? Section(e, "ambition", a) : null;
            object? co = null;
            if (e.CoCreation is { } c)
                co = new
                {
                    Section = Section(e, "co-creation", new Localized<Section>(c.Value.Section, c.Language, c.IsFallback)),
                    Declarations = c.Value.DeclarationIds.Select(id => _site.Declaration(_lang, id)).OfType<ResolvedDeclaration>().Select(DeclarationLink).ToList(),
                };
            var page = Page("charter", path, meta.Title, meta.Description, e, Crumbs(null), Notice(e.Meta.IsFallback || (e.Ambition?.IsFallback ?? false), e.Meta.Language),
                JsonLd(e, path, e.Passages.Select(p => Unit(e, p))));
            yield return new PageSpec(path, "charter", page, Data(("charter", charter), ("ambition", ambition), ("co_creation", co)));
        }

        if (e.Vision is { } vision)
        {
            var path = Permalinks.Section(_lang, e.Slug, "vision");
            var premises = vision.Value.Premises.Select(p => Unit(e, P(e, p.Id))).ToList();
            var section = Section(e, "vision", new Localized<Section>(vision.Value.Section, vision.Language, vision.IsFallback));
            var page = Page("vision", path, vision.Value.Section.Title, vision.Value.Section.Headline ?? meta.Description, e,
                Crumbs(e, (vision.Value.Section.Title, path)), Notice(vision.IsFallback, vision.Language), JsonLd(e, path, premises));
            yield return new PageSpec(path, "vision", page, Data(("charter", charter), ("section", section),
                ("premises_intro_html", Md(vision.Value.PremisesIntro, vision.Language).Html), ("premises", premises)));
        }

        var principleVms = e.Principles.Select(lp => Principle(e, lp)).ToList();
        if (e.PrinciplesIntro is { } intro || principleVms.Count > 0)
        {
            var path = Permalinks.Section(_lang, e.Slug, "principles");
            var title = e.PrinciplesIntro?.Value.Title ?? _t["nav_principles"];
            var section = e.PrinciplesIntro is { } pi ? Section(e, "principles", pi) : null;
            var page = Page("principles", path, title, e.PrinciplesIntro?.Value.Headline ?? meta.Description, e, Crumbs(e, (title, path)),
                Notice(e.PrinciplesIntro?.IsFallback ?? false, e.PrinciplesIntro?.Language ?? _lang), JsonLd(e, path, principleVms.Select(p => p.Unit)));
            yield return new PageSpec(path, "principles", page, Data(("charter", charter), ("section", section), ("principles", principleVms)));
        }

        for (int i = 0; i < principleVms.Count; i++)
        {
            var lp = e.Principles[i];
            var vm = principleVms[i];
            var path = Permalinks.Principle(_lang, e.Slug, lp.Value.Number);
            var principlesPath = Permalinks.Section(_lang, e.Slug, "principles");
            var page = Page("principle", path, $"{vm.Unit.Label} · {vm.Title}", vm.Theme, e,
                Crumbs(e, (e.PrinciplesIntro?.Value.Title ?? _t["nav_principles"], principlesPath), (vm.Unit.Label, path)),
                Notice(lp.IsFallback, lp.Language), JsonLd(e, path, vm.Priorities.Prepend(vm.Unit)));
            yield return new PageSpec(path, "principle", page, Data(("charter", charter), ("principle", vm),
                ("previous", i > 0 ? principleVms[i - 1] : null), ("next", i + 1 < principleVms.Count ? principleVms[i + 1] : null)));
        }

        if (e.Commitments is { } commitments)
        {
            var path = Permalinks.Section(_lang, e.Slug, "commitments");
            var lists = commitments.Value.Lists.Select(l => new CommitmentListVm(l.Id, l.Kind, Typo(l.Heading, commitments.Language),
                l.Items.Select(item => Unit(e, P(e, item.Id))).ToList())).ToList();
            var section = Section(e, "commitments", new Localized<Section>(commitments.Value.Section, commitments.Language, commitments.IsFallback));
            var page = Page("commitments", path, commitments.Value.Section.Title, commitments.Value.Section.Headline ?? meta.Description, e,
                Crumbs(e, (commitments.Value.Section.Title, path)), Notice(commitments.IsFallback, commitments.Language),
                JsonLd(e, path, lists.SelectMany(l => l.Items)));
            yield return new PageSpec(path, "commitments", page, Data(("charter", charter), ("section", section),
                ("lists_intro_html", Md(commitments.Value.ListsIntro, commitments.Language).Html), ("lists", lists)));
        }

        if (e.Timeline is { } timeline)
        {
            var path = Permalinks.Section(_lang, e.Slug, "timeline");
            var years = timeline.Value.Milestones.GroupBy(m => m.Date.Year).Select(g => new YearVm(
                g.Key.ToString(CultureInfo.InvariantCulture),
                g.Select(m => new MilestoneVm(Unit(e, P(e, m.Id)), m.Date.ToString(), DateLabel(m.Date.ToString()), ConcernsUrl(e, m.Concerns))).ToList())).ToList();
            var page = Page("timeline", path, timeline.Value.Title, meta.Description, e, Crumbs(e, (timeline.Value.Title, path)),
                Notice(timeline.IsFallback, timeline.Language), JsonLd(e, path, years.SelectMany(y => y.Milestones).Select(m => m.Unit)));
            yield return new PageSpec(path, "timeline", page, Data(("charter", charter), ("title", Typo(timeline.Value.Title, timeline.Language)),
                ("intro_html", Md(timeline.Value.Intro, timeline.Language).Html), ("years", years)));
        }

        if (e.Acknowledgements is { } ack)
        {
            var path = Permalinks.Section(_lang, e.Slug, "acknowledgements");
            var l = ack.Language;
            var page = Page("acknowledgements", path, ack.Value.Section.Title, meta.Description, e, Crumbs(e, (ack.Value.Section.Title, path)),
                Notice(ack.IsFallback, l));
            yield return new PageSpec(path, "acknowledgements", page, Data(("charter", charter),
                ("section", Section(e, "acknowledgements", new Localized<Section>(ack.Value.Section, l, ack.IsFallback))),
                ("contributors_intro", ack.Value.ContributorsIntro is { } ci ? Typo(ci, l) : null),
                ("contributors", ack.Value.Contributors.Select(x => Typo(x, l)).ToList()),
                ("partners_intro", ack.Value.PartnersIntro is { } pi2 ? Typo(pi2, l) : null),
                ("partners", ack.Value.Partners.Select(x => Typo(x, l)).ToList())));
        }

        yield return SideBySide(e, charter);
    }

    private PrincipleVm Principle(ResolvedEdition e, Localized<Principle> lp)
    {
        var p = lp.Value;
        var order = NoteOrder(p);
        var unit = Unit(e, P(e, p.Id));
        var priorities = p.Priorities.Select(x => Unit(e, P(e, x.Id))).ToList();
        var notes = order.Select((label, i) => new NoteVm(i + 1, $"note-{label}", $"note-{label}-ref-{_lang}", Md(p.Notes[label], lp.Language).Html)).ToList();
        return new PrincipleVm(unit, Typo(p.Title, lp.Language), Typo(p.Theme, lp.Language),
            Href(Permalinks.Principle(_lang, e.Slug, p.Number)), priorities, notes);
    }

    /// <summary>Footnote labels of a principle's page, numbered in order of first appearance.</summary>
    private static List<string> NoteOrder(Principle p)
    {
        var order = new List<string>();
        foreach (var text in p.Priorities.Select(x => x.Text).Prepend(p.Description).OfType<MarkdownText>())
            foreach (Match m in NoteRef().Matches(text.Source))
                if (p.Notes.ContainsKey(m.Groups["label"].Value) && !order.Contains(m.Groups["label"].Value)) order.Add(m.Groups["label"].Value);
        return order;
    }

    /// <summary>
    /// How the footnote markers of a passage resolve: only principles and their priorities have notes. A note cited
    /// more than once gets a marker id per citation (the first keeps the plain one, which the note links back to),
    /// so that no two markers on a page share an id.
    /// </summary>
    private Func<string, int, NoteLink?>? NotesFor(ResolvedEdition e, Passage p)
    {
        if (p.Kind is not (UnitKinds.Principle or UnitKinds.Priority)) return null;
        var principle = e.Principles.Select(x => x.Value).FirstOrDefault(x => x.Id == p.Id || x.Priorities.Any(y => y.Id == p.Id));
        if (principle is null || principle.Notes.IsEmpty) return null;
        var order = NoteOrder(principle);
        var page = Href(Permalinks.Principle(_lang, e.Slug, principle.Number));
        // Citations of each note in the texts that come before this one on the page, in the order NoteOrder reads them.
        var texts = principle.Priorities.Select(x => (x.Id, x.Text)).Prepend((principle.Id, principle.Description)).ToList();
        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var (id, text) in texts.TakeWhile(t => t.Id != p.Id))
            foreach (Match m in NoteRef().Matches(text?.Source ?? ""))
                seen[m.Groups["label"].Value] = seen.GetValueOrDefault(m.Groups["label"].Value) + 1;
        return (label, citation) =>
        {
            var i = order.IndexOf(label);
            if (i < 0) return null;
            var n = seen.GetValueOrDefault(label) + citation;
            // The page's language, not the text's: the side-by-side view shows a fallback text in two columns.
            var id = $"note-{label}-ref-{_lang}" + (n == 1 ? "" : $"-{n}");
            return new NoteLink(i + 1, $"{page}#note-{label}", id);
        };
    }

    private string? ConcernsUrl(ResolvedEdition e, string? concerns) => concerns switch
    {
        null => null,
        _ when concerns.StartsWith("ref:", StringComparison.Ordinal) => Href(Permalinks.Declaration(_lang, concerns[4..])),
        _ => Permalinks.SectionPath(_lang, e.Slug, concerns) is { } p ? Href(p) : null,
    };

    /// <summary>Every unit in every language, side by side, row by row (the aligned reading view).</summary>
    private PageSpec SideBySide(ResolvedEdition e, CharterVm charter)
    {
        var path = Permalinks.Section(_lang, e.Slug, "side-by-side");
        var others = _config.Languages.OrderBy(l => l == _lang ? 0 : 1).ToList();
        var rows = e.Passages.Select(p => new SideBySideRowVm(p.Id, p.Kind, p.Kind == "section" ? Typo(p.Heading ?? "", p.Language) : _t.Format("kind_" + p.Kind, ("number", p.Number)),
            others.Select(l =>
            {
                var edition = _site.Edition(e.Slug, l);
                var passage = FindPassage(edition, p.Id) ?? p;
                return _family[l].Unit(edition, passage);
            }).ToList())).ToList();
        var title = _t["side_by_side"];
        var page = Page("side-by-side", path, $"{title} · {e.Meta.Value.ShortTitle}", e.Meta.Value.Description, e, Crumbs(e, (title, path)));
        // With more than two languages the reader picks the second column (?with=CODE, read by site.js); by default the
        // source beside a translation, and the first translation beside the source.
        var source = _config.Languages[0];
        var compareWith = _lang == source ? others.Skip(1).FirstOrDefault() ?? _lang : source;
        return new PageSpec(path, "side-by-side", page, Data(("charter", charter),
            ("languages", others.Select(l => new AlternateVm(l, LanguageOf(l).Tag, LanguageOf(l).Name, "", "", l == _lang)).ToList()), ("rows", rows),
            ("compare_with", compareWith)));
    }

    // ---------------------------------------------------------------- open data

    /// <summary>The citable units of a charter in this language, in reading order (sections excluded), for charter.json and search.</summary>
    public IEnumerable<Index.UnitRecord> UnitRecords(string slug)
    {
        var e = _site.Edition(slug, _lang);
        foreach (var p in e.Passages.Where(p => p.Kind != "section"))
        {
            var u = Unit(e, p);
            var title = p.Kind switch
            {
                UnitKinds.Milestone => DateLabel(p.Heading),
                _ when u.Heading is { Length: > 0 } h => $"{u.Label} — {h}",
                _ => u.Label,
            };
            yield return new Index.UnitRecord(p.Id, p.Kind, p.Number, title, u.Text, u.Url);
        }
    }

    /// <summary>The declarations and frameworks of the site as citable units.</summary>
    /// <remarks>Made once per factory: every charter.json and the search documents list them all.</remarks>
    public IReadOnlyList<Index.UnitRecord> DeclarationRecords() => _declarationRecords.Value;

    private readonly Lazy<IReadOnlyList<Index.UnitRecord>> _declarationRecords;

    private List<Index.UnitRecord> MakeDeclarationRecords() =>
        _site.DeclarationsByLanguage[_lang].Select(d =>
        {
            var v = d.Declaration.Value;
            return new Index.UnitRecord(v.Id, UnitKinds.Declaration, null, Typo(v.Title, d.Declaration.Language),
                Md(v.Body, d.Declaration.Language).Text, Href(Permalinks.Declaration(_lang, v.Id)));
        }).ToList();

    // ---------------------------------------------------------------- declarations

    private DeclarationLinkVm DeclarationLink(ResolvedDeclaration d)
    {
        var v = d.Declaration.Value;
        var l = d.Declaration.Language;
        // The agreement is the title's, in the page's language: a fallback title in another language says nothing of it.
        var (gender, plural) = d.Declaration.IsFallback ? (null, false) : (v.Gender, v.Plural);
        var n = d.CitedBy.Length;
        var cited = Strings.Fill(_t.Agree(n switch { 0 => "cited_count_none", 1 => "cited_count_one", _ => "cited_count" }, gender, plural),
            ("n", n.ToString(CultureInfo.InvariantCulture)));
        return new DeclarationLinkVm(v.Id, Typo(v.Title, l), Typo(v.Issuer, l), YearRange(v.Year), Href(Permalinks.Declaration(_lang, v.Id)), n, v.Type, cited);
    }

    /// <summary>A year or a range of years as printed: with an en dash between the years ("2015–2017").</summary>
    private static string YearRange(string year) => YearHyphen().Replace(year, "$1–$2");

    [GeneratedRegex(@"(\d{4})\s*[-‐‑–—]\s*(\d{2,4})")]
    private static partial Regex YearHyphen();

    private List<DeclarationLinkVm> DeclarationLinks(string type) =>
        _site.DeclarationsByLanguage[_lang].Where(d => d.Declaration.Value.Type == type)
            .OrderBy(d => d.Declaration.Value.Year, StringComparer.Ordinal).ThenBy(d => d.Id, StringComparer.Ordinal)
            .Select(DeclarationLink).ToList();

    private PageSpec DeclarationsIndex()
    {
        var path = Permalinks.Declarations(_lang);
        var page = Page("declarations", path, _t["declarations_title"], _t["declarations_intro"], null, Crumbs(null, (_t["declarations_title"], path)));
        var main = _site.MainCharter;
        var diagram = main.Length > 0 && _site.Editions.ContainsKey((main, _lang))
            ? ReferenceDiagram.Build(_site, _lang, main, Href, DeclarationLink) : null;
        return new PageSpec(path, "declarations", page, Data(("declarations", DeclarationLinks(DeclarationTypes.Declaration)),
            ("frameworks", DeclarationLinks(DeclarationTypes.Framework)), ("diagram", diagram),
            ("diagram_charter", diagram is null ? null : Typo(_site.Edition(main, _lang).Meta.Value.ShortTitle, _lang))));
    }

    private PageSpec DeclarationPage(ResolvedDeclaration d)
    {
        var v = d.Declaration.Value;
        var l = d.Declaration.Language;
        var path = Permalinks.Declaration(_lang, v.Id);
        var cited = d.CitedBy.Select(p =>
        {
            var e = _site.Edition(p.Slug, _lang);
            var unit = Unit(e, p);
            return new CitedByVm(unit.Label, p.Kind == "section" ? "" : Typo(p.Heading ?? "", p.Language), unit.Url, Typo(e.Meta.Value.ShortTitle, _lang));
        }).ToList();
        var body = Md(v.Body, l);
        var description = body.Text.Length > 200 ? body.Text[..body.Text.LastIndexOf(' ', 200)] + " …" : body.Text;
        var page = Page("declaration", path, v.Title, description.Length > 0 ? description : v.Title, null,
            Crumbs(null, (_t["declarations_title"], Permalinks.Declarations(_lang)), (v.Title, path)), Notice(d.Declaration.IsFallback, l));
        var vm = new
        {
            v.Id, Title = Typo(v.Title, l), Issuer = Typo(v.Issuer, l), Year = YearRange(v.Year), v.Type, v.Excerpt, v.Url, Html = body.Html,
            TextLang = l, Fallback = d.Declaration.IsFallback,
        };
        return new PageSpec(path, "declaration", page, Data(("declaration", vm), ("cited_by", cited)));
    }

    // ---------------------------------------------------------------- search and short forms

    private PageSpec SearchPage()
    {
        var path = Permalinks.Search(_lang);
        var page = Page("search", path, _t["search_title"], _t["search_title"], null, Crumbs(null, (_t["search_title"], path)));
        var scripts = Charter.Search.SearchLanguages.For(_t.Language.Search).BrowserScripts;
        // With no result, the page offers the query in each other language; {q} is left for the script to fill in.
        var others = _config.Languages.Where(l => l != _lang).Select(l => new SearchElsewhereVm(l, LanguageOf(l).Tag,
            Href(Permalinks.Search(l)), _t.Format("search_try_other", ("language", _t.NameOf(LanguageOf(l)))))).ToList();
        return new PageSpec(path, "search", page, Data(
            ("index_url", Href($"{_lang}/search/index.json")), ("documents_url", Href($"{_lang}/search/documents.json")),
            ("scripts", string.Join(' ', scripts.Select(s => Href("assets/vendor/" + s)))), ("elsewhere", others)));
    }

    /// <summary>Short addresses for the main charter: /fr/2.3/ → principle 2, priority 3; /fr/2/ → principle 2.</summary>
    private IEnumerable<PageSpec> ShortForms()
    {
        if (_site.MainCharter is not { Length: > 0 } main || !_site.Editions.TryGetValue((main, _lang), out var e)) yield break;
        foreach (var p in e.Passages.Where(p => p.Kind is UnitKinds.Principle or UnitKinds.Priority))
        {
            var path = $"{_lang}/{p.Number}/";
            var target = Unit(e, p);
            var page = Page("redirect", path, target.Label, target.Citation, e, [], noindex: true) with { Canonical = target.AbsoluteUrl };
            yield return new PageSpec(path, "redirect", page, Data(("target", target)));
        }
    }
}
