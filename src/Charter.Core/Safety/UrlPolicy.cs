namespace Charter.Core.Safety;

/// <summary>
/// The one allow-list for every address that content or a template puts into a page: http, https and mailto
/// URLs, and addresses within the site (a path, a fragment or a query, with no scheme). Anything else —
/// javascript:, data:, vbscript:, file:, a protocol-relative //host — is refused. Browsers drop leading spaces and
/// control characters and ignore tabs and line breaks anywhere in a URL ("java\tscript:"), so this reads the
/// address as a browser would before deciding.
/// </summary>
public static class UrlPolicy
{
    public static readonly string[] AllowedSchemes = ["http", "https", "mailto"];

    public static bool IsAllowed(string? url) => url is null || IsAllowed(url.AsSpan());

    /// <summary>The same, of an address read in place (a page's attribute): nothing is copied unless a space or control character must go.</summary>
    public static bool IsAllowed(ReadOnlySpan<char> url) =>
        url.IndexOfAnyInRange('\0', ' ') >= 0 ? Decide(Normalise(url.ToString())) : Decide(url);

    private static bool Decide(ReadOnlySpan<char> seen)
    {
        if (seen.Length == 0) return true;
        if (seen.StartsWith("//", StringComparison.Ordinal) || seen.StartsWith(@"\\", StringComparison.Ordinal) || seen.StartsWith("/\\", StringComparison.Ordinal))
            return false; // protocol-relative: another host, not the site
        var colon = seen.IndexOf(':');
        if (colon < 0) return true;
        // A colon after the first '/', '?' or '#' is part of the path, not a scheme ("a/b:c", "?q=a:b").
        var end = seen.IndexOfAny('/', '?', '#');
        if (end >= 0 && end < colon) return true;
        var scheme = seen[..colon];
        // An ASCII scheme is compared in place; any other is lowered as before (a few non-ASCII letters lower to ASCII).
        if (!System.Text.Ascii.IsValid(scheme)) return Array.IndexOf(AllowedSchemes, scheme.ToString().ToLowerInvariant()) >= 0;
        foreach (var allowed in AllowedSchemes)
            if (System.Text.Ascii.EqualsIgnoreCase(scheme, allowed)) return true;
        return false;
    }

    /// <summary>The address as a browser reads it: without leading and trailing C0 controls and spaces, and without tabs and line breaks.</summary>
    public static string Normalise(string url)
    {
        var chars = new System.Text.StringBuilder(url.Length);
        foreach (var c in url)
            if (c is not ('\t' or '\n' or '\r')) chars.Append(c);
        return chars.ToString().Trim(TrimmedChars);
    }

    private static readonly char[] TrimmedChars = [.. Enumerable.Range(0, 0x21).Select(i => (char)i)];

    public const string Hint = "use an http(s) or mailto: address, or a path within the site";
}
