using System.Buffers;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Unicode;

namespace Charter.Site.Index;

/// <summary>What charter.json says of the document besides its units: only the facts the content states.</summary>
public sealed record DocumentRecord(Charter.Core.Model.DocumentFacts Facts, string? Place, DateOnly? Updated);

/// <summary>One entry of charter.json (contract 4 of DESIGN.md) and of the search document store.</summary>
public sealed record UnitRecord(string Id, string Kind, string? Number, string Title, string Text, string Url)
{
    /// <summary>The ids of its topics (content/{slug}/topics.yml); written only when it has some.</summary>
    public System.Collections.Immutable.ImmutableArray<string> Topics { get; init; } = [];

    /// <summary>The id of the unit it is in for search's filter (its principle: Resolve.Groups); in the document store only.</summary>
    public string? In { get; init; }

    // By value, topics included (an ImmutableArray compares by reference): the build cache reuses a search index
    // when its documents equal the previous build's.
    public bool Equals(UnitRecord? other) =>
        other is not null && Id == other.Id && Kind == other.Kind && Number == other.Number && Title == other.Title && Text == other.Text
        && Url == other.Url && In == other.In && Topics.SequenceEqual(other.Topics);

    public override int GetHashCode() => HashCode.Combine(Id, Kind, Number, Title, Text, Url, In, Topics.Length);
}

/// <summary>A version as charter.json lists it: its id, date, status, dated address and its own charter.json.</summary>
public sealed record VersionRecord(string Id, string Date, string Status, string Url, string Data, bool Current);

/// <summary>A topic as charter.json lists it: its id, its name in the file's language, and how many of the file's units it has.</summary>
public sealed record TopicRecord(string Id, string Name, int Count);

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
    /// <param name="akn">The charter's Akoma Ntoso XML in this language.</param>
    public static byte[] OpenData(string language, string title, string citation, string url, DocumentRecord record, IEnumerable<UnitRecord> units,
        string? akn = null, IReadOnlyList<TopicRecord>? topics = null, IReadOnlyList<VersionRecord>? versions = null) =>
        Write(indented: true, w =>
        {
            w.WriteStartObject();
            w.WriteString("language", language);
            w.WriteString("title", title);
            w.WriteString("citation", citation);
            w.WriteString("url", url);
            if (akn is not null) w.WriteString("akn", akn);
            var f = record.Facts;
            if (f.Status is { } status) w.WriteString("status", status);
            if (f.Adopted is { } adopted) w.WriteString("adopted", adopted.ToString());
            if (f.AdoptedBy is { } by) w.WriteString("adopted_by", by);
            if (record.Place is { } place) w.WriteString("place", place);
            if (f.Version is { } version) w.WriteString("version", version);
            if (f.Licence is { } licence)
            {
                w.WriteStartObject("licence");
                w.WriteString("id", licence.Id);
                w.WriteString("name", licence.Name);
                w.WriteString("url", licence.Url);
                w.WriteEndObject();
            }
            if (versions is { Count: > 0 })
            {
                w.WriteStartArray("versions");
                foreach (var v in versions)
                {
                    w.WriteStartObject();
                    w.WriteString("id", v.Id);
                    w.WriteString("date", v.Date);
                    w.WriteString("status", v.Status);
                    w.WriteString("url", v.Url);
                    w.WriteString("data", v.Data);
                    if (v.Current) w.WriteBoolean("current", true);
                    w.WriteEndObject();
                }
                w.WriteEndArray();
            }
            if (record.Updated is { } updated) w.WriteString("updated", updated.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
            if (topics is { Count: > 0 })
            {
                w.WriteStartArray("topics");
                foreach (var topic in topics)
                {
                    w.WriteStartObject();
                    w.WriteString("id", topic.Id);
                    w.WriteString("name", topic.Name);
                    w.WriteNumber("count", topic.Count);
                    w.WriteEndObject();
                }
                w.WriteEndArray();
            }
            w.WriteStartArray("units");
            foreach (var unit in units) Unit(w, unit, store: false);
            w.WriteEndArray();
            w.WriteEndObject();
        });

    /// <summary>The search document store: the units in index order (a search result's ref is its position here).</summary>
    public static byte[] DocumentStore(IEnumerable<UnitRecord> units) =>
        Write(indented: false, w =>
        {
            w.WriteStartArray();
            foreach (var unit in units) Unit(w, unit, store: true);
            w.WriteEndArray();
        });

    /// <param name="store">Whether it is for the search document store, which also says what unit it is in.</param>
    private static void Unit(Utf8JsonWriter w, UnitRecord unit, bool store)
    {
        w.WriteStartObject();
        w.WriteString("id", unit.Id);
        w.WriteString("kind", unit.Kind);
        if (unit.Number is null) w.WriteNull("number");
        else w.WriteString("number", unit.Number);
        w.WriteString("title", unit.Title);
        w.WriteString("text", unit.Text);
        w.WriteString("url", unit.Url);
        if (!unit.Topics.IsEmpty)
        {
            w.WriteStartArray("topics");
            foreach (var topic in unit.Topics) w.WriteStringValue(topic);
            w.WriteEndArray();
        }
        if (store && unit.In is { } group) w.WriteString("in", group);
        w.WriteEndObject();
    }

    /// <summary>An indented JSON file of any shape (the CSL-JSON downloads).</summary>
    public static byte[] Indented(Action<Utf8JsonWriter> write) => Write(indented: true, write);

    /// <summary>A JSON-LD object on one line, for a script element in the page head.</summary>
    public static string LinkedData(Action<Utf8JsonWriter> write) => System.Text.Encoding.UTF8.GetString(Write(indented: false, write));
}
