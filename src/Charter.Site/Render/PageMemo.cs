using Charter.Core.Caching;
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
public sealed class PageMemo : IBuildMemory
{
    private sealed record Kept(object Theme, PageSpec Spec, SiteVm Site, OutputFile Output);

    private readonly Kept<string, Kept> _pages = new(StringComparer.Ordinal);

    /// <summary>How many pages the last build took from the memo.</summary>
    public int Reused => _pages.Reused;

    private IReadOnlyDictionary<string, Strings> _strings = new Dictionary<string, Strings>();
    private HashSet<string> _sameStrings = [];

    public void Begin() => _pages.Begin();

    public void End(bool success) => _pages.End(success);

    /// <summary>The UI strings of this build: a language whose strings changed renders all its pages again.</summary>
    public void UseStrings(IReadOnlyDictionary<string, Strings> strings)
    {
        _sameStrings = strings.Keys.Where(l => _strings.TryGetValue(l, out var old) && SameTable(old.Table, strings[l].Table)).ToHashSet();
        _strings = strings;
    }

    /// <summary>Whether no language's UI strings changed since the previous build.</summary>
    public bool StringsUnchanged => _sameStrings.Count == _strings.Count;

    /// <summary>Keeps the pages at these paths for the next build although this one did not ask for them (a kept charter's, <see cref="Build.CharterMemo"/>).</summary>
    public void Carry(IEnumerable<string> paths)
    {
        foreach (var path in paths) _pages.TryReuse(path, _ => true, out _);
    }

    private static bool SameTable(IReadOnlyDictionary<string, string> a, IReadOnlyDictionary<string, string> b) =>
        a.Count == b.Count && a.All(kv => b.TryGetValue(kv.Key, out var v) && string.Equals(v, kv.Value, StringComparison.Ordinal));

    /// <summary>The page's HTML: the previous one if nothing it is made of changed, else <paramref name="render"/>'s.</summary>
    public OutputFile? Render(object theme, PageSpec spec, SiteVm site, Func<OutputFile?> render)
    {
        if (_sameStrings.Contains(spec.Page.Lang)
            && _pages.TryReuse(spec.Path, k => ReferenceEquals(k.Theme, theme) && k.Site.Equals(site) && k.Spec.Equals(spec), out var kept))
            return kept.Output;
        var output = render();
        if (output is not null) _pages.Keep(spec.Path, new Kept(theme, spec, site, output));
        return output;
    }
}
