using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Unicode;

namespace Charter.Site.Index;

/// <summary>One entry of charter.json (contract 4 of DESIGN.md) and of the search document store.</summary>
public sealed record UnitRecord(string Id, string Kind, string? Number, string Title, string Text, string Url);

/// <summary>JSON written the same way everywhere: camelCase-free (names as given), readable Unicode, stable.</summary>
public static class Json
{
    public static readonly JsonSerializerOptions Compact = new()
    {
        Encoder = JavaScriptEncoder.Create(UnicodeRanges.All),
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
    };

    public static readonly JsonSerializerOptions Indented = new(Compact) { WriteIndented = true };

    /// <summary>For JSON-LD inside a script element: readable letters, but &lt; &gt; &amp; still escaped so "&lt;/script" cannot appear.</summary>
    public static readonly JsonSerializerOptions LinkedData = new() { Encoder = JavaScriptEncoder.Create(UnicodeRanges.All) };
}
