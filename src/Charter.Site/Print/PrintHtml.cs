using AngleSharp.Dom;
using AngleSharp.Html.Parser;

namespace Charter.Site.Print;

/// <summary>
/// Readies the print template's HTML for a PDF, moving what the template made (it writes no markup here):
/// each note the template keeps aside (<c>[data-note]</c>, keyed by the address its markers link to) takes the place of
/// its marker, where the print stylesheet floats it to the foot of the page; links to pages of the site become absolute,
/// since a PDF has no site around it; and nothing is left that would make the engine fetch from the network.
/// </summary>
public static class PrintHtml
{
    public static string Prepare(string html, string baseUrl)
    {
        var document = new HtmlParser().ParseDocument(html);
        PlaceNotes(document);
        var root = new Uri(baseUrl);
        foreach (var link in document.QuerySelectorAll("a[href]"))
        {
            var href = link.GetAttribute("href")!;
            if (href.StartsWith('/')) link.SetAttribute("href", new Uri(root, href).AbsoluteUri);
        }
        // Content may hold images or frames (allow_html): the PDF is made from the build's own files only.
        foreach (var fetching in document.QuerySelectorAll("img, picture, video, audio, iframe, object, embed, script, link, base").ToList())
            fetching.Remove();
        return document.DocumentElement.OuterHtml;
    }

    /// <summary>Every note marker replaced by its note; a note cited twice is printed at each citation, as paper has no way back.</summary>
    private static void PlaceNotes(IDocument document)
    {
        var notes = new Dictionary<string, IElement>(StringComparer.Ordinal);
        foreach (var note in document.QuerySelectorAll("[data-note]"))
            notes.TryAdd(note.GetAttribute("data-note")!, note);
        foreach (var marker in document.QuerySelectorAll("sup.note-ref").ToList())
        {
            var href = marker.QuerySelector("a[href]")?.GetAttribute("href");
            if (href is null || !notes.TryGetValue(href, out var note)) continue;
            var placed = (IElement)note.Clone(deep: true);
            placed.RemoveAttribute("data-note");
            marker.Replace(placed);
        }
        foreach (var store in document.QuerySelectorAll("[data-note-store]").ToList()) store.Remove();
    }
}
