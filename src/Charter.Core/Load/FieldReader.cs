using System.Collections.Immutable;
using System.Globalization;
using Charter.Core.Diagnostics;
using Charter.Core.Model;
using YamlDotNet.RepresentationModel;

namespace Charter.Core.Load;

/// <summary>
/// Typed, diagnosed access to a YAML mapping. Each getter reports a missing required field or a value of
/// the wrong shape at its line, and remembers the keys it was asked for so that <see cref="ReportUnknown"/>
/// can warn about the others (with a "did you mean").
/// </summary>
public sealed class FieldReader
{
    private readonly YamlMappingNode _map;
    private readonly int _yamlOffset;
    private readonly DiagnosticBag _diagnostics;
    private readonly Limits _limits;
    private readonly HashSet<string> _asked = new(StringComparer.Ordinal);

    public FieldReader(YamlMappingNode map, SourceFile file, int yamlOffset, Limits limits, DiagnosticBag diagnostics)
    {
        _map = map;
        File = file;
        _yamlOffset = yamlOffset;
        _limits = limits;
        _diagnostics = diagnostics;
    }

    public SourceFile File { get; }
    public SourceLocation Location => At(_map);
    public SourceLocation At(YamlNode node) => File.LocationOf(_yamlOffset + (int)node.Start.Index);

    private YamlNode? Get(string key, bool required)
    {
        _asked.Add(key);
        if (_map.Children.TryGetValue(new YamlScalarNode(key), out var node))
        {
            if (node is YamlScalarNode { Value: null or "" } && required) { Missing(key, node); return null; }
            return node;
        }
        if (required) Missing(key, _map);
        return null;
    }

    private void Missing(string key, YamlNode near) =>
        _diagnostics.Error(Codes.MissingField, At(near), $"missing required field '{key}'",
            $"add '{key}:' to the front matter");

    private void Invalid(YamlNode node, string message, string hint) =>
        _diagnostics.Error(Codes.InvalidValue, At(node), message, hint);

    /// <summary>Where a field's value is, for problems found after it was read; null when the field is absent.</summary>
    public SourceLocation? LocationOf(string key) =>
        _map.Children.TryGetValue(new YamlScalarNode(key), out var node) ? At(node) : null;

    public bool Has(string key) => _map.Children.ContainsKey(new YamlScalarNode(key));

    public string? String(string key, bool required = false)
    {
        var node = Get(key, required);
        if (node is null) return null;
        if (node is YamlScalarNode s) return string.IsNullOrWhiteSpace(s.Value) ? null : s.Value!.Trim();
        Invalid(node, $"'{key}' must be a single value", $"write '{key}: text' on one line or as a block");
        return null;
    }

    public int? Int(string key, bool required = false)
    {
        var node = Get(key, required);
        if (node is null) return null;
        if (node is YamlScalarNode s && int.TryParse(s.Value, NumberStyles.None, CultureInfo.InvariantCulture, out var n)) return n;
        Invalid(node, $"'{key}' must be a whole number", $"write for example '{key}: 2'");
        return null;
    }

    public bool? Bool(string key)
    {
        var node = Get(key, false);
        if (node is null) return null;
        if (node is YamlScalarNode s && bool.TryParse(s.Value, out var b)) return b;
        Invalid(node, $"'{key}' must be true or false", $"write '{key}: true' or '{key}: false'");
        return null;
    }

    public MarkdownText? Markdown(string key, bool required = false)
    {
        var node = Get(key, required);
        if (node is null) return null;
        if (node is YamlScalarNode s)
            return string.IsNullOrWhiteSpace(s.Value) ? null : Checked(new MarkdownText(s.Value!.Trim(), File, _yamlOffset + (int)s.Start.Index));
        Invalid(node, $"'{key}' must be text", $"write '{key}: >-' and the text indented below");
        return null;
    }

    public ImmutableArray<string> StringList(string key, bool required = false)
    {
        var node = Get(key, required);
        if (node is null) return [];
        if (node is YamlSequenceNode seq)
        {
            var items = ImmutableArray.CreateBuilder<string>();
            foreach (var item in seq)
            {
                if (item is YamlScalarNode { Value: { } v } && !string.IsNullOrWhiteSpace(v)) items.Add(v.Trim());
                else Invalid(item, $"each entry of '{key}' must be a single value", "write '- value' on its own line");
            }
            return items.ToImmutable();
        }
        Invalid(node, $"'{key}' must be a list", $"write each entry on its own line as '- value' under '{key}:'");
        return [];
    }

    /// <summary>A list of mappings (priorities, premises, …), each read with its own <see cref="FieldReader"/>.</summary>
    public IReadOnlyList<FieldReader> List(string key, bool required = false)
    {
        var node = Get(key, required);
        if (node is null) return [];
        if (node is YamlSequenceNode seq)
        {
            var items = new List<FieldReader>();
            foreach (var item in seq)
            {
                if (item is YamlMappingNode m) items.Add(new FieldReader(m, File, _yamlOffset, _limits, _diagnostics));
                else Invalid(item, $"each entry of '{key}' must have fields", "write '- text: …' for each entry");
            }
            return items;
        }
        Invalid(node, $"'{key}' must be a list", $"write each entry as '- text: …' under '{key}:'");
        return [];
    }

    /// <summary>A nested mapping (charter.yml's 'limits:'), read with its own <see cref="FieldReader"/>.</summary>
    public FieldReader? Mapping(string key)
    {
        var node = Get(key, false);
        if (node is null) return null;
        if (node is YamlMappingNode m) return new FieldReader(m, File, _yamlOffset, _limits, _diagnostics);
        Invalid(node, $"'{key}' must be a set of 'name: value' lines", "indent 'name: value' under the field");
        return null;
    }

    /// <summary>The keys of this mapping, in the order written.</summary>
    public IReadOnlyList<string> Names() =>
        _map.Children.Keys.OfType<YamlScalarNode>().Select(k => k.Value ?? "").Where(k => k.Length > 0).ToList();

    /// <summary>Where a key of this mapping is written (for problems about the key itself).</summary>
    public SourceLocation? KeyLocation(string key) =>
        _map.Children.Keys.OfType<YamlScalarNode>().FirstOrDefault(k => k.Value == key) is { } node ? At(node) : null;

    /// <summary>A text given once or per language: 'x' or '{ fr: x, en: y }'. One text is stored under "*".</summary>
    public LocalizedText Localized(string key)
    {
        var node = Get(key, false);
        switch (node)
        {
            case null: return LocalizedText.Empty;
            case YamlScalarNode { Value: { } one } when one.Trim().Length > 0:
                return new LocalizedText(ImmutableDictionary<string, string>.Empty.Add("*", one.Trim()));
            case YamlMappingNode m:
                var texts = ImmutableDictionary.CreateBuilder<string, string>(StringComparer.Ordinal);
                foreach (var (k, v) in m.Children)
                {
                    if (k is YamlScalarNode { Value: { } language } && v is YamlScalarNode { Value: { } text }) texts[language] = text.Trim();
                    else Invalid(v, $"each entry of '{key}' must be 'language: text'", "write for example 'fr: Principe {number}'");
                }
                return new LocalizedText(texts.ToImmutable());
        }
        Invalid(node, $"'{key}' must be a text, or a text per language", $"write '{key}: text' or '{key}: {{ fr: …, en: … }}'");
        return LocalizedText.Empty;
    }

    /// <summary>A pair of texts per language ('{ fr: [principe, principes] }'): the singular and the plural.</summary>
    public (LocalizedText First, LocalizedText Second) LocalizedPair(string key)
    {
        var node = Get(key, false);
        if (node is null) return (LocalizedText.Empty, LocalizedText.Empty);
        var first = ImmutableDictionary.CreateBuilder<string, string>(StringComparer.Ordinal);
        var second = ImmutableDictionary.CreateBuilder<string, string>(StringComparer.Ordinal);
        if (node is YamlMappingNode m)
            foreach (var (k, v) in m.Children)
            {
                if (k is YamlScalarNode { Value: { } language } && v is YamlSequenceNode { Children.Count: 2 } pair
                    && pair[0] is YamlScalarNode { Value: { } one } && pair[1] is YamlScalarNode { Value: { } other })
                {
                    first[language] = one.Trim();
                    second[language] = other.Trim();
                }
                else Invalid(v, $"each entry of '{key}' must be 'language: [singular, plural]'", "write for example 'fr: [principe, principes]'");
            }
        else Invalid(node, $"'{key}' must give each language its singular and plural", $"write '{key}: {{ fr: [principe, principes], en: [principle, principles] }}'");
        return (new LocalizedText(first.ToImmutable()), new LocalizedText(second.ToImmutable()));
    }

    /// <summary>A mapping of labels to Markdown texts (footnotes).</summary>
    public ImmutableDictionary<string, MarkdownText> MarkdownMap(string key)
    {
        var node = Get(key, false);
        if (node is null) return ImmutableDictionary<string, MarkdownText>.Empty;
        if (node is YamlMappingNode m)
        {
            var result = ImmutableDictionary.CreateBuilder<string, MarkdownText>(StringComparer.Ordinal);
            foreach (var (k, v) in m.Children)
            {
                if (k is YamlScalarNode { Value: { } label } && v is YamlScalarNode { Value: { } text })
                    result[label] = Checked(new MarkdownText(text.Trim(), File, _yamlOffset + (int)v.Start.Index));
                else Invalid(v, $"each entry of '{key}' must be 'label: text'", "write 'label: text'");
            }
            return result.ToImmutable();
        }
        Invalid(node, $"'{key}' must be a set of 'label: text' lines", "indent 'label: text' under the field");
        return ImmutableDictionary<string, MarkdownText>.Empty;
    }

    /// <summary>A Markdown text, or an empty one with a diagnostic when it is nested too deep to render safely.</summary>
    private MarkdownText Checked(MarkdownText text) => MarkdownGuard.Check(text, _limits, _diagnostics);

    /// <summary>Warns about every key that no getter asked for.</summary>
    public void ReportUnknown()
    {
        foreach (var (k, _) in _map.Children)
        {
            if (k is not YamlScalarNode { Value: { } name } || _asked.Contains(name)) continue;
            var suggestion = Suggest(name, _asked);
            _diagnostics.Warning(Codes.UnknownField, At(k), $"unknown field '{name}'",
                suggestion is null ? "remove it, or check content/README.md for the fields of this file"
                                   : $"did you mean '{suggestion}'?");
        }
    }

    private static string? Suggest(string name, IEnumerable<string> known) => known
        .Select(k => (k, d: Levenshtein(name, k)))
        .Where(x => x.d <= Math.Max(2, x.k.Length / 3))
        .OrderBy(x => x.d).ThenBy(x => x.k, StringComparer.Ordinal)
        .Select(x => x.k).FirstOrDefault();

    private static int Levenshtein(string a, string b)
    {
        var row = new int[b.Length + 1];
        for (int j = 0; j <= b.Length; j++) row[j] = j;
        for (int i = 1; i <= a.Length; i++)
        {
            int previous = row[0];
            row[0] = i;
            for (int j = 1; j <= b.Length; j++)
            {
                int current = row[j];
                row[j] = Math.Min(Math.Min(row[j] + 1, row[j - 1] + 1), previous + (a[i - 1] == b[j - 1] ? 0 : 1));
                previous = current;
            }
        }
        return row[b.Length];
    }
}
