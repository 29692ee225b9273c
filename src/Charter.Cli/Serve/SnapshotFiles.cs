using System.Collections;
using System.Collections.Concurrent;
using System.Diagnostics.CodeAnalysis;
using Charter.Site.Build;

namespace Charter.Cli.Serve;

/// <summary>
/// A snapshot's files by key: those the build made or listed one by one, and the folders it deferred whole (the
/// citation files), whose files are looked up by folder and name and made, once, when first asked for. A rebuild at
/// 100 charters used to list 100,000 citation files here, each with its path, its maker and its entry.
/// </summary>
internal sealed class SnapshotFiles(Dictionary<string, SiteFile> files, IReadOnlyList<DeferredFolder> folders) : IReadOnlyDictionary<string, SiteFile>
{
    // By folder: each edition's is its own ({lang}/{slug}/cite/, or its dated home's cite/, and a build whose pages share an
    // address fails); were two ever the same, the last would be served.
    private readonly Dictionary<string, Folder> _folders = folders.GroupBy(f => f.Folder, StringComparer.Ordinal)
        .ToDictionary(g => g.Key, g => new Folder(g.Last()), StringComparer.Ordinal);

    private sealed class Folder(DeferredFolder deferred)
    {
        private readonly ConcurrentDictionary<string, SiteFile> _made = new(StringComparer.Ordinal);

        public DeferredFolder Deferred => deferred;

        public SiteFile? Find(string path, string name) =>
            deferred.TryFind(name, out var key, out var extension)
                ? _made.GetOrAdd(path, p => new SiteFile(() => deferred.Make(key, extension), SitePath.ContentType(p)))
                : null;
    }

    public bool TryGetValue(string key, [MaybeNullWhen(false)] out SiteFile value)
    {
        if (files.TryGetValue(key, out value)) return true;
        var slash = key.LastIndexOf('/');
        if (slash >= 0 && _folders.TryGetValue(key[..(slash + 1)], out var folder) && folder.Find(key, key[(slash + 1)..]) is { } file)
        {
            value = file;
            return true;
        }
        value = null;
        return false;
    }

    public bool ContainsKey(string key) => TryGetValue(key, out _);

    public SiteFile this[string key] => TryGetValue(key, out var file) ? file : throw new KeyNotFoundException(key);

    private IEnumerable<string> FolderKeys => _folders.SelectMany(kv => kv.Value.Deferred.Names.Select(name => kv.Key + name));

    public int Count => files.Count + _folders.Values.Sum(f => f.Deferred.Count);

    public IEnumerable<string> Keys => files.Keys.Concat(FolderKeys);

    public IEnumerable<SiteFile> Values => Keys.Select(k => this[k]);

    public IEnumerator<KeyValuePair<string, SiteFile>> GetEnumerator() => Keys.Select(k => new KeyValuePair<string, SiteFile>(k, this[k])).GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}
