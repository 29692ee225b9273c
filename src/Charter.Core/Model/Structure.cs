using System.Collections.Immutable;
using Charter.Core.Diagnostics;

namespace Charter.Core.Model;

/// <summary>
/// The shape of one charter, from its <c>structure.yml</c>: the kinds of unit it is made of and its parts (the files
/// of its folder) in reading order. Nothing in C# knows a charter's kinds: everything a kind does — its fields, how it
/// is numbered and cited, the page it lives on, what it holds — is said here.
/// </summary>
public sealed record Structure(ImmutableDictionary<string, KindDef> Kinds, ImmutableArray<PartDef> Parts, SourceFile File)
{
    public KindDef Kind(string name) => Kinds[name];

    /// <summary>What the charter is as an Akoma Ntoso document (its top-level <c>akn:</c>): see <see cref="AknDocument"/>.</summary>
    public AknDocument Akn { get; init; } = AknDocument.Default;
}

/// <summary>
/// The charter as an Akoma Ntoso 3.0 document: its document type, the name of that type, and the jurisdiction of its
/// FRBR IRIs. A charter adopted by a council of local governments is not legislation: by default it is a
/// <c>statement</c> ("official documents of a body that may or may not be normative in structure") named "charter",
/// of no one country ("int").
/// </summary>
public sealed record AknDocument(string Type, string Name, string Country)
{
    public static readonly AknDocument Default = new("statement", "charter", "int");

    /// <summary>The document types whose content model (openStructure: preface, preamble, mainBody, attachments) the export writes.</summary>
    public static readonly ImmutableArray<string> Types = ["statement", "doc"];
}

/// <summary>Where an Akoma Ntoso element stands in the document: in the body's hierarchy, or one of the document's own places.</summary>
public enum AknPlace { Hierarchy, Preamble, Recital, Attachment, Export }

/// <summary>
/// How a kind of unit is written in Akoma Ntoso: an element of the AKN hierarchy (chapter, article, paragraph, point…,
/// or hcontainer, named after the kind), or one of the document's own places: a preamble (a part, holding recitals),
/// a recital (in a preamble), an attachment (a part written as an annex document). The vocabulary is AKN's, read from
/// akn-elements.txt beside this file, with the Naming Convention's abbreviation of each element for eIds.
/// </summary>
public static class AknElements
{
    public const string Hcontainer = "hcontainer";

    private static readonly ImmutableArray<(string Element, string Abbreviation, AknPlace Place)> Table = Read();

    /// <summary>The elements a kind may name, in the file's order.</summary>
    public static readonly ImmutableArray<string> All = [.. Table.Where(e => e.Place != AknPlace.Export).Select(e => e.Element)];

    public static AknPlace PlaceOf(string element) => Table.FirstOrDefault(e => e.Element == element) is { Element: not null } e ? e.Place : AknPlace.Hierarchy;

    /// <summary>The element's abbreviation in eIds ("art"), or its name.</summary>
    public static string Abbreviation(string element) => Table.FirstOrDefault(e => e.Element == element).Abbreviation ?? element;

    private static ImmutableArray<(string, string, AknPlace)> Read()
    {
        using var stream = typeof(AknElements).Assembly.GetManifestResourceStream("akn-elements.txt")!;
        using var reader = new StreamReader(stream);
        var rows = ImmutableArray.CreateBuilder<(string, string, AknPlace)>();
        while (reader.ReadLine() is { } line)
        {
            if (line.StartsWith('#') || line.Trim().Length == 0) continue;
            var cells = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            var place = cells[2] == "hier" ? AknPlace.Hierarchy : Enum.Parse<AknPlace>(cells[2], ignoreCase: true);
            rows.Add((cells[0], cells[1] == "-" ? cells[0] : cells[1], place));
        }
        return rows.ToImmutable();
    }
}

/// <summary>A part of a charter: one file of its folder (<c>{Id}.{lang}.md</c>), a unit of <see cref="Kind"/>.</summary>
public sealed record PartDef(string Id, string Kind, SourceLocation At);

/// <summary>A text given per language (<c>{ fr: …, en: … }</c>), or one text for every language.</summary>
public sealed record LocalizedText(ImmutableDictionary<string, string> ByLanguage)
{
    public static readonly LocalizedText Empty = new(ImmutableDictionary<string, string>.Empty);

    /// <summary>The text in this language, else the one for every language ("*"), else in <paramref name="fallback"/>, else the first by code, else null.</summary>
    public string? In(string language, string? fallback = null) =>
        ByLanguage.TryGetValue(language, out var text) ? text
        : ByLanguage.TryGetValue("*", out var any) ? any
        : fallback is not null && ByLanguage.TryGetValue(fallback, out var other) ? other
        : ByLanguage.OrderBy(kv => kv.Key, StringComparer.Ordinal).Select(kv => kv.Value).FirstOrDefault();

    public bool IsEmpty => ByLanguage.IsEmpty;
}

/// <summary>The type of a field a kind declares, which says how it is read, validated, shown and described in the schema.</summary>
public enum FieldType
{
    /// <summary>One line of text, typographed.</summary>
    Text,
    /// <summary>Markdown, rendered.</summary>
    Markdown,
    /// <summary>A whole number (a section's or principle's number).</summary>
    Number,
    /// <summary>A month of a year, YYYY-MM.</summary>
    Date,
    /// <summary>A list of declaration ids.</summary>
    Refs,
    /// <summary>ref:ID (a declaration) or the id of a part of the charter.</summary>
    Link,
    /// <summary>A list of lines of text (names).</summary>
    List,
}

/// <param name="Order">Its place in the kind's list of fields: fields are read, shown and described in that order.</param>
public sealed record FieldDef(string Key, FieldType Type, bool Required, int Order);

/// <summary>
/// What a unit of a kind holds: units listed under <see cref="Key"/> in its front matter, or one file each in the
/// folder <see cref="Folder"/>; each of one of <see cref="Kinds"/> (the first unless the unit says <c>kind:</c>).
/// </summary>
/// <param name="Count">How many there must be, when the charter fixes it (five priorities per principle).</param>
/// <param name="Order">A date field the units must be in ascending order of (the timeline).</param>
/// <param name="Toc">Whether they are listed under their parent in the charter's table of contents.</param>
/// <param name="Heading">A heading shown before them on their parent's page ("Nos priorités").</param>
public sealed record ChildDef(string? Key, string? Folder, ImmutableArray<string> Kinds, int? Count, string? Order, bool Toc,
    LocalizedText Heading, SourceLocation At)
{
    /// <summary>What the content calls them: the front-matter key or the folder name.</summary>
    public string Name => Key ?? Folder!;
}

/// <summary>
/// A kind of unit. Patterns: <c>{n}</c> is the unit's number among its siblings (or its own <c>number:</c> field),
/// formatted by <see cref="Numbering"/>; <c>{parent}</c> the parent's id (in <see cref="IdPattern"/>) or number (in
/// <see cref="NumberPattern"/>); <c>{part}</c> the part's id; in labels and citations <c>{number}</c> is the full
/// number, <c>{1}</c>, <c>{2}</c>… its components, <c>{title}</c>, <c>{date}</c> and <c>{parent.FIELD}</c> fields.
/// </summary>
/// <param name="Text">Where the unit's own text is: "body" (the Markdown body of its file) or a front-matter key ("text").</param>
/// <param name="Page">The address of the unit's own page, relative to its charter's home ("principles/{n}/"); null: on its parent's page.</param>
/// <param name="Template">The theme template of its page.</param>
/// <param name="Nav">The label of its page in the charter's navigation, when it is there.</param>
/// <param name="Short">The short address of the unit under /{lang}/ for the main charter ("{number}" gives /fr/2.3/).</param>
/// <param name="HeadingFrom">What names the unit after its label where it is listed: "parent" (the parent's title), a field, or null.</param>
/// <param name="ShowNumber">Whether its number is shown (a list of commitments is numbered for its items' sake, not shown).</param>
/// <param name="Headings">Texts a template shows about the kind, by name (previous, next, contributors, …).</param>
public sealed record KindDef(
    string Name, LocalizedText Singular, LocalizedText Plural, ImmutableDictionary<string, FieldDef> Fields, string Text,
    string IdPattern, string NumberPattern, string Numbering, LocalizedText Label, LocalizedText Cite, LocalizedText Nav,
    string? Page, string? Template, bool Citable, bool Searchable, bool Toc, string? Short, string? HeadingFrom, bool ShowNumber,
    ImmutableDictionary<string, LocalizedText> Headings, ImmutableArray<ChildDef> Children, SourceLocation At)
{
    /// <summary>Where each of its settings is written (page:, short:…), its own or the kind's it extends, for diagnostics.</summary>
    public ImmutableDictionary<string, SourceLocation> SettingsAt { get; init; } = ImmutableDictionary<string, SourceLocation>.Empty;

    /// <summary>Where a setting of the kind is written, else where the kind is.</summary>
    public SourceLocation AtSetting(string key) => SettingsAt.GetValueOrDefault(key) ?? At;

    /// <summary>The fields in the order the structure lists them (a dictionary's order is not stable from one run to the next).</summary>
    public IEnumerable<FieldDef> OrderedFields => Fields.Values.OrderBy(f => f.Order);

    /// <summary>Its Akoma Ntoso element (<see cref="AknElements"/>); a kind that names none is an <c>hcontainer</c>.</summary>
    public string Akn { get; init; } = AknElements.Hcontainer;

    /// <summary>Whether its units are given topics (content/{slug}/topics.yml): a unit of such a kind without any is warned about.</summary>
    public bool Topics { get; init; }

    /// <summary>Where its element stands in the AKN document.</summary>
    public AknPlace AknPlace => AknElements.PlaceOf(Akn);

    /// <summary>Whether the unit's text is its file's Markdown body (a unit that is a file of its own).</summary>
    public bool TextIsBody => Text == "body";

    /// <summary>The child list a kind of unit may appear in, if this kind holds it.</summary>
    public ChildDef? ChildFor(string kind) => Children.FirstOrDefault(c => c.Kinds.Contains(kind));
}
