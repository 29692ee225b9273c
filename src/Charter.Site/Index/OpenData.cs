using System.Buffers;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Unicode;

namespace Charter.Site.Index;

/// <summary>One entry of charter.json (contract 4 of DESIGN.md) and of the search document store.</summary>
public sealed record UnitRecord(string Id, string Kind, string? Number, string Title, string Text, string Url);

/// <summary>
/// The JSON the build writes, written the same way everywhere: names as given, readable Unicode, stable order.
/// Written with Utf8JsonWriter rather than JsonSerializer: the serializer's reflection and code generation cost
/// more at start-up than a small site takes to build.
/// </summary>
public static class Json
{
    // Readable letters of every script; < > & and quotes are still escaped, so "</script" cannot appear in JSON-LD.
    private static readonly JavaScriptEncoder Encoder = JavaScriptEncoder.Create(UnicodeRanges.All);

    private static byte[] Write(bool indented, Action<Utf8JsonWriter> write)
    {
        var buffer = new ArrayBufferWriter<byte>(4096);
        using (var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { Encoder = Encoder, Indented = indented }))
            write(writer);
        return buffer.WrittenSpan.ToArray();
    }

    /// <summary>charter.json of one charter in one language (indented, to be read by people too).</summary>
    public static byte[] OpenData(string language, string title, string citation, string url, IEnumerable<UnitRecord> units) =>
        Write(indented: true, w =>
        {
            w.WriteStartObject();
            w.WriteString("language", language);
            w.WriteString("title", title);
            w.WriteString("citation", citation);
            w.WriteString("url", url);
            w.WriteStartArray("units");
            foreach (var unit in units) Unit(w, unit);
            w.WriteEndArray();
            w.WriteEndObject();
        });

    /// <summary>The search document store: the units in index order (a search result's ref is its position here).</summary>
    public static byte[] DocumentStore(IEnumerable<UnitRecord> units) =>
        Write(indented: false, w =>
        {
            w.WriteStartArray();
            foreach (var unit in units) Unit(w, unit);
            w.WriteEndArray();
        });

    private static void Unit(Utf8JsonWriter w, UnitRecord unit)
    {
        w.WriteStartObject();
        w.WriteString("id", unit.Id);
        w.WriteString("kind", unit.Kind);
        if (unit.Number is null) w.WriteNull("number");
        else w.WriteString("number", unit.Number);
        w.WriteString("title", unit.Title);
        w.WriteString("text", unit.Text);
        w.WriteString("url", unit.Url);
        w.WriteEndObject();
    }

    /// <summary>A JSON-LD object on one line, for a script element in the page head.</summary>
    public static string LinkedData(Action<Utf8JsonWriter> write) => System.Text.Encoding.UTF8.GetString(Write(indented: false, write));
}
