using Charter.Core.Caching;
using System.Text;
using Markdig;
using Markdig.Renderers;
using Markdig.Renderers.Html;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;
using Charter.Core.Safety;

namespace Charter.Site.Markdown;

/// <summary>
/// What a Markdown text needs from its page: its language and that language's typography, how to resolve <c>ref:</c> links, and how to resolve a
/// footnote marker, given its label and which citation of that label in the text it is (1 for the first).
/// </summary>
public sealed record MarkdownContext(string Language, Typography Typography, Func<string, string?> ResolveReference, Func<string, int, NoteLink?> ResolveNote);

/// <summary>How a footnote marker links to its note and what id it carries for the way back.</summary>
public sealed record NoteLink(int Number, string Href, string Id);

/// <summary>
/// A Markdown text rendered once to HTML and to plain text (for charter.json, search and citations), with the
/// addresses of the links that <see cref="UrlPolicy"/> refused (they became their own text), for the page to report.
/// </summary>
public sealed record RenderedText(string Html, string Text)
{
    public IReadOnlyList<string> RefusedUrls { get; init; } = [];
}

/// <summary>
/// Markdown to HTML with Charter's rules, built once and shared across threads: raw HTML is escaped unless the
/// site allows it, <c>ref:</c> links point at the declaration in the page's language, external links get
/// <c>rel="noopener"</c>, and text gets its language's typography (French narrow no-break spaces).
/// </summary>
public sealed class MarkdownRenderer : IBuildMemory
{
    private readonly MarkdownPipeline _pipeline;
    private readonly RenderMemo? _memo;

    /// <param name="allowHtml">Whether raw HTML in the Markdown passes through (charter.yml's allow_html).</param>
    /// <param name="remember">Keep what was rendered for the next build in this process (charter serve): see <see cref="RenderMemo"/>.</param>
    public MarkdownRenderer(bool allowHtml, bool remember = false)
    {
        _memo = remember ? new RenderMemo() : null;
        var builder = new MarkdownPipelineBuilder().UseEmphasisExtras();
        builder.InlineParsers.InsertBefore<Markdig.Parsers.Inlines.LinkInlineParser>(new CharterInlineParser());
        if (!allowHtml) builder.DisableHtml();
        _pipeline = builder.Build();
    }

    public RenderedText Render(string? markdown, MarkdownContext context)
    {
        if (string.IsNullOrWhiteSpace(markdown)) return new RenderedText("", "");
        return _memo is null ? RenderNow(markdown, context) : _memo.Render(markdown, context, RenderNow);
    }

    // The plain text of a Markdown text depends on the text and its typography only (not on where its links lead):
    // the open data and search take the one the pages' rendering made, or make it.
    private readonly System.Collections.Concurrent.ConcurrentDictionary<(string Markdown, string Typography), string> _plain = new();

    /// <summary>The plain text of a Markdown text (for charter.json and search), in its language's typography.</summary>
    public string PlainText(string? markdown, Typography typography)
    {
        if (string.IsNullOrWhiteSpace(markdown)) return "";
        if (_plain.TryGetValue((markdown, typography.Name), out var known)) return known;
        var document = Markdig.Markdown.Parse(markdown, _pipeline);
        Rewrite(document, new MarkdownContext("", typography, _ => null, (_, _) => null));
        return _plain.GetOrAdd((markdown, typography.Name), Charter.Site.Markdown.PlainText.Of(document));
    }

    /// <summary>
    /// A Markdown text parsed as for a page — links checked, ref: links resolved (and marked with the class "ref"),
    /// note markers numbered, the text's typography applied — for an export that writes its own markup (Akoma Ntoso).
    /// </summary>
    public MarkdownDocument Parse(string markdown, MarkdownContext context)
    {
        var document = Markdig.Markdown.Parse(markdown, _pipeline);
        Rewrite(document, context);
        return document;
    }

    void IBuildMemory.Begin() { }

    /// <summary>After a good build, forgets what it did not render (texts edited away, pages removed); after a failed one, nothing.</summary>
    void IBuildMemory.End(bool success)
    {
        if (!success) return;
        _memo?.Sweep();
        _plain.Clear();
    }

    private RenderedText RenderNow(string markdown, MarkdownContext context)
    {
        var document = Markdig.Markdown.Parse(markdown, _pipeline);
        var refused = Rewrite(document, context);
        var text = Charter.Site.Markdown.PlainText.Of(document);
        _plain.TryAdd((markdown, context.Typography.Name), text);
        return new RenderedText(ToHtml(document), text) { RefusedUrls = refused };
    }

    private string ToHtml(MarkdownDocument document)
    {
        var writer = new StringWriter();
        var renderer = new HtmlRenderer(writer);
        _pipeline.Setup(renderer);
        renderer.ObjectRenderers.Insert(0, new LanguageSpanRenderer());
        renderer.ObjectRenderers.Insert(0, new NoteReferenceRenderer());
        renderer.Render(document);
        return writer.ToString().TrimEnd('\n');
    }

    private static List<string> Rewrite(MarkdownDocument document, MarkdownContext context)
    {
        var unsafeLinks = new List<Inline>();
        var citations = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var inline in document.Descendants<Inline>())
        {
            switch (inline)
            {
                case LinkInline link when !UrlPolicy.IsAllowed(link.Url) && !IsReference(link):
                case AutolinkInline auto when !auto.IsEmail && !UrlPolicy.IsAllowed(auto.Url):
                    unsafeLinks.Add(inline);
                    break;
                case LinkInline { IsImage: false } link when link.Url?.StartsWith("ref:", StringComparison.Ordinal) == true:
                    link.Url = context.ResolveReference(link.Url[4..]) ?? link.Url;
                    link.GetAttributes().AddClass("ref");
                    break;
                case LinkInline link when link.Url is { } url && (url.StartsWith("http://", StringComparison.Ordinal) || url.StartsWith("https://", StringComparison.Ordinal)):
                    link.GetAttributes().AddProperty("rel", "noopener");
                    link.GetAttributes().AddClass("external");
                    break;
                case AutolinkInline auto when !auto.IsEmail:
                    auto.GetAttributes().AddProperty("rel", "noopener");
                    break;
                case NoteReferenceInline note when context.ResolveNote(note.Label, citations[note.Label] = citations.GetValueOrDefault(note.Label) + 1) is { } resolved:
                    (note.Number, note.Href, note.Id) = (resolved.Number, resolved.Href, resolved.Id);
                    break;
                case LiteralInline literal when context.Typography.ChangesText:
                    var text = literal.Content.ToString();
                    var set = context.Typography.Apply(text);
                    if (!ReferenceEquals(text, set)) literal.Content = new Markdig.Helpers.StringSlice(set);
                    break;
            }
        }
        // An address outside the allow-list is never a link, whatever the site allows: the link becomes its own text
        // (its emphasis kept), and the page reports the address at the text's place.
        var refused = new List<string>();
        foreach (var link in unsafeLinks)
        {
            if (link is AutolinkInline auto)
            {
                refused.Add(auto.Url);
                link.ReplaceBy(new LiteralInline(auto.Url));
                continue;
            }
            var container = (LinkInline)link;
            refused.Add(container.Url ?? "");
            foreach (var child in container.ToList())
            {
                child.Remove();
                container.InsertBefore(child);
            }
            container.Remove();
        }
        return refused;
    }

    // ref:ID links are resolved above, and the link is kept even when the id is unknown (Resolve reports those).
    private static bool IsReference(LinkInline link) => !link.IsImage && link.Url?.StartsWith("ref:", StringComparison.Ordinal) == true;
}

/// <summary>The plain text of a parsed Markdown document: paragraphs separated by blank lines, no markup, no note markers.</summary>
public static class PlainText
{
    public static string Of(MarkdownDocument document)
    {
        var text = new StringBuilder();
        foreach (var block in document.Descendants<LeafBlock>())
        {
            if (block.Inline is null) continue;
            if (text.Length > 0) text.Append("\n\n");
            Append(block.Inline, text);
        }
        return text.ToString().Trim();
    }

    private static void Append(ContainerInline container, StringBuilder text)
    {
        foreach (var inline in container)
        {
            switch (inline)
            {
                case LiteralInline literal: text.Append(literal.Content.AsSpan()); break;
                case CodeInline code: text.Append(code.Content); break;
                case LanguageSpanInline span: text.Append(span.Text); break;
                case LineBreakInline: text.Append(' '); break;
                case AutolinkInline auto: text.Append(auto.Url); break;
                case HtmlEntityInline entity: text.Append(entity.Transcoded.AsSpan()); break;
                case HtmlInline html: text.Append(html.Tag); break;
                case ContainerInline inner: Append(inner, text); break;
            }
        }
    }
}
