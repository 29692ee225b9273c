using System.Collections.Immutable;

namespace Charter.Core.Model;

/// <summary>The kinds of the site's own documents (not a charter's: those are in each charter's structure.yml).</summary>
public static class UnitKinds
{
    public const string Declaration = "declaration";
    public const string Framework = "framework";
}

/// <summary>Metadata of one charter in one language (charter.{lang}.md).</summary>
public sealed record CharterMeta(
    string Title, string ShortTitle, string Organization, string Year, string Citation,
    string Description, string? Place, MarkdownText? Body, SourceFile File)
{
    /// <summary>Its status, adoption, version and licence, where known.</summary>
    public DocumentFacts Facts { get; init; } = DocumentFacts.None;
}

/// <summary>
/// One charter in one language, as its files are: its metadata, its parts by id (a part whose file is missing in this
/// language is absent; the Resolve stage falls back to another language for it), and the units that are files of
/// their own, by folder (principles/*.md), each in its file's order.
/// </summary>
public sealed record CharterEdition(
    string Slug, string Language, CharterMeta? Meta, ImmutableDictionary<string, Unit> Parts,
    ImmutableDictionary<string, ImmutableArray<Unit>> Folders)
{
    public ImmutableArray<Unit> Folder(string name) => Folders.TryGetValue(name, out var units) ? units : [];

    /// <summary>Every unit of the edition that is a file of its own or lies in one, parts first, then folders.</summary>
    public IEnumerable<Unit> AllUnits() => Parts.Values.Concat(Folders.Values.SelectMany(f => f)).SelectMany(u => u.DescendantsAndSelf());
}

public static class DeclarationTypes
{
    public const string Declaration = "declaration";
    public const string Framework = "framework";
    public static readonly ImmutableArray<string> All = [Declaration, Framework];
}

public static class ExcerptKinds
{
    public const string Quote = "quote";
    public const string Summary = "summary";
    public const string Full = "full";
    public static readonly ImmutableArray<string> All = [Quote, Summary, Full];
}

/// <summary>A document the charters cite: a prior declaration or a global framework (declarations/NAME.{lang}.md).</summary>
/// <param name="Gender">The grammatical gender of its title's head noun in this language ("m", "f"; null where the language has none), for agreement.</param>
/// <param name="Plural">Whether that noun is plural ("Recommandations").</param>
public sealed record Declaration(
    string Id, string Language, string Type, string Title, string Issuer, string Year, string Excerpt,
    string? Url, MarkdownText? Body, SourceFile File, string? Gender = null, bool Plural = false, string? Symbol = null);

public static class Genders
{
    public static readonly System.Collections.Immutable.ImmutableArray<string> All = ["m", "f", "n"];
}

/// <summary>Everything loaded from content/, per language, with each charter's structure.</summary>
public sealed record SiteContent(
    SiteConfig Config,
    ImmutableArray<string> CharterSlugs,
    ImmutableDictionary<string, Structure> Structures,
    ImmutableDictionary<(string Slug, string Language), CharterEdition> Editions,
    ImmutableArray<Declaration> Declarations)
{
    /// <summary>When the content last changed (Load.ContentDate), or null when the sources do not say.</summary>
    public DateOnly? Updated { get; init; }

    /// <summary>The translation ledgers of the languages that have one (content/translations.{lang}.yml).</summary>
    public ImmutableDictionary<string, TranslationLedger> Ledgers { get; init; } = ImmutableDictionary<string, TranslationLedger>.Empty;

    /// <summary>The site's taxonomy of topics (content/topics.yml), in its order; empty when the site has none.</summary>
    public ImmutableArray<Topic> Topics { get; init; } = [];

    /// <summary>Each charter's topic assignment (content/{slug}/topics.yml), for the charters that have one.</summary>
    public ImmutableDictionary<string, TopicAssignment> TopicAssignments { get; init; } = ImmutableDictionary<string, TopicAssignment>.Empty;

    /// <summary>The versions of the charters that have them (content/{slug}/versions.yml); a charter without is its one current text.</summary>
    public ImmutableDictionary<string, CharterVersions> Versions { get; init; } = ImmutableDictionary<string, CharterVersions>.Empty;

    public CharterEdition? Edition(string slug, string language) =>
        Editions.TryGetValue((slug, language), out var e) ? e : null;
}
