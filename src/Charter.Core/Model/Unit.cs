using System.Collections.Immutable;
using Charter.Core.Diagnostics;

namespace Charter.Core.Model;

/// <summary>
/// One unit of a charter in one language, whatever its kind: a part (a file of the charter), a unit that is a file of
/// its own (a principle in principles/), or one listed in its parent's front matter (a priority). Its kind, in the
/// charter's <see cref="Structure"/>, says what its fields mean and how it is shown.
/// </summary>
/// <param name="Ordinal">Its number among its siblings (its own number: field, or its position), the {n} of the patterns.</param>
/// <param name="Number">Its number as printed ("2.3"); "" when it has none.</param>
/// <param name="Text">Its own text: the Markdown body of its file, or its 'text' field.</param>
/// <param name="Notes">Footnotes of its file, referenced as [^label] in any text of that file (units that are files only).</param>
/// <param name="OwnFile">Whether it is a file of its own: the unit a missing translation falls back by.</param>
/// <param name="ListsAt">Where each list of units it holds is written ("priorities:"), by key.</param>
public sealed record Unit(
    string Kind, string Id, int Ordinal, string Number, ImmutableDictionary<string, FieldValue> Fields, MarkdownText? Text,
    ImmutableArray<string> References, ImmutableArray<Unit> Children, ImmutableDictionary<string, MarkdownText> Notes,
    SourceFile File, SourceLocation Location, bool OwnFile)
{
    public ImmutableDictionary<string, SourceLocation> ListsAt { get; init; } = ImmutableDictionary<string, SourceLocation>.Empty;

    /// <summary>The key of its parent's list it is written in ("priorities"); null for a unit that is a file.</summary>
    public string? ListKey { get; init; }

    public FieldValue? Field(string key) => Fields.GetValueOrDefault(key);

    /// <summary>The fields in the order its kind lists them (a dictionary's order is not stable from one run to the next).</summary>
    public IEnumerable<KeyValuePair<string, FieldValue>> OrderedFields => Fields.OrderBy(f => f.Value.Order);

    /// <summary>A field as one line of text, when the unit has it.</summary>
    public string? TextField(string key) => Fields.GetValueOrDefault(key)?.Text;

    /// <summary>This unit and all the units below it, in reading order.</summary>
    public IEnumerable<Unit> DescendantsAndSelf() => Tree.PreOrder(this, static u => u.Children);
}

/// <summary>
/// The value of a field, as its <see cref="FieldType"/> reads it: one of <see cref="Text"/> (text, link),
/// <see cref="Markdown"/>, <see cref="Number"/>, <see cref="Date"/> or <see cref="Items"/> (refs, list).
/// </summary>
public sealed record FieldValue(FieldType Type, SourceLocation At)
{
    /// <summary>The field's place in its kind's list of fields.</summary>
    public int Order { get; init; }

    public string? Text { get; init; }
    public MarkdownText? Markdown { get; init; }
    public int? Number { get; init; }
    public YearMonth? Date { get; init; }
    public ImmutableArray<string> Items { get; init; } = [];

    /// <summary>The value as language-independent data, for comparing translations (null for text, which is translated).</summary>
    public string? Invariant => Type switch
    {
        FieldType.Number => Number?.ToString(System.Globalization.CultureInfo.InvariantCulture),
        FieldType.Date => Date?.ToString(),
        FieldType.Refs or FieldType.Link => Text ?? string.Join(",", Items),
        _ => null,
    };
}

/// <summary>A month of a year, the precision of dated units (a timeline).</summary>
public readonly record struct YearMonth(int Year, int Month) : IComparable<YearMonth>
{
    public int CompareTo(YearMonth other) => (Year * 12 + Month).CompareTo(other.Year * 12 + other.Month);
    public override string ToString() => $"{Year:D4}-{Month:D2}";
}
