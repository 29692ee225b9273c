using Charter.Core.Diagnostics;

namespace Charter.Core.Caching;

/// <summary>
/// What a stage made of each charter on its own, kept from one build to the next (charter serve): at 100 charters,
/// placing, checking and validating the ninety-nine that an edit did not touch was a quarter of a rebuild. The caller
/// keys each charter with a digest of what the stage's work on it is made of (see <see cref="CharterReuse{T}"/>); what
/// the work reported is reported again when it is reused, so a warning does not vanish on the next save.
/// </summary>
public sealed class CharterMemory<T> : IBuildMemory
{
    private sealed record Entry(string Key, T Value, IReadOnlyList<Diagnostic> Diagnostics);

    private readonly Kept<string, Entry> _charters = new(StringComparer.Ordinal);

    /// <summary>How many charters the last build took from the memory.</summary>
    public int Reused => _charters.Reused;

    public void Begin() => _charters.Begin();

    public void End(bool success) => _charters.End(success);

    /// <summary>The charter's value from the previous build when its key is the same, else made now (and kept).</summary>
    public T Of(string slug, string key, DiagnosticBag diagnostics, Func<T> make)
    {
        if (_charters.TryReuse(slug, e => e.Key == key, out var kept))
        {
            foreach (var diagnostic in kept.Diagnostics) diagnostics.Add(diagnostic);
            return kept.Value;
        }
        using var recording = diagnostics.Record();
        var value = make();
        _charters.Keep(slug, new Entry(key, value, recording.Recorded));
        return value;
    }
}

/// <summary>
/// For serve: a stage's memory of charters, and each charter's key — a digest of its folder and of the site's files
/// outside the charter folders, which is all a stage's work on one charter may read (the build makes it from SiteInputs).
/// </summary>
public sealed record CharterReuse<T>(CharterMemory<T> Memory, Func<string, string> KeyOf);

public static class CharterReuse
{
    /// <summary>The charter's value: kept from the previous build when <paramref name="reuse"/> has it, else made (and kept, with reuse).</summary>
    public static T Of<T>(this CharterReuse<T>? reuse, string slug, DiagnosticBag diagnostics, Func<T> make) =>
        reuse is null ? make() : reuse.Memory.Of(slug, reuse.KeyOf(slug), diagnostics, make);
}
