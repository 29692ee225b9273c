using System.Collections.Immutable;
using System.Text;

namespace Charter.Site.Render;

/// <summary>The UI strings of one language (themes/…/i18n/{lang}.yml), with '{name}' placeholders.</summary>
public sealed class Strings(string language, ImmutableDictionary<string, string> values, ImmutableDictionary<string, string> fallback)
{
    public string Language { get; } = language;

    /// <summary>The raw table, exposed to templates as 't' (t.search_label).</summary>
    public IReadOnlyDictionary<string, string> Table { get; } = fallback.SetItems(values);

    public string this[string key] => Table.TryGetValue(key, out var v) ? v : key;

    public string Format(string key, params (string Name, string Value)[] values)
    {
        var text = new StringBuilder(this[key]);
        foreach (var (name, value) in values) text.Replace("{" + name + "}", value);
        return text.ToString();
    }

    public string Month(int month) => this[$"month_{month}"];
}
