using Charter.Core.Resolve;
using Charter.Site.Cite;

namespace Charter.Site.Render.Pages;

/// <summary>
/// The cite panel of a unit or of a charter (ready texts in every style, the downloads, the short permalink) and the
/// citation tags of a page's head, all from the same <see cref="CitationItem"/>, in the page's language.
/// </summary>
public sealed class CitePanels(PageContext page)
{
    private readonly CitationItems _items = new(page.Site, page.AllStrings, page.Lang);

    public CitationItem Item(ResolvedEdition e, ResolvedUnit? unit = null) => unit is null ? _items.Charter(e) : _items.Unit(e, unit);

    public CiteVm Panel(ResolvedEdition e, CitationItem item)
    {
        var styles = CitationStyles.All.Select(style =>
        {
            var segments = CitationStyles.Segments(style, item, page.T);
            return new CiteStyleVm(style.Id, page.T[style.NameKey], segments.ToEquatable(), CitationStyles.Text(segments));
        }).ToEquatable();
        var downloads = CitationFiles.Formats
            .Select(f => new LinkVm(f.Name, page.Href(CitationFiles.PathFor(e, item.Key, f.Extension)))).ToEquatable();
        var config = page.Config;
        var href = item.Url.StartsWith(config.BaseUrl, StringComparison.Ordinal) ? page.Href(item.Url[config.BaseUrl.Length..]) : item.Url;
        return new CiteVm(item.Url, href, styles, downloads);
    }

    /// <summary>The head's citation tags for a page whose canonical address is <paramref name="canonical"/>.</summary>
    public CitationMetaVm Meta(ResolvedEdition e, CitationItem item, string canonical)
    {
        var d = item.Issued;
        var highwire = d is { } x ? x.ToString().Replace('-', '/') : null;
        // citation_pdf_url comes from the build's downloads (site.downloads[slug]), known only once the PDFs are made.
        return new CitationMetaVm(item.FullTitle, item.Author, highwire, d?.ToString(), item.Language, canonical, item.Author,
            Rights: item.Facts.Licence?.Url, Identifier: item.Url, Slug: e.Version is { Dated: true } v ? $"{e.Slug}@{v.Value.Id}" : e.Slug);
    }
}
