using System.Text;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;

namespace Charter.Tests.Support;

/// <summary>HTML is asserted through a real parser (AngleSharp), never by searching strings.</summary>
public static class Html
{
    public static IHtmlDocument Parse(string html) => new HtmlParser().ParseDocument(html);

    public static IHtmlDocument Parse(byte[] utf8) => Parse(Encoding.UTF8.GetString(utf8));

    /// <summary>Parses and collects the parser's complaints (unclosed or misnested elements, bad attributes, …).</summary>
    public static (IHtmlDocument Document, List<string> Errors) ParseStrict(byte[] utf8)
    {
        var errors = new List<string>();
        var parser = new HtmlParser(new HtmlParserOptions { IsKeepingSourceReferences = true });
        parser.Error += (_, e) =>
        {
            var error = (AngleSharp.Html.Dom.Events.HtmlErrorEvent)e;
            errors.Add($"{error.Position.Line}:{error.Position.Column} {error.Message}");
        };
        return (parser.ParseDocument(Encoding.UTF8.GetString(utf8)), errors);
    }

    /// <summary>The site-relative page path of a link ("/fr/x/#id" → "fr/x/index.html") and its fragment.</summary>
    public static (string File, string? Fragment) Target(string href, string basePath = "/")
    {
        var hash = href.IndexOf('#');
        var fragment = hash >= 0 ? href[(hash + 1)..] : null;
        var path = hash >= 0 ? href[..hash] : href;
        var query = path.IndexOf('?');
        if (query >= 0) path = path[..query];
        Assert.StartsWith(basePath, path);
        path = path[basePath.Length..];
        if (path.Length == 0 || path.EndsWith('/')) path += "index.html";
        return (path, fragment);
    }

    public static string Attr(this IElement e, string name) => e.GetAttribute(name) ?? "";
}
