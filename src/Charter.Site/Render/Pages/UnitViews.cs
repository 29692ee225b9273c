using System.Collections.Concurrent;
using System.Globalization;
using Charter.Core.Model;
using Charter.Core.Resolve;
using Charter.Site.Markdown;
using Charter.Site.Text;

namespace Charter.Site.Render.Pages;

/// <summary>
/// The view of every unit of a charter in one page language: its label, permalink and citation, its text and
/// fields rendered, its children, its notes. Each unit's view is made once and shared by every page that shows it
/// (its own, its parent's, the side-by-side view of every language, the declarations that cite it).
/// </summary>
public sealed class UnitViews(PageContext page)
{
    // Concurrent: another language's side-by-side page reads this language's units while building. By edition
    // (its home), so that a charter's views can be let go of at once when its pages are made (Forget).
    private readonly ConcurrentDictionary<string, ConcurrentDictionary<string, UnitVm>> _units = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<(string Home, string Id), UnitHead> _heads = new();
    private readonly ConcurrentDictionary<string, FileIndex> _files = new(StringComparer.Ordinal);

    /// <summary>
    /// Lets go of the views of an edition's units, once the pages that show them in full are made: a large site's
    /// build holds one charter's views at a time instead of every charter's. Their heads are kept (the site's tables
    /// of contents and backlinks list them); a view asked for again is made again, the same.
    /// </summary>
    public void Forget(ResolvedEdition e)
    {
        _units.TryRemove(e.Home, out _);
        _files.TryRemove(e.Home, out _);
    }

    /// <summary>
    /// What lists of units show of one (a table of contents, a declaration's backlinks): its number, label, title,
    /// heading and addresses, as its view has them (<see cref="Unit"/> takes them from here), without its text.
    /// </summary>
    public UnitHead Head(ResolvedEdition e, ResolvedUnit u) => _heads.GetOrAdd((e.Home, u.Id), _ =>
    {
        var lang = page.Lang;
        return new UnitHead(u.Kind.ShowNumber ? u.Unit.Number : "", page.Text.Label(u),
            u.Unit.TextField("title") is { } title ? page.Typo(title, u.Language) : null, page.Text.Heading(u),
            page.Href(Permalink(u)), u.HasPage ? page.Href(Permalinks.InLanguage(u.PagePath, lang)) : null);
    });

    /// <summary>A unit's address in this page language, site-relative: its page (or the page it is on) and its anchor.</summary>
    private string Permalink(ResolvedUnit u) => Permalinks.InLanguage(u.PagePath, page.Lang) + "#" + u.Id;

    /// <summary>Which unit's file each unit's text is in (its notes are there), per edition.</summary>
    private sealed record FileIndex(Dictionary<string, ResolvedUnit> Owner, Dictionary<string, ResolvedUnit> ById);

    private FileIndex Index(ResolvedEdition e) => _files.GetOrAdd(e.Home, _ =>
    {
        var owner = new Dictionary<string, ResolvedUnit>(StringComparer.Ordinal);
        var byId = new Dictionary<string, ResolvedUnit>(StringComparer.Ordinal);
        void Walk(ResolvedUnit unit, ResolvedUnit file)
        {
            var own = unit.Unit.OwnFile ? unit : file;
            owner[unit.Id] = own;
            byId[unit.Id] = unit;
            foreach (var child in unit.Children) Walk(child, own);
        }
        foreach (var part in e.Parts) Walk(part, part);
        return new FileIndex(owner, byId);
    });

    public ResolvedUnit? Find(ResolvedEdition e, string id) => Index(e).ById.GetValueOrDefault(id);

    /// <summary>The view of a unit of <paramref name="e"/> (an edition in this page's language).</summary>
    public UnitVm Unit(ResolvedEdition e, ResolvedUnit u)
    {
        var edition = _units.GetOrAdd(e.Home, _ => new ConcurrentDictionary<string, UnitVm>(StringComparer.Ordinal));
        if (edition.TryGetValue(u.Id, out var cached)) return cached;
        var lang = page.Lang;
        var head = Head(e, u);
        var rendered = page.Md(u.Unit.Text, u.Language, NotesFor(e, u));
        var url = Permalink(u);
        // References listed in front matter ('references:') and not already linked in the text get a link of their own,
        // so that every backlink on a declaration's page has its forward link on the unit.
        var inText = Resolver.RefLinks(u.Unit.Text).ToHashSet(StringComparer.Ordinal);
        var seeAlso = u.Unit.References.Where(id => !inText.Contains(id)).Select(id => page.Site.Declaration(lang, id)).OfType<ResolvedDeclaration>()
            .Select(d => new LinkVm(page.Typo(d.Declaration.Value.Title, d.Declaration.Language), page.Href(Permalinks.Declaration(lang, d.Id)))).ToEquatable();
        var fields = new Dictionary<string, object?>(StringComparer.Ordinal);
        var prose = new Dictionary<string, object?>(StringComparer.Ordinal);
        string? linkUrl = null;
        foreach (var (key, value) in u.Unit.OrderedFields)
        {
            switch (value.Type)
            {
                case FieldType.Text: fields[key] = page.Typo(value.Text!, u.Language); break;
                case FieldType.Number: fields[key] = value.Number?.ToString(CultureInfo.InvariantCulture); break;
                case FieldType.Date: fields[key] = value.Date is { } d ? page.Text.MonthYear(d) : null; break;
                case FieldType.List: fields[key] = value.Items.Select(x => page.Typo(x, u.Language)).ToEquatable(); break;
                case FieldType.Refs:
                    fields[key] = value.Items.Select(id => page.Site.Declaration(lang, id)).OfType<ResolvedDeclaration>().Select(page.DeclarationLink).ToEquatable();
                    break;
                case FieldType.Markdown: prose[key] = page.Md(value.Markdown, u.Language).Html; break;
                case FieldType.Link: fields[key] = value.Text; linkUrl ??= LinkUrl(e, value.Text!); break;
            }
        }
        var date = UnitText.DateOf(u) is { } ym ? new DateVm(ym.ToString(), page.Text.MonthYear(ym), ym.Year) : null;
        var headings = u.Kind.Headings.ToDictionary(h => h.Key, h => (object?)(h.Value.In(lang, page.Config.DefaultLanguage) is { } t ? page.Typo(t, lang) : null));
        var childrenHeading = u.Kind.Children.Select(c => c.Heading.In(lang, page.Config.DefaultLanguage)).FirstOrDefault(h => h is not null) is { } ch
            ? page.Typo(ch, lang) : null;
        var nameLists = u.Unit.OrderedFields.Where(f => f.Value.Type == FieldType.List && !f.Value.Items.IsEmpty).Select(f => new NameListVm(f.Key,
            headings.GetValueOrDefault(f.Key) as string, u.Unit.TextField(f.Key + "_intro") is { } intro ? page.Typo(intro, u.Language) : null,
            (EquatableList<string>)fields[f.Key]!)).ToEquatable();
        var children = u.Children.Select(c => Unit(e, c)).ToEquatable();
        var unit = new UnitVm(u.Id, u.Unit.Kind, head.Number, head.Label, rendered.Html, rendered.Text,
            head.Url, page.Absolute(url), page.Text.Citation(e, u), u.IsFallback, u.Language, head.Heading, seeAlso,
            head.Title, u.Unit.Ordinal, head.PageUrl,
            new EquatableMap(fields), new EquatableMap(prose), new EquatableMap(headings), childrenHeading, nameLists,
            children, u.Unit.OwnFile ? Notes(e, u) : EquatableList<NoteVm>.Empty, date, linkUrl) with
            {
                Citable = u.Kind.Citable, Outdated = Outdated(e, u, url), Versions = VersionViews.Notes(page, this, e, u),
                Cite = u.Kind.Citable ? page.Cite.Panel(e, page.Cite.Item(e, u)) : null,
                Topics = e.TopicsOf(u.Id).Select(id => page.Site.Topics.First(t => t.Id == id))
                    .Select(t => new LinkVm(page.Typo(t.Name.In(lang, page.Config.DefaultLanguage) ?? t.Id, lang), page.Href(Permalinks.Topic(lang, t.Id)))).ToEquatable(),
            };
        edition[u.Id] = unit;
        return unit;
    }

    /// <summary>Where a link field leads: a declaration (ref:ID), the side-by-side view, or a unit of the charter.</summary>
    private string? LinkUrl(ResolvedEdition e, string target)
    {
        if (target.StartsWith("ref:", StringComparison.Ordinal)) return page.Href(Permalinks.Declaration(page.Lang, target[4..]));
        if (target == Permalinks.SideBySide) return page.Href(e.HomeIn(page.Lang) + Permalinks.SideBySide + "/");
        return Find(e, target) is { } unit ? page.Href(unit.HasPage ? unit.PagePath : unit.Url) : null;
    }

    /// <summary>The reader's note on a unit whose translation the ledger says is out of date (never on a fallback: that has its own notice).</summary>
    private OutdatedVm? Outdated(ResolvedEdition e, ResolvedUnit u, string url)
    {
        // The ledger is of the current text: an earlier version's wording is not what it records.
        if (u.IsFallback || e.Version is { Dated: true } || page.Site.Translations.State(page.Lang, TranslationReport.UnitKey(e.Slug, u.Id)) != TranslationState.Outdated) return null;
        var source = page.Site.Translations.Source;
        var language = page.LanguageOf(source);
        return new OutdatedVm(page.T["translation_outdated"], page.T.Format("translation_outdated_read", ("language", page.T.NameOf(language))),
            page.Href(Permalinks.InLanguage(url, source)), language.Tag);
    }

    /// <summary>Footnote labels of a file, numbered in order of first appearance in its texts.</summary>
    private static List<string> NoteOrder(ResolvedUnit file)
    {
        var order = new List<string>();
        foreach (var unit in file.DescendantsAndSelf().Where(u => u == file || !u.Unit.OwnFile))
            foreach (var label in Resolver.NoteLabels(unit.Unit.Text))
                if (file.Unit.Notes.ContainsKey(label) && !order.Contains(label)) order.Add(label);
        return order;
    }

    private EquatableList<NoteVm> Notes(ResolvedEdition e, ResolvedUnit file) =>
        NoteOrder(file).Select((label, i) => new NoteVm(i + 1, $"{NotePrefix(file)}note-{label}", $"{NotePrefix(file)}note-{label}-ref-{page.Lang}",
            page.Md(file.Unit.Notes[label], file.Language).Html)).ToEquatable();

    /// <summary>
    /// Note ids are the file's: a file with a page of its own has the page to itself ("note-1"); one shown on a page
    /// it shares with other files (the parts on a charter's home) prefixes them with its id, as two files may both have a note "1".
    /// </summary>
    private static string NotePrefix(ResolvedUnit file) => file.HasPage ? "" : file.Id + "-";

    /// <summary>
    /// How the footnote markers of a unit's text resolve, to the notes of its file. A note cited more than once gets a
    /// marker id per citation (the first keeps the plain one, which the note links back to), so that no two markers on
    /// a page share an id; the ids carry the page's language, not the text's (a fallback text is shown in two columns
    /// of the side-by-side view).
    /// </summary>
    private Func<string, int, NoteLink?>? NotesFor(ResolvedEdition e, ResolvedUnit u)
    {
        var file = Index(e).Owner.GetValueOrDefault(u.Id);
        if (file is null || file.Unit.Notes.IsEmpty) return null;
        var order = NoteOrder(file);
        var notePage = page.Href(Permalinks.InLanguage(file.PagePath, page.Lang));
        // Citations of each note in the texts that come before this one in the file, in the order NoteOrder reads them.
        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var before in file.DescendantsAndSelf().Where(x => x == file || !x.Unit.OwnFile).TakeWhile(x => x.Id != u.Id))
            foreach (var label in Resolver.NoteLabels(before.Unit.Text))
                seen[label] = seen.GetValueOrDefault(label) + 1;
        return (label, citation) =>
        {
            var i = order.IndexOf(label);
            if (i < 0) return null;
            var n = seen.GetValueOrDefault(label) + citation;
            var id = $"{NotePrefix(file)}note-{label}-ref-{page.Lang}" + (n == 1 ? "" : $"-{n}");
            return new NoteLink(i + 1, $"{notePage}#{NotePrefix(file)}note-{label}", id);
        };
    }
}

/// <summary>What lists show of a unit: see <see cref="UnitViews.Head"/>.</summary>
public sealed record UnitHead(string Number, string Label, string? Title, string? Heading, string Url, string? PageUrl);
