using System.Net;
using Charter.Core.Diagnostics;
using Charter.Core.Safety;

namespace Charter.Site.Render;

/// <summary>
/// The last gate before a page is written: every address in the page's HTML attributes (href, src, action,
/// srcset, meta refresh, …) must pass <see cref="UrlPolicy"/>. Content is checked where it is read, and Markdown
/// links are neutralised as they are rendered; this catches what a template itself puts together. A page that fails
/// is not written and the build fails, at the template. A small scanner of tags and attributes, not a full HTML
/// parser: one pass over each page, with entities decoded as a browser would (<c>java&amp;#x09;script:</c>).
/// </summary>
public static class UnsafeUrls
{
    private static readonly HashSet<string> UrlAttributes = new(StringComparer.OrdinalIgnoreCase)
    {
        "href", "src", "action", "formaction", "poster", "data", "cite", "background", "ping", "manifest", "codebase",
        "longdesc", "icon", "xlink:href", "lowsrc", "dynsrc",
    };

    private static readonly string[] RawTextElements = ["script", "style", "textarea", "title", "xmp", "noembed", "noframes"];

    /// <summary>True when every address in the page is allowed; else an error per bad address, and false.</summary>
    public static bool Check(ReadOnlySpan<char> html, string template, string pagePath, DiagnosticBag diagnostics)
    {
        var ok = true;
        foreach (var (element, attribute, value) in Addresses(html))
        {
            ok = false;
            var shown = value.Length > 60 ? value[..57] + "..." : value;
            diagnostics.Error(Codes.UnsafeUrl, SourceLocation.File(template),
                attribute == "srcdoc"
                    ? $"page {pagePath}: <{element} srcdoc> embeds a document in an attribute, where its addresses and scripts escape every check"
                    : $"page {pagePath}: <{element} {attribute}> would carry the address '{shown}', which is not allowed",
                attribute == "srcdoc" ? "link to a page of the site instead" : UrlPolicy.Hint);
        }
        return ok;
    }

    /// <summary>The attributes whose value is read: those that carry an address, and the meta refresh's two.</summary>
    private static readonly HashSet<string> ReadAttributes = new(UrlAttributes.Append("srcdoc").Append("srcset").Append("imagesrcset")
        .Append("content").Append("http-equiv"), StringComparer.OrdinalIgnoreCase);

    private static readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> ReadAttribute = ReadAttributes.GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>The (element, attribute, value) of every attribute whose address is not allowed, in page order.</summary>
    /// <remarks>
    /// Runs over every page the build writes, so it copies nothing it need not: the page is read where the renderer
    /// wrote it, names are lowered into a buffer on the stack, and an address becomes a string only when it holds a
    /// character reference to decode (or is refused).
    /// </remarks>
    public static List<(string Element, string Attribute, string Value)> Addresses(ReadOnlySpan<char> html)
    {
        int i = 0;
        var found = new List<(string, string, string)>();
        while ((i = IndexOf(html, '<', i)) >= 0)
        {
            if (html[i..].StartsWith("<!--", StringComparison.Ordinal))
            {
                var end = IndexOf(html, "-->", i + 4, StringComparison.Ordinal);
                i = end < 0 ? html.Length : end + 3;
                continue;
            }
            if (i + 1 >= html.Length || !char.IsAsciiLetter(html[i + 1]))
            {
                i++;
                continue;
            }
            var (element, p) = Tag(html, i, found);
            i = p;
            if (element is not null)
            {
                var end = IndexOf(html, "</" + element, i, StringComparison.OrdinalIgnoreCase);
                i = end < 0 ? html.Length : end;
            }
        }
        return found;
    }

    private static int IndexOf(ReadOnlySpan<char> text, char c, int from) => text[from..].IndexOf(c) is var at and >= 0 ? from + at : -1;

    private static int IndexOf(ReadOnlySpan<char> text, string value, int from, StringComparison comparison) =>
        text[from..].IndexOf(value, comparison) is var at and >= 0 ? from + at : -1;

    /// <summary>
    /// Reads the tag at <paramref name="start"/>, adding its disallowed addresses to <paramref name="found"/>: the name of
    /// the element when its content is raw text (script, style, …) to skip, and where the tag ends.
    /// </summary>
    private static (string? RawText, int End) Tag(ReadOnlySpan<char> html, int start, List<(string, string, string)> found)
    {
        Span<char> buffer = stackalloc char[64];
        int nameStart = start + 1, p = nameStart;
        while (p < html.Length && !IsSpace(html[p]) && html[p] is not ('>' or '/')) p++;
        var name = Lowered(html.Slice(nameStart, p - nameStart), buffer, out var nameString);
        var isMeta = name.SequenceEqual("meta");
        var element = nameString;
        string? refresh = null;
        Span<char> attributeBuffer = stackalloc char[64];
        while (p < html.Length && html[p] != '>')
        {
            if (IsSpace(html[p]) || html[p] == '/') { p++; continue; }
            int an = p;
            while (p < html.Length && !IsSpace(html[p]) && html[p] is not ('=' or '>' or '/')) p++;
            var attribute = Lowered(html.Slice(an, p - an), attributeBuffer, out _);
            while (p < html.Length && IsSpace(html[p])) p++;
            int valueStart = p, valueEnd = p;
            if (p < html.Length && html[p] == '=')
            {
                p++;
                while (p < html.Length && IsSpace(html[p])) p++;
                if (p < html.Length && html[p] is '"' or '\'')
                {
                    var quote = html[p];
                    var close = IndexOf(html, quote, p + 1);
                    if (close < 0) close = html.Length;
                    (valueStart, valueEnd) = (p + 1, close);
                    p = Math.Min(html.Length, close + 1);
                }
                else
                {
                    valueStart = p;
                    while (p < html.Length && !IsSpace(html[p]) && html[p] != '>') p++;
                    valueEnd = p;
                }
            }
            if (attribute.Length == 0) { p++; continue; }
            // The set's own (lower-case) name: no string is made for the name of an attribute.
            if (!ReadAttribute.TryGetValue(attribute, out var attributeName)) continue;
            var raw = valueEnd > valueStart ? html.Slice(valueStart, valueEnd - valueStart) : default;
            // The common case, an address with no character reference in it, is judged where it is written.
            if (UrlAttributes.Contains(attributeName) && raw.IndexOf('&') < 0)
            {
                if (!UrlPolicy.IsAllowed(raw)) found.Add((element ??= name.ToString(), attributeName, raw.ToString()));
                continue;
            }
            var value = Decode(raw.ToString());
            if (attributeName == "srcdoc") found.Add((element ??= name.ToString(), attributeName, value));
            else if (UrlAttributes.Contains(attributeName) && !UrlPolicy.IsAllowed(value)) found.Add((element ??= name.ToString(), attributeName, value));
            else if (attributeName is "srcset" or "imagesrcset")
                foreach (var candidate in value.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
                    if (!UrlPolicy.IsAllowed(candidate.Split(' ', 2)[0])) found.Add((element ??= name.ToString(), attributeName, candidate));
            if (isMeta && attributeName == "content") refresh = value;
            if (isMeta && attributeName == "http-equiv" && value.Trim().Equals("refresh", StringComparison.OrdinalIgnoreCase)) refresh ??= "";
        }
        if (isMeta && refresh is { } content && RefreshTarget(content) is { } target && !UrlPolicy.IsAllowed(target))
            found.Add((element ??= name.ToString(), "content", target));
        string? rawText = null;
        foreach (var raw in RawTextElements)
            if (name.SequenceEqual(raw)) rawText = raw;
        return (rawText, p);
    }

    /// <summary>A name lowered as <see cref="string.ToLowerInvariant()"/> would, into <paramref name="buffer"/> when it fits (else a string).</summary>
    private static ReadOnlySpan<char> Lowered(ReadOnlySpan<char> name, Span<char> buffer, out string? asString)
    {
        if (name.Length <= buffer.Length)
        {
            asString = null;
            var written = name.ToLowerInvariant(buffer);
            return buffer[..written];
        }
        asString = name.ToString().ToLowerInvariant();
        return asString;
    }

    /// <summary>The address of a meta refresh ("0; url=…"), if any.</summary>
    private static string? RefreshTarget(string content)
    {
        var at = content.IndexOf("url", StringComparison.OrdinalIgnoreCase);
        if (at < 0) return null;
        var rest = content[(at + 3)..].TrimStart();
        if (!rest.StartsWith('=')) return null;
        return rest[1..].Trim().Trim('\'', '"');
    }

    private static bool IsSpace(char c) => c is ' ' or '\t' or '\n' or '\r' or '\f';

    /// <summary>Character references decoded as the browser will (HTML5's &amp;colon; &amp;Tab; &amp;NewLine; too, which .NET does not know).</summary>
    private static string Decode(string value)
    {
        if (value.IndexOf('&') < 0) return value;
        var named = value.Replace("&colon;", ":", StringComparison.OrdinalIgnoreCase)
            .Replace("&Tab;", "\t", StringComparison.OrdinalIgnoreCase)
            .Replace("&NewLine;", "\n", StringComparison.OrdinalIgnoreCase);
        // A reference without its ';' ("&#106avascript") still counts in an attribute; add one so .NET decodes it.
        named = System.Text.RegularExpressions.Regex.Replace(named, @"&#([xX][0-9a-fA-F]+)(?![0-9a-fA-F;])|&#([0-9]+)(?![0-9;])", "&#$1$2;");
        return WebUtility.HtmlDecode(named);
    }
}
