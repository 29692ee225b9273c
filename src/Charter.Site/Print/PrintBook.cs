using System.Globalization;
using Charter.Core.Diagnostics;
using Charter.Core.Resolve;
using Charter.Site.Render;
using Charter.Site.Text;

namespace Charter.Site.Print;

/// <summary>What the print template knows of the document besides the charter and its units.</summary>
/// <param name="Url">The charter's home, as an absolute address (printed on the cover).</param>
/// <param name="Date">The content's last change, ISO (the PDF's creation and modification dates), or null.</param>
/// <param name="LanguageName">The edition's language, in its own words ("Español").</param>
public sealed record PrintVm(string Lang, string LangTag, string Dir, string Url, string? Date, string LanguageName);

/// <summary>
/// The print edition of one charter in one language, as HTML for the PDF engine: the theme's <c>print</c> template over
/// the same views as the pages (the charter's card, every part with the units it holds, in reading order), then
/// <see cref="PrintHtml"/> puts each note at its marker and makes every link absolute. No page of the site is made
/// from it; the theme's print stylesheet (<see cref="Stylesheet"/>) lays it out.
/// </summary>
public static class PrintBook
{
    public const string Template = "print";

    /// <summary>The theme's stylesheet for the PDF, relative to the theme's folder.</summary>
    public const string Stylesheet = "assets/css/print.css";

    public static string? Html(ResolvedEdition e, PageFactory factory, TemplateRenderer renderer, CancellationToken cancel)
    {
        var c = factory.Context;
        var units = factory.Units;
        var parts = e.Parts.Select(p => units.Unit(e, p)).ToEquatable();
        // Each unit's address on paper: its short form where the main charter has one (https://…/fr/2.3/), else its permalink.
        var isMain = e.Slug == c.Site.MainCharter;
        var permalinks = e.Units.Where(u => u.Kind.Citable).ToDictionary(u => u.Id, u =>
            (object?)(isMain && Permalinks.ShortForm(c.Lang, u.Kind.Short, u.Unit) is { } path ? c.Absolute(path) : units.Unit(e, u).AbsoluteUrl));
        var references = c.Site.DeclarationsByLanguage.GetValueOrDefault(c.Lang, [])
            .Where(d => d.CitedBy.Any(p => p.Slug == e.Slug)).Select(c.DeclarationLink).ToEquatable();
        var book = new PrintVm(c.Lang, c.T.Language.Tag, c.T.Language.Direction, c.Absolute(Permalinks.Charter(c.Lang, e.Slug)),
            c.Site.Updated?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), c.T.Language.Name);
        var path = PdfPath(c.Lang, e.Slug);
        var html = renderer.RenderDocument(Template, path, c.T,
            ("book", book), ("charter", factory.Card(e)), ("parts", parts), ("permalinks", new EquatableMap(permalinks)), ("references", references));
        cancel.ThrowIfCancellationRequested();
        return html is null ? null : PrintHtml.Prepare(html, c.Config.BaseUrl);
    }

    /// <summary>Where the PDF of a charter in a language is published: {lang}/{slug}/{slug}-{lang}.pdf.</summary>
    public static string PdfPath(string language, string slug) => $"{language}/{slug}/{slug}-{language}.pdf";
}
