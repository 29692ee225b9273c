using System.Collections.Immutable;
using System.Runtime.CompilerServices;
using Charter.Core.Model;

namespace Charter.Core.Resolve;

/// <summary>A part of a charter in the language asked for, or, when its translation is missing, in another one.</summary>
public sealed record Localized<T>(T Value, string Language, bool IsFallback);

/// <summary>
/// A place in a charter that can be cited or linked to: a citable unit (principle, priority, …) or a section
/// of prose. <see cref="Id"/> is its HTML id, the same in every language.
/// </summary>
public sealed record Passage(
    string Slug, string Id, string Kind, string Number, string PagePath,
    string? Heading, MarkdownText? Text, string Language, bool IsFallback,
    ImmutableArray<string> References)
{
    public string Url => PagePath + "#" + Id;
}

/// <summary>One charter in one language, with every part chosen (own or fallback) and its passages in reading order.</summary>
public sealed record ResolvedEdition(
    string Slug, string Language,
    Localized<CharterMeta> Meta,
    Localized<Section>? Ambition, Localized<CoCreation>? CoCreation, Localized<Vision>? Vision,
    Localized<Section>? PrinciplesIntro, ImmutableArray<Localized<Principle>> Principles,
    Localized<Commitments>? Commitments, Localized<Timeline>? Timeline, Localized<Acknowledgements>? Acknowledgements,
    ImmutableArray<Passage> Passages);

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
    public string MainCharter => Config.MainCharter is { } m && CharterSlugs.Contains(m) ? m : CharterSlugs.FirstOrDefault() ?? "";

    public ResolvedEdition Edition(string slug, string language) => Editions[(slug, language)];

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
