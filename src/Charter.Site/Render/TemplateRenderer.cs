using System.Text;
using System.Text.Encodings.Web;
using System.Text.Unicode;
using Charter.Core.Diagnostics;
using Fluid;

namespace Charter.Site.Render;

/// <summary>
/// Stage 4, Render: runs the theme's Liquid templates. Each page's template renders its main content, then
/// <c>layout.liquid</c> wraps it (head, header, navigation, footer). Values are HTML-escaped by default; only
/// fields the build produced as HTML are printed with '| raw'.
/// </summary>
public sealed class TemplateRenderer(Theme.Theme theme, DiagnosticBag diagnostics)
{
    // Escape markup characters but leave letters of every script readable in the HTML source.
    /// <summary>The template that wraps every page's own template.</summary>
    public const string Layout = "layout";

    private static readonly HtmlEncoder Encoder = HtmlEncoder.Create(UnicodeRanges.All);

    public OutputFile? Render(PageSpec spec, SiteVm site, Strings strings)
    {
        var template = theme.Template(spec.Template, diagnostics);
        var layout = theme.Template(Layout, diagnostics);
        if (template is null || layout is null) return null;
        try
        {
            var context = new TemplateContext(theme.Options);
            context.SetValue("page", spec.Page);
            context.SetValue("site", site);
            context.SetValue("t", strings.Table);
            foreach (var (key, value) in spec.Data) context.SetValue(key, value);
            var body = template.Render(context, Encoder);
            context.SetValue("content", body);
            var html = layout.Render(context, Encoder);
            return new OutputFile(spec.Path.EndsWith('/') || spec.Path.Length == 0 ? spec.Path + "index.html" : spec.Path, Encoding.UTF8.GetBytes(html));
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            diagnostics.Error(Codes.TemplateError, SourceLocation.File($"themes/{spec.Template}.liquid"),
                $"the template failed on page {spec.Path}: {e.Message}", "check the template's tags and filters");
            return null;
        }
    }
}
