using System.Text;
using System.Text.Json;
using System.Xml;
using Charter.Core.Diagnostics;
using Charter.Site.Render;
using Charter.Site.Write;

namespace Charter.Site.Check;

/// <summary>
/// Reads the addresses in the machine-readable files of the built site: the sitemap's &lt;loc&gt; and hreflang
/// links, the "url" of every unit in charter.json (contract 4) and in the search document store, robots.txt's
/// Sitemap line. A file that does not parse is a bug of the generator, reported as such.
/// </summary>
internal static class DataFileScanner
{
    private const string SitemapNs = "http://www.sitemaps.org/schemas/sitemap/0.9";
    private const string XhtmlNs = "http://www.w3.org/1999/xhtml";

    /// <summary>The JSON files whose "url" values must lead to a page or a unit of the site.</summary>
    public static bool HasUnitUrls(string path)
    {
        var name = path[(path.LastIndexOf('/') + 1)..];
        return name == "charter.json" || path.EndsWith("search/documents.json", StringComparison.Ordinal);
    }

    /// <summary>The sitemap's page addresses (<c>loc</c>) and its alternates (<c>xhtml:link href</c>).</summary>
    public static (List<Reference> Locs, List<Reference> Alternates) Sitemap(OutputFile file, string displayPath, SiteUrls urls, List<Diagnostic> problems)
    {
        var locs = new List<Reference>();
        var alternates = new List<Reference>();
        var root = urls.PageUri("index.html");
        try
        {
            using var reader = XmlReader.Create(new MemoryStream(file.Content), new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit });
            var info = (IXmlLineInfo)reader;
            while (reader.Read())
            {
                if (reader.NodeType != XmlNodeType.Element) continue;
                // Line positions point at the element's name; the diagnostic points at its '<'.
                var at = new SourceLocation(displayPath, info.LineNumber, Math.Max(1, info.LinePosition - 1));
                if (reader.LocalName == "loc" && reader.NamespaceURI == SitemapNs)
                {
                    var loc = reader.ReadElementContentAsString().Trim();
                    locs.Add(new Reference(at, loc, urls.Resolve(root, loc), "sitemap <loc>"));
                }
                else if (reader.LocalName == "link" && reader.NamespaceURI == XhtmlNs && reader.GetAttribute("href") is { } href)
                    alternates.Add(new Reference(at, href, urls.Resolve(root, href), $"sitemap alternate ({reader.GetAttribute("hreflang")})"));
            }
        }
        catch (XmlException e)
        {
            problems.Add(new Diagnostic(Severity.Error, Codes.Internal, new SourceLocation(displayPath, Math.Max(1, e.LineNumber), Math.Max(1, e.LinePosition)),
                $"sitemap.xml is not well-formed XML: {e.Message}", "this is a bug in Charter; please report it with this line"));
        }
        return (locs, alternates);
    }

    /// <summary>A citation download (cite/KEY.bib, .ris, .json): the address it gives must be a page or a unit of the site.</summary>
    public static bool IsCitation(string path) =>
        path.Contains("/cite/", StringComparison.Ordinal) && (path.EndsWith(".bib", StringComparison.Ordinal)
            || path.EndsWith(".ris", StringComparison.Ordinal) || path.EndsWith(".json", StringComparison.Ordinal));

    /// <summary>The address of a citation download: BibTeX's url field, RIS's UR tag, CSL-JSON's URL.</summary>
    public static List<Reference> CitationUrls(OutputFile file, string displayPath, SiteUrls urls, List<Diagnostic> problems)
    {
        if (file.Path.EndsWith(".json", StringComparison.Ordinal)) return JsonUrls(file, displayPath, urls, problems, "URL");
        var result = new List<Reference>();
        var root = urls.PageUri("index.html");
        var lines = Encoding.UTF8.GetString(file.Content).Split('\n');
        for (int i = 0; i < lines.Length; i++)
        {
            var line = lines[i].TrimEnd('\r');
            var trimmed = line.TrimStart();
            string? url = trimmed.StartsWith("url = {", StringComparison.Ordinal) && trimmed.EndsWith("},", StringComparison.Ordinal) ? trimmed[7..^2]
                : line.StartsWith("UR  - ", StringComparison.Ordinal) ? line[6..].Trim() : null;
            if (url is not null)
                result.Add(new Reference(new SourceLocation(displayPath, i + 1, line.Length - trimmed.Length + 1), url, urls.Resolve(root, url), "citation URL"));
        }
        return result;
    }

    /// <summary>Every string value of a property named "url" (and "akn") or <paramref name="property"/>, wherever it sits in the document.</summary>
    public static List<Reference> JsonUrls(OutputFile file, string displayPath, SiteUrls urls, List<Diagnostic> problems, string property = "url")
    {
        var result = new List<Reference>();
        var root = urls.PageUri("index.html");
        var content = file.Content;
        var reader = new Utf8JsonReader(content, new JsonReaderOptions { CommentHandling = JsonCommentHandling.Skip });
        var lines = new LineIndex(content);
        try
        {
            while (reader.Read())
            {
                // charter.json also names its Akoma Ntoso export in "akn".
                if (reader.TokenType != JsonTokenType.PropertyName) continue;
                var name = reader.ValueTextEquals(property) ? property : property == "url" && reader.ValueTextEquals("akn") ? "akn" : null;
                if (name is null) continue;
                if (!reader.Read() || reader.TokenType != JsonTokenType.String) continue;
                var url = reader.GetString()!;
                result.Add(new Reference(lines.At(displayPath, (int)reader.TokenStartIndex), url, urls.Resolve(root, url), $"\"{name}\""));
            }
        }
        catch (JsonException e)
        {
            problems.Add(new Diagnostic(Severity.Error, Codes.Internal,
                new SourceLocation(displayPath, (int)(e.LineNumber ?? 0) + 1, (int)(e.BytePositionInLine ?? 0) + 1),
                $"{file.Path} is not valid JSON: {e.Message}", "this is a bug in Charter; please report it with this line"));
        }
        return result;
    }

    /// <summary>robots.txt's Sitemap lines.</summary>
    public static List<Reference> Robots(OutputFile file, string displayPath, SiteUrls urls)
    {
        var result = new List<Reference>();
        var root = urls.PageUri("index.html");
        var lines = Encoding.UTF8.GetString(file.Content).Split('\n');
        for (int i = 0; i < lines.Length; i++)
        {
            var line = lines[i].Trim();
            if (!line.StartsWith("sitemap:", StringComparison.OrdinalIgnoreCase)) continue;
            var url = line["sitemap:".Length..].Trim();
            result.Add(new Reference(new SourceLocation(displayPath, i + 1, 1), url, urls.Resolve(root, url), "robots.txt Sitemap"));
        }
        return result;
    }

    /// <summary>Turns byte offsets into 1-based line and column (in characters) for diagnostics.</summary>
    private sealed class LineIndex
    {
        private readonly byte[] _content;
        private readonly List<int> _starts = [0];

        public LineIndex(byte[] content)
        {
            _content = content;
            for (int i = 0; i < content.Length; i++) if (content[i] == '\n') _starts.Add(i + 1);
        }

        public SourceLocation At(string path, int offset)
        {
            var line = _starts.BinarySearch(offset);
            if (line < 0) line = ~line - 1;
            var column = Encoding.UTF8.GetCharCount(_content, _starts[line], offset - _starts[line]) + 1;
            return new SourceLocation(path, line + 1, column);
        }
    }
}
