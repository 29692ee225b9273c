using System.Globalization;
using Charter.Core.Model;
using Charter.Core.Resolve;
using Charter.Site.Text;

namespace Charter.Site.Cite;

/// <summary>
/// What a reference to the charter, or to one unit of it, says in one language: the facts every citation format is
/// written from (the ready texts of the cite panel, BibTeX, RIS, CSL-JSON and the head's citation_* and DC tags), so
/// that they all say the same thing.
/// </summary>
/// <param name="Key">The item's id in the downloads and the name of its files: the unit's id, or the charter's slug.</param>
/// <param name="Language">The BCP 47 tag of the language the item is cited in.</param>
/// <param name="Author">The issuing organization, as written in this language: a corporate author, never split into names.</param>
/// <param name="Title">The charter's full title.</param>
/// <param name="Part">The unit's place in the charter ("principe 2, priorité 3"); null for the charter itself.</param>
/// <param name="Issued">The adoption date to its precision, else the charter's year; null when neither is known.</param>
/// <param name="Url">The short permalink of the unit where it has one, else its page with its fragment; the charter's home.</param>
/// <param name="Accessed">The date the content last changed, which static files give as the access date (the build never reads the clock).</param>
/// <param name="Citation">The charter's own way of citing itself ("Lampedusa Charter (UCLG, 2022)").</param>
/// <param name="Note">The document's record in one line, in this language ("Status: adopted · Adoption: October 2022, Daejeon · …").</param>
public sealed record CitationItem(
    string Key, string Language, string Author, string Title, string? Part, PartialDate? Issued, string Url, DateOnly? Accessed,
    string Citation, string? Note, DocumentFacts Facts, string? Place)
{
    /// <summary>The part with a capital initial, as it stands at the head of a title ("Principe 2, priorité 3").</summary>
    public string? PartTitle => Part is { Length: > 0 } p ? char.ToUpper(p[0], CultureInfo.InvariantCulture) + p[1..] : Part;

    /// <summary>The title of the item on its own: the charter's, followed by the part for a unit ("…, principle 2, priority 3").</summary>
    public string FullTitle => Part is null ? Title : $"{Title}, {Part}";
}

/// <summary>Makes the <see cref="CitationItem"/> of a charter and of its units in one language, from the resolved site.</summary>
public sealed class CitationItems(ResolvedSite site, IReadOnlyDictionary<string, Strings> strings, string language)
{
    private readonly Strings _t = strings[language];
    private readonly UnitText _text = new(strings, language);

    // The charter's item, made once per edition: a unit's is the same with its own key, part and address.
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, CitationItem> _charters = new(StringComparer.Ordinal);

    public CitationItem Charter(ResolvedEdition e) => _charters.GetOrAdd(e.Home, _ => Item(e));

    public CitationItem Unit(ResolvedEdition e, ResolvedUnit u)
    {
        // The short address (/fr/2.3/) where the main charter's structure gives the unit's kind one: the shortest stable link.
        // A dated version is cited at its dated address: the short one leads to the current text.
        var shortPath = e.Slug == site.MainCharter && e.Version is not { Dated: true } ? Permalinks.ShortForm(language, u.Kind.Short, u.Unit) : null;
        var url = site.Config.BaseUrl + (shortPath ?? Permalinks.InLanguage(u.PagePath, language) + "#" + u.Id);
        return Charter(e) with { Key = u.Id, Part = _text.Place(u), Url = url };
    }

    private CitationItem Item(ResolvedEdition e)
    {
        var meta = e.Meta.Value;
        var l = e.Meta.Language;
        // A dated version is cited with its own date; the charter (its current text) with its adoption.
        var issued = e.Version is { Dated: true } v ? v.Value.Date : meta.Facts.Adopted ?? PartialDate.Parse(meta.Year);
        return new CitationItem(e.Slug, _t.Language.Tag, _text.Typo(meta.Organization, l), _text.Typo(meta.Title, l), null, issued,
            site.Config.BaseUrl + e.HomeIn(language), site.Updated, _text.Typo(meta.Citation, l), Note(meta, l), meta.Facts,
            meta.Place is { } place ? _text.Typo(place, l) : null);
    }

    /// <summary>The document's facts in the page's words, as its record on the charter's home lists them, in one line.</summary>
    private string? Note(CharterMeta meta, string textLanguage)
    {
        var f = meta.Facts;
        var entries = new List<(string Key, string Value)>();
        if (f.Status is { } status) entries.Add(("record_status", _t["status_" + status]));
        if (f.Adopted is { } adopted) entries.Add(("record_adopted", meta.Place is { } place ? $"{_t.Date(adopted)}, {_text.Typo(place, textLanguage)}" : _t.Date(adopted)));
        if (f.AdoptedBy is { } by) entries.Add(("record_adopted_by", _text.Typo(by, textLanguage)));
        if (f.Version is { } version) entries.Add(("record_version", version));
        if (f.Licence is { } licence) entries.Add(("record_licence", licence.Name));
        if (site.Updated is { } updated) entries.Add(("record_updated", _t.Date(new PartialDate(updated.Year, updated.Month, updated.Day))));
        return entries.Count == 0 ? null
            : _t.Typography.Apply(string.Join(" · ", entries.Select(x => _t.Format("record_entry", ("label", _t[x.Key]), ("value", x.Value)))));
    }
}
