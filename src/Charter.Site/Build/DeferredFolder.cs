namespace Charter.Site.Build;

/// <summary>
/// Files of one folder (<see cref="Folder"/> ends with '/') named key + extension, for every key and every extension,
/// each made from its key and extension when first asked for. A key may come twice: its files are then those of its
/// last making, as they would be if written in order.
/// </summary>
/// <param name="keySet">The keys as an ordinal set, when the caller keeps one from build to build (else made when first needed).</param>
public sealed class DeferredFolder(string folder, IReadOnlyList<string> keys, IReadOnlyList<string> extensions, Func<string, string, byte[]> make,
    IReadOnlySet<string>? keySet = null)
{
    private readonly Lazy<IReadOnlySet<string>> _keys = new(() => keySet ?? new HashSet<string>(keys, StringComparer.Ordinal));

    public string Folder { get; } = folder;
    public IReadOnlyList<string> Keys { get; } = keys;
    public IReadOnlyList<string> Extensions { get; } = extensions;
    public Func<string, string, byte[]> Make { get; } = make;

    /// <summary>How many files (distinct paths) the folder holds.</summary>
    public int Count => _keys.Value.Count * Extensions.Count;

    /// <summary>The key and extension of the file <paramref name="name"/> (a name within the folder), if the folder holds it.</summary>
    public bool TryFind(string name, out string key, out string extension)
    {
        foreach (var candidate in Extensions)
            if (name.Length > candidate.Length && name.EndsWith(candidate, StringComparison.Ordinal)
                && _keys.Value.Contains(name[..^candidate.Length]))
            {
                (key, extension) = (name[..^candidate.Length], candidate);
                return true;
            }
        (key, extension) = ("", "");
        return false;
    }

    /// <summary>Every file's name within the folder, each once.</summary>
    public IEnumerable<string> Names => _keys.Value.Order(StringComparer.Ordinal).SelectMany(k => Extensions.Select(e => k + e));
}
