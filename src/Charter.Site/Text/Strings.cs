using System.Collections.Immutable;
using System.Globalization;
using System.Text;
using Charter.Core.Model;
using Charter.Site.Markdown;

namespace Charter.Site.Text;

/// <summary>
/// One language of the site as the pages see it: its descriptor and its UI strings (themes/…/i18n/{lang}.yml),
/// with '{name}' placeholders. The strings go through the language's typography like the content does, so a
/// French string typed "Voir :" is printed with its narrow no-break space.
/// </summary>
public sealed class Strings
{
    public Strings(Language language, ImmutableDictionary<string, string> values, ImmutableDictionary<string, string> fallback)
    {
        Language = language;
        Typography = Typography.For(language.Typography);
        var table = fallback.SetItems(values);
        Table = table.ToImmutableDictionary(kv => kv.Key, kv => Typography.Apply(kv.Value), StringComparer.Ordinal);
    }

    public Language Language { get; }

    /// <summary>The language's typography rules (what its text gets, what its editors must get right).</summary>
    public Typography Typography { get; }

    /// <summary>The table, exposed to templates as 't' (t.search_label).</summary>
    public IReadOnlyDictionary<string, string> Table { get; }

    public string this[string key] => Table.TryGetValue(key, out var v) ? v : key;

    public string Format(string key, params (string Name, string Value)[] values) => Fill(this[key], values);

    public static string Fill(string pattern, params (string Name, string Value)[] values)
    {
        var text = new StringBuilder(pattern);
        foreach (var (name, value) in values) text.Replace("{" + name + "}", value);
        return text.ToString();
    }

    public string Month(int month) => this[$"month_{month}"];

    /// <summary>A month of a year in this language's words and order ("mai 2022", "mayo de 2022").</summary>
    public string MonthYear(int year, int month) =>
        Typography.Apply(Fill(Language.MonthYear, ("month", Month(month)), ("year", year.ToString(CultureInfo.InvariantCulture))));

    /// <summary>A date to its precision, as the language writes it: "2022", "octobre 2022", "1er décembre 2026".</summary>
    /// <remarks>
    /// Kept per date: every citation of every unit writes the day the reader reads it and the day of adoption, a few
    /// dates thousands of times, each through the language's typography.
    /// </remarks>
    public string Date(PartialDate date) => _dates.GetOrAdd(date, FormatDate);

    private readonly System.Collections.Concurrent.ConcurrentDictionary<PartialDate, string> _dates = new();

    private string FormatDate(PartialDate date)
    {
        if (date.Month is not { } month) return date.Year.ToString(CultureInfo.InvariantCulture);
        if (date.Day is not { } day) return MonthYear(date.Year, month);
        var dayText = day == 1 && Language.FirstDay is { } first ? first : day.ToString(CultureInfo.InvariantCulture);
        return Typography.Apply(Fill(Language.DayMonthYear, ("day", dayText), ("month", Month(month)), ("year", date.Year.ToString(CultureInfo.InvariantCulture))));
    }

    /// <summary>
    /// A string that agrees with a noun of this gender ("m", "f") and number: the most specific of key_fp, key_f,
    /// key_p… that the language has, else key itself (English needs none).
    /// </summary>
    public string Agree(string key, string? gender, bool plural)
    {
        var number = plural ? "p" : "";
        foreach (var variant in new[] { $"{key}_{gender}{number}", gender is null ? null : $"{key}_{gender}", plural ? $"{key}_m{number}" : null })
            if (variant is not null && Table.TryGetValue(variant, out var value)) return value;
        return this[key];
    }

    /// <summary>Another language's name in this language ("anglais" in French), or that language's own name.</summary>
    public string NameOf(Language other) => Table.TryGetValue($"name_{other.Code}", out var name) ? name : other.Name;

    /// <summary>Names joined as this language lists them ("anglais et espagnol").</summary>
    public string List(IReadOnlyList<string> items) => items.Count switch
    {
        0 => "",
        1 => items[0],
        _ => string.Join(", ", items.Take(items.Count - 1)) + this["list_and"] + items[^1],
    };
}
