using Markdig.Helpers;
using Markdig.Parsers;
using Markdig.Renderers;
using Markdig.Renderers.Html;
using Markdig.Syntax.Inlines;

namespace Charter.Site.Markdown;

/// <summary><c>[Cities Are Listening]{lang=en}</c>: a phrase in another language, so screen readers switch voice.</summary>
public sealed class LanguageSpanInline : LeafInline
{
    public required string Text { get; init; }
    public required string Language { get; init; }
}

/// <summary><c>[^label]</c>: a footnote marker; its number and target are set when the page's notes are numbered.</summary>
public sealed class NoteReferenceInline : LeafInline
{
    public required string Label { get; init; }
    public int Number { get; set; }
    /// <summary>Where the marker links: the note on its principle's page (a full path, so it also works from other pages).</summary>
    public string Href { get; set; } = "";
    /// <summary>The marker's own id, which the note links back to; unique per language, since the side-by-side view shows two.</summary>
    public string Id { get; set; } = "";
}

/// <summary>Parses both extras; it runs before Markdig's link parser, which would otherwise take the '['.</summary>
public sealed class CharterInlineParser : InlineParser
{
    public CharterInlineParser() => OpeningCharacters = ['['];

    public override bool Match(InlineProcessor processor, ref StringSlice slice)
    {
        var text = slice.Text;
        int start = slice.Start;
        int close = text.IndexOf(']', start + 1, slice.End - start);
        if (close < 0) return false;

        if (start + 1 <= slice.End && text[start + 1] == '^')
        {
            var label = text.Substring(start + 2, close - start - 2);
            if (label.Length == 0 || label.Any(char.IsWhiteSpace)) return false;
            processor.Inline = new NoteReferenceInline { Label = label, Span = new(start, close) };
            slice.Start = close + 1;
            return true;
        }

        const string marker = "{lang=";
        if (close + marker.Length >= slice.End || string.CompareOrdinal(text, close + 1, marker, 0, marker.Length) != 0) return false;
        int end = text.IndexOf('}', close + 1 + marker.Length, slice.End - close - marker.Length);
        if (end < 0) return false;
        var language = text.Substring(close + 1 + marker.Length, end - close - 1 - marker.Length).Trim();
        var inner = text.Substring(start + 1, close - start - 1);
        if (language.Length is < 2 or > 8 || inner.Contains('[')) return false;
        processor.Inline = new LanguageSpanInline { Text = inner, Language = language, Span = new(start, end) };
        slice.Start = end + 1;
        return true;
    }
}

public sealed class LanguageSpanRenderer : HtmlObjectRenderer<LanguageSpanInline>
{
    protected override void Write(HtmlRenderer renderer, LanguageSpanInline span)
    {
        if (!renderer.EnableHtmlForInline) { renderer.WriteEscape(span.Text); return; }
        renderer.Write("<span lang=\"").WriteEscape(span.Language).Write("\">").WriteEscape(span.Text).Write("</span>");
    }
}

public sealed class NoteReferenceRenderer : HtmlObjectRenderer<NoteReferenceInline>
{
    protected override void Write(HtmlRenderer renderer, NoteReferenceInline note)
    {
        if (!renderer.EnableHtmlForInline || note.Number == 0) return;
        renderer.Write("<sup class=\"note-ref\"><a href=\"").WriteEscape(note.Href).Write("\" id=\"")
            .WriteEscape(note.Id).Write("\">").Write(note.Number.ToString(System.Globalization.CultureInfo.InvariantCulture))
            .Write("</a></sup>");
    }
}
