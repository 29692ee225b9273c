using Charter.Core.Diagnostics;
using Charter.Core.Resolve;
using Charter.Site.Cite;
using Charter.Site.Index;
using Charter.Site.Markdown;
using Charter.Site.Render;
using Charter.Site.Write;
using Charter.Site.Text;

namespace Charter.Site.Build;

/// <summary>What an output of the build is made from: the resolved site, each language's strings and records, the page models.</summary>
public sealed record OutputContext(
    ResolvedSite Site, IReadOnlyDictionary<string, Strings> Strings, MarkdownRenderer Markdown,
    IReadOnlyDictionary<string, Records> Records, BuildCache? Cache, DiagnosticBag Diagnostics, CancellationToken Cancel)
{
    public string Absolute(string path) => Site.Config.BaseUrl + path;

    /// <summary>Every page's model: given only to the outputs made from the pages (<see cref="IOutput.FromPages"/>), once they are all made.</summary>
    public IReadOnlyList<PageSpec> Pages { get; init; } = [];

    /// <summary>For the print edition (PDF): null when the build makes none.</summary>
    public Print.PrintTools? Print { get; init; }
}

/// <summary>
/// Where an output puts its files: <see cref="File"/> for files made now; <see cref="Data"/> for data files, which
/// serve makes only when first asked for (they take longest and an edit never waits for them).
/// </summary>
public sealed record OutputSink(Action<OutputFile> File, Action<DeferredFile>? Defer, Action<DeferredFolder>? DeferFolder = null)
{
    public void Data(string path, Func<byte[]> make)
    {
        if (Defer is null) File(new OutputFile(path, make()));
        else Defer(new DeferredFile(path, make));
    }

    /// <summary>A folder of data files: made now, file by file in the order of its keys, unless serve defers it whole.</summary>
    public void Data(DeferredFolder folder)
    {
        if (DeferFolder is null)
            foreach (var key in folder.Keys)
                foreach (var extension in folder.Extensions)
                    File(new OutputFile(folder.Folder + key + extension, folder.Make(key, extension)));
        else DeferFolder(folder);
    }
}

/// <summary>One kind of file the build makes. A new export is one more entry of <see cref="Outputs.Data"/>.</summary>
public interface IOutput
{
    string Name { get; }

    /// <summary>
    /// Made from the page models (the sitemap) rather than from the site: such an output is made once every page's model
    /// is, and the others on another core while the page models are being made.
    /// </summary>
    bool FromPages => false;

    void Make(OutputContext context, OutputSink sink);
}

/// <summary>A file pages link to with its size (the PDF of a charter in a language); the size is null when it is made only when asked for.</summary>
public sealed record DocumentLink(string Kind, string Type, string Lang, string Slug, string Path, long? Bytes);

/// <summary>A kind of file the pages link to, saying how large it is: made before the pages, which is why it is apart from <see cref="IOutput"/>.</summary>
public interface IDocumentOutput
{
    string Name { get; }
    IReadOnlyList<DocumentLink> Make(OutputContext context, OutputSink sink);
}

/// <summary>The outputs of a build besides the pages (which <see cref="SiteBuilder"/> renders with the theme), in one registry.</summary>
public static class Outputs
{
    public static readonly IReadOnlyList<IOutput> Data =
        [new OpenDataOutput(), new SearchOutput(), new OpenSearchOutput(), new SitemapOutput(), new RobotsOutput(), new AknOutput(), new CiteOutput()];

    /// <summary>The downloads the pages link to with their size, made before the pages.</summary>
    public static readonly IReadOnlyList<IDocumentOutput> Documents = [new Print.PdfOutput()];
}

/// <summary>charter.json of every charter, per language (and of the main charter at {lang}/charter.json).</summary>
internal sealed class OpenDataOutput : IOutput
{
    public string Name => "charter.json";

    public void Make(OutputContext c, OutputSink sink)
    {
        foreach (var language in c.Site.Config.Languages)
            foreach (var (path, make) in SiteIndexer.OpenData(c.Site, language, c.Records[language])) sink.Data(path, make);
    }
}

/// <summary>The search document store and lunr index of each language.</summary>
internal sealed class SearchOutput : IOutput
{
    public string Name => "search";

    public void Make(OutputContext c, OutputSink sink) => Parallel.ForEach(c.Site.Config.Languages, language =>
    {
        var documents = new Lazy<IReadOnlyList<UnitRecord>>(() => SiteIndexer.SearchDocuments(c.Site, language, c.Records[language]));
        var search = c.Strings[language].Language.Search;
        sink.Data(SiteIndexer.DocumentStorePath(language), () => Json.DocumentStore(documents.Value));
        sink.Data(SearchIndex.PathFor(language), () => (c.Cache is null
            ? SearchIndex.Build(language, search, documents.Value)
            : c.Cache.SearchIndexFor(language, documents.Value, () => SearchIndex.Build(language, search, documents.Value))).Content);
        // Each dated version of a charter with versions has a search of its own (the site's covers the current text).
        foreach (var dated in c.Site.CharterSlugs.SelectMany(slug => c.Site.DatedEditions(slug, language)))
        {
            var own = new Lazy<IReadOnlyList<UnitRecord>>(() => SiteIndexer.SearchDocuments(dated, c.Records[language]));
            var at = SiteIndexer.VersionSearchPath(dated);
            sink.Data(at + "documents.json", () => Json.DocumentStore(own.Value));
            sink.Data(at + "index.json", () => SearchIndex.Build(language, search, own.Value).Content);
        }
    });
}

internal sealed class OpenSearchOutput : IOutput
{
    public string Name => "opensearch";

    public void Make(OutputContext c, OutputSink sink)
    {
        foreach (var language in c.Site.Config.Languages)
            sink.File(SiteIndexer.OpenSearch(language, c.Site.Config.TitleIn(language), c.Absolute(Permalinks.Search(language)), c.Absolute("assets/icon.svg")));
    }
}

internal sealed class SitemapOutput : IOutput
{
    public string Name => "sitemap";

    public bool FromPages => true;

    // A data file: serve makes it when it is asked for (at 100 charters, 3,000 pages with their alternates at every rebuild).
    public void Make(OutputContext c, OutputSink sink) => sink.Data(SiteIndexer.SitemapPath, () => SiteIndexer.Sitemap(c.Pages.Select(p => p.Page)
        .Where(p => !p.Noindex)
        .Select(p => new SiteIndexer.SitemapEntry(p.Path, p.Canonical, p.Alternates.Select(a => (a.Tag, a.AbsoluteUrl)).ToList(), p.XDefault))).Content);
}

/// <summary>The Akoma Ntoso 3.0 XML of every charter, per language (Export/AknExport).</summary>
internal sealed class AknOutput : IOutput
{
    public string Name => "akn";

    public void Make(OutputContext c, OutputSink sink)
    {
        var context = new Export.AknExport.Context(c.Site, c.Strings, c.Markdown);
        // The editions in parallel: each document is written from its edition alone.
        var editions = c.Site.Editions.OrderBy(e => e.Key.Slug, StringComparer.Ordinal).ThenBy(e => e.Key.Language, StringComparer.Ordinal);
        Parallel.ForEach(editions, entry =>
        {
            var ((slug, language), edition) = entry;
            sink.Data(Export.AknExport.PathFor(language, slug), () => Export.AknExport.Write(context, edition));
            // A charter with versions: each version's text as a dated expression of its own.
            foreach (var dated in c.Site.DatedEditions(slug, language))
                sink.Data(Export.AknExport.PathFor(dated), () => Export.AknExport.Write(context, dated));
        });
    }
}

internal sealed class RobotsOutput : IOutput
{
    public string Name => "robots";

    public void Make(OutputContext c, OutputSink sink) => sink.File(SiteIndexer.Robots(c.Site.Config.BaseUrl + SiteIndexer.SitemapPath));
}

/// <summary>The citation downloads (BibTeX, RIS, CSL-JSON) of every charter and of each of its citable units, per language.</summary>
internal sealed class CiteOutput : IOutput
{
    public string Name => "cite";

    private static readonly IReadOnlyList<string> Extensions = [.. CitationFiles.Formats.Select(f => f.Extension)];

    // The languages in parallel: the most files of any output (three per citable unit and language).
    public void Make(OutputContext c, OutputSink sink) => Parallel.ForEach(c.Site.Config.Languages, language =>
        {
            var items = new CitationItems(c.Site, c.Strings, language);
            foreach (var slug in c.Site.CharterSlugs)
            {
                if (!c.Site.Editions.TryGetValue((slug, language), out var current)) continue;
                // A charter with versions: each version's citations too, under its dated home.
                foreach (var e in c.Site.DatedEditions(slug, language).Prepend(current)) sink.Data(Folder(e, items));
            }
        });

    // An edition's keys and what each names, kept with it: serve reuses a charter's editions, the same objects, while its
    // inputs are unchanged, and listing 300 editions' passages again was 3 % of a one-file rebuild at 100 charters.
    private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<ResolvedEdition, CiteKeys> KeysOf = new();

    /// <param name="List">The keys in the order their files are written: the charter's slug, then each citable passage's id.</param>
    /// <param name="Named">What each key names: the charter (null) or a passage's unit; a passage whose id is the slug wins, as its files come last.</param>
    private sealed record CiteKeys(List<string> List, Dictionary<string, ResolvedUnit?> Named, HashSet<string> Set);

    private static CiteKeys Keys(ResolvedEdition e)
    {
        var keys = new List<string>(e.Passages.Length + 1) { e.Slug };
        var named = new Dictionary<string, ResolvedUnit?>(StringComparer.Ordinal) { [e.Slug] = null };
        foreach (var p in e.Passages)
            if (p.Citable)
            {
                keys.Add(p.Id);
                named[p.Id] = p.Unit;
            }
        return new(keys, named, new HashSet<string>(named.Keys, StringComparer.Ordinal));
    }

    /// <summary>
    /// An edition's citation files, one folder of them: the charter's under its slug, then each citable passage's under its
    /// id. A folder, not a file each, so that serve holds one entry per edition rather than 300 (100,000 at 100 charters,
    /// at every rebuild) and makes a file when it is first asked for.
    /// </summary>
    private static DeferredFolder Folder(ResolvedEdition e, CitationItems items)
    {
        var name = CitationFiles.EntryName(e);
        var keys = KeysOf.GetValue(e, Keys);
        // Each item made once for its three files, whoever asks first.
        var made = new System.Collections.Concurrent.ConcurrentDictionary<string, Lazy<CitationItem>>(StringComparer.Ordinal);
        CitationItem Item(string key) => made.GetOrAdd(key, k => new Lazy<CitationItem>(() =>
            keys.Named[k] is { } unit ? items.Unit(e, unit) : items.Charter(e))).Value;
        return new DeferredFolder(CitationFiles.FolderFor(e), keys.List, Extensions,
            (key, extension) => CitationFiles.Formats.First(f => f.Extension == extension).Write(Item(key), name), keys.Set);
    }
}
