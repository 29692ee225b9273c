using System.Text;
using System.Text.RegularExpressions;
using AngleSharp.Dom;
using AngleSharp.Html.Parser;
using Charter.Core.Diagnostics;
using Charter.Site.Render;
using Charter.Site.Write;

namespace Charter.Site.Check;

/// <summary>A reference found in the built site: where it is written, what it says and what it points at.</summary>
internal sealed record Reference(SourceLocation At, string Raw, Target Target, string What);

/// <summary>A hreflang alternate of a page: its language code (lower case, or x-default) and its reference.</summary>
internal sealed record Alternate(string Code, Reference Link);

/// <summary>
/// What the checks need to know about one HTML page, read once: the parsed document is dropped right away, so
/// checking thousands of pages keeps only these facts in memory.
/// </summary>
internal sealed class PageFacts(string path, SourceLocation at)
{
    public string Path { get; } = path;
    /// <summary>Where to report problems of the page as a whole: its &lt;html&gt; (or &lt;head&gt;) start tag.</summary>
    public SourceLocation At { get; } = at;
    public HashSet<string> Ids { get; } = new(StringComparer.Ordinal);
    public List<Reference> Links { get; } = [];
    public List<Reference> Canonicals { get; } = [];
    public List<Alternate> Alternates { get; } = [];
    public string? Lang { get; set; }
    public bool Noindex { get; set; }
    /// <summary>Problems found within the page alone (title, lang, inline scripts, duplicate ids).</summary>
    public List<Diagnostic> Problems { get; } = [];
}

/// <summary>Reads one HTML page with AngleSharp, keeping source positions for file:line:col diagnostics.</summary>
internal static partial class PageScanner
{
    public static HtmlParser NewParser() => new(new HtmlParserOptions { IsKeepingSourceReferences = true });

    // The attributes that hold an address. srcset holds several; meta refresh is handled apart.
    private static readonly string[] UrlAttributes = ["href", "src", "action", "poster", "xlink:href"];

    [GeneratedRegex(@"^\s*\d*(?:\.\d*)?\s*[;,]\s*(?:url\s*=\s*)?['""]?(?<url>[^'""]*)", RegexOptions.IgnoreCase)]
    private static partial Regex RefreshUrl();

    public static PageFacts Scan(OutputFile file, string displayPath, HtmlParser parser, SiteUrls urls)
    {
        var document = parser.ParseDocument(Encoding.UTF8.GetString(file.Content));
        SourceLocation At(IElement? element)
        {
            var position = element?.SourceReference?.Position;
            return position is { } p && p.Line > 0 ? new SourceLocation(displayPath, p.Line, Math.Max(1, p.Column)) : SourceLocation.File(displayPath);
        }

        var root = document.DocumentElement;
        var page = new PageFacts(file.Path, At(root));
        var pageUri = urls.PageUri(file.Path);
        // A <base href> changes what every relative address of the page means.
        if (document.Head?.Children.FirstOrDefault(e => e.LocalName == "base" && e.HasAttribute("href"))?.GetAttribute("href") is { } baseHref
            && Uri.TryCreate(pageUri, baseHref.Trim(), out var based))
            pageUri = based;

        Reference? AddLink(IElement element, string raw, string what)
        {
            var target = urls.Resolve(pageUri, raw);
            var reference = new Reference(At(element), raw, target, what);
            if (target.Kind == TargetKind.Unsafe)
            {
                // javascript: is inline code, which the Content-Security-Policy blocks (CH108); any other scheme outside
                // the allow-list (data:, vbscript:, file:, //host) is an unsafe address (CH022).
                page.Problems.Add(Core.Safety.UrlPolicy.Normalise(raw).StartsWith("javascript:", StringComparison.OrdinalIgnoreCase)
                    ? new Diagnostic(Severity.Error, Codes.InlineScript, reference.At,
                        $"{what} '{Shorten(raw)}' runs a javascript: URL, which the Content-Security-Policy blocks", "move the code to a script file of the theme")
                    : new Diagnostic(Severity.Error, Codes.UnsafeUrl, reference.At,
                        $"{what} '{Shorten(raw)}' is not an allowed address", Core.Safety.UrlPolicy.Hint));
                return null;
            }
            page.Links.Add(reference);
            return reference;
        }

        var firstId = new Dictionary<string, SourceLocation>(StringComparer.Ordinal);
        foreach (var element in document.All)
        {
            var id = element.Id;
            if (!string.IsNullOrEmpty(id))
            {
                if (firstId.TryGetValue(id, out var first))
                    page.Problems.Add(new Diagnostic(Severity.Error, Codes.DuplicateElementId, At(element),
                        $"the id '{id}' is used twice in this page (first at line {first.Line})", "a fragment #id can only lead to one element; make each id unique"));
                else firstId[id] = At(element);
                page.Ids.Add(id);
            }
            // <a name> is still a fragment target in HTML.
            if (element.LocalName == "a" && element.GetAttribute("name") is { Length: > 0 } name) page.Ids.Add(name);

            Reference? href = null;
            foreach (var attribute in element.Attributes)
            {
                var attributeName = attribute.Name;
                if (attributeName.Length > 2 && attributeName.StartsWith("on", StringComparison.OrdinalIgnoreCase))
                    page.Problems.Add(new Diagnostic(Severity.Error, Codes.InlineScript, At(element),
                        $"<{element.LocalName}> has an inline event handler '{attributeName}', which the Content-Security-Policy blocks",
                        "attach the handler from a script file of the theme"));
                else if (Array.IndexOf(UrlAttributes, attributeName) >= 0 && !(element.LocalName == "base" && attributeName == "href"))
                {
                    var reference = AddLink(element, attribute.Value, $"<{element.LocalName} {attributeName}>");
                    if (attributeName == "href") href = reference;
                }
                else if (attributeName is "srcset" or "imagesrcset")
                    foreach (var candidate in attribute.Value.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
                        AddLink(element, candidate.Split(' ', 2)[0], $"<{element.LocalName} {attributeName}>");
                else if (attributeName == "data" && element.LocalName == "object")
                    AddLink(element, attribute.Value, "<object data>");
                else if (attributeName == "srcdoc")
                    page.Problems.Add(new Diagnostic(Severity.Error, Codes.UnsafeUrl, At(element),
                        $"<{element.LocalName} srcdoc> embeds a whole document in an attribute, where its scripts and links escape the checks",
                        "link to a page of the site instead"));
                else if (attributeName == "style")
                    foreach (var url in Css.Urls(attribute.Value))
                        AddLink(element, url.Value, $"<{element.LocalName} style> url()");
            }

            switch (element.LocalName)
            {
                case "style":
                    foreach (var url in Css.Urls(element.TextContent)) AddLink(element, url.Value, "<style> url()");
                    break;
                case "script" when element.NamespaceUri == NamespaceNames.HtmlUri:
                    if (!element.HasAttribute("src") && !string.IsNullOrWhiteSpace(element.TextContent) && !IsDataBlock(element.GetAttribute("type")))
                        page.Problems.Add(new Diagnostic(Severity.Error, Codes.InlineScript, At(element),
                            "inline <script>: the Content-Security-Policy blocks it", "move the code to a script file of the theme (JSON data may stay inline as type=\"application/ld+json\")"));
                    break;
                case "meta":
                    if (string.Equals(element.GetAttribute("http-equiv"), "refresh", StringComparison.OrdinalIgnoreCase)
                        && RefreshUrl().Match(element.GetAttribute("content") ?? "") is { Success: true } m && m.Groups["url"].Value.Trim().Length > 0)
                        AddLink(element, m.Groups["url"].Value.Trim(), "<meta http-equiv=refresh>");
                    if (string.Equals(element.GetAttribute("name"), "robots", StringComparison.OrdinalIgnoreCase)
                        && Tokens(element.GetAttribute("content")).Any(t => t is "noindex" or "none"))
                        page.Noindex = true;
                    break;
                case "link" when href is not null:
                    var rel = Tokens(element.GetAttribute("rel"));
                    if (rel.Contains("canonical")) page.Canonicals.Add(href);
                    if (rel.Contains("alternate") && element.GetAttribute("hreflang") is { } hreflang)
                        page.Alternates.Add(new Alternate(hreflang.Trim().ToLowerInvariant(), href));
                    break;
            }
        }

        page.Lang = root?.GetAttribute("lang");
        if (string.IsNullOrWhiteSpace(page.Lang))
            page.Problems.Add(new Diagnostic(Severity.Error, Codes.PageWithoutLang, page.At,
                "the page has no lang on <html>", "set <html lang=\"…\"> in the theme's layout, from page.lang"));

        var title = document.Head?.Children.FirstOrDefault(e => e.LocalName == "title");
        if (title is null || string.IsNullOrWhiteSpace(title.TextContent))
            page.Problems.Add(new Diagnostic(Severity.Error, Codes.PageWithoutTitle, title is null ? At(document.Head) : At(title),
                title is null ? "the page has no <title>" : "the page's <title> is empty", "give every page a title in the theme's layout"));
        return page;
    }

    // The types a browser runs (HTML's "JavaScript MIME type essence match", plus module, importmap and
    // speculationrules, which the Content-Security-Policy governs too). Any other type is a data block, never run:
    // JSON-LD (application/ld+json) stays allowed inline.
    private static readonly HashSet<string> ExecutableTypes = new(StringComparer.Ordinal)
    {
        "", "module", "importmap", "speculationrules",
        "application/ecmascript", "application/javascript", "application/x-ecmascript", "application/x-javascript",
        "text/ecmascript", "text/javascript", "text/javascript1.0", "text/javascript1.1", "text/javascript1.2", "text/javascript1.3",
        "text/javascript1.4", "text/javascript1.5", "text/jscript", "text/livescript", "text/x-ecmascript", "text/x-javascript",
    };

    private static bool IsDataBlock(string? type) =>
        !ExecutableTypes.Contains((type ?? "").Split(';')[0].Trim().ToLowerInvariant());

    private static string[] Tokens(string? value) =>
        (value ?? "").ToLowerInvariant().Split([' ', '\t', '\n', '\r', '\f', ','], StringSplitOptions.RemoveEmptyEntries);

    public static string Shorten(string text) => text.Length <= 80 ? text : text[..77] + "...";
}
