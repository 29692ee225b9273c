using System.Collections.Concurrent;
using Charter.Core.Diagnostics;

namespace Charter.Core.Load;

/// <summary>
/// What the previous load of the same site read (charter serve): each content file's bytes, what they parsed to
/// and the diagnostics they gave. A file whose bytes are unchanged is not parsed again; its diagnostics are
/// reported again, so a warning does not vanish on the next save. Files no longer seen are forgotten.
/// Comparing bytes rather than file times: an edit within the same clock tick, or a file restored with its old
/// time, is still seen. Safe for one load at a time, with files read in parallel.
/// </summary>
public sealed class LoadCache
{
    internal sealed record Entry(byte[] Bytes, LoadedFile? Item, IReadOnlyList<Diagnostic> Diagnostics);

    private ConcurrentDictionary<string, Entry> _previous = new(StringComparer.Ordinal);
    private ConcurrentDictionary<string, Entry> _current = new(StringComparer.Ordinal);

    /// <summary>How many files the last load took from the cache (for tests and timing reports).</summary>
    public int Reused => _reused;
    private int _reused;

    internal Entry? Find(string key, ReadOnlySpan<byte> bytes)
    {
        if (!_previous.TryGetValue(key, out var entry) || !entry.Bytes.AsSpan().SequenceEqual(bytes)) return null;
        Interlocked.Increment(ref _reused);
        _current[key] = entry;
        return entry;
    }

    internal void Keep(string key, Entry entry) => _current[key] = entry;

    /// <summary>Starts a load: what the last one kept becomes what this one may reuse.</summary>
    internal void Begin()
    {
        if (!_current.IsEmpty) _previous = _current;
        _current = new(StringComparer.Ordinal);
        _reused = 0;
    }
}
