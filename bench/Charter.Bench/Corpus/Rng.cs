namespace Charter.Bench.Corpus;

/// <summary>
/// SplitMix64: a small seeded generator whose sequence is fixed by its definition, so a corpus generated
/// today is byte-identical to one generated with a later .NET (System.Random's seeded sequence is not a contract).
/// </summary>
public sealed class Rng(ulong seed)
{
    private ulong _state = seed;

    /// <summary>A generator for one named part of the corpus, independent of the order in which parts are generated.</summary>
    public static Rng For(params object[] key)
    {
        // FNV-1a over the key's text: stable across runs (string.GetHashCode is randomised per process).
        ulong hash = 14695981039346656037UL;
        foreach (var c in string.Join('\u001f', key))
        {
            hash ^= c;
            hash *= 1099511628211UL;
        }
        return new Rng(hash);
    }

    public ulong NextULong()
    {
        var z = _state += 0x9E3779B97F4A7C15UL;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }

    /// <summary>An integer in [0, max).</summary>
    public int Next(int max) => max <= 0 ? 0 : (int)(NextULong() % (ulong)max);

    public double NextDouble() => (NextULong() >> 11) * (1.0 / (1UL << 53));

    public void Shuffle<T>(IList<T> items)
    {
        for (int i = items.Count - 1; i > 0; i--)
        {
            var j = Next(i + 1);
            (items[i], items[j]) = (items[j], items[i]);
        }
    }

    public T Pick<T>(IReadOnlyList<T> items) => items[Next(items.Count)];
}
