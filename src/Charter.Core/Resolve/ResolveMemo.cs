using System.Collections.Immutable;
using Charter.Core.Caching;
using Charter.Core.Diagnostics;

namespace Charter.Core.Resolve;

/// <summary>One charter as Resolve places it: its current edition in each language and, with versions, each language's dated ones.</summary>
public sealed record PlacedCharter(
    IReadOnlyList<((string Slug, string Language) Key, ResolvedEdition Edition)> Current,
    IReadOnlyList<((string Slug, string Language) Key, ImmutableArray<ResolvedEdition> Editions)> Dated);

/// <summary>
/// Each charter as Resolve placed and checked it, kept from one build to the next (charter serve): at 100 charters,
/// placing and checking the ninety-nine that an edit did not touch was a fifth of a rebuild. A charter's placement
/// is made of its own folder (its files, structure.yml, versions, topics.yml) and of the site's files outside the
/// charter folders (charter.yml, the declarations its references are checked against, content/topics.yml), so the
/// caller keys it with the digest of those files (the page stage's key, <c>SiteInputs</c>); what the placement
/// reported is reported again when it is reused.
/// </summary>
public sealed class ResolveMemo : IBuildMemory
{
    private sealed record Entry(string Key, PlacedCharter Placed, IReadOnlyList<Diagnostic> Diagnostics);

    private readonly Kept<string, Entry> _charters = new(StringComparer.Ordinal);

    /// <summary>How many charters the last build took placed from the memo.</summary>
    public int Reused => _charters.Reused;

    public void Begin() => _charters.Begin();

    public void End(bool success) => _charters.End(success);

    /// <summary>The charter as the previous build placed it when its key is the same, else placed now (and kept).</summary>
    internal PlacedCharter Of(string slug, string key, DiagnosticBag diagnostics, Func<PlacedCharter> place)
    {
        if (_charters.TryReuse(slug, e => e.Key == key, out var kept))
        {
            foreach (var diagnostic in kept.Diagnostics) diagnostics.Add(diagnostic);
            return kept.Placed;
        }
        using var recording = diagnostics.Record();
        var placed = place();
        _charters.Keep(slug, new Entry(key, placed, recording.Recorded));
        return placed;
    }
}

/// <summary>For serve: where the placed charters are kept, and each charter's key (a digest of what its placement is made of).</summary>
public sealed record ResolveReuse(ResolveMemo Memo, Func<string, string> KeyOf);
