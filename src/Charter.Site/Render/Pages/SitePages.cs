using Charter.Core.Model;
using Charter.Core.Resolve;

namespace Charter.Site.Render.Pages;

/// <summary>The site's own pages in one language: its home, search, short addresses, and (for the default language) the picker and 404.</summary>
public sealed class SitePages(PageContext page, UnitViews units, CharterPages charters, DeclarationPages declarations, TopicPages topics)
{
    public PageSpec Home()
    {
        var path = Permalinks.LanguageHome(page.Lang);
        var site = page.Site;
        var cards = site.CharterSlugs.Where(s => site.Editions.ContainsKey((s, page.Lang)))
            .OrderBy(s => s == site.MainCharter ? 0 : 1).ThenBy(s => s, StringComparer.Ordinal)
            .Select(s => charters.Card(site.Edition(s, page.Lang))).ToEquatable();
        var title = page.Config.TitleIn(page.Lang);
        var vm = page.Page("home", path, title, cards.FirstOrDefault()?.Description ?? title, null, []);
        return new PageSpec(path, "home", vm, PageContext.Data(("charters", cards), ("declarations", declarations.Links(DeclarationTypes.Declaration)),
            ("frameworks", declarations.Links(DeclarationTypes.Framework))));
    }

    /// <summary>The site's search page, or a dated version's (<paramref name="dated"/>), which searches that version only.</summary>
    public PageSpec Search(ResolvedEdition? dated = null)
    {
        string At(string language) => dated is null ? Permalinks.Search(language) : Index.SiteIndexer.VersionSearchPath(page.Site.Counterpart(dated, language));
        var path = At(page.Lang);
        var t = page.T;
        var vm = page.Page("search", path, t["search_title"], t["search_title"], dated, page.Crumbs(dated, (t["search_title"], path)));
        var scripts = Charter.Search.SearchLanguages.For(t.Language.Search).BrowserScripts;
        // With no result, the page offers the query in each other language; {q} is left for the script to fill in.
        var others = page.Config.Languages.Where(l => l != page.Lang).Select(l => new SearchElsewhereVm(l, page.LanguageOf(l).Tag,
            page.Href(At(l)), t.Format("search_try_other", ("language", t.NameOf(page.LanguageOf(l)))))).ToEquatable();
        var data = PageContext.Data(
            ("index_url", page.Href(dated is null ? $"{page.Lang}/search/index.json" : path + "index.json")),
            ("documents_url", page.Href(dated is null ? $"{page.Lang}/search/documents.json" : path + "documents.json")),
            ("scripts", string.Join(' ', scripts.Select(s => page.Href("assets/vendor/" + s)))), ("elsewhere", others),
            ("filters", SearchFilters.For(page, topics.Name, dated)));
        // Its form searches the version again (the site's search page has the site's address, site.search_url).
        if (dated is not null) data = PageContext.Data(data.Select(kv => (kv.Key, kv.Value)).Append(("search_url", (object?)page.Href(path))).ToArray());
        return new PageSpec(path, "search", vm, data);
    }

    /// <summary>Short addresses for the main charter's units whose kind gives one (/fr/2.3/ → principle 2, priority 3).</summary>
    public IEnumerable<PageSpec> ShortForms()
    {
        var site = page.Site;
        if (site.MainCharter is not { Length: > 0 } main || !site.Editions.TryGetValue((main, page.Lang), out var e)) yield break;
        foreach (var u in e.Units)
        {
            if (Permalinks.ShortForm(page.Lang, u.Kind.Short, u.Unit) is not { } path) continue;
            var target = units.Unit(e, u);
            var vm = page.Page("redirect", path, target.Label, target.Citation, e, [], noindex: true) with { Canonical = target.AbsoluteUrl };
            yield return new PageSpec(path, "redirect", vm, PageContext.Data(("target", target)));
        }
        // A main charter with versions: the same short forms under each version's id lead to that version (/fr/2021-06/2.3/).
        foreach (var dated in site.DatedEditions(main, page.Lang))
            foreach (var u in dated.Units)
            {
                if (Permalinks.DatedShortForm(page.Lang, dated.Version!.Value.Id, u.Kind.Short, u.Unit) is not { } path) continue;
                var target = units.Unit(dated, u);
                var vm = page.Page("redirect", path, target.Label, target.Citation, dated, [], noindex: true) with { Canonical = target.AbsoluteUrl, Version = null };
                yield return new PageSpec(path, "redirect", vm, PageContext.Data(("target", target)));
            }
    }

    /// <summary>The pages at the root: the language picker (index.html) and 404.html, in this (the default) language.</summary>
    public IEnumerable<PageSpec> Root()
    {
        var config = page.Config;
        var homes = config.Languages.Select(l => page.Alternate(l, Permalinks.LanguageHome(l))).ToEquatable();
        var titles = config.Languages.Select(l => new LinkVm(config.TitleIn(l), page.Href(Permalinks.LanguageHome(l)))).ToEquatable();
        var strings = config.Languages.Select(l => new EquatableMap(page.AllStrings[l].Table.ToDictionary(kv => kv.Key, kv => (object?)kv.Value))).ToEquatable();
        var title = config.TitleIn(page.Lang);
        var picker = new PageVm(page.Lang, "language-picker", title, title, title, "", page.Href(""), config.BaseUrl, homes, config.BaseUrl, null, null,
            EquatableList<LinkVm>.Empty, EquatableList<LinkVm>.Empty, null, null, null)
            with { LangTag = page.T.Language.Tag, Dir = page.T.Language.Direction };
        yield return new PageSpec("", "language-picker", picker, PageContext.Data(("languages", homes), ("titles", titles), ("strings", strings)));
        var notFoundTitle = page.T["not_found_title"];
        var notFound = picker with
        {
            Kind = "not-found", Title = notFoundTitle, HeadTitle = $"{notFoundTitle} · {title}",
            Path = "404.html", Url = page.Href("404.html"), Canonical = page.Absolute("404.html"), Noindex = true,
        };
        yield return new PageSpec("404.html", "404", notFound, PageContext.Data(("languages", homes), ("strings", strings)));
    }
}
