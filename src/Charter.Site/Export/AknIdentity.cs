using System.Globalization;
using System.Text;
using Charter.Core.Model;
using Charter.Core.Resolve;

namespace Charter.Site.Export;

/// <summary>
/// The FRBR identity of one charter in one language, after the Akoma Ntoso Naming Convention 1.0: the Work (the charter,
/// whatever its language), its Expression in this language, and this XML file as the Manifestation of it.
/// </summary>
/// <param name="Work">/akn/{country}/{type}/{name}/{date}/{slug}: the date is the adoption's, to the precision known, else the charter's year.</param>
/// <param name="Expression">{Work}/{ISO 639-2 code}@ — "@" with no date: the expression as published, not a dated version of it.</param>
/// <param name="SourceExpression">The expression in the source language, of which this one is a translation (null for the source itself).</param>
/// <param name="WorkDate">The Work's date for FRBRdate (a day: the schema's xsd:date), and what it is: "adoption" or "year".</param>
/// <param name="ExpressionDate">When this expression's text last changed (ResolvedSite.Updated), else the Work's date.</param>
public sealed record AknIdentity(
    string Work, string Expression, string? SourceExpression, string LanguageCode, string? SourceLanguageCode,
    (string Date, string Name) WorkDate, (string Date, string Name) ExpressionDate, string Country, string Subtype, string Number)
{
    public string Manifestation => Expression + "/!main.xml";

    /// <summary>The identity of a charter edition; <paramref name="languageCode"/> looks up a site language's ISO 639-2 code.</summary>
    public static AknIdentity For(ResolvedSite site, ResolvedEdition edition, Func<string, string> languageCode)
    {
        var akn = edition.Structure.Akn;
        var meta = edition.Meta.Value;
        var adopted = meta.Facts.Adopted;
        var year = int.TryParse(meta.Year.Trim().AsSpan(0, Math.Min(4, meta.Year.Trim().Length)), NumberStyles.None, CultureInfo.InvariantCulture, out var y) ? y : (int?)null;
        var iriDate = adopted?.ToString() ?? year?.ToString("D4", CultureInfo.InvariantCulture) ?? "nd";
        // xsd:date needs a day: a date known to the month or the year is written as its first day, named for what it is
        // (the exact precision is kept in the IRI and in the document's facts, charter:adopted).
        var workDate = adopted is { } a ? (FirstDay(a), "adoption") : year is { } yy ? ($"{yy:D4}-01-01", "year") : ("0001-01-01", "unknown");
        var expressionDate = site.Updated is { } u ? (u.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), "updated") : workDate;
        // A dated version of a charter with versions is a dated expression of the work (…/fra@2022-10-01), of its version's date.
        var at = "@";
        if (edition.Version is { Dated: true } v)
        {
            expressionDate = (FirstDay(v.Value.Date), "version");
            at = "@" + FirstDay(v.Value.Date);
        }
        var work = $"/akn/{akn.Country}/{akn.Type}/{akn.Name}/{iriDate}/{edition.Slug}";
        var source = site.Config.Languages[0];
        var code = languageCode(edition.Language);
        var sourceCode = edition.Language == source ? null : languageCode(source);
        return new AknIdentity(work, $"{work}/{code}{at}", sourceCode is null ? null : $"{work}/{sourceCode}{at}", code, sourceCode,
            workDate, expressionDate, akn.Country, akn.Name, edition.Slug);
    }

    private static string FirstDay(PartialDate d) => $"{d.Year:D4}-{d.Month ?? 1:D2}-{d.Day ?? 1:D2}";

    /// <summary>
    /// A name as an id of the references (TLCOrganization eId): "Conseil mondial de CGLU" → "conseil-mondial-de-cglu".
    /// Letters are kept as they are (an eId may hold any letter; the build runs without ICU, so accents are not folded).
    /// </summary>
    public static string Slug(string name)
    {
        var text = new StringBuilder();
        foreach (var c in name)
        {
            if (char.IsLetterOrDigit(c)) text.Append(char.ToLowerInvariant(c));
            else if (text.Length > 0 && text[^1] != '-') text.Append('-');
        }
        var slug = text.ToString().Trim('-');
        return slug.Length == 0 ? "organization" : char.IsDigit(slug[0]) ? "org-" + slug : slug;
    }
}
