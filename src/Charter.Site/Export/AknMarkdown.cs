using System.Globalization;
using System.Xml;
using Charter.Site.Markdown;
using Markdig.Renderers.Html;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace Charter.Site.Export;

/// <summary>
/// A parsed Markdown text (Markdig's tree, as <see cref="MarkdownRenderer.Parse"/> leaves it) written as Akoma Ntoso
/// blocks and inlines: paragraphs as <c>p</c>, lists as <c>ul</c>/<c>ol</c>, emphasis as <c>i</c>/<c>b</c>, references
/// to declarations as <c>ref</c>, other links as <c>a</c>, a phrase in another language as <c>span xml:lang</c>, and a
/// note marker as the note itself, an <c>authorialNote</c>, at the marker's place.
/// </summary>
/// <param name="Note">Writes the note of a marker (its number, and the eId prefix of the unit it is in).</param>
public sealed class AknMarkdown(XmlWriter w, Action<NoteReferenceInline> note)
{
    /// <summary>The blocks of a document; a quote, which AKN's block content has no place for, gives its own blocks.</summary>
    public void Blocks(ContainerBlock container)
    {
        foreach (var block in container)
        {
            switch (block)
            {
                case ListBlock list:
                    w.WriteStartElement(list.IsOrdered ? "ol" : "ul");
                    foreach (var item in list.OfType<ListItemBlock>())
                    {
                        w.WriteStartElement("li");
                        Blocks(item);
                        w.WriteEndElement();
                    }
                    w.WriteEndElement();
                    break;
                case HeadingBlock heading when heading.Inline is not null:
                    w.WriteStartElement("p");
                    w.WriteStartElement("b");
                    Inlines(heading.Inline);
                    w.WriteEndElement();
                    w.WriteEndElement();
                    break;
                case LeafBlock leaf when leaf.Inline is not null:
                    w.WriteStartElement("p");
                    Inlines(leaf.Inline);
                    w.WriteEndElement();
                    break;
                case LeafBlock { Inline: null } raw when raw is CodeBlock or HtmlBlock:
                    w.WriteElementString("p", string.Join("\n", raw.Lines.Lines.Take(raw.Lines.Count).Select(l => l.ToString())));
                    break;
                case ContainerBlock inner:
                    Blocks(inner);
                    break;
            }
        }
    }

    public void Inlines(ContainerInline container)
    {
        foreach (var inline in container)
        {
            switch (inline)
            {
                case LiteralInline literal: w.WriteString(literal.Content.ToString()); break;
                case CodeInline code: w.WriteString(code.Content); break;
                case HtmlEntityInline entity: w.WriteString(entity.Transcoded.ToString()); break;
                case HtmlInline html: w.WriteString(html.Tag); break;
                case LineBreakInline br when br.IsHard: w.WriteStartElement("eol"); w.WriteEndElement(); break;
                case LineBreakInline: w.WriteString(" "); break;
                case LanguageSpanInline span:
                    w.WriteStartElement("span");
                    w.WriteAttributeString("xml", "lang", null, span.Language);
                    w.WriteString(span.Text);
                    w.WriteEndElement();
                    break;
                case NoteReferenceInline marker when marker.Number > 0: note(marker); break;
                case AutolinkInline auto:
                    w.WriteStartElement("a");
                    w.WriteAttributeString("href", auto.IsEmail ? "mailto:" + auto.Url : auto.Url);
                    w.WriteString(auto.Url);
                    w.WriteEndElement();
                    break;
                case LinkInline { IsImage: true } image: Inlines(image); break;
                case LinkInline link:
                    // A ref: link, resolved to the declaration's page, is a reference to another document.
                    w.WriteStartElement(link.GetAttributes().Classes?.Contains("ref") == true ? "ref" : "a");
                    w.WriteAttributeString("href", link.Url ?? "");
                    Inlines(link);
                    w.WriteEndElement();
                    break;
                case EmphasisInline emphasis:
                    var element = Emphasis(emphasis);
                    if (element is null) { Inlines(emphasis); break; }
                    w.WriteStartElement(element);
                    Inlines(emphasis);
                    w.WriteEndElement();
                    break;
                case ContainerInline inner: Inlines(inner); break;
            }
        }
    }

    /// <summary>The AKN inline of an emphasis: *i*, **b**, ~~del~~, ~sub~, ^sup^, ++ins++; ==mark== has none and is plain text.</summary>
    private static string? Emphasis(EmphasisInline e) => (e.DelimiterChar, e.DelimiterCount) switch
    {
        ('*' or '_', 1) => "i",
        ('*' or '_', _) => "b",
        ('~', 2) => "del",
        ('~', _) => "sub",
        ('^', _) => "sup",
        ('+', _) => "ins",
        _ => null,
    };

    /// <summary>A note's marker as AKN writes it: its number among its file's notes.</summary>
    public static string Marker(NoteReferenceInline marker) => marker.Number.ToString(CultureInfo.InvariantCulture);
}
