using System.Collections.Immutable;

namespace Charter.Core.Resolve;

/// <summary>
/// One charter as Resolve places it: its current edition in each language and, with versions, each language's dated
/// ones; and its part of the translation report, which reads the same files.
/// </summary>
public sealed record PlacedCharter(
    IReadOnlyList<((string Slug, string Language) Key, ResolvedEdition Edition)> Current,
    IReadOnlyList<((string Slug, string Language) Key, ImmutableArray<ResolvedEdition> Editions)> Dated)
{
    public CharterTranslations Translations { get; init; } = new(ImmutableDictionary<string, ImmutableArray<UnitTranslation>>.Empty);
}
