using Charter.Core.Diagnostics;
using Charter.Site.Build;
using Charter.Site.Render;
using Charter.Site.Write;

namespace Charter.Site.Print;

/// <summary>
/// What the print edition is made with besides the site: the page views, the theme's templates (and where its print
/// template is, for diagnostics), the full path of its print stylesheet (null if it has none), the engine.
/// </summary>
public sealed record PrintTools(IReadOnlyDictionary<string, PageFactory> Factories, TemplateRenderer Renderer, string TemplatePath, string? Stylesheet,
    PdfSettings Pdf);

/// <summary>
/// A PDF of every charter in every language, at {lang}/{slug}/{slug}-{lang}.pdf, by WeasyPrint from the print edition
/// (<see cref="PrintBook"/>). Without the engine the build warns once, makes everything else and links no PDF. Made
/// before the pages, which give its size; under serve (data files deferred) made when first asked for, without a size.
/// </summary>
internal sealed class PdfOutput : IDocumentOutput
{
    public string Name => "pdf";

    private const string MediaType = "application/pdf";

    public IReadOnlyList<DocumentLink> Make(OutputContext c, OutputSink sink)
    {
        if (c.Print is not { } print) return [];
        var engine = print.Pdf.Locate();
        if (engine is null || print.Stylesheet is null)
        {
            c.Diagnostics.Warning(Codes.PdfNotMade, SourceLocation.File("charter.yml"),
                engine is null ? $"no PDF was made: WeasyPrint ('{print.Pdf.Engine}') is not installed; everything else was built"
                    : $"no PDF was made: the theme has no {PrintBook.Stylesheet}",
                engine is null ? "install it with 'sudo apt-get install weasyprint' (or run scripts/ensure-weasyprint.sh), or build with --no-pdf"
                    : $"add {PrintBook.Stylesheet} to the theme, or build with --no-pdf");
            return [];
        }
        var editions = c.Site.Config.Languages.SelectMany(l => c.Site.CharterSlugs.Where(s => c.Site.Editions.ContainsKey((s, l))).Select(s => c.Site.Edition(s, l))).ToList();
        var links = new DocumentLink?[editions.Count];
        // Each document is an engine process of its own: as many at once as there are cores.
        Parallel.For(0, editions.Count, new ParallelOptions { CancellationToken = c.Cancel, MaxDegreeOfParallelism = Environment.ProcessorCount }, i =>
        {
            var e = editions[i];
            var path = PrintBook.PdfPath(e.Language, e.Slug);
            byte[]? Pdf()
            {
                if (PrintBook.Html(e, print.Factories[e.Language], print.Renderer, c.Cancel) is not { } html) return null;
                var result = WeasyPrint.Run(engine, html, print.Stylesheet, c.Site.Updated, print.Pdf.Timeout, c.Cancel);
                if (result.Problem is { } problem)
                    c.Diagnostics.Warning(Codes.PdfNotMade, SourceLocation.File(print.TemplatePath), $"the PDF {path} was not made: {problem}",
                        "run the engine by hand on the print edition to see its messages, or build with --no-pdf");
                return result.Pdf;
            }
            if (sink.Defer is not null)
            {
                sink.Data(path, () => Pdf() ?? throw new InvalidOperationException($"the PDF {path} could not be made"));
                links[i] = new DocumentLink(Name, MediaType, e.Language, e.Slug, path, null);
            }
            else if (Pdf() is { } pdf)
            {
                sink.File(new OutputFile(path, pdf));
                links[i] = new DocumentLink(Name, MediaType, e.Language, e.Slug, path, pdf.LongLength);
            }
        });
        return links.OfType<DocumentLink>().ToList();
    }
}
