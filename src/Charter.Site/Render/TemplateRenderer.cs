using System.Text;
using System.Text.Encodings.Web;
using System.Text.Unicode;
using Charter.Core.Diagnostics;
using Charter.Site.Theme;
using Fluid;
using Charter.Site.Write;
using Charter.Site.Text;

namespace Charter.Site.Render;

/// <summary>
/// Stage 4, Render: runs the theme's Liquid templates. Each page's template renders its main content, then
/// <c>layout.liquid</c> wraps it (head, header, navigation, footer). Values are HTML-escaped by default; only
/// fields the build produced as HTML are printed with '| raw'. A template runs within the theme's limits (statements,
/// include depth, ranges: see <see cref="TemplateLimits"/>) and writes at most <c>page_size_mb</c> per page; a page
/// that goes past them, or fails, is an error at the template that was running.
/// </summary>
public sealed class TemplateRenderer(Theme.Theme theme, DiagnosticBag diagnostics, CancellationToken cancel = default)
{
    /// <summary>The template that wraps every page's own template.</summary>
    public const string Layout = "layout";

    // Escape markup characters but leave letters of every script readable in the HTML source.
    private static readonly HtmlEncoder Encoder = HtmlEncoder.Create(UnicodeRanges.All);

    public OutputFile? Render(PageSpec spec, SiteVm site, Strings strings)
    {
        var template = theme.Template(spec.Template, diagnostics);
        var layout = theme.Template(Layout, diagnostics);
        if (template is null || layout is null) return null;
        var context = new TemplateContext(theme.Options);
        context.AmbientValues[TemplateLimits.CancelKey] = cancel;
        context.SetValue("page", spec.Page);
        context.SetValue("site", site);
        context.SetValue("t", strings.Table);
        foreach (var (key, value) in spec.Data) context.SetValue(key, value);
        if (!Run(template, context, spec.Template, spec.Path)) return null;
        context.SetValue("content", _writer!.ToString());
        if (!Run(layout, context, Layout, spec.Path)) return null;
        // The page is checked and encoded where the writer holds it, without becoming a string first.
        var html = _writer!.Chars();
        if (!UnsafeUrls.Check(html, theme.TemplatePath(spec.Template), spec.Path, diagnostics)) return null;
        var path = spec.Path.EndsWith('/') || spec.Path.Length == 0 ? spec.Path + "index.html" : spec.Path;
        var bytes = new byte[Encoding.UTF8.GetByteCount(html)];
        Encoding.UTF8.GetBytes(html, bytes);
        return new OutputFile(path, bytes);
    }

    /// <summary>
    /// A document of its own, not a page: one template with no layout around it (the print edition that becomes a PDF),
    /// within the same limits and address checks as a page; <paramref name="path"/> names it in diagnostics.
    /// </summary>
    public string? RenderDocument(string name, string path, Strings strings, params (string Key, object? Value)[] data)
    {
        var template = theme.Template(name, diagnostics);
        if (template is null) return null;
        var context = new TemplateContext(theme.Options);
        context.AmbientValues[TemplateLimits.CancelKey] = cancel;
        context.SetValue("t", strings.Table);
        foreach (var (key, value) in data) context.SetValue(key, value);
        var html = Run(template, context, name, path) ? _writer!.ToString() : null;
        return html is not null && UnsafeUrls.Check(html, theme.TemplatePath(name), path, diagnostics) ? html : null;
    }

    // One writer per thread, emptied for each template run: a page is tens of kilobytes, and a new writer grew its buffer
    // chunk by chunk for every page (twice: its template, then the layout around it) before copying it into a string.
    [ThreadStatic] private static BoundedWriter? _writer;

    /// <summary>Runs a template into this thread's writer (false, with a diagnostic, if it failed); what it wrote stays there until the next run.</summary>
    private bool Run(IFluidTemplate template, TemplateContext context, string name, string page)
    {
        var writer = _writer ??= new BoundedWriter();
        writer.Begin(theme.Limits.PageBytes);
        try
        {
            template.RenderAsync(writer, Encoder, context).AsTask().GetAwaiter().GetResult();
            return true;
        }
        catch (Exception e) when (e is not (OutOfMemoryException or OperationCanceledException))
        {
            var (message, hint) = e switch
            {
                TemplateLimitException or PageTooLargeException => (e.Message, "if the template is right, raise the limit under 'limits:' in charter.yml"),
                // Fluid says "maximum level of recursion" both for too many statements and for includes nested too deep.
                InvalidOperationException when e.Message.Contains("maximum", StringComparison.OrdinalIgnoreCase) =>
                    ($"the template ran more than {theme.Limits.TemplateSteps} statements, or nested includes more than {TemplateLimits.MaxIncludeDepth} deep",
                     "look for a loop that never ends or an include cycle; raise 'template_steps' under 'limits:' in charter.yml if the page is simply large"),
                _ => (e.Message, "check the template's tags and filters"),
            };
            diagnostics.Error(Codes.TemplateError, SourceLocation.File(theme.TemplatePath(name)), $"the template failed on page {page}: {message}", hint);
            return false;
        }
    }

    private sealed class PageTooLargeException(string message) : Exception(message);

    /// <summary>A string writer that refuses to grow past a size: a template cannot fill the memory with one page.</summary>
    private sealed class BoundedWriter() : StringWriter(System.Globalization.CultureInfo.InvariantCulture)
    {
        // Characters, not bytes: UTF-8 takes 1 to 3 bytes for each; counting characters is what the writer sees.
        private long _max;

        /// <summary>Empties the writer for a new run (its buffer is kept, unless a huge page made it larger than pages are).</summary>
        public void Begin(long maxBytes)
        {
            _max = maxBytes;
            var builder = GetStringBuilder();
            builder.Clear();
            if (builder.Capacity > KeptCapacity) builder.Capacity = 0;
            if (_chars.Length > KeptCapacity) _chars = [];
        }

        private const int KeptCapacity = 4 * 1024 * 1024;

        // A page is up to hundreds of kilobytes: as a string, each would be a large-object allocation, and those bring
        // the next full collection nearer. Copied into this array instead, kept from page to page.
        private char[] _chars = [];

        /// <summary>What was written, as characters valid until the next <see cref="Begin"/>.</summary>
        public ReadOnlySpan<char> Chars()
        {
            var builder = GetStringBuilder();
            if (_chars.Length < builder.Length) _chars = new char[Math.Max(builder.Length, 2 * _chars.Length)];
            builder.CopyTo(0, _chars, builder.Length);
            return _chars.AsSpan(0, builder.Length);
        }

        private void Grow(int count)
        {
            if (GetStringBuilder().Length + (long)count > _max)
                throw new PageTooLargeException($"the page is larger than {_max / (1024 * 1024)} MiB");
        }

        public override void Write(char value) { Grow(1); base.Write(value); }
        public override void Write(char[] buffer, int index, int count) { Grow(count); base.Write(buffer, index, count); }
        public override void Write(ReadOnlySpan<char> buffer) { Grow(buffer.Length); base.Write(buffer); }
        public override void Write(string? value) { Grow(value?.Length ?? 0); base.Write(value); }
    }
}
