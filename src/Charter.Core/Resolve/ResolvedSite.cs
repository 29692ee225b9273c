using System.Collections.Immutable;
using System.Runtime.CompilerServices;
using Charter.Core.Model;

namespace Charter.Core.Resolve;

/// <summary>A part of a charter in the language asked for, or, when its translation is missing, in another one.</summary>
public sealed record Localized<T>(T Value, string Language, bool IsFallback);

/// <summary>
/// A unit placed in its charter for one language: the unit (own or, for a missing translation, another language's),
/// its kind, the page it is on, and its children placed the same way. The tree the pages are made from.
/// </summary>
/// <param name="PagePath">The page it is shown on: its own (its kind has a page) or its parent's.</param>
/// <param name="HasPage">Whether <see cref="PagePath"/> is its own page.</param>
/// <param name="Heading">What names it after its label ("Équité" for priority 2.3): its own title, its parent's, or its date.</param>
/// <param name="Parent">The unit it is listed in, or the part its file belongs to (null for a part).</param>
public sealed record ResolvedUnit(
    Unit Unit, KindDef Kind, string Language, bool IsFallback, string PagePath, bool HasPage, string? Heading,
    ImmutableArray<string> References, ImmutableArray<ResolvedUnit> Children, Unit? Parent)
{
    public string Id => Unit.Id;

    /// <summary>The unit's permalink: its page with its id as fragment.</summary>
    public string Url => PagePath + "#" + Id;

    public IEnumerable<ResolvedUnit> DescendantsAndSelf() => Tree.PreOrder(this, static u => u.Children);
}

/// <summary>
/// A place in a charter that can be cited or linked to: every unit, in reading order, flattened for what needs them
/// all (backlinks, charter.json, search, the side-by-side view). <see cref="Id"/> is its HTML id in every language.
/// </summary>
public sealed record Passage(
    string Slug, string Id, string Kind, string Number, string PagePath,
    string? Heading, MarkdownText? Text, string Language, bool IsFallback,
    ImmutableArray<string> References, ResolvedUnit Unit)
{
    public string Url => PagePath + "#" + Id;

    /// <summary>Whether it is listed in charter.json and cited on its own (a section of prose is not).</summary>
    public bool Citable => Unit.Kind.Citable;

    public bool Searchable => Unit.Kind.Searchable;
}

/// <summary>One charter in one language, with every part chosen (own or fallback), as a tree and as passages in reading order.</summary>
public sealed record ResolvedEdition(
    string Slug, string Language, Structure Structure, Localized<CharterMeta> Meta, ImmutableArray<ResolvedUnit> Parts,
    ImmutableArray<Passage> Passages)
{
    /// <summary>Every unit of the charter, depth first, in reading order.</summary>
    public IEnumerable<ResolvedUnit> Units => Parts.SelectMany(p => p.DescendantsAndSelf());

    /// <summary>The topic ids of each unit that has topics (content/{slug}/topics.yml, checked: known topics, units of kinds that take them).</summary>
    public ImmutableDictionary<string, ImmutableArray<string>> Topics { get; init; } = ImmutableDictionary<string, ImmutableArray<string>>.Empty;

    public ImmutableArray<string> TopicsOf(string unitId) => Topics.TryGetValue(unitId, out var topics) ? topics : [];

    /// <summary>The address every page of this edition is under: /{lang}/{slug}/, or /{lang}/{slug}/{version}/ for a dated version.</summary>
    public string Home { get; init; } = Permalinks.Charter(Language, Slug);

    /// <summary>Which version of a charter with versions it shows (null for a charter of one version).</summary>
    public EditionVersion? Version { get; init; }

    /// <summary>This edition's home in another language (a dated version's is dated too).</summary>
    public string HomeIn(string language) => Permalinks.InLanguage(Home, language);
}

/// <summary>
/// The version an edition shows: its place in the charter's versions, whether its pages are the dated ones
/// (/fr/{slug}/2022-10/…) or the undated current ones, and what every version did to every unit.
/// </summary>
public sealed record EditionVersion(VersionTexts History, int Index, bool Dated)
{
    public CharterVersion Value => History.Versions.List[Index];
    public bool IsCurrent => Index == History.Versions.List.Length - 1;

    /// <summary>The units whose wording in this edition is the source language's: no record in its language (see content/README.md, "Versions").</summary>
    public ImmutableHashSet<string> Untranslated { get; init; } = ImmutableHashSet<string>.Empty;
}

/// <summary>A declaration or framework in one language (or its fallback) with the passages that cite it.</summary>
public sealed record ResolvedDeclaration(Localized<Declaration> Declaration, ImmutableArray<Passage> CitedBy)
{
    public string Id => Declaration.Value.Id;
}

/// <summary>The output of stage 3: everything the renderer needs, with cross-references and backlinks resolved.</summary>
public sealed record ResolvedSite(
    SiteConfig Config,
    ImmutableArray<string> CharterSlugs,
    ImmutableDictionary<(string Slug, string Language), ResolvedEdition> Editions,
    ImmutableDictionary<string, ImmutableArray<ResolvedDeclaration>> DeclarationsByLanguage,
    ImmutableDictionary<string, TranslationCompleteness> Completeness)
{
    /// <summary>When the content last changed, where the sources say (Load.ContentDate).</summary>
    public DateOnly? Updated { get; init; }

    /// <summary>The site's topics (content/topics.yml), in their order; empty when it has none.</summary>
    public ImmutableArray<Topic> Topics { get; init; } = [];

    /// <summary>Every unit of every translation against the source: current, outdated, not recorded, missing.</summary>
    public TranslationReport Translations { get; init; } = TranslationReport.Empty;

    public string MainCharter => Config.MainCharterOf(CharterSlugs);

    public ResolvedEdition Edition(string slug, string language) => Editions[(slug, language)];

    /// <summary>Each version of the charters with versions, oldest first, in each language, under its dated address (the current one too).</summary>
    public ImmutableDictionary<(string Slug, string Language), ImmutableArray<ResolvedEdition>> Dated { get; init; } =
        ImmutableDictionary<(string Slug, string Language), ImmutableArray<ResolvedEdition>>.Empty;

    public ImmutableArray<ResolvedEdition> DatedEditions(string slug, string language) => Dated.TryGetValue((slug, language), out var list) ? list : [];

    /// <summary>The same edition in another language: the same version, dated or not.</summary>
    public ResolvedEdition Counterpart(ResolvedEdition e, string language) =>
        e.Version is { Dated: true } v ? DatedEditions(e.Slug, language)[v.Index] : Edition(e.Slug, language);

    /// <summary>A version of a charter in a language, at its dated address.</summary>
    public ResolvedEdition? DatedEdition(string slug, string language, int index) =>
        DatedEditions(slug, language) is { Length: > 0 } list && index >= 0 && index < list.Length ? list[index] : null;

    // Every ref: link and every page asks for declarations by id: a lookup, not a scan per question. Kept beside
    // the list it indexes (not in a field, which records compare and 'with' copies), built once, thread-safe.
    private static readonly ConditionalWeakTable<ImmutableDictionary<string, ImmutableArray<ResolvedDeclaration>>,
        Dictionary<(string Language, string Id), ResolvedDeclaration>> DeclarationIndexes = new();

    public ResolvedDeclaration? Declaration(string language, string id) =>
        DeclarationIndexes.GetValue(DeclarationsByLanguage, static byLanguage =>
        {
            var byId = new Dictionary<(string, string), ResolvedDeclaration>();
            foreach (var (lang, list) in byLanguage)
                foreach (var declaration in list) byId.TryAdd((lang, declaration.Id), declaration);
            return byId;
        }).GetValueOrDefault((language, id));
}

/// <summary>How many of a language's passages are in that language (not a fallback).</summary>
public sealed record TranslationCompleteness(int Translated, int Total)
{
    public int Percent => Total == 0 ? 100 : (int)Math.Floor(100.0 * Translated / Total);
}
