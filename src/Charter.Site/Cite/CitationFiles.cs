using System.Globalization;
using System.Text;
using Charter.Core.Model;

namespace Charter.Site.Cite;

/// <summary>
/// The downloads of a citation: BibTeX, RIS and CSL-JSON, one item each, written from the same <see cref="CitationItem"/>
/// as the ready texts. A reference manager imports any of them. They are static files, so their access date
/// (urldate, Y2, accessed) is the date the content last changed, not the reader's today.
/// </summary>
public static class CitationFiles
{
    /// <summary>The formats, with the extension of their files and the name a reader knows them by.</summary>
    public static readonly IReadOnlyList<(string Extension, string Name, Func<CitationItem, string, byte[]> Write)> Formats =
        [(".bib", "BibTeX", BibTeX), (".ris", "RIS", Ris), (".json", "CSL-JSON", CslJson)];

    /// <summary>A citation's files: {lang}/{slug}/cite/{key}{extension}.</summary>
    public static string PathFor(string language, string slug, string key, string extension) => $"{language}/{slug}/cite/{key}{extension}";

    /// <summary>The same for an edition: a dated version's are under its dated home ({lang}/{slug}/{id}/cite/{key}{extension}).</summary>
    public static string PathFor(Charter.Core.Resolve.ResolvedEdition e, string key, string extension) => FolderFor(e) + key + extension;

    /// <summary>The folder of an edition's citation files, with its trailing slash.</summary>
    public static string FolderFor(Charter.Core.Resolve.ResolvedEdition e) =>
        e.Version is { Dated: true } ? $"{e.Home}cite/" : $"{e.Language}/{e.Slug}/cite/";

    /// <summary>The name entries are keyed by: the charter's slug, with a dated version's id ("parc-2021-06").</summary>
    public static string EntryName(Charter.Core.Resolve.ResolvedEdition e) => e.Version is { Dated: true } v ? $"{e.Slug}-{v.Value.Id}" : e.Slug;

    private static string Iso(DateOnly d) => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>The entry's key: the charter and language ("lampedusa-fr"), with the unit's id between for a unit ("lampedusa-p2-3-fr").</summary>
    private static string Id(CitationItem item, string slug) => item.Part is null ? $"{slug}-{item.Language}" : $"{slug}-{item.Key}-{item.Language}";

    /// <summary>
    /// A biblatex-friendly @misc entry. The author is in double braces, a corporate name that BibTeX must not split
    /// into given and family names; text is UTF-8 (biber and bibtex8 read it; plain BibTeX needs inputenc), with
    /// BibTeX's special characters escaped.
    /// </summary>
    public static byte[] BibTeX(CitationItem item, string slug)
    {
        var b = new StringBuilder();
        b.Append("% Encoding: UTF-8\n");
        b.Append("@misc{").Append(Id(item, slug)).Append(",\n");
        void Field(string name, string? value, bool verbatim = false)
        {
            if (string.IsNullOrEmpty(value)) return;
            b.Append("  ").Append(name).Append(" = {").Append(verbatim ? value : Escape(value)).Append("},\n");
        }
        b.Append("  author = {{").Append(Escape(item.Author)).Append("}},\n");
        Field("title", item.PartTitle ?? item.Title);
        Field("booktitle", item.Part is null ? null : item.Title);
        Field("organization", item.Author);
        Field("publisher", item.Author);
        if (item.Issued is { } issued)
        {
            // Classic BibTeX reads year and month (a macro: oct), biblatex the date to its precision.
            Field("year", issued.Year.ToString(CultureInfo.InvariantCulture));
            if (issued.Month is { } month) b.Append("  month = ").Append(Months[month - 1]).Append(",\n");
            Field("date", issued.ToString());
        }
        Field("url", item.Url, verbatim: true);
        if (item.Accessed is { } accessed) Field("urldate", Iso(accessed));
        Field("language", item.Language);
        Field("version", item.Facts.Version);
        Field("note", item.Note);
        b.Append("}\n");
        return Encoding.UTF8.GetBytes(b.ToString());
    }

    private static readonly string[] Months = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"];

    /// <summary>BibTeX's specials (\ { } % &amp; $ # _ ^ ~) as the commands that print them (a tilde or caret alone would accent the next letter).</summary>
    public static string Escape(string text)
    {
        var b = new StringBuilder(text.Length + 8);
        foreach (var c in text)
            b.Append(c switch
            {
                '\\' => @"\textbackslash{}",
                '{' => @"\{",
                '}' => @"\}",
                '%' => @"\%",
                '&' => @"\&",
                '$' => @"\$",
                '#' => @"\#",
                '_' => @"\_",
                '^' => @"\textasciicircum{}",
                '~' => @"\textasciitilde{}",
                '\n' or '\r' or '\t' => " ",
                _ => c.ToString(),
            });
        return b.ToString();
    }

    /// <summary>A RIS record: one tag a line, "XX  - value", CR LF line ends, ending with ER.</summary>
    public static byte[] Ris(CitationItem item, string slug)
    {
        var b = new StringBuilder();
        void Tag(string tag, string? value)
        {
            if (string.IsNullOrEmpty(value)) return;
            b.Append(tag).Append("  - ").Append(value.Replace('\r', ' ').Replace('\n', ' ')).Append("\r\n");
        }
        Tag("TY", "GEN");
        Tag("ID", Id(item, slug));
        Tag("AU", item.Author);
        Tag("TI", item.PartTitle ?? item.Title);
        Tag("T2", item.Part is null ? null : item.Title);
        if (item.Issued is { } d)
        {
            Tag("PY", d.Year.ToString(CultureInfo.InvariantCulture));
            // YYYY/MM/DD/other, with the parts not known left empty.
            Tag("DA", $"{d.Year:D4}/{(d.Month is { } m ? m.ToString("D2", CultureInfo.InvariantCulture) : "")}/{(d.Day is { } day ? day.ToString("D2", CultureInfo.InvariantCulture) : "")}/");
        }
        Tag("PB", item.Author);
        Tag("UR", item.Url);
        if (item.Accessed is { } a) Tag("Y2", a.ToString("yyyy/MM/dd", CultureInfo.InvariantCulture));
        Tag("LA", item.Language);
        Tag("ET", item.Facts.Version);
        Tag("N1", item.Note);
        b.Append("ER  - \r\n");
        return Encoding.UTF8.GetBytes(b.ToString());
    }

    /// <summary>CSL-JSON: an array of one item, of type "document", its dates as date-parts to their precision.</summary>
    public static byte[] CslJson(CitationItem item, string slug) => Index.Json.Indented(w =>
    {
        static void Date(System.Text.Json.Utf8JsonWriter w, string name, int year, int? month, int? day)
        {
            w.WriteStartObject(name);
            w.WriteStartArray("date-parts");
            w.WriteStartArray();
            w.WriteNumberValue(year);
            if (month is { } m) w.WriteNumberValue(m);
            if (month is not null && day is { } d) w.WriteNumberValue(d);
            w.WriteEndArray();
            w.WriteEndArray();
            w.WriteEndObject();
        }
        w.WriteStartArray();
        w.WriteStartObject();
        w.WriteString("id", Id(item, slug));
        w.WriteString("type", "document");
        w.WriteString("title", item.PartTitle ?? item.Title);
        if (item.Part is not null) w.WriteString("container-title", item.Title);
        w.WriteStartArray("author");
        w.WriteStartObject();
        w.WriteString("literal", item.Author);
        w.WriteEndObject();
        w.WriteEndArray();
        w.WriteString("publisher", item.Author);
        if (item.Issued is { } issued) Date(w, "issued", issued.Year, issued.Month, issued.Day);
        w.WriteString("URL", item.Url);
        if (item.Accessed is { } a) Date(w, "accessed", a.Year, a.Month, a.Day);
        w.WriteString("language", item.Language);
        if (item.Facts.Status is { } status) w.WriteString("status", status);
        if (item.Facts.Version is { } version) w.WriteString("version", version);
        if (item.Place is { } place) w.WriteString("event-place", place);
        if (item.Note is { } note) w.WriteString("note", note);
        w.WriteEndObject();
        w.WriteEndArray();
    });
}
