using System.Collections.Concurrent;
using Charter.Core.Resolve;
using Charter.Site.Render;
using Charter.Site.Render.Pages;
using Charter.Site.Text;
using Charter.Site.Write;

namespace Charter.Site.Build;

/// <summary>
/// Every page's model made and run through the theme's templates, a charter at a time: its pages in every language
/// (the languages in parallel, then their templates in parallel), after which its unit views are let go of; then the
/// site's own pages (the homes, references, topics, search, short addresses) and those at the root. A page is written
/// as soon as it is rendered and only its head is kept — what the sitemap, the page counts and the address check
/// read — so a build holds one charter's views at a time, not the whole site's (issue 20: memory that stays flat as
/// a site grows). The pages are listed in the same order whatever the order they were made in.
/// </summary>
internal sealed class PageStage(ResolvedSite site, IReadOnlyDictionary<string, PageFactory> factories, Theme.Theme theme,
    IReadOnlyDictionary<string, Strings> strings, Charter.Core.Diagnostics.DiagnosticBag diagnostics, Action<OutputFile> emit, BuildCache? cache,
    SiteInputs? inputs, CancellationToken cancel)
{
    private readonly PageMemo? _memo = cache?.Pages;
    private static readonly EquatableMap NoData = PageContext.Data();

    private readonly TemplateRenderer _renderer = new(theme, diagnostics, cancel);
    private readonly ConcurrentDictionary<string, byte> _claimed = new(StringComparer.Ordinal);
    private Dictionary<string, SiteVm>? _siteViews;

    /// <summary>
    /// Makes and renders every page; <paramref name="ready"/> is asked once, before the first template runs, for the
    /// downloads the pages link to (null: stop, the theme or the documents failed). The heads of the pages, in their
    /// listed order: each language's home, charters and site pages, then the pages at the root.
    /// </summary>
    public List<PageSpec> Run(Func<IReadOnlyList<DocumentLink>?> ready)
    {
        // Once the theme or a page's model has an error, no template runs, but every model is still made: its problems
        // are reported with the others.
        var live = true;
        bool Live() => live = live && (_siteViews is not null || Begin(ready));
        List<PageSpec>[] Next(List<PageSpec>[] made) => Live() ? Rendered(made) : Heads(made);
        var charters = new List<List<PageSpec>[]>();
        var shared = inputs is null ? null : CharterMemo.Shared(site, inputs);
        foreach (var slug in site.CharterSlugs)
        {
            var key = shared is null ? null : CharterMemo.Key(inputs!, slug, shared);
            charters.Add(key is not null && cache is not null && Live() ? Kept(slug, key, cache) : Next(Made(f => f.CharterPages(slug))));
            foreach (var factory in factories.Values) factory.Forget(slug);
        }
        var own = Next(Made(f => f.SitePages().Prepend(f.Home())));
        var root = Next([factories[site.Config.DefaultLanguage].RootPages().ToList()])[0];
        // Each language's home first, then its charters in order, then its own pages; the root pages last.
        return [.. Enumerable.Range(0, own.Length).SelectMany(i => own[i].Take(1).Concat(charters.SelectMany(c => c[i])).Concat(own[i].Skip(1))), .. root];
    }

    /// <summary>A charter's pages as the previous build rendered them if nothing they are made of changed (<see cref="CharterMemo"/>), else made and kept.</summary>
    private List<PageSpec>[] Kept(string slug, string key, BuildCache cache)
    {
        if (_memo!.StringsUnchanged && cache.Charters.TryReuse(slug, key, theme, _siteViews!, out var kept))
        {
            foreach (var file in kept.Files.Where(f => _claimed.TryAdd(f.Path, 0))) emit(file);
            foreach (var diagnostic in kept.Diagnostics) diagnostics.Add(diagnostic);
            _memo.Carry(kept.Heads.SelectMany(h => h).Select(h => h.Path));
            foreach (var (language, cards) in kept.Cards) factories[language].KeepCards(slug, cards);
            return kept.Heads;
        }
        var files = new ConcurrentQueue<OutputFile>();
        List<PageSpec>[] heads;
        using (var recording = diagnostics.Record())
        {
            heads = Rendered(Made(f => f.CharterPages(slug)), files.Enqueue);
            // Kept only when every page rendered: a page that failed has its error, and must be made again to give it again.
            if (!recording.Recorded.Any(d => d.Severity == Charter.Core.Diagnostics.Severity.Error))
                cache.Charters.Keep(slug, new CharterMemo.Kept(key, theme, _siteViews!, heads, [.. files], recording.Recorded,
                    factories.ToDictionary(f => f.Key, f => f.Value.Cards(slug), StringComparer.Ordinal)));
        }
        return heads;
    }

    private bool Begin(Func<IReadOnlyList<DocumentLink>?> ready)
    {
        if (ready() is not { } downloads) return false;
        _memo?.UseStrings(strings);
        _siteViews = factories.ToDictionary(kv => kv.Key, kv => kv.Value.SiteView() with { Downloads = Print.Downloads.For(kv.Value.Context, downloads) });
        return true;
    }

    /// <summary>Pages of every language, made in parallel, by language in the site's order.</summary>
    private List<PageSpec>[] Made(Func<PageFactory, IEnumerable<PageSpec>> pages)
    {
        var languages = site.Config.Languages;
        var made = new List<PageSpec>[languages.Length];
        Parallel.For(0, languages.Length, new ParallelOptions { CancellationToken = cancel }, i => made[i] = pages(factories[languages[i]]).ToList());
        return made;
    }

    /// <summary>Runs the templates over the pages, in parallel, and gives back their heads.</summary>
    private List<PageSpec>[] Rendered(List<PageSpec>[] made, Action<OutputFile>? alsoTo = null)
    {
        var all = made.SelectMany(m => m).ToList();
        Parallel.For(0, all.Count, new ParallelOptions { CancellationToken = cancel }, i => Render(all[i], alsoTo));
        return Heads(made);
    }

    /// <summary>The pages' models without their data (the views the templates read), which are let go of.</summary>
    private static List<PageSpec>[] Heads(List<PageSpec>[] made) => [.. made.Select(m => m.Select(spec => spec with { Data = NoData }).ToList())];

    private void Render(PageSpec spec, Action<OutputFile>? alsoTo)
    {
        // Two pages at one address: only the first is written; the build then fails, naming both (SiteBuilder.UniqueAddresses).
        if (!_claimed.TryAdd(spec.Path, 0)) return;
        var siteView = _siteViews![spec.Page.Lang];
        OutputFile? Now() => _renderer.Render(spec, siteView, strings[spec.Page.Lang]);
        if ((_memo is null ? Now() : _memo.Render(theme, spec, siteView, Now)) is not { } file) return;
        emit(file);
        alsoTo?.Invoke(file);
    }
}
