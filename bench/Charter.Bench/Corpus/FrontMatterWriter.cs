using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace Charter.Bench.Corpus;

/// <summary>
/// Writes a content file: YAML front matter, then a Markdown body. Strings are written as JSON strings, which
/// are valid YAML double-quoted scalars, so no text (colons, quotes, « », leading dashes) can change the structure.
/// Both our loader (YamlDotNet) and Hugo (go-yaml) read them.
/// </summary>
public sealed class FrontMatterWriter
{
    private static readonly JsonSerializerOptions Json = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
    private readonly StringBuilder _text = new("---\n");

    public static string Quote(string value) => JsonSerializer.Serialize(value, Json);

    public static string List(IEnumerable<string> values) => "[" + string.Join(", ", values.Select(Quote)) + "]";

    /// <summary>A line as given (already YAML), indented.</summary>
    public FrontMatterWriter Line(string yaml, int indent = 0)
    {
        _text.Append(' ', indent).Append(yaml).Append('\n');
        return this;
    }

    public FrontMatterWriter Field(string key, string? value, int indent = 0) =>
        value is null ? this : Line($"{key}: {Quote(value)}", indent);

    /// <summary>A number, date or other plain scalar, written unquoted as in the real content.</summary>
    public FrontMatterWriter Raw(string key, object? value, int indent = 0) =>
        value is null ? this : Line($"{key}: {value}", indent);

    public FrontMatterWriter Strings(string key, IEnumerable<string> values, int indent = 0)
    {
        var list = values.ToList();
        if (list.Count == 0) return this;
        Line($"{key}:", indent);
        foreach (var v in list) Line($"- {Quote(v)}", indent + 2);
        return this;
    }

    public string Build(string? body)
    {
        _text.Append("---\n");
        if (!string.IsNullOrWhiteSpace(body)) _text.Append(body.Trim()).Append('\n');
        return _text.ToString();
    }
}
