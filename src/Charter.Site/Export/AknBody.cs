using System.Xml;
using Charter.Core.Model;
using Charter.Core.Resolve;
using Charter.Site.Markdown;
using Charter.Site.Text;

namespace Charter.Site.Export;

/// <summary>
/// The text of a charter's AKN document: a preface with its title, the preamble (the part whose kind is
/// <c>akn: preamble</c>, with its recitals), the main body (every other part, each unit as the hierarchical element
/// its kind names) and the attachments (parts of kind <c>akn: attachment</c>, each an annex document of its own).
/// </summary>
internal sealed class AknBody
{
    /// <summary>A unit of the charter: its id on the site, its eId here, and its permalink in this language.</summary>
    public sealed record UnitEntry(string Id, string EId, string Url);

    private readonly XmlWriter w;
    private readonly AknExport.Context c;
    private readonly ResolvedEdition e;
    private readonly AknIds _ids = new();
    private readonly Dictionary<string, string> _eIds = new(StringComparer.Ordinal);
    private readonly Dictionary<string, ResolvedUnit> _fileOf = new(StringComparer.Ordinal);
    // The notes' order of each file, found once: every text of a file asks it, and finding it reads all the file's texts.
    private readonly Dictionary<ResolvedUnit, List<string>> _notesOf = new(ReferenceEqualityComparer.Instance);
    private readonly UnitText _text;

    public AknBody(XmlWriter writer, AknExport.Context context, ResolvedEdition edition)
    {
        (w, c, e) = (writer, context, edition);
        _text = new UnitText(c.Strings, e.Language);
        // Every unit's eId first, in reading order, so that the ids the export adds (notes, lists) never take one.
        foreach (var part in e.Parts)
        {
            var eId = part.Kind.AknPlace switch
            {
                AknPlace.Preamble => _ids.Give(part.Kind.Akn),
                AknPlace.Attachment => _ids.Next("", part.Kind.Akn),
                _ => null,
            };
            if (eId is null) Assign(part, "", part);
            else
            {
                Record(part, eId, part);
                foreach (var child in part.Children) Assign(child, eId, part);
            }
        }
        Units = e.Units.Select(u => new UnitEntry(u.Id, _eIds[u.Id],
            c.Absolute(Permalinks.InLanguage(u.PagePath, e.Language) + "#" + u.Id))).ToList();
    }

    public IReadOnlyList<UnitEntry> Units { get; }

    private void Assign(ResolvedUnit u, string prefix, ResolvedUnit file)
    {
        var eId = u.Kind.Akn == AknElements.Hcontainer ? _ids.Next(prefix, u.Kind.Akn) : _ids.Next(prefix, u.Kind.Akn, u.Unit.Ordinal);
        Record(u, eId, file);
        foreach (var child in u.Children) Assign(child, eId, child.Unit.OwnFile ? child : file);
    }

    private void Record(ResolvedUnit u, string eId, ResolvedUnit file)
    {
        _eIds[u.Id] = eId;
        _fileOf[u.Id] = u.Unit.OwnFile ? u : file;
    }

    public void Write(AknMeta meta)
    {
        Preface();
        var preambles = e.Parts.Where(p => p.Kind.AknPlace == AknPlace.Preamble).ToList();
        foreach (var part in preambles.Take(1)) Preamble(part);
        w.WriteStartElement("mainBody");
        var body = e.Parts.Where(p => p.Kind.AknPlace is not (AknPlace.Preamble or AknPlace.Attachment)).ToList();
        foreach (var part in body) Hier(part);
        if (body.Count == 0) w.WriteElementString("p", "");
        w.WriteEndElement();
        var attachments = e.Parts.Where(p => p.Kind.AknPlace == AknPlace.Attachment).ToList();
        if (attachments.Count == 0) return;
        w.WriteStartElement("attachments");
        foreach (var part in attachments) Attachment(part, meta);
        w.WriteEndElement();
    }

    private void Preface()
    {
        var meta = e.Meta.Value;
        var l = e.Meta.Language;
        w.WriteStartElement("preface");
        w.WriteStartElement("longTitle");
        w.WriteStartElement("p");
        w.WriteElementString("docTitle", _text.Typo(meta.Title, l));
        w.WriteEndElement();
        w.WriteEndElement();
        w.WriteStartElement("p");
        w.WriteElementString("shortTitle", _text.Typo(meta.ShortTitle, l));
        w.WriteEndElement();
        Markdown(meta.Body, l, null, null);
        w.WriteEndElement();
    }

    /// <summary>The preamble: its title and text as blocks (AKN's preamble has no heading), then its recitals.</summary>
    private void Preamble(ResolvedUnit part)
    {
        w.WriteStartElement(part.Kind.Akn);
        w.WriteAttributeString("eId", _eIds[part.Id]);
        Lang(part);
        if (Heading(part) is { } heading) Block("heading", heading);
        foreach (var sub in Subheadings(part)) Block("subheading", sub);
        Blocks(part);
        if (part.Children.Length > 0)
        {
            w.WriteStartElement("recitals");
            foreach (var recital in part.Children)
            {
                w.WriteStartElement(recital.Kind.Akn);
                w.WriteAttributeString("eId", _eIds[recital.Id]);
                Lang(recital);
                Titles(recital);
                if (!Blocks(recital)) w.WriteElementString("p", "");
                w.WriteEndElement();
            }
            w.WriteEndElement();
        }
        w.WriteEndElement();
    }

    /// <summary>A unit as a hierarchical element: number, heading, then its text as content, or as the intro of the units it holds.</summary>
    private void Hier(ResolvedUnit u)
    {
        w.WriteStartElement(u.Kind.Akn);
        w.WriteAttributeString("eId", _eIds[u.Id]);
        if (u.Kind.Akn == AknElements.Hcontainer) w.WriteAttributeString("name", u.Kind.Name);
        Lang(u);
        Titles(u);
        if (u.Children.Length == 0)
        {
            w.WriteStartElement("content");
            Blocks(u);
            w.WriteEndElement();
        }
        else
        {
            if (HasBlocks(u))
            {
                w.WriteStartElement("intro");
                Blocks(u);
                w.WriteEndElement();
            }
            foreach (var child in u.Children) Hier(child);
        }
        w.WriteEndElement();
    }

    /// <summary>An annex: its heading, then a document of its own, a component of this one (FRBR …/!{part id}).</summary>
    private void Attachment(ResolvedUnit part, AknMeta meta)
    {
        w.WriteStartElement(part.Kind.Akn);
        w.WriteAttributeString("eId", _eIds[part.Id]);
        Lang(part);
        Titles(part);
        w.WriteStartElement("doc");
        w.WriteAttributeString("name", part.Kind.Name);
        w.WriteStartElement("meta");
        meta.Identification(part.Id);
        w.WriteEndElement();
        w.WriteStartElement("mainBody");
        var any = Blocks(part);
        foreach (var child in part.Children) Hier(child);
        if (!any && part.Children.Length == 0) w.WriteElementString("p", "");
        w.WriteEndElement();
        w.WriteEndElement();
        w.WriteEndElement();
    }

    private void Titles(ResolvedUnit u)
    {
        if (u.Kind.ShowNumber && u.Unit.Number.Length > 0) w.WriteElementString("num", u.Unit.Number);
        if (Heading(u) is { } heading) w.WriteElementString("heading", heading);
        foreach (var sub in Subheadings(u)) w.WriteElementString("subheading", sub);
    }

    /// <summary>What names the unit: its title, else its 'heading' field, else its date when its kind is named by its date.</summary>
    private string? Heading(ResolvedUnit u) =>
        u.Unit.TextField("title") is { } title ? _text.Typo(title, u.Language)
        : u.Unit.TextField("heading") is { } heading ? _text.Typo(heading, u.Language)
        : u.Kind.HeadingFrom == "date" && UnitText.DateOf(u) is { } date ? _text.MonthYear(date)
        : null;

    /// <summary>Its other lines of text (a headline, a principle's theme) and dates, in the order of its fields.</summary>
    private IEnumerable<string> Subheadings(ResolvedUnit u)
    {
        var dateIsHeading = u.Unit.TextField("title") is null && u.Unit.TextField("heading") is null && u.Kind.HeadingFrom == "date";
        foreach (var (key, value) in u.Unit.OrderedFields)
        {
            if (value.Type == FieldType.Text && key is not ("title" or "heading") && !IsListIntro(u, key)) yield return _text.Typo(value.Text!, u.Language);
            if (value.Type == FieldType.Date && value.Date is { } d && !dateIsHeading) yield return _text.MonthYear(d);
        }
    }

    private static bool IsListIntro(ResolvedUnit u, string key) =>
        key.EndsWith("_intro", StringComparison.Ordinal) && u.Unit.Field(key[..^"_intro".Length]) is { Type: FieldType.List };

    private bool HasBlocks(ResolvedUnit u) =>
        u.Unit.Text is { IsEmpty: false } || ExtraReferences(u).Any()
        || u.Unit.Fields.Values.Any(f => f.Type switch
        {
            FieldType.Markdown => f.Markdown is { IsEmpty: false },
            FieldType.List or FieldType.Refs => !f.Items.IsEmpty,
            FieldType.Link => f.Text is not null,
            _ => false,
        });

    /// <summary>The unit's text, its Markdown fields, lists of names and declarations, a link, its other references; whether it wrote any.</summary>
    private bool Blocks(ResolvedUnit u)
    {
        if (!HasBlocks(u)) return false;
        Markdown(u.Unit.Text, u.Language, u, _eIds[u.Id]);
        foreach (var (key, value) in u.Unit.OrderedFields)
        {
            switch (value.Type)
            {
                case FieldType.Markdown: Markdown(value.Markdown, u.Language, null, null); break;
                case FieldType.List when !value.Items.IsEmpty:
                    BlockList(u, u.Unit.TextField(key + "_intro") is { } intro ? _text.Typo(intro, u.Language) : null,
                        value.Items.Select(item => (Action)(() => w.WriteString(_text.Typo(item, u.Language)))));
                    break;
                case FieldType.Refs when !value.Items.IsEmpty:
                    BlockList(u, null, value.Items.Select(id => c.Site.Declaration(e.Language, id)).OfType<ResolvedDeclaration>()
                        .Select(d => (Action)(() => Ref(d))));
                    break;
                case FieldType.Link when value.Text is { } target:
                    w.WriteStartElement("p");
                    Link(u, key, target);
                    w.WriteEndElement();
                    break;
            }
        }
        var extra = ExtraReferences(u).ToList();
        if (extra.Count > 0)
        {
            w.WriteStartElement("p");
            w.WriteString(_text.Typo(c.Strings[e.Language]["see_also"], e.Language) + " ");
            for (var i = 0; i < extra.Count; i++)
            {
                if (i > 0) w.WriteString("; ");
                Ref(extra[i]);
            }
            w.WriteEndElement();
        }
        return true;
    }

    /// <summary>Declarations the unit lists in 'references:' and does not link in its text (the pages' "See:" line).</summary>
    private IEnumerable<ResolvedDeclaration> ExtraReferences(ResolvedUnit u)
    {
        var inText = Resolver.RefLinks(u.Unit.Text).ToHashSet(StringComparer.Ordinal);
        return u.Unit.References.Where(id => !inText.Contains(id)).Select(id => c.Site.Declaration(e.Language, id)).OfType<ResolvedDeclaration>();
    }

    private void BlockList(ResolvedUnit u, string? intro, IEnumerable<Action> items)
    {
        var list = _ids.Next(_eIds[u.Id], "blockList");
        w.WriteStartElement("blockList");
        w.WriteAttributeString("eId", list);
        if (intro is not null) w.WriteElementString("listIntroduction", intro);
        foreach (var item in items)
        {
            w.WriteStartElement("item");
            w.WriteAttributeString("eId", _ids.Next(list, "item"));
            w.WriteStartElement("p");
            item();
            w.WriteEndElement();
            w.WriteEndElement();
        }
        w.WriteEndElement();
    }

    private void Ref(ResolvedDeclaration d)
    {
        w.WriteStartElement("ref");
        w.WriteAttributeString("href", c.Absolute(Permalinks.Declaration(e.Language, d.Id)));
        w.WriteString(_text.Typo(d.Declaration.Value.Title, d.Declaration.Language));
        w.WriteEndElement();
    }

    /// <summary>A link field: to a declaration (a ref), to a unit of the charter (by its eId), or to a page of the site.</summary>
    private void Link(ResolvedUnit u, string key, string target)
    {
        if (target.StartsWith("ref:", StringComparison.Ordinal) && c.Site.Declaration(e.Language, target[4..]) is { } d) { Ref(d); return; }
        var label = u.Kind.Headings.GetValueOrDefault(key)?.In(e.Language, c.Site.Config.DefaultLanguage) is { } h ? _text.Typo(h, e.Language) : target;
        var unit = e.Units.FirstOrDefault(x => x.Id == target);
        w.WriteStartElement(unit is null ? "a" : "ref");
        w.WriteAttributeString("href", unit is null ? c.Absolute(e.HomeIn(e.Language) + target + "/") : "#" + _eIds[unit.Id]);
        w.WriteString(unit is null ? label : _text.Label(unit));
        w.WriteEndElement();
    }

    private void Block(string name, string text)
    {
        w.WriteStartElement("block");
        w.WriteAttributeString("name", name);
        w.WriteString(text);
        w.WriteEndElement();
    }

    /// <summary>A unit shown in another language than the document's (a missing translation) says so.</summary>
    private void Lang(ResolvedUnit u)
    {
        if (u.IsFallback) w.WriteAttributeString("xml", "lang", null, c.Strings[u.Language].Language.Tag);
    }

    /// <summary>
    /// A Markdown text as blocks. The text of a unit (<paramref name="unit"/>) carries its file's notes, each written at
    /// its marker as an authorialNote numbered as on the page; a field's text has none.
    /// </summary>
    private void Markdown(MarkdownText? text, string language, ResolvedUnit? unit, string? eId)
    {
        if (text is null || text.IsEmpty) return;
        var file = unit is null ? null : _fileOf[unit.Id];
        var order = file is null ? [] : _notesOf.TryGetValue(file, out var known) ? known : _notesOf[file] = AknNotes.Order(file);
        var context = new MarkdownContext(language, c.Strings[language].Typography,
            id => c.Site.Declaration(e.Language, id) is null ? null : c.Absolute(Permalinks.Declaration(e.Language, id)),
            (label, _) => order.IndexOf(label) is var i and >= 0 ? new NoteLink(i + 1, "", "") : null);
        Markdig.Syntax.MarkdownDocument document;
        // Markdig refuses some deep nesting: the page that shows the same text reports it at its line.
        try { document = c.Markdown.Parse(text.Source, context); }
        catch (ArgumentException) { return; }
        new AknMarkdown(w, marker =>
        {
            w.WriteStartElement("authorialNote");
            w.WriteAttributeString("marker", AknMarkdown.Marker(marker));
            w.WriteAttributeString("placement", "bottom");
            w.WriteAttributeString("eId", _ids.Next(eId!, "authorialNote"));
            Markdown(file!.Unit.Notes[marker.Label], file.Language, null, null);
            w.WriteEndElement();
        }).Blocks(document);
    }
}
