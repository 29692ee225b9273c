namespace Charter.Site.Render;

// The shapes templates see. Property names reach Liquid in snake_case (Number → number, AbsoluteUrl → absolute_url).
// Fields ending in Html, and the values of Prose, hold HTML the build produced and escaped; templates print them with
// '| raw'. Everything else is text and is escaped by the template engine. Every model compares by value (records over
// EquatableList and EquatableMap), which is how serve knows a page has not changed.

/// <summary>A link; Current when the page is this link's page or below it, Exact when it is the page itself.</summary>
public sealed record LinkVm(string Label, string Url, bool Current = false, bool Exact = false);

/// <summary>A language version of a page: its code (in URLs), BCP 47 tag (lang, hreflang), own name and addresses.</summary>
public sealed record AlternateVm(string Lang, string Tag, string Name, string Url, string AbsoluteUrl, bool Current);

/// <summary>Another language's search page, with the offer to search there ("Chercher « {q} » en anglais", {q} left to the script).</summary>
public sealed record SearchElsewhereVm(string Lang, string Tag, string Url, string Label);

public sealed record SiteVm(string Title, string BasePath, string HomeUrl, string SearchUrl, string AssetsUrl, string OpenSearchUrl,
    string DeclarationsUrl, EquatableList<AlternateVm> Languages, string SourceNote)
{
    /// <summary>Each charter's downloads in this language, by its slug (site.downloads[charter.slug]): only files the build made.</summary>
    public EquatableMap Downloads { get; init; } = EquatableMap.Empty;

    /// <summary>The "browse by topic" page in this language, when the site has topics.</summary>
    public string? TopicsUrl { get; init; }
}

/// <summary>A file to download: its kind ("pdf"), address, media type, language and how the page names it ("PDF (312 ko)").</summary>
public sealed record DownloadVm(string Kind, string Url, string Type, string Tag, string Label, string AbsoluteUrl);

/// <summary>What every page has: its language, title, addresses and the head links.</summary>
public sealed record PageVm(
    string Lang, string Kind, string Title, string HeadTitle, string Description, string Path, string Url, string Canonical,
    EquatableList<AlternateVm> Alternates, string XDefault, string? JsonLd, string? Notice,
    EquatableList<LinkVm> Breadcrumbs, EquatableList<LinkVm> Nav, string? CharterTitle, string? CharterUrl, string? SideBySideUrl, bool Noindex = false)
{
    /// <summary>The page language's BCP 47 tag, for &lt;html lang&gt;.</summary>
    public string LangTag { get; init; } = Lang;

    /// <summary>The page language's date rule, for the script (data-* attributes of the body).</summary>
    public DateRuleVm? Dates { get; init; }

    /// <summary>The citation_* and Dublin Core tags of the head, on the pages of a charter (Zotero, Google Scholar).</summary>
    public CitationMetaVm? Citation { get; init; }

    /// <summary>The page language's direction, for &lt;html dir&gt;: "ltr" or "rtl".</summary>
    public string Dir { get; init; } = "ltr";

    /// <summary>The Akoma Ntoso XML of the charter the page belongs to, in the page's language (null on the site's own pages).</summary>
    public string? AknUrl { get; init; }

    /// <summary>On a dated version's pages: which version the page shows, with the link to the current text.</summary>
    public VersionBannerVm? Version { get; init; }
}

/// <summary>"You are reading an earlier version: October 2022 (adopted)." and its link to the current text.</summary>
public sealed record VersionBannerVm(string Text, string Link, string Url);

/// <summary>What a later or earlier version did to a unit ("Modified on 12 May 2023."), with the link to its other wording.</summary>
/// <param name="Kind">added, modified, removed or untranslated: the class the theme styles it by.</param>
public sealed record VersionNoteVm(string Kind, string Text, string? Link, string? Url);

/// <summary>A run of a redline: "same", "del" (the earlier wording's, struck through) or "ins" (the later one's, underlined).</summary>
public sealed record RedlineSegmentVm(string Kind, string Text);

/// <summary>One text of a changed unit, redlined: its own text (Label "Text") or one of its fields.</summary>
public sealed record RedlineRowVm(string? Label, EquatableList<RedlineSegmentVm> Segments);

/// <summary>A unit on a "what changed" page: its label and title, its permalink in the version that has it, its redlines.</summary>
public sealed record ChangeVm(string Id, string Label, string? Title, string Url, string TextLang, EquatableList<RedlineRowVm> Rows);

/// <summary>The units a version added, removed or modified (Kind), under their heading.</summary>
public sealed record ChangeGroupVm(string Kind, string Heading, EquatableList<ChangeVm> Changes);

/// <summary>A version as the charter's home lists it: its date, status and note, its dated home and its "what changed" page.</summary>
/// <param name="This">Whether the page shows this version.</param>
public sealed record VersionEntryVm(string Id, string Date, string Datetime, string Status, string? Note, string Url, string? ChangesUrl, bool Current, bool This)
{
    /// <summary>Its own search page, which finds its units in their wording of that version.</summary>
    public string? SearchUrl { get; init; }
}

/// <summary>
/// A unit of a charter as shown: its label ("Priorité 2.3"), permalink and citation, its text rendered, its fields
/// (text, lists and dates as text in <see cref="Fields"/>, Markdown fields as HTML in <see cref="Prose"/>), the units it
/// holds, and, when it has a page of its own, that page's address.
/// </summary>
/// <param name="Heading">What names it after its label where it is listed ("Équité").</param>
/// <param name="Title">Its own title, when it has one.</param>
/// <param name="Headings">The kind's texts for templates, in the page's language (previous, next, contributors, …).</param>
/// <param name="ChildrenHeading">The heading its structure gives the units it holds ("Nos priorités"), if any.</param>
/// <param name="NameLists">Its list fields (names of contributors, partners), each with its heading and its lead-in (the field KEY_intro).</param>
public sealed record UnitVm(
    string Id, string Kind, string Number, string Label, string Html, string Text, string Url, string AbsoluteUrl,
    string Citation, bool Fallback, string TextLang, string? Heading, EquatableList<LinkVm> SeeAlso,
    string? Title, int Ordinal, string? PageUrl, EquatableMap Fields, EquatableMap Prose, EquatableMap Headings, string? ChildrenHeading,
    EquatableList<NameListVm> NameLists, EquatableList<UnitVm> Children, EquatableList<NoteVm> Notes, DateVm? Date, string? LinkUrl)
{
    /// <summary>Whether its kind is cited on its own (a priority is; a section, a list of commitments, a chapter need not be).</summary>
    public bool Citable { get; init; } = true;

    /// <summary>Its cite panel: the ready citations, the downloads and the short permalink (null when its kind is not citable).</summary>
    public CiteVm? Cite { get; init; }

    /// <summary>The topics it is about (content/{slug}/topics.yml), each a link to its topic page.</summary>
    public EquatableList<LinkVm> Topics { get; init; } = EquatableList<LinkVm>.Empty;

    /// <summary>When its translation is out of date (the source text changed since it was marked): the note the reader sees, and the source's link.</summary>
    public OutdatedVm? Outdated { get; init; }

    /// <summary>What the charter's other versions did to it, for a charter with versions (empty otherwise).</summary>
    public EquatableList<VersionNoteVm> Versions { get; init; } = EquatableList<VersionNoteVm>.Empty;
}

/// <param name="Note">"This translation may be out of date: …"</param>
/// <param name="SourceLink">"Read it in French", to the same unit in the source language.</param>
public sealed record OutdatedVm(string Note, string SourceLink, string SourceUrl, string SourceTag);

public sealed record NameListVm(string Key, string? Heading, string? Intro, EquatableList<string> Names);

/// <summary>A dated unit's date: machine-readable (YYYY-MM, for &lt;time&gt;) and as the page's language writes it.</summary>
public sealed record DateVm(string Datetime, string Label, int Year);

public sealed record TocEntryVm(string Number, string Title, string Url, EquatableList<TocEntryVm> Children)
{
    /// <summary>The unit's id: where the entry points within one document (the print edition's table of contents).</summary>
    public string Id { get; init; } = "";
}

public sealed record CharterVm(string Slug, string Title, string ShortTitle, string Organization, string Year, string? Place,
    string Citation, string Description, string Url, string Html, EquatableList<TocEntryVm> Toc, string JsonUrl)
{
    /// <summary>The document's facts as the page lists them (status, adoption, version, licence, last update); empty when none is known.</summary>
    public EquatableList<RecordEntryVm> Record { get; init; } = EquatableList<RecordEntryVm>.Empty;

    /// <summary>The charter's own cite panel, on its home.</summary>
    public CiteVm? Cite { get; init; }

    /// <summary>The same in one line, for the foot of every page of the charter and for print ("adopté · octobre 2022, Daejeon").</summary>
    public string? RecordLine { get; init; }

    /// <summary>The charter's versions, oldest first, for a charter with versions (empty otherwise).</summary>
    public EquatableList<VersionEntryVm> Versions { get; init; } = EquatableList<VersionEntryVm>.Empty;
}

/// <param name="Key">What it is: status, adopted, adopted_by, version, licence, updated (the class the theme styles it by).</param>
/// <param name="Datetime">For a date, its ISO form (for &lt;time&gt;).</param>
public sealed record RecordEntryVm(string Key, string Label, string Value, string? Url, string? Datetime);

/// <param name="Cited">How often the Charter cites it, in words that agree with its title ("citée 2 fois").</param>
public sealed record DeclarationLinkVm(string Id, string Title, string Issuer, string Year, string Url, int Count, string Type, string Cited);

public sealed record DeclarationVm(string Id, string Title, string Issuer, string Year, string Type, string Excerpt, string? Url, string Html,
    string TextLang, bool Fallback, string? Symbol);

public sealed record NoteVm(int Number, string Id, string RefId, string Html);

/// <param name="Quote">The passage that cites the text (the sentence holding the link), in <paramref name="QuoteLang"/>.</param>
public sealed record CitedByVm(string Label, string Title, string Url, string Charter, string? Quote, string QuoteLang);

/// <param name="Part">Whether the row is a part of the charter (a section), set apart from the units.</param>
public sealed record SideBySideRowVm(string Id, string Kind, string Heading, bool Part, EquatableList<UnitVm> Cells);

/// <summary>A cite panel: the ready texts in each style, the downloads in each format, the short permalink.</summary>
/// <param name="Url">The address the citations give: the short permalink where there is one.</param>
/// <param name="Href">The same address under the site's base path, for links (the site may be served elsewhere than its base URL).</param>
public sealed record CiteVm(string Url, string Href, EquatableList<CiteStyleVm> Styles, EquatableList<LinkVm> Downloads);

/// <summary>How the page's language writes a date, for the script that writes the reader's today: "{day} {month} {year}", the months, "1er".</summary>
/// <param name="Months">The twelve month names, separated by '|'.</param>
public sealed record DateRuleVm(string Pattern, string Months, string? FirstDay);

/// <param name="Segments">The text in runs (Cite.CiteSegment: kind text, title, url or accessed), for the template to set.</param>
/// <param name="Text">The same as plain text.</param>
public sealed record CiteStyleVm(string Id, string Name, EquatableList<Charter.Site.Cite.CiteSegment> Segments, string Text);

/// <summary>
/// What the head says of the document for reference managers: Highwire Press citation_* and Dublin Core. Dates to their
/// precision: <see cref="HighwireDate"/> as 2022/10, <see cref="Date"/> as ISO 8601.
/// </summary>
/// <param name="Slug">The charter's folder: the template finds its PDF, if the build made one, in site.downloads[slug] (citation_pdf_url).</param>
/// <param name="Rights">The licence's address, only where the charter states a licence.</param>
public sealed record CitationMetaVm(string Title, string Author, string? HighwireDate, string? Date, string Language, string PublicUrl,
    string Publisher, string? Rights, string Identifier, string Slug);

/// <summary>A topic as listed: its id, name and description in the page's language, its page and how many units it has.</summary>
/// <param name="CountLabel">The count in words ("12 passages").</param>
public sealed record TopicVm(string Id, string Name, string Description, string Url, int Count, string CountLabel);

/// <summary>The units of one kind on a topic's page ("Priorités"), in reading order.</summary>
public sealed record TopicGroupVm(string Kind, string Heading, EquatableList<TopicUnitVm> Units);

/// <param name="Heading">What names it after its label ("Équité"), if anything.</param>
/// <param name="Excerpt">The start of its text, in <paramref name="TextLang"/>.</param>
public sealed record TopicUnitVm(string Id, string Label, string? Heading, string Excerpt, string Url, string TextLang);
