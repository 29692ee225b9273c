using System.Collections.Concurrent;
using Charter.Site.Write;
using Charter.Site.Text;

namespace Charter.Site.Render;

/// <summary>
/// Rendered pages kept from one build to the next (charter serve). A page's HTML is a function of its template,
/// its view model, the site's view model and the UI strings; when the template set is the same object (the theme
/// was kept), the strings are unchanged and the view models are equal value by value, the previous HTML is the
/// HTML, and the template does not run. View models compare by value (records over EquatableList and EquatableMap),
/// which is much cheaper than rendering them, and after a change to one file most pages compare equal. Pages not
/// rendered by a build are forgotten.
/// </summary>
public sealed class PageMemo
{
    private sealed record Kept(object Theme, PageSpec Spec, SiteVm Site, OutputFile Output);

    private ConcurrentDictionary<string, Kept> _previous = new(StringComparer.Ordinal);
    private ConcurrentDictionary<string, Kept> _current = new(StringComparer.Ordinal);

    /// <summary>How many pages the last build took from the memo.</summary>
    public int Reused => _reused;
    private int _reused;

    private IReadOnlyDictionary<string, Strings> _strings = new Dictionary<string, Strings>();
    private HashSet<string> _sameStrings = [];

    /// <summary>Starts a build with these UI strings: what the last build rendered becomes what this one may reuse.</summary>
    public void Begin(IReadOnlyDictionary<string, Strings> strings)
    {
        if (!_current.IsEmpty) _previous = _current;
        _current = new(StringComparer.Ordinal);
        _reused = 0;
        _sameStrings = strings.Keys.Where(l => _strings.TryGetValue(l, out var old) && SameTable(old.Table, strings[l].Table)).ToHashSet();
        _strings = strings;
    }

    private static bool SameTable(IReadOnlyDictionary<string, string> a, IReadOnlyDictionary<string, string> b) =>
        a.Count == b.Count && a.All(kv => b.TryGetValue(kv.Key, out var v) && string.Equals(v, kv.Value, StringComparison.Ordinal));

    /// <summary>The page's HTML: the previous one if nothing it is made of changed, else <paramref name="render"/>'s.</summary>
    public OutputFile? Render(object theme, PageSpec spec, SiteVm site, Func<OutputFile?> render)
    {
        if (_sameStrings.Contains(spec.Page.Lang) && _previous.TryGetValue(spec.Path, out var kept) && ReferenceEquals(kept.Theme, theme)
            && kept.Site.Equals(site) && kept.Spec.Equals(spec))
        {
            Interlocked.Increment(ref _reused);
            _current[spec.Path] = kept;
            return kept.Output;
        }
        var output = render();
        if (output is not null) _current[spec.Path] = new Kept(theme, spec, site, output);
        return output;
    }
}
