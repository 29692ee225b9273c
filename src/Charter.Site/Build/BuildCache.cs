using Charter.Site.Markdown;

namespace Charter.Site.Build;

/// <summary>
/// What a build hands on to the next build of the same site in the same process (charter serve): the theme with
/// its parsed templates, and the Markdown pipeline. Content, UI strings and assets are read again every time.
/// The theme is kept only when its template files are unchanged (name, size, time) and the build that used it
/// had no errors: a template that failed to parse is remembered as missing, but its diagnostic is not.
/// For one build at a time.
/// </summary>
public sealed class BuildCache
{
    private (string Stamp, Theme.Theme Theme)? _theme;
    private (string Stamp, Theme.Theme Theme)? _candidate;
    private (bool AllowHtml, MarkdownRenderer Renderer)? _markdown;

    /// <summary>How many builds reused the theme (for tests and timing reports).</summary>
    public int ThemeReuses { get; private set; }

    internal Theme.Theme ThemeFor(string sourceDir, string name)
    {
        // Taken before the templates are read: a file changed during this build makes the next one read it again.
        var stamp = $"{Path.GetFullPath(sourceDir)}\n{name}\n{Theme.Theme.TemplatesStamp(sourceDir, name)}";
        if (_theme is { } kept && kept.Stamp == stamp)
        {
            ThemeReuses++;
            _candidate = kept;
            return kept.Theme;
        }
        var theme = new Theme.Theme(sourceDir, name);
        _candidate = (stamp, theme);
        return theme;
    }

    internal MarkdownRenderer MarkdownFor(bool allowHtml)
    {
        if (_markdown is { } kept && kept.AllowHtml == allowHtml) return kept.Renderer;
        var renderer = new MarkdownRenderer(allowHtml);
        _markdown = (allowHtml, renderer);
        return renderer;
    }

    internal void Completed(bool success)
    {
        _theme = success ? _candidate : null;
        _candidate = null;
    }
}
