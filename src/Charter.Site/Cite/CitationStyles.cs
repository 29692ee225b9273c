using System.Collections.Immutable;
using System.Globalization;
using System.Text.RegularExpressions;
using Charter.Core.Model;
using Charter.Site.Text;

namespace Charter.Site.Cite;

/// <summary>
/// A style of ready citation text. The style is data: its name and its patterns, for a whole document and for a
/// part of one, are UI strings of each language (cite_{id}_name, cite_{id}_document, cite_{id}_part in the theme's
/// i18n/{lang}.yml), so that word order, punctuation and words ("Consulté le", "Retrieved") are each language's own.
/// </summary>
public sealed record CitationStyle(string Id)
{
    public string NameKey => $"cite_{Id}_name";
    public string DocumentKey => $"cite_{Id}_document";
    public string PartKey => $"cite_{Id}_part";
}

/// <summary>One run of a ready citation: plain text, the cited work's title (set in italics), its address, or the access date.</summary>
/// <param name="Kind">text, title, url or accessed.</param>
/// <param name="Value">For the address, the URL; for the access date, its ISO form (the script puts the reader's today there).</param>
public sealed record CiteSegment(string Kind, string Text, string? Value = null);

/// <summary>The registry of citation styles, and how a style's pattern is filled from a <see cref="CitationItem"/>.</summary>
public static partial class CitationStyles
{
    /// <summary>The styles of the cite panels, in the order they are shown: APA 7, Chicago notes-bibliography, the charter's own.</summary>
    public static readonly ImmutableArray<CitationStyle> All = [new("apa"), new("chicago"), new("charter")];

    /// <summary>
    /// The style's text for the item, as runs. Placeholders: {author}, {title}, {part} and {Part} (capital initial),
    /// {citation} (the charter's own), {place}, {url}, {accessed}, {issued} (the adoption date as the language writes it)
    /// and {issued.KEY} (as the strings KEY_year, KEY_month or KEY_day write it, by its precision); {t.KEY} is another
    /// UI string, itself a pattern. A placeholder with a capital initial ({Part}, {Issued}) gives its value one.
    /// </summary>
    public static IReadOnlyList<CiteSegment> Segments(CitationStyle style, CitationItem item, Strings t)
    {
        var runs = new List<CiteSegment>();
        Fill(t[item.Part is null ? style.DocumentKey : style.PartKey], item, t, runs, depth: 0);
        return Merge(runs);
    }

    public static string Text(IEnumerable<CiteSegment> segments) => string.Concat(segments.Select(s => s.Text));

    [GeneratedRegex(@"\{(t\.)?([A-Za-z_]+)(?:\.([a-z_]+))?\}")]
    private static partial Regex Placeholder();

    /// <summary>A placeholder of a pattern, as <see cref="Placeholder"/> found it: where, the whole, {t.…} or not, the name and the key after a dot.</summary>
    private sealed record Slot(int Index, int Length, string Value, bool IsString, string Name, string? Key);

    // A pattern is a UI string, and the same few are filled for every citable unit of every page: each is parsed once.
    private static readonly System.Collections.Concurrent.ConcurrentDictionary<string, Slot[]> Slots = new(StringComparer.Ordinal);

    private static Slot[] SlotsOf(string pattern) => Slots.GetOrAdd(pattern, p => [.. Placeholder().Matches(p).Select(m =>
        new Slot(m.Index, m.Length, m.Value, m.Groups[1].Success, m.Groups[2].Value, m.Groups[3].Success ? m.Groups[3].Value : null))]);

    private static void Fill(string pattern, CitationItem item, Strings t, List<CiteSegment> runs, int depth)
    {
        var at = 0;
        foreach (var m in SlotsOf(pattern))
        {
            if (m.Index > at) runs.Add(new("text", pattern[at..m.Index]));
            at = m.Index + m.Length;
            var name = m.Name;
            // A UI string within a pattern, itself a pattern (bounded, in case two strings name each other).
            if (m.IsString)
            {
                if (depth < 4) Fill(t[name], item, t, runs, depth + 1);
                continue;
            }
            // {Part}, {Issued}: the value with a capital initial, where it starts a sentence.
            var capital = char.IsUpper(name[0]);
            var run = (capital ? char.ToLowerInvariant(name[0]) + name[1..] : name) switch
            {
                "author" => new CiteSegment("text", item.Author),
                "title" => new("title", item.Title),
                "part" => new("text", item.Part ?? ""),
                "citation" => new("text", item.Citation),
                "place" => new("text", item.Place ?? ""),
                "url" => new("url", item.Url, item.Url),
                "accessed" => item.Accessed is { } d
                    ? new("accessed", t.Date(new PartialDate(d.Year, d.Month, d.Day)), d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture))
                    : new("accessed", "", ""),
                "issued" => new("text", Issued(item.Issued, t, m.Key)),
                _ => new("text", m.Value),
            };
            runs.Add(capital && run.Text.Length > 0 ? run with { Text = char.ToUpper(run.Text[0], CultureInfo.InvariantCulture) + run.Text[1..] } : run);
        }
        if (at < pattern.Length) runs.Add(new("text", pattern[at..]));
    }

    /// <summary>The adoption date to its precision, in the language's own words or in a style's (the KEY_year/_month/_day strings).</summary>
    private static string Issued(PartialDate? date, Strings t, string? key)
    {
        if (date is not { } d) return t["cite_no_date"];
        if (key is null) return t.Date(d);
        var precision = d.Day is not null ? "day" : d.Month is not null ? "month" : "year";
        var day = d.Day is { } n ? (n == 1 && t.Language.FirstDay is { } first ? first : n.ToString(CultureInfo.InvariantCulture)) : "";
        return Strings.Fill(t[$"{key}_{precision}"], ("year", d.Year.ToString(CultureInfo.InvariantCulture)),
            ("month", d.Month is { } mo ? t.Month(mo) : ""), ("day", day));
    }

    /// <summary>Adjacent plain runs as one, and no empty ones: what the template prints is then as short as it can be.</summary>
    private static List<CiteSegment> Merge(List<CiteSegment> runs)
    {
        var merged = new List<CiteSegment>();
        foreach (var run in runs)
        {
            if (run.Text.Length == 0 && run.Kind == "text") continue;
            if (run.Kind == "text" && merged.Count > 0 && merged[^1].Kind == "text") merged[^1] = merged[^1] with { Text = merged[^1].Text + run.Text };
            else merged.Add(run);
        }
        return merged;
    }
}
