using System.Collections.Frozen;
using System.Text;
using Charter.Site.Build;

namespace Charter.Cli.Serve;

/// <summary>
/// A file ready to send: its bytes as served (HTML with the live-reload script) and its media type. A deferred file
/// (a search index) is made by the first request that needs it, once, whoever asks.
/// </summary>
public sealed class SiteFile
{
    private readonly Lazy<byte[]> _content;

    public SiteFile(byte[] content, string contentType) : this(new Lazy<byte[]>(content), contentType) { }

    public SiteFile(Func<byte[]> make, string contentType) : this(new Lazy<byte[]>(make, LazyThreadSafetyMode.ExecutionAndPublication), contentType) { }

    private SiteFile(Lazy<byte[]> content, string contentType)
    {
        _content = content;
        ContentType = contentType;
    }

    public byte[] Content => _content.Value;
    public string ContentType { get; }
}

/// <summary>
/// One successful build, held in memory and never changed: requests read whichever snapshot is current,
/// and a rebuild swaps in a new one at once, so a page is never served half old, half new.
/// </summary>
public sealed class SiteSnapshot
{
    public const string LiveScriptPath = "/_charter/live.js";

    private SiteSnapshot(int build, FrozenDictionary<string, SiteFile> files, FrozenDictionary<string, byte[]> built)
    {
        Build = build;
        Files = files;
        Built = built;
    }

    /// <summary>Counts the builds whose output changed; pages carry it so a page that missed a reload can tell.</summary>
    public int Build { get; }

    /// <summary>The served files by key ("fr/2/index.html").</summary>
    public FrozenDictionary<string, SiteFile> Files { get; }

    /// <summary>The files exactly as the build made them (before the script goes in), to tell what a rebuild changed.</summary>
    private FrozenDictionary<string, byte[]> Built { get; }

    public static SiteSnapshot Create(int build, BuildResult result)
    {
        var built = new Dictionary<string, byte[]>(StringComparer.Ordinal);
        foreach (var file in result.Files) built[file.Path] = file.Content;
        // Assets are read now, not at request time: nothing a request asks for ever reaches the disk.
        foreach (var (path, source) in result.Assets) built[path] = File.ReadAllBytes(source);

        var tag = Encoding.UTF8.GetBytes($"<script src=\"{LiveScriptPath}\" data-build=\"{build}\" defer></script>");
        var files = built.Select(kv =>
            {
                var type = SitePath.ContentType(kv.Key);
                return KeyValuePair.Create(kv.Key, new SiteFile(type.StartsWith("text/html", StringComparison.Ordinal) ? InjectBeforeBodyEnd(kv.Value, tag) : kv.Value, type));
            })
            // Deferred files are not compared between builds (that would make them): a search index alone never reloads a page.
            .Concat(result.Deferred.Select(d => KeyValuePair.Create(d.Path, new SiteFile(d.Make, SitePath.ContentType(d.Path)))))
            .ToFrozenDictionary(StringComparer.Ordinal);
        return new SiteSnapshot(build, files, built.ToFrozenDictionary(StringComparer.Ordinal));
    }

    /// <summary>How many files differ from <paramref name="previous"/> (added, removed or changed).</summary>
    public int CountChanges(SiteSnapshot? previous)
    {
        if (previous is null) return Built.Count;
        var changed = Built.Count(kv => !previous.Built.TryGetValue(kv.Key, out var old) || !old.AsSpan().SequenceEqual(kv.Value));
        return changed + previous.Built.Keys.Count(k => !Built.ContainsKey(k));
    }

    /// <summary>Puts the script tag before the last &lt;/body&gt; (or at the end if the page has none).</summary>
    public static byte[] InjectBeforeBodyEnd(byte[] html, byte[] tag)
    {
        var at = LastIndexOfIgnoreCase(html, "</body>"u8);
        if (at < 0) at = html.Length;
        var result = new byte[html.Length + tag.Length];
        html.AsSpan(0, at).CopyTo(result);
        tag.CopyTo(result.AsSpan(at));
        html.AsSpan(at).CopyTo(result.AsSpan(at + tag.Length));
        return result;
    }

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
