using System.Globalization;
using System.Xml;
using Charter.Core.Resolve;

namespace Charter.Site.Export;

/// <summary>
/// The <c>meta</c> block of a charter's AKN document: its FRBR identification, its adoption as a lifecycle event,
/// the organisations it names, and — in a proprietary block, since AKN has no element for them — the document facts
/// as the content states them (status, adoption to its precision, place, version, licence, last change) and the
/// permalink and eId of every unit. Only what the content says is written; nothing is guessed.
/// </summary>
internal sealed class AknMeta(XmlWriter w, AknExport.Context c, ResolvedEdition edition, AknIdentity id)
{
    private const string Publisher = "publisher";

    // Organisations are named from the source language, so their ids are the same in every expression.
    private readonly Core.Model.CharterMeta _source = c.Site.Editions.TryGetValue((edition.Slug, c.Site.Config.Languages[0]), out var s)
        ? s.Meta.Value : edition.Meta.Value;

    private string AuthorId => AknIdentity.Slug(_source.Organization);

    private string? AdoptedBy => _source.Facts.AdoptedBy is { } by ? AknIdentity.Slug(by) : null;

    public void Write(IReadOnlyList<AknBody.UnitEntry> units)
    {
        var meta = edition.Meta.Value;
        var facts = meta.Facts;
        w.WriteStartElement("meta");
        Identification(null);
        if (facts.Adopted is not null)
        {
            w.WriteStartElement("lifecycle");
            w.WriteAttributeString("source", "#" + Publisher);
            w.WriteStartElement("eventRef");
            w.WriteAttributeString("eId", "eref_1");
            w.WriteAttributeString("date", id.WorkDate.Date);
            w.WriteAttributeString("source", "#" + (AdoptedBy ?? AuthorId));
            w.WriteAttributeString("type", "generation");
            w.WriteAttributeString("refersTo", "#adoption");
            w.WriteEndElement();
            w.WriteEndElement();
        }
        w.WriteStartElement("references");
        w.WriteAttributeString("source", "#" + Publisher);
        if (facts.Adopted is not null) Tlc("TLCEvent", "adoption", "/akn/ontology/event/adoption", Label("record_adopted"));
        Tlc("TLCOrganization", AuthorId, "/akn/ontology/organization/" + AuthorId, Typo(meta.Organization));
        if (AdoptedBy is { } body && body != AuthorId) Tlc("TLCOrganization", body, "/akn/ontology/organization/" + body, Typo(facts.AdoptedBy!));
        Tlc("TLCOrganization", Publisher, c.Site.Config.BaseUrl, Typo(c.Site.Config.TitleIn(edition.Language)));
        w.WriteEndElement();
        Proprietary(units);
        w.WriteEndElement();
    }

    /// <summary>FRBR Work, Expression and Manifestation; of a component of the document (an attachment) when <paramref name="component"/> is given.</summary>
    public void Identification(string? component)
    {
        var part = "/!" + (component ?? "main");
        w.WriteStartElement("identification");
        w.WriteAttributeString("source", "#" + Publisher);

        w.WriteStartElement("FRBRWork");
        Value("FRBRthis", id.Work + part);
        Value("FRBRuri", id.Work);
        Date(id.WorkDate);
        Author("#" + AuthorId);
        Value("FRBRcountry", id.Country);
        Value("FRBRsubtype", id.Subtype);
        Value("FRBRnumber", id.Number);
        w.WriteEndElement();

        w.WriteStartElement("FRBRExpression");
        Value("FRBRthis", id.Expression + part);
        Value("FRBRuri", id.Expression);
        Date(id.ExpressionDate);
        Author("#" + AuthorId);
        if (edition.Meta.Value.Facts.Version is { } version) Value("FRBRversionNumber", version);
        w.WriteStartElement("FRBRlanguage");
        w.WriteAttributeString("language", id.LanguageCode);
        w.WriteEndElement();
        if (id.SourceExpression is { } source)
        {
            w.WriteStartElement("FRBRtranslation");
            w.WriteAttributeString("href", source);
            w.WriteAttributeString("fromLanguage", id.SourceLanguageCode!);
            // The schema asks who translated: the translations are the site's own content, published by it.
            w.WriteAttributeString("by", "#" + Publisher);
            w.WriteEndElement();
        }
        w.WriteEndElement();

        w.WriteStartElement("FRBRManifestation");
        Value("FRBRthis", id.Expression + part + ".xml");
        Value("FRBRuri", id.Expression + ".xml");
        Date(id.ExpressionDate);
        Author("#" + Publisher);
        Value("FRBRformat", AknExport.MediaType);
        w.WriteEndElement();

        w.WriteEndElement();
    }

    /// <summary>The facts as written in the content (a date to its own precision), and where each unit is on the site.</summary>
    private void Proprietary(IReadOnlyList<AknBody.UnitEntry> units)
    {
        var meta = edition.Meta.Value;
        var f = meta.Facts;
        const string ns = AknExport.FactsNamespace;
        w.WriteStartElement("proprietary");
        w.WriteAttributeString("source", "#" + Publisher);
        w.WriteStartElement("charter", "document", ns);
        w.WriteAttributeString("slug", edition.Slug);
        w.WriteAttributeString("language", edition.Language);
        w.WriteAttributeString("url", c.Absolute(edition.HomeIn(edition.Language)));
        if (f.Status is { } status) w.WriteElementString("charter", "status", ns, status);
        if (f.Adopted is { } adopted) w.WriteElementString("charter", "adopted", ns, adopted.ToString());
        if (f.AdoptedBy is { } by) w.WriteElementString("charter", "adoptedBy", ns, Typo(by));
        if (meta.Place is { } place) w.WriteElementString("charter", "place", ns, Typo(place));
        if (f.Version is { } version) w.WriteElementString("charter", "version", ns, version);
        if (f.Licence is { } licence)
        {
            w.WriteStartElement("charter", "licence", ns);
            w.WriteAttributeString("id", licence.Id);
            w.WriteAttributeString("href", licence.Url);
            w.WriteString(licence.Name);
            w.WriteEndElement();
        }
        if (c.Site.Updated is { } updated) w.WriteElementString("charter", "updated", ns, updated.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        foreach (var unit in units)
        {
            w.WriteStartElement("charter", "unit", ns);
            w.WriteAttributeString("id", unit.Id);
            w.WriteAttributeString("eId", unit.EId);
            w.WriteAttributeString("url", unit.Url);
            w.WriteEndElement();
        }
        w.WriteEndElement();
        w.WriteEndElement();
    }

    private string Typo(string text) => c.Strings[edition.Meta.Language].Typography.Apply(text);

    private string Label(string key) => c.Strings[edition.Language][key];

    private void Tlc(string element, string eId, string href, string showAs)
    {
        w.WriteStartElement(element);
        w.WriteAttributeString("eId", eId);
        w.WriteAttributeString("href", href);
        w.WriteAttributeString("showAs", showAs);
        w.WriteEndElement();
    }

    private void Value(string element, string value)
    {
        w.WriteStartElement(element);
        w.WriteAttributeString("value", value);
        w.WriteEndElement();
    }

    private void Date((string Date, string Name) date)
    {
        w.WriteStartElement("FRBRdate");
        w.WriteAttributeString("date", date.Date);
        w.WriteAttributeString("name", date.Name);
        w.WriteEndElement();
    }

    private void Author(string href)
    {
        w.WriteStartElement("FRBRauthor");
        w.WriteAttributeString("href", href);
        w.WriteEndElement();
    }
}
