namespace Charter.Cli.Serve;

/// <summary>
/// Turns a request path into the key of a file of the built site ("fr/2/index.html"), or refuses it.
/// The site is served from memory, so a key can only ever name a built file; the checks here are a
/// second wall: anything that looks like an escape attempt or an encoding trick is refused outright
/// rather than "cleaned up" into something that might match.
/// </summary>
public static class SitePath
{
    /// <summary>
    /// <paramref name="path"/> is the request path as the server decoded it ("/fr/2/"). Returns false for
    /// paths no built file can have: dot segments, empty segments ("//x"), backslashes, leftover
    /// percent signs (double encoding, or %2F that the server keeps encoded), drive letters, control characters.
    /// </summary>
    public static bool TryGetKey(string path, out string key)
    {
        key = "";
        if (path.Length == 0 || path[0] != '/') return false;
        var relative = path[1..];
        foreach (var c in relative)
            if (c is '\\' or '%' or ':' or '\0' || char.IsControl(c)) return false;
        var segments = relative.Split('/');
        for (int i = 0; i < segments.Length; i++)
        {
            var segment = segments[i];
            // Only the last segment may be empty: it is the trailing slash of a folder address.
            if (segment.Length == 0 && i < segments.Length - 1) return false;
            if (segment is "." or "..") return false;
        }
        key = relative.Length == 0 || relative.EndsWith('/') ? relative + "index.html" : relative;
        return true;
    }

    /// <summary>The media type for a file of the site, by its extension (any case).</summary>
    public static string ContentType(string key) => key.EndsWith(".akn.xml", StringComparison.OrdinalIgnoreCase) ? "application/akn+xml; charset=utf-8"
        // Looked up by the extension's span: a snapshot asks for each of its ~100,000 files at every rebuild.
        : TypesBySpan.TryGetValue(Path.GetExtension(key.AsSpan()), out var type) ? type : "application/octet-stream";

    private static readonly Dictionary<string, string> Types = new(StringComparer.OrdinalIgnoreCase)
    {
        [".html"] = "text/html; charset=utf-8",
        [".css"] = "text/css; charset=utf-8",
        [".js"] = "text/javascript; charset=utf-8",
        [".mjs"] = "text/javascript; charset=utf-8",
        [".json"] = "application/json; charset=utf-8",
        [".xml"] = "application/xml; charset=utf-8",
        // The citation downloads (cite/*.bib, *.ris): their registered types, so that reference managers take them.
        [".bib"] = "application/x-bibtex; charset=utf-8",
        [".ris"] = "application/x-research-info-systems; charset=utf-8",
        [".txt"] = "text/plain; charset=utf-8",
        [".svg"] = "image/svg+xml",
        [".woff2"] = "font/woff2",
        [".woff"] = "font/woff",
        [".png"] = "image/png",
        [".jpg"] = "image/jpeg",
        [".jpeg"] = "image/jpeg",
        [".webp"] = "image/webp",
        [".ico"] = "image/x-icon",
        [".pdf"] = "application/pdf",
    };

    private static readonly Dictionary<string, string>.AlternateLookup<ReadOnlySpan<char>> TypesBySpan = Types.GetAlternateLookup<ReadOnlySpan<char>>();
}
