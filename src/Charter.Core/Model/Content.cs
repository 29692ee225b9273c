using System.Collections.Immutable;

namespace Charter.Core.Model;

/// <summary>The kinds of citable unit (contract 3 of DESIGN.md), as they appear in charter.json.</summary>
public static class UnitKinds
{
    public const string Principle = "principle";
    public const string Priority = "priority";
    public const string Premise = "premise";
    public const string Commitment = "commitment";
    public const string Call = "call";
    public const string Milestone = "milestone";
    public const string Declaration = "declaration";
    public const string Framework = "framework";
}

/// <summary>Metadata of one charter in one language (charter.{lang}.md).</summary>
public sealed record CharterMeta(
    string Title, string ShortTitle, string Organization, string Year, string Citation,
    string Description, string? Place, MarkdownText? Body, SourceFile File);

/// <summary>A section of prose: ambition, vision, principles introduction, commitments, acknowledgements, co-creation.</summary>
public sealed record Section(int? Number, string Title, string? Headline, MarkdownText? Body, SourceFile File);

public sealed record Premise(string Id, int Number, MarkdownText Text, ImmutableArray<string> References);

public sealed record Vision(Section Section, MarkdownText? PremisesIntro, ImmutableArray<Premise> Premises);

public sealed record CoCreation(Section Section, ImmutableArray<string> DeclarationIds);

public sealed record Priority(string Id, int Number, MarkdownText Text, ImmutableArray<string> References);

/// <summary>One guiding principle with its theme and its five priorities (principles/NN-name.{lang}.md).</summary>
public sealed record Principle(
    string Id, int Number, string Title, string Theme, MarkdownText? Description,
    ImmutableArray<Priority> Priorities, ImmutableDictionary<string, MarkdownText> Notes, SourceFile File);

public sealed record CommitmentItem(string Id, int Number, MarkdownText Text, ImmutableArray<string> References);

/// <summary>One of the lists of "Our commitments and our calls", opened by a verb (Recognise, Reaffirm, …).</summary>
public sealed record CommitmentList(string Id, int Number, string Kind, string Heading, ImmutableArray<CommitmentItem> Items);

public sealed record Commitments(Section Section, MarkdownText? ListsIntro, ImmutableArray<CommitmentList> Lists);

/// <summary>A month of a year, the precision of the timeline.</summary>
public readonly record struct YearMonth(int Year, int Month) : IComparable<YearMonth>
{
    public int CompareTo(YearMonth other) => (Year * 12 + Month).CompareTo(other.Year * 12 + other.Month);
    public override string ToString() => $"{Year:D4}-{Month:D2}";
}

public sealed record Milestone(string Id, int Number, YearMonth Date, MarkdownText Text, string? Concerns);

public sealed record Timeline(string Title, MarkdownText? Intro, ImmutableArray<Milestone> Milestones, SourceFile File);

public sealed record Acknowledgements(
    Section Section, string? ContributorsIntro, ImmutableArray<string> Contributors,
    string? PartnersIntro, ImmutableArray<string> Partners);

/// <summary>
/// One charter in one language. Any part may be missing from a translation; the Resolve stage
/// falls back to another language for it and marks it.
/// </summary>
public sealed record CharterEdition(
    string Slug, string Language, CharterMeta? Meta, Section? Ambition, CoCreation? CoCreation, Vision? Vision,
    Section? PrinciplesIntro, ImmutableArray<Principle> Principles, Commitments? Commitments,
    Timeline? Timeline, Acknowledgements? Acknowledgements);

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
    string? Url, MarkdownText? Body, SourceFile File, string? Gender = null, bool Plural = false);

public static class Genders
{
    public static readonly System.Collections.Immutable.ImmutableArray<string> All = ["m", "f", "n"];
}

/// <summary>Everything loaded from content/, per language.</summary>
public sealed record SiteContent(
    SiteConfig Config,
    ImmutableArray<string> CharterSlugs,
    ImmutableDictionary<(string Slug, string Language), CharterEdition> Editions,
    ImmutableArray<Declaration> Declarations)
{
    public CharterEdition? Edition(string slug, string language) =>
        Editions.TryGetValue((slug, language), out var e) ? e : null;
}
