namespace Charter.Site.Check;

/// <summary>What a reference in the built site points at.</summary>
internal enum TargetKind
{
    /// <summary>A file of this site: <see cref="Target.Path"/> is the output path, index.html added for folders.</summary>
    Internal,
    /// <summary>Another site (http, https or protocol-relative to another host): not checked.</summary>
    External,
    /// <summary>mailto: (the one other scheme the allow-list takes): not checked.</summary>
    Other,
    /// <summary>javascript:, data:, vbscript: and anything else outside <see cref="Core.Safety.UrlPolicy"/>: never allowed in a page.</summary>
    Unsafe,
    /// <summary>This host, but outside the site's base path: the site cannot serve it.</summary>
    OutsideBase,
    Invalid,
}

internal readonly record struct Target(TargetKind Kind, string Path = "", string Fragment = "");

/// <summary>
/// Maps the addresses written in the built site back to its output files, the way a static server would: under
/// the base path of charter.yml's base_url, a path ending in '/' means its index.html, the query (such as the
/// search page's ?q=) and the fragment do not choose the file.
/// </summary>
internal sealed class SiteUrls
{
    private readonly Uri _base;

    public SiteUrls(string baseUrl)
    {
        _base = new Uri(baseUrl.EndsWith('/') ? baseUrl : baseUrl + "/", UriKind.Absolute);
        BasePath = _base.AbsolutePath;
    }

    /// <summary>The path part of the base URL, ending in '/'.</summary>
    public string BasePath { get; }

    /// <summary>The address a file is served at: fr/x/index.html → https://host/base/fr/x/.</summary>
    public Uri PageUri(string outputPath)
    {
        var path = outputPath == "index.html" ? "" : outputPath.EndsWith("/index.html", StringComparison.Ordinal)
            ? outputPath[..^"index.html".Length] : outputPath;
        return new Uri(_base, Uri.EscapeDataString(path).Replace("%2F", "/", StringComparison.Ordinal));
    }

    /// <summary>Resolves a reference (relative or absolute) written in the page at <paramref name="page"/>.</summary>
    public Target Resolve(Uri page, string reference)
    {
        var raw = reference.Trim();
        if (!Core.Safety.UrlPolicy.IsAllowed(raw)) return new Target(TargetKind.Unsafe);
        // Most addresses a theme writes are root-relative ("/fr/x/#p2-3"): split them by hand, which is much
        // cheaper than System.Uri on thousands of pages. Anything unusual (dot segments, backslashes, "//host",
        // a <base href> on another host) takes the general way below.
        if (raw.Length > 1 && raw[0] == '/' && raw[1] != '/' && raw.IndexOf('\\') < 0 && !raw.Contains("/.", StringComparison.Ordinal)
            && string.Equals(page.Host, _base.Host, StringComparison.OrdinalIgnoreCase))
        {
            var hash = raw.IndexOf('#');
            var end = raw.IndexOfAny(['?', '#']);
            return Local(end < 0 ? raw : raw[..end], hash < 0 ? "" : raw[(hash + 1)..]);
        }

        var colon = raw.IndexOf(':');
        if (colon > 0 && raw.IndexOfAny(['/', '?', '#']) is var first && (first < 0 || first > colon))
        {
            var scheme = raw[..colon].ToLowerInvariant();
            if (scheme is not ("http" or "https")) return new Target(TargetKind.Other);
        }
        if (!Uri.TryCreate(page, raw, out var uri)) return new Target(TargetKind.Invalid);
        // http and https on their default ports count as this site: a page may link to its own address either way.
        var samePort = uri.Port == _base.Port || uri.IsDefaultPort && _base.IsDefaultPort;
        if (!string.Equals(uri.Host, _base.Host, StringComparison.OrdinalIgnoreCase) || !samePort)
            return new Target(TargetKind.External);
        return Local(uri.AbsolutePath, uri.Fragment.Length > 1 ? uri.Fragment[1..] : "");
    }

    /// <summary>A path of this host (still escaped) and a fragment: the output file under the base path, and the id.</summary>
    private Target Local(string path, string fragment)
    {
        if (!path.StartsWith(BasePath, StringComparison.Ordinal)) return new Target(TargetKind.OutsideBase, path);
        var relative = Unescape(path[BasePath.Length..]);
        if (relative.Length == 0 || relative.EndsWith('/')) relative += "index.html";
        return new Target(TargetKind.Internal, relative, Unescape(fragment));
    }

    private static string Unescape(string text) => text.Contains('%') ? Uri.UnescapeDataString(text) : text;
}
