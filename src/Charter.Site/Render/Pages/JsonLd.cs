using Charter.Core.Resolve;

namespace Charter.Site.Render.Pages;

/// <summary>schema.org JSON-LD of a charter's page: the charter as Legislation, its translations, and the units on the page as its parts.</summary>
public static class JsonLd
{
    public static string Charter(PageContext page, ResolvedEdition e, string path, IEnumerable<UnitVm> units)
    {
        var meta = e.Meta.Value;
        var config = page.Config;
        var lang = page.Lang;
        var home = e.HomeIn(lang);
        var translations = config.Languages.Where(l => l != lang);
        if (lang != config.DefaultLanguage) translations = translations.Where(l => l == config.DefaultLanguage);
        var parts = units.ToList();
        return Index.Json.LinkedData(w =>
        {
            void Text(string name, string? value)
            {
                if (value is null) w.WriteNull(name);
                else w.WriteString(name, value);
            }
            w.WriteStartObject();
            Text("@context", "https://schema.org");
            Text("@type", "Legislation");
            Text("@id", page.Absolute(home));
            Text("name", meta.Title);
            Text("alternateName", meta.ShortTitle);
            Text("inLanguage", page.T.Language.Tag);
            // A version of a charter with versions is published on its date (versions.yml), the charter in its year.
            Text("datePublished", e.Version is { } v ? v.Value.Date.ToString() : meta.Year);
            w.WriteStartObject("legislationPassedBy");
            Text("@type", "Organization");
            Text("name", meta.Organization);
            w.WriteEndObject();
            // The document's facts, only those the content states (schema.org Legislation and CreativeWork).
            var facts = meta.Facts;
            if (facts.Adopted is { } adopted) Text("legislationDate", adopted.ToString());
            if (facts.Status is { } status)
            {
                Text("legislationLegalForce", status == "draft" ? "https://schema.org/NotInForce" : "https://schema.org/InForce");
                Text("creativeWorkStatus", status);
            }
            if (meta.Place is { } place)
            {
                w.WriteStartObject("locationCreated");
                Text("@type", "Place");
                Text("name", place);
                w.WriteEndObject();
            }
            if (facts.Version is { } version) Text("version", version);
            if (facts.Licence is { } licence) Text("license", licence.Url);
            if (page.Site.Updated is { } updated) Text("dateModified", updated.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
            Text("url", page.Absolute(path));
            w.WriteStartArray(lang == config.DefaultLanguage ? "workTranslation" : "translationOfWork");
            foreach (var l in translations)
            {
                w.WriteStartObject();
                Text("@type", "Legislation");
                Text("@id", page.Absolute(e.HomeIn(l)));
                Text("inLanguage", page.LanguageOf(l).Tag);
                w.WriteEndObject();
            }
            w.WriteEndArray();
            Versions(page, e, w);
            if (parts.Count > 0)
            {
                w.WriteStartArray("hasPart");
                foreach (var u in parts)
                {
                    w.WriteStartObject();
                    Text("@type", "Legislation");
                    Text("@id", u.AbsoluteUrl);
                    Text("name", u.Label);
                    Text("legislationIdentifier", u.Id);
                    w.WriteEndObject();
                }
                w.WriteEndArray();
            }
            w.WriteEndObject();
        });
    }

    /// <summary>
    /// Which version a page shows: a dated version is an example of the undated work (the charter, its current text);
    /// the undated charter lists its versions as its examples, each with its date.
    /// </summary>
    private static void Versions(PageContext page, ResolvedEdition e, System.Text.Json.Utf8JsonWriter w)
    {
        if (e.Version is not { } v) return;
        if (v.Dated)
        {
            w.WriteStartObject("exampleOfWork");
            w.WriteString("@type", "Legislation");
            w.WriteString("@id", page.Absolute(Permalinks.Charter(page.Lang, e.Slug)));
            w.WriteEndObject();
            return;
        }
        w.WriteStartArray("workExample");
        foreach (var dated in page.Site.DatedEditions(e.Slug, page.Lang))
        {
            w.WriteStartObject();
            w.WriteString("@type", "Legislation");
            w.WriteString("@id", page.Absolute(dated.Home));
            w.WriteString("version", dated.Version!.Value.Id);
            w.WriteString("datePublished", dated.Version.Value.Date.ToString());
            w.WriteString("creativeWorkStatus", dated.Version.Value.Status);
            w.WriteEndObject();
        }
        w.WriteEndArray();
    }
}
