using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using UglyToad.PdfPig;
using UglyToad.PdfPig.Content;
using UglyToad.PdfPig.Outline;
using UglyToad.PdfPig.Tokens;

namespace Charter.Tests.Print;

/// <summary>What the tests read back from a PDF: its text as a reader sees it, its table of contents, outline and fonts.</summary>
public static partial class PdfReading
{
    /// <summary>
    /// Only the letters, lowercased and with ligatures undone: what is left of a text whatever the layout did to it
    /// (line breaks, no-break spaces, a note's call number inside a sentence, the dots of the table of contents).
    /// </summary>
    public static string Letters(string text)
    {
        var normal = text.Normalize(NormalizationForm.FormKC);
        var letters = new StringBuilder(normal.Length);
        foreach (var c in normal)
            if (char.IsLetter(c)) letters.Append(char.ToLowerInvariant(c));
        return letters.ToString();
    }

    // The page area of print.css (A4, margins 22 mm top, 24 mm bottom): what lies above or below it is the running
    // head and the page number, which would otherwise cut into a text that runs over two pages.
    private const double Millimetre = 72 / 25.4;

    /// <summary>The words of a page's text, without its running head and page number.</summary>
    public static IEnumerable<Word> BodyWords(Page page) => page.GetWords()
        .Where(w => w.BoundingBox.Bottom > 24 * Millimetre - 2 && w.BoundingBox.Top < page.Height - 22 * Millimetre + 2);

    public static string BodyText(Page page) => string.Join(" ", BodyWords(page).Select(w => w.Text));

    /// <summary>The whole text of the document, page after page, without the margins.</summary>
    public static string BodyText(PdfDocument pdf) => string.Join(" ", pdf.GetPages().Select(BodyText));

    /// <summary>The lines of a page (words on one baseline), top to bottom.</summary>
    public static IEnumerable<string> Lines(Page page) => BodyWords(page)
        .GroupBy(w => Math.Round(w.BoundingBox.Bottom))
        .OrderByDescending(g => g.Key)
        .Select(g => string.Join(" ", g.OrderBy(w => w.BoundingBox.Left).Select(w => w.Text)));

    /// <summary>
    /// The table of contents' entries, from the first page that has a line ending in leader dots and a number
    /// through the last page of such lines: each entry's title and the page number it gives.
    /// </summary>
    public static List<(string Title, int Page)> TableOfContents(PdfDocument pdf)
    {
        var entries = new List<(string, int)>();
        foreach (var page in pdf.GetPages())
        {
            var here = Lines(page).Select(l => TocLine().Match(l)).Where(m => m.Success)
                .Select(m => (m.Groups["title"].Value.Trim(), int.Parse(m.Groups["page"].Value, CultureInfo.InvariantCulture))).ToList();
            if (here.Count == 0 && entries.Count > 0) break;
            entries.AddRange(here);
        }
        return entries;
    }

    [GeneratedRegex(@"^(?<title>.*?\S)\s*\.{3,}\s*(?<page>\d+)$")]
    private static partial Regex TocLine();

    /// <summary>The outline, depth first: each bookmark's title and depth (0 for the top level).</summary>
    public static List<(string Title, int Depth)> Outline(PdfDocument pdf)
    {
        var list = new List<(string, int)>();
        void Walk(IEnumerable<BookmarkNode> nodes, int depth)
        {
            foreach (var node in nodes)
            {
                list.Add((node.Title, depth));
                Walk(node.Children, depth + 1);
            }
        }
        if (pdf.TryGetBookmarks(out var bookmarks)) Walk(bookmarks.Roots, 0);
        return list;
    }

    /// <summary>Every font the pages use, by name, and whether the PDF carries its program (FontFile, FontFile2 or FontFile3).</summary>
    public static Dictionary<string, bool> Fonts(PdfDocument pdf)
    {
        T? Get<T>(IToken? token) where T : class, IToken =>
            token is IndirectReferenceToken reference ? pdf.Structure.GetObject(reference.Data).Data as T : token as T;
        var fonts = new Dictionary<string, bool>(StringComparer.Ordinal);
        foreach (var page in pdf.GetPages())
        {
            var resources = Get<DictionaryToken>(page.Dictionary.Data.GetValueOrDefault(NameToken.Resources.Data));
            var fontTable = Get<DictionaryToken>(resources?.Data.GetValueOrDefault(NameToken.Font.Data));
            foreach (var entry in fontTable?.Data.Values ?? [])
            {
                var font = Get<DictionaryToken>(entry)!;
                var name = Get<NameToken>(font.Data.GetValueOrDefault(NameToken.BaseFont.Data))?.Data ?? "?";
                // A composite (Type0) font has its descriptor on its descendant.
                var descendant = Get<ArrayToken>(font.Data.GetValueOrDefault(NameToken.DescendantFonts.Data))?.Data.FirstOrDefault();
                var described = descendant is null ? font : Get<DictionaryToken>(descendant)!;
                var descriptor = Get<DictionaryToken>(described.Data.GetValueOrDefault(NameToken.FontDescriptor.Data));
                fonts[name] = descriptor is not null && new[] { "FontFile", "FontFile2", "FontFile3" }.Any(descriptor.Data.ContainsKey);
            }
        }
        return fonts;
    }
}
