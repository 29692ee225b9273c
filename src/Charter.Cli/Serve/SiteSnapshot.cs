using System.Text;
using Charter.Site.Build;

namespace Charter.Cli.Serve;

/// <summary>
/// A file ready to send, and its media type. A page gets the live-reload script before its &lt;/body&gt; as it is
/// sent, not copied into a new array at every build: a rebuild of 3,000 pages would otherwise copy them all for one
/// changed file. A deferred file (a search index) is made by the first request that needs it, once, whoever asks.
/// </summary>
public sealed class SiteFile
{
    // The bytes, or how to make them (a deferred file): no Lazy for the ~100,000 files a snapshot already holds.
    private readonly byte[]? _content;
    private readonly Lazy<byte[]>? _make;
    private readonly byte[]? _insert;
    private readonly int _insertAt;

    public SiteFile(byte[] content, string contentType) : this(content, null, contentType, null, 0) { }

    public SiteFile(Func<byte[]> make, string contentType)
        : this(null, new Lazy<byte[]>(make, LazyThreadSafetyMode.ExecutionAndPublication), contentType, null, 0) { }

    /// <summary>A page sent with <paramref name="script"/> before its last &lt;/body&gt; (or at its end if it has none).</summary>
    public static SiteFile Page(byte[] html, string contentType, byte[] script) =>
        new(html, null, contentType, script, BodyEnd(html));

    private SiteFile(byte[]? content, Lazy<byte[]>? make, string contentType, byte[]? insert, int insertAt)
    {
        _content = content;
        _make = make;
        ContentType = contentType;
        _insert = insert;
        _insertAt = insertAt;
    }

    private byte[] Body => _content ?? _make!.Value;

    public string ContentType { get; }

    public long Length => Body.Length + (_insert?.Length ?? 0);

    /// <summary>The bytes as sent (a copy for a page: for tests and small uses; the server streams with <see cref="WriteToAsync"/>).</summary>
    public byte[] Content
    {
        get
        {
            var body = Body;
            if (_insert is null) return body;
            var all = new byte[body.Length + _insert.Length];
            body.AsSpan(0, _insertAt).CopyTo(all);
            _insert.CopyTo(all.AsSpan(_insertAt));
            body.AsSpan(_insertAt).CopyTo(all.AsSpan(_insertAt + _insert.Length));
            return all;
        }
    }

    public async Task WriteToAsync(Stream stream, CancellationToken cancel)
    {
        var body = Body;
        if (_insert is null)
        {
            await stream.WriteAsync(body, cancel);
            return;
        }
        await stream.WriteAsync(body.AsMemory(0, _insertAt), cancel);
        await stream.WriteAsync(_insert, cancel);
        await stream.WriteAsync(body.AsMemory(_insertAt), cancel);
    }

    /// <summary>Where the script goes: before the last &lt;/body&gt;, or at the end if the page has none.</summary>
    private static int BodyEnd(byte[] html) => LastIndexOfIgnoreCase(html, "</body>"u8) is var at and >= 0 ? at : html.Length;

    private static int LastIndexOfIgnoreCase(ReadOnlySpan<byte> text, ReadOnlySpan<byte> lowerAscii)
    {
        for (int i = text.Length - lowerAscii.Length; i >= 0; i--)
        {
            int j = 0;
            while (j < lowerAscii.Length && Lower(text[i + j]) == lowerAscii[j]) j++;
            if (j == lowerAscii.Length) return i;
        }
        return -1;
    }

    private static byte Lower(byte b) => b is >= (byte)'A' and <= (byte)'Z' ? (byte)(b | 0x20) : b;
}

/// <summary>
/// One successful build, held in memory and never changed: requests read whichever snapshot is current,
/// and a rebuild swaps in a new one at once, so a page is never served half old, half new. Its maps are plain
/// dictionaries, filled before the snapshot is published and only read after (safe for concurrent readers): a frozen
/// dictionary answers a little faster but costs far more to make, and a snapshot is made at every rebuild (at 100
/// charters, 100,000 files: about 90 ms of a one-file rebuild went to freezing the two maps).
/// </summary>
public sealed class SiteSnapshot
{
    public const string LiveScriptPath = "/_charter/live.js";

    private SiteSnapshot(int build, IReadOnlyDictionary<string, SiteFile> files, Dictionary<string, byte[]> built)
    {
        Build = build;
        Files = files;
        Built = built;
    }

    /// <summary>Counts the builds whose output changed; pages carry it so a page that missed a reload can tell.</summary>
    public int Build { get; }

    /// <summary>The served files by key ("fr/2/index.html").</summary>
    public IReadOnlyDictionary<string, SiteFile> Files { get; }

    /// <summary>The files exactly as the build made them (before the script goes in), to tell what a rebuild changed.</summary>
    private Dictionary<string, byte[]> Built { get; }

    public static SiteSnapshot Create(int build, BuildResult result)
    {
        var built = new Dictionary<string, byte[]>(StringComparer.Ordinal);
        foreach (var file in result.Files) built[file.Path] = file.Content;
        // Assets are read now, not at request time: nothing a request asks for ever reaches the disk.
        foreach (var (path, source) in result.Assets) built[path] = Charter.Site.Write.AssetText.Read(path, source);

        var tag = Encoding.UTF8.GetBytes($"<script src=\"{LiveScriptPath}\" data-build=\"{build}\" defer></script>");
        var files = new Dictionary<string, SiteFile>(built.Count + result.Deferred.Count, StringComparer.Ordinal);
        foreach (var (path, content) in built)
        {
            var type = SitePath.ContentType(path);
            files[path] = type.StartsWith("text/html", StringComparison.Ordinal) ? SiteFile.Page(content, type, tag) : new SiteFile(content, type);
        }
        // Deferred files are not compared between builds (that would make them): a data file alone never reloads a page.
        foreach (var d in result.Deferred) files[d.Path] = new SiteFile(d.Make, SitePath.ContentType(d.Path));
        return new SiteSnapshot(build, new SnapshotFiles(files, result.DeferredFolders), built);
    }

    /// <summary>How many files differ from <paramref name="previous"/> (added, removed or changed).</summary>
    public int CountChanges(SiteSnapshot? previous)
    {
        if (previous is null) return Built.Count;
        // A page the build took from its memo is the very same array: no need to compare its bytes.
        var changed = Built.Count(kv => !previous.Built.TryGetValue(kv.Key, out var old)
            || (!ReferenceEquals(old, kv.Value) && !old.AsSpan().SequenceEqual(kv.Value)));
        return changed + previous.Built.Keys.Count(k => !Built.ContainsKey(k));
    }

    /// <summary>Puts the script tag before the last &lt;/body&gt; (or at the end if the page has none).</summary>
    public static byte[] InjectBeforeBodyEnd(byte[] html, byte[] tag) => SiteFile.Page(html, "text/html", tag).Content;
}
