using Charter.Core.Caching;
using Charter.Site.Index;
using Charter.Site.Markdown;
using Charter.Site.Render;
using Charter.Site.Write;

namespace Charter.Site.Build;

/// <summary>
/// What a build hands on to the next build of the same site in the same process (charter serve), so that a change
/// redoes only what it touches:
/// - the theme with its parsed templates, kept while its template files are unchanged (name, size, time) and the
///   build that used it had no errors (a template that failed to parse is remembered, its diagnostic is not);
/// - the content files as parsed, each reused while its bytes are unchanged (<see cref="LoadCache"/>);
/// - each charter as validated, and as placed and checked by Resolve, while its files and the site's are unchanged (<see cref="CharterMemory{T}"/>);
/// - the Markdown pipeline and every text it rendered, reused while the text and what it links to are unchanged;
/// - each charter's pages whole, while the files it is made of are unchanged (<see cref="CharterMemo"/>), and else
///   each page's HTML, reused while its view model, the site's and the UI strings are unchanged (<see cref="PageMemo"/>);
/// - each language's search index, reused while that language's search documents are unchanged.
/// UI strings and assets are read again every time; the page models of the site's own pages and of the charters whose
/// files changed are built again (cheap once the Markdown is kept), which is how a change is found wherever its effects
/// reach (backlinks, navigation, notes).
/// Every memory has the same lifecycle (<see cref="IBuildMemory"/>), begun and ended here. For one build at a time.
/// </summary>
public sealed class BuildCache
{
    /// <summary>Parsed content files, for the load stage.</summary>
    public Charter.Core.Load.LoadCache Content { get; } = new();

    /// <summary>The digests the last build took of the site's files (SiteInputs), whose unchanged files the next one does not read again.</summary>
    internal SiteInputs? Inputs { get; set; }

    /// <summary>Each charter's validation (its diagnostics), reused while its files and the site's are unchanged.</summary>
    public CharterMemory<bool> Validated { get; } = new();

    /// <summary>Each charter as Resolve placed and checked it, reused while its files and the site's are unchanged.</summary>
    public CharterMemory<Charter.Core.Resolve.PlacedCharter> Placed { get; } = new();

    /// <summary>Rendered pages, reused while their view models are unchanged.</summary>
    public PageMemo Pages { get; } = new();

    /// <summary>Whole charters' rendered pages, reused while nothing they are made of changed.</summary>
    public CharterMemo Charters { get; } = new();

    private readonly Kept<string, (IReadOnlyList<UnitRecord> Documents, OutputFile Index)> _searchIndexes = new(StringComparer.Ordinal);
    private readonly ThemeMemory _theme = new();
    private (bool AllowHtml, MarkdownRenderer Renderer)? _markdown;

    /// <summary>Every memory, begun and ended together: one lifecycle (<see cref="IBuildMemory"/>).</summary>
    private IEnumerable<IBuildMemory> Memories =>
        new IBuildMemory?[] { Content, Validated, Placed, Pages, Charters, _searchIndexes, _theme, _markdown?.Renderer }.OfType<IBuildMemory>();

    /// <summary>How many search indexes the last build took from the cache.</summary>
    public int SearchIndexReuses => _searchIndexes.Reused;

    /// <summary>How many builds reused the theme (for tests and timing reports).</summary>
    public int ThemeReuses => _theme.Reuses;

    /// <summary>The search index of a language: the previous one when the documents are the same, record by record.</summary>
    internal OutputFile SearchIndexFor(string language, IReadOnlyList<UnitRecord> documents, Func<OutputFile> build)
    {
        if (_searchIndexes.TryReuse(language, kept => kept.Documents.SequenceEqual(documents), out var kept)) return kept.Index;
        var index = build();
        _searchIndexes.Keep(language, (documents, index));
        return index;
    }

    internal Theme.Theme ThemeFor(string sourceDir, string name, Charter.Core.Model.Limits limits) => _theme.For(sourceDir, name, limits);

    internal MarkdownRenderer MarkdownFor(bool allowHtml)
    {
        if (_markdown is { } kept && kept.AllowHtml == allowHtml) return kept.Renderer;
        var renderer = new MarkdownRenderer(allowHtml, remember: true);
        _markdown = (allowHtml, renderer);
        return renderer;
    }

    /// <summary>Called before a build reads anything.</summary>
    internal void Starting()
    {
        foreach (var memory in Memories) memory.Begin();
    }

    /// <summary>Called once a build is over, good or not.</summary>
    internal void Completed(bool success)
    {
        foreach (var memory in Memories) memory.End(success);
    }

    /// <summary>
    /// The theme with its parsed templates, kept while its template files are unchanged (name, size, time) and the
    /// build that used it had no errors (a template that failed to parse is remembered, its diagnostic is not).
    /// </summary>
    private sealed class ThemeMemory : IBuildMemory
    {
        private (string Stamp, Theme.Theme Theme)? _kept;
        private (string Stamp, Theme.Theme Theme)? _candidate;

        public int Reuses { get; private set; }

        public Theme.Theme For(string sourceDir, string name, Charter.Core.Model.Limits limits)
        {
            // Taken before the templates are read: a file changed during this build makes the next one read it again.
            var stamp = $"{Path.GetFullPath(sourceDir)}\n{name}\n{limits}\n{Theme.Theme.TemplatesStamp(sourceDir, name)}";
            if (_kept is { } kept && kept.Stamp == stamp)
            {
                Reuses++;
                _candidate = kept;
                return kept.Theme;
            }
            var theme = new Theme.Theme(sourceDir, name, limits);
            _candidate = (stamp, theme);
            return theme;
        }

        public void Begin() => _candidate = null;

        // Unlike the others, a failed build drops the theme: its problems are reported once per parse, and must be again.
        public void End(bool success)
        {
            _kept = success ? _candidate : null;
            _candidate = null;
        }
    }
}
