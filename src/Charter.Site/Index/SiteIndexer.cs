using System.Text;
using System.Xml;
using Charter.Core.Resolve;
using Charter.Site.Write;

namespace Charter.Site.Index;

/// <summary>
/// Stage 5, Index: the machine-readable side of the site — charter.json per language (contract 4), the search
/// index and document store per language (contract 5), the sitemap with hreflang alternates, OpenSearch
/// descriptions and robots.txt.
/// </summary>
public static class SiteIndexer
{
    /// <summary>
    /// charter.json of every charter in a language (and of the main charter at {lang}/charter.json), each as its
    /// path and how to make it: a build makes them at once, serve when they are first asked for.
    /// </summary>
    public static IEnumerable<(string Path, Func<byte[]> Make)> OpenData(ResolvedSite site, string language, Records records)
    {
        foreach (var slug in site.CharterSlugs.Where(s => site.Editions.ContainsKey((s, language))))
        {
            var bytes = new Lazy<byte[]>(() =>
            {
                var meta = site.Edition(slug, language).Meta.Value;
                return Json.OpenData(language, meta.Title, meta.Citation, records.Href(Permalinks.Charter(language, slug)),
                    new DocumentRecord(meta.Facts, meta.Place, site.Updated), records.Units(slug).Concat(records.DeclarationRecords()),
                    records.Href(Export.AknExport.PathFor(language, slug)), records.Topics(slug), Versions(site, slug, language, records));
            });
            yield return ($"{language}/{slug}/charter.json", () => bytes.Value);
            if (slug == site.MainCharter) yield return ($"{language}/charter.json", () => bytes.Value);
            // Each version of a charter with versions has its own, at its dated address (no Akoma Ntoso: that is of the current text).
            foreach (var dated in site.DatedEditions(slug, language))
            {
                var e = dated;
                var version = new Lazy<byte[]>(() =>
                {
                    var meta = e.Meta.Value;
                    return Json.OpenData(language, meta.Title, meta.Citation, records.Href(e.Home), new DocumentRecord(meta.Facts, meta.Place, null),
                        records.Units(e).Concat(records.DeclarationRecords()), null, null, Versions(site, slug, language, records));
                });
                yield return (e.Home + "charter.json", () => version.Value);
            }
        }
    }

    /// <summary>The versions of a charter that has them, oldest first, each with its dated address; null for a charter of one version.</summary>
    private static IReadOnlyList<VersionRecord>? Versions(ResolvedSite site, string slug, string language, Records records) =>
        site.DatedEditions(slug, language) is { Length: > 0 } dated
            ? dated.Select(e => new VersionRecord(e.Version!.Value.Id, e.Version.Value.Date.ToString(), e.Version.Value.Status, records.Href(e.Home),
                records.Href(e.Home + "charter.json"), e.Version.IsCurrent)).ToList()
            : null;

    /// <summary>The search documents of a language: every unit of every charter, then the declarations. Refs are positions.</summary>
    public static IReadOnlyList<UnitRecord> SearchDocuments(ResolvedSite site, string language, Records records) =>
        site.CharterSlugs.Where(s => site.Editions.ContainsKey((s, language)))
            .SelectMany(records.SearchUnits).Concat(records.DeclarationRecords()).ToList();

    /// <summary>The search documents of a dated version of a charter: its units, then the declarations.</summary>
    public static IReadOnlyList<UnitRecord> SearchDocuments(ResolvedEdition dated, Records records) =>
        records.SearchUnits(dated).Concat(records.DeclarationRecords()).ToList();

    /// <summary>A dated version's search page, and where its index and documents go: under its dated home.</summary>
    public static string VersionSearchPath(ResolvedEdition dated) => dated.Home + "search/";

    /// <summary>Where a language's search document store goes.</summary>
    public static string DocumentStorePath(string language) => $"{language}/search/documents.json";

    /// <summary>A page as the sitemap lists it: its address, its alternates by language tag, and the x-default one.</summary>
    public sealed record SitemapEntry(string Path, string Canonical, IReadOnlyList<(string Tag, string AbsoluteUrl)> Alternates, string XDefault);

    public const string SitemapPath = "sitemap.xml";

    /// <summary>sitemap.xml: every indexable page with its alternates in every language (xhtml:link hreflang).</summary>
    public static OutputFile Sitemap(IEnumerable<SitemapEntry> pages)
    {
        var settings = new XmlWriterSettings { Indent = true, Encoding = new UTF8Encoding(false), NewLineChars = "\n" };
        using var stream = new MemoryStream();
        using (var xml = XmlWriter.Create(stream, settings))
        {
            xml.WriteStartDocument();
            xml.WriteStartElement("urlset", "http://www.sitemaps.org/schemas/sitemap/0.9");
            xml.WriteAttributeString("xmlns", "xhtml", null, "http://www.w3.org/1999/xhtml");
            foreach (var page in pages.OrderBy(p => p.Path, StringComparer.Ordinal))
            {
                xml.WriteStartElement("url");
                xml.WriteElementString("loc", page.Canonical);
                foreach (var alternate in page.Alternates)
                {
                    xml.WriteStartElement("xhtml", "link", "http://www.w3.org/1999/xhtml");
                    xml.WriteAttributeString("rel", "alternate");
                    xml.WriteAttributeString("hreflang", alternate.Tag);
                    xml.WriteAttributeString("href", alternate.AbsoluteUrl);
                    xml.WriteEndElement();
                }
                xml.WriteStartElement("xhtml", "link", "http://www.w3.org/1999/xhtml");
                xml.WriteAttributeString("rel", "alternate");
                xml.WriteAttributeString("hreflang", "x-default");
                xml.WriteAttributeString("href", page.XDefault);
                xml.WriteEndElement();
                xml.WriteEndElement();
            }
            xml.WriteEndElement();
        }
        return new OutputFile(SitemapPath, stream.ToArray());
    }

    /// <summary>An OpenSearch description, so browsers can add the site's search for a language.</summary>
    public static OutputFile OpenSearch(string language, string siteTitle, string searchUrl, string iconUrl)
    {
        var settings = new XmlWriterSettings { Indent = true, Encoding = new UTF8Encoding(false), NewLineChars = "\n" };
        using var stream = new MemoryStream();
        using (var xml = XmlWriter.Create(stream, settings))
        {
            const string ns = "http://a9.com/-/spec/opensearch/1.1/";
            xml.WriteStartDocument();
            xml.WriteStartElement("OpenSearchDescription", ns);
            xml.WriteElementString("ShortName", ns, siteTitle.Length > 16 ? siteTitle[..16].TrimEnd() : siteTitle);
            xml.WriteElementString("Description", ns, siteTitle);
            xml.WriteElementString("InputEncoding", ns, "UTF-8");
            xml.WriteElementString("Language", ns, language);
            xml.WriteStartElement("Url", ns);
            xml.WriteAttributeString("type", "text/html");
            xml.WriteAttributeString("template", searchUrl + "?q={searchTerms}");
            xml.WriteEndElement();
            xml.WriteStartElement("Image", ns);
            xml.WriteAttributeString("type", "image/svg+xml");
            xml.WriteString(iconUrl);
            xml.WriteEndElement();
            xml.WriteEndElement();
        }
        return new OutputFile($"{language}/opensearch.xml", stream.ToArray());
    }

    public static OutputFile Robots(string sitemapUrl) =>
        new("robots.txt", Encoding.UTF8.GetBytes($"User-agent: *\nAllow: /\nSitemap: {sitemapUrl}\n"));
}
