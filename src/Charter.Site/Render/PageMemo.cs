using System.Collections;
using System.Collections.Concurrent;
using System.Reflection;

namespace Charter.Site.Render;

/// <summary>
/// Rendered pages kept from one build to the next (charter serve). A page's HTML is a function of its template,
/// its view model, the site's view model and the UI strings; when the template set is the same object (the theme
/// was kept), the strings are unchanged and the view models are equal value by value, the previous HTML is the
/// HTML, and the template does not run. Comparing models is much cheaper than rendering them, and after a change
/// to one file most pages compare equal. Pages not rendered by a build are forgotten.
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
        _sameStrings = strings.Keys.Where(l => _strings.TryGetValue(l, out var old) && ModelEquality.Same(old.Table, strings[l].Table)).ToHashSet();
        _strings = strings;
    }

    /// <summary>The page's HTML: the previous one if nothing it is made of changed, else <paramref name="render"/>'s.</summary>
    public OutputFile? Render(object theme, PageSpec spec, SiteVm site, Func<OutputFile?> render)
    {
        if (_sameStrings.Contains(spec.Page.Lang) && _previous.TryGetValue(spec.Path, out var kept) && ReferenceEquals(kept.Theme, theme)
            && ModelEquality.Same(kept.Site, site) && ModelEquality.Same(kept.Spec, spec))
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

/// <summary>
/// Value equality for view models: records, anonymous objects, lists and dictionaries compared member by member,
/// down to strings and numbers (a record's own Equals compares its lists by reference, which says nothing here).
/// View models are trees, so the walk ends.
/// </summary>
public static class ModelEquality
{
    private static readonly ConcurrentDictionary<Type, PropertyInfo[]?> Properties = new();

    /// <summary>
    /// The properties to compare, or null to use the type's own Equals: numbers, tuples and anything whose state is
    /// not all in public properties (there, Equals is reference equality at worst, which only costs a render).
    /// </summary>
    private static PropertyInfo[]? Walkable(Type type)
    {
        var isPair = type.IsGenericType && type.GetGenericTypeDefinition() == typeof(KeyValuePair<,>);
        if (type.IsValueType && !isPair) return null;
        if (type.GetFields(BindingFlags.Public | BindingFlags.Instance).Length > 0) return null;
        var properties = type.GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => p.GetIndexParameters().Length == 0).ToArray();
        return properties.Length == 0 ? null : properties;
    }

    public static bool Same(object? a, object? b)
    {
        if (ReferenceEquals(a, b)) return true;
        if (a is null || b is null) return false;
        var type = a.GetType();
        if (type != b.GetType()) return false;
        switch (a)
        {
            case string s: return string.Equals(s, (string)b, StringComparison.Ordinal);
            case IDictionary da:
                var db = (IDictionary)b;
                if (da.Count != db.Count) return false;
                foreach (DictionaryEntry entry in da)
                    if (!db.Contains(entry.Key) || !Same(entry.Value, db[entry.Key])) return false;
                return true;
            case IEnumerable ea:
                var eb = ((IEnumerable)b).GetEnumerator();
                foreach (var item in ea)
                    if (!eb.MoveNext() || !Same(item, eb.Current)) return false;
                return !eb.MoveNext();
        }
        var properties = Properties.GetOrAdd(type, Walkable);
        if (properties is null) return a.Equals(b);
        foreach (var property in properties)
            if (!Same(property.GetValue(a), property.GetValue(b))) return false;
        return true;
    }
}
