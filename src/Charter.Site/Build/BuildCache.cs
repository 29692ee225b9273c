using System.Collections.Concurrent;
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
/// - the Markdown pipeline and every text it rendered, reused while the text and what it links to are unchanged;
/// - each page's HTML, reused while its view model, the site's and the UI strings are unchanged (<see cref="PageMemo"/>);
/// - each language's search index, reused while that language's search documents are unchanged.
/// UI strings and assets are read again every time; page models are built again every time (cheap once the
/// Markdown is kept), which is how a change is found wherever its effects reach (backlinks, navigation, notes).
/// For one build at a time.
/// </summary>
public sealed class BuildCache
{
    /// <summary>Parsed content files, for the load stage.</summary>
    public Charter.Core.Load.LoadCache Content { get; } = new();

    /// <summary>Rendered pages, reused while their view models are unchanged.</summary>
    public PageMemo Pages { get; } = new();

    private readonly ConcurrentDictionary<string, (IReadOnlyList<UnitRecord> Documents, OutputFile Index)> _searchIndexes = new(StringComparer.Ordinal);

    /// <summary>How many search indexes the last build took from the cache.</summary>
    public int SearchIndexReuses { get; private set; }

    /// <summary>The search index of a language: the previous one when the documents are the same, record by record.</summary>
    internal OutputFile SearchIndexFor(string language, IReadOnlyList<UnitRecord> documents, Func<OutputFile> build)
    {
        if (_searchIndexes.TryGetValue(language, out var kept) && kept.Documents.SequenceEqual(documents))
        {
            lock (_searchIndexes) SearchIndexReuses++;
            return kept.Index;
        }
        var index = build();
        _searchIndexes[language] = (documents, index);
        return index;
    }

    private (string Stamp, Theme.Theme Theme)? _theme;
    private (string Stamp, Theme.Theme Theme)? _candidate;
    private (bool AllowHtml, MarkdownRenderer Renderer)? _markdown;

    /// <summary>How many builds reused the theme (for tests and timing reports).</summary>
    public int ThemeReuses { get; private set; }

    internal Theme.Theme ThemeFor(string sourceDir, string name, Charter.Core.Model.Limits limits)
    {
        // Taken before the templates are read: a file changed during this build makes the next one read it again.
        var stamp = $"{Path.GetFullPath(sourceDir)}\n{name}\n{limits}\n{Theme.Theme.TemplatesStamp(sourceDir, name)}";
        if (_theme is { } kept && kept.Stamp == stamp)
        {
            ThemeReuses++;
            _candidate = kept;
            return kept.Theme;
        }
        var theme = new Theme.Theme(sourceDir, name, limits);
        _candidate = (stamp, theme);
        return theme;
    }

    internal MarkdownRenderer MarkdownFor(bool allowHtml)
    {
        if (_markdown is { } kept && kept.AllowHtml == allowHtml) return kept.Renderer;
        var renderer = new MarkdownRenderer(allowHtml, remember: true);
        _markdown = (allowHtml, renderer);
        return renderer;
    }

    /// <summary>Called once a build has started: counters are per build.</summary>
    internal void Starting() => SearchIndexReuses = 0;

    internal void Completed(bool success)
    {
        if (success) _markdown?.Renderer.Sweep();
        _theme = success ? _candidate : null;
        _candidate = null;
    }
}
