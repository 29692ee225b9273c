using System.Globalization;
using Charter.Core.Model;
using Charter.Core.Resolve;

namespace Charter.Site.Text;

/// <summary>
/// What a unit is called in one language — its label ("Priorité 2.3"), the words that name it after its label, its
/// citation ("Charte de Lampedusa (CGLU, 2022), principe 2, priorité 3") — from its kind's patterns in structure.yml.
/// Shared by the pages (Render) and the open data and search (Index), which show the same names.
/// </summary>
public sealed class UnitText(IReadOnlyDictionary<string, Strings> strings, string language)
{
    private readonly Strings _t = strings[language];

    /// <summary>The page language's typography applied to a text in <paramref name="textLanguage"/> (a fallback keeps its own).</summary>
    public string Typo(string text, string textLanguage) =>
        (strings.TryGetValue(textLanguage, out var s) ? s : _t).Typography.Apply(text);

    /// <summary>"Priorité 2.3": the kind's label with the unit's number; a unit whose kind has no label is named by its heading.</summary>
    public string Label(ResolvedUnit unit) =>
        unit.Kind.Label.In(language) is { } pattern
            ? Typo(Fill(pattern, unit, includeHeading: false), language)
            : Typo(unit.Heading ?? unit.Unit.Id, unit.Language);

    /// <summary>What names the unit after its label: its title, its parent's, or its date written in words.</summary>
    public string? Heading(ResolvedUnit unit) =>
        unit.Kind.HeadingFrom == "date" && DateOf(unit) is { } date ? MonthYear(date)
        : unit.Heading is { } heading ? Typo(heading, unit.Language) : null;

    /// <summary>
    /// How the unit is titled in charter.json and search: "Priorité 2.3 — Équité", "Étape 9 — mai 2022" (a kind named by its
    /// date keeps its label, as in backlinks: a date alone beside a number would read as a day of the month).
    /// </summary>
    public string RecordTitle(ResolvedUnit unit)
    {
        var label = Label(unit);
        return Heading(unit) is { Length: > 0 } heading && unit.Kind.Label.In(language) is not null ? $"{label} — {heading}" : label;
    }

    /// <summary>The charter's citation, then the unit's place in it ("…, principe 2, priorité 3").</summary>
    public string Citation(ResolvedEdition edition, ResolvedUnit unit) => Typo($"{edition.Meta.Value.Citation}, {RawPlace(unit)}", language);

    /// <summary>The unit's place in its charter, as its kind's cite pattern says ("principe 2, priorité 3"), else its label.</summary>
    public string Place(ResolvedUnit unit) => Typo(RawPlace(unit), language);

    private string RawPlace(ResolvedUnit unit) =>
        unit.Kind.Cite.In(language) is { } pattern ? Fill(pattern, unit, includeHeading: true) : Label(unit);

    public static YearMonth? DateOf(ResolvedUnit unit) => unit.Unit.OrderedFields.Select(f => f.Value).FirstOrDefault(f => f.Type == FieldType.Date)?.Date;

    public string MonthYear(YearMonth date) => _t.MonthYear(date.Year, date.Month);

    /// <summary>{number}, {n}, {1} {2}… (components of the number), {title}, {date}, {FIELD} and {parent.FIELD}.</summary>
    private string Fill(string pattern, ResolvedUnit unit, bool includeHeading)
    {
        // Each placeholder in turn over the text so far, as a chain of Replace calls would; a value is made (and typeset,
        // which is most of the cost) only when its placeholder is still in the text.
        var text = pattern.Replace("{number}", unit.Unit.Number).Replace("{n}", unit.Unit.Ordinal.ToString(CultureInfo.InvariantCulture));
        if (!text.Contains('{')) return text;
        var parts = unit.Unit.Number.Split('.');
        for (int i = 0; i < parts.Length; i++) text = text.Replace("{" + (i + 1).ToString(CultureInfo.InvariantCulture) + "}", parts[i]);
        if (includeHeading)
        {
            text = Put(text, "{title}", () => unit.Heading is { } h ? Typo(h, unit.Language) : "");
            text = Put(text, "{date}", () => DateOf(unit) is { } d ? MonthYear(d) : "");
        }
        foreach (var (key, value) in unit.Unit.OrderedFields.Where(f => f.Value.Text is not null))
            text = Put(text, "{" + key + "}", () => Typo(value.Text!, unit.Language));
        if (unit.Parent is { } parent)
            foreach (var (key, value) in parent.OrderedFields.Where(f => f.Value.Text is not null))
                text = Put(text, "{parent." + key + "}", () => Typo(value.Text!, unit.Language));
        return text;
    }

    private static string Put(string text, string placeholder, Func<string> value) =>
        text.Contains(placeholder, StringComparison.Ordinal) ? text.Replace(placeholder, value()) : text;
}
