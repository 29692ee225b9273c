using System.Collections.Concurrent;

namespace Charter.Core.Caching;

/// <summary>
/// Something a build hands on to the next build of the same site in the same process (charter serve). Every such
/// memory lives by the same two steps, driven together by the build: <see cref="Begin"/> before it reads anything,
/// <see cref="End"/> after it — a successful build keeps what it used and forgets the rest; a failed one forgets
/// nothing, so that the next good build after an error still finds the last good one's work.
/// </summary>
public interface IBuildMemory
{
    void Begin();
    void End(bool success);
}

/// <summary>
/// The usual memory: values by key, each reused by the next build when it is still good for it (same bytes, equal
/// view model…), and kept only as long as builds use it. Safe for the parallel lookups of one build at a time.
/// </summary>
public sealed class Kept<TKey, TValue>(IEqualityComparer<TKey>? comparer = null) : IBuildMemory where TKey : notnull
{
    private ConcurrentDictionary<TKey, TValue> _previous = new(comparer);
    private ConcurrentDictionary<TKey, TValue> _current = new(comparer);
    private int _reused;

    /// <summary>How many values the current (or last) build took from the previous one.</summary>
    public int Reused => _reused;

    /// <summary>The previous build's value for the key, if <paramref name="stillGood"/> says it is; it is then kept for the next.</summary>
    public bool TryReuse(TKey key, Func<TValue, bool> stillGood, out TValue value)
    {
        if (_previous.TryGetValue(key, out var kept) && stillGood(kept))
        {
            Interlocked.Increment(ref _reused);
            _current[key] = value = kept;
            return true;
        }
        value = default!;
        return false;
    }

    /// <summary>A value this build made, for the next one.</summary>
    public void Keep(TKey key, TValue value) => _current[key] = value;

    public void Begin()
    {
        _current = new(comparer);
        _reused = 0;
    }

    public void End(bool success)
    {
        if (success) _previous = _current;
        else foreach (var (key, value) in _current) _previous[key] = value;
        _current = new(comparer);
    }
}
