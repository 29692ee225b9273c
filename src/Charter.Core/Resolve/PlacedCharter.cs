using System.Collections.Immutable;

namespace Charter.Core.Resolve;

/// <summary>One charter as Resolve places it: its current edition in each language and, with versions, each language's dated ones.</summary>
public sealed record PlacedCharter(
    IReadOnlyList<((string Slug, string Language) Key, ResolvedEdition Edition)> Current,
    IReadOnlyList<((string Slug, string Language) Key, ImmutableArray<ResolvedEdition> Editions)> Dated);
