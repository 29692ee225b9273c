using System.Text;
using System.Xml;
using Charter.Core.Model;
using Charter.Core.Resolve;
using Charter.Site.Markdown;
using Charter.Site.Text;

namespace Charter.Site.Export;

/// <summary>
/// Stage Export: a charter in one language as an Akoma Ntoso 3.0 document (<c>{lang}/{slug}/{slug}-{lang}.akn.xml</c>),
/// valid against the OASIS schema. Its metadata (<see cref="AknMeta"/>) says what the document is — FRBR identity,
/// adoption, status — and its body (<see cref="AknBody"/>) the units, each as the AKN element its kind names in
/// structure.yml.
/// </summary>
public static class AknExport
{
    public const string Namespace = "http://docs.oasis-open.org/legaldocml/ns/akn/3.0";

    /// <summary>The namespace of the document facts AKN has no element for (status, licence…), in its proprietary block.</summary>
    public const string FactsNamespace = "urn:x-charter:akn:facts:1";

    public const string MediaType = "application/akn+xml";

    public static string PathFor(string language, string slug) => $"{language}/{slug}/{slug}-{language}.akn.xml";

    /// <summary>An edition's document: the charter's, or a dated version's under its dated home ({lang}/{slug}/{id}/{slug}-{lang}.akn.xml).</summary>
    public static string PathFor(ResolvedEdition e) => e.Version is { Dated: true } ? $"{e.Home}{e.Slug}-{e.Language}.akn.xml" : PathFor(e.Language, e.Slug);

    /// <summary>What writing a document needs besides the edition: the site, every language's strings, Markdown.</summary>
    public sealed record Context(ResolvedSite Site, IReadOnlyDictionary<string, Strings> Strings, MarkdownRenderer Markdown)
    {
        /// <summary>A site language's ISO 639-2 code, from its i18n descriptor (akn_code), else its own code.</summary>
        public string LanguageCode(string language) =>
            Strings.TryGetValue(language, out var s) && s.Language.AknCode is { } code ? code : language;

        public string Absolute(string path) => Site.Config.BaseUrl + path;
    }

    public static byte[] Write(Context c, ResolvedEdition edition)
    {
        var identity = AknIdentity.For(c.Site, edition, c.LanguageCode);
        var settings = new XmlWriterSettings { Indent = true, IndentChars = "  ", Encoding = new UTF8Encoding(false), NewLineChars = "\n" };
        using var stream = new MemoryStream();
        using (var w = XmlWriter.Create(stream, settings))
        {
            w.WriteStartDocument();
            w.WriteStartElement("akomaNtoso", Namespace);
            w.WriteAttributeString("xmlns", "charter", null, FactsNamespace);
            w.WriteStartElement(edition.Structure.Akn.Type);
            w.WriteAttributeString("name", edition.Structure.Akn.Name);
            var body = new AknBody(w, c, edition);
            var meta = new AknMeta(w, c, edition, identity);
            meta.Write(body.Units);
            body.Write(meta);
            w.WriteEndElement();
            w.WriteEndElement();
        }
        return stream.ToArray();
    }
}
