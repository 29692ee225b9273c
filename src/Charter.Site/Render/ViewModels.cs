namespace Charter.Site.Render;

// The shapes templates see. Property names reach Liquid in snake_case (Number → number, AbsoluteUrl → absolute_url).
// Fields ending in Html hold HTML the build produced and escaped; templates print them with '| raw'.
// Everything else is text and is escaped by the template engine.

/// <summary>A link; Current when the page is this link's page or below it, Exact when it is the page itself.</summary>
public sealed record LinkVm(string Label, string Url, bool Current = false, bool Exact = false);

/// <summary>A language version of a page: its code (in URLs), BCP 47 tag (lang, hreflang), own name and addresses.</summary>
public sealed record AlternateVm(string Lang, string Tag, string Name, string Url, string AbsoluteUrl, bool Current);

/// <summary>Another language's search page, with the offer to search there ("Chercher « {q} » en anglais", {q} left to the script).</summary>
public sealed record SearchElsewhereVm(string Lang, string Tag, string Url, string Label);

public sealed record SiteVm(string Title, string BasePath, string HomeUrl, string SearchUrl, string AssetsUrl, string OpenSearchUrl,
    string DeclarationsUrl, IReadOnlyList<AlternateVm> Languages, string SourceNote);

/// <summary>What every page has: its language, title, addresses and the head links.</summary>
public sealed record PageVm(
    string Lang, string Kind, string Title, string HeadTitle, string Description, string Path, string Url, string Canonical,
    IReadOnlyList<AlternateVm> Alternates, string XDefault, string? JsonLd, string? Notice,
    IReadOnlyList<LinkVm> Breadcrumbs, IReadOnlyList<LinkVm> Nav, string? CharterTitle, string? CharterUrl, string? SideBySideUrl, bool Noindex = false)
{
    /// <summary>The page language's BCP 47 tag, for &lt;html lang&gt;.</summary>
    public string LangTag { get; init; } = Lang;

    /// <summary>The page language's direction, for &lt;html dir&gt;: "ltr" or "rtl".</summary>
    public string Dir { get; init; } = "ltr";
}

/// <summary>A citable unit as shown on a page.</summary>
public sealed record UnitVm(
    string Id, string Kind, string Number, string Label, string Html, string Text, string Url, string AbsoluteUrl,
    string Citation, bool Fallback, string TextLang, string? Heading, IReadOnlyList<LinkVm> SeeAlso);

public sealed record SectionVm(string Id, string Number, string Title, string? Headline, string Html, bool Fallback, string TextLang);

public sealed record TocEntryVm(string Number, string Title, string Url, IReadOnlyList<TocEntryVm> Children);

public sealed record CharterVm(string Slug, string Title, string ShortTitle, string Organization, string Year, string? Place,
    string Citation, string Description, string Url, string Html, IReadOnlyList<TocEntryVm> Toc, string JsonUrl);

/// <param name="Cited">How often the Charter cites it, in words that agree with its title ("citée 2 fois").</param>
public sealed record DeclarationLinkVm(string Id, string Title, string Issuer, string Year, string Url, int Count, string Type, string Cited);

public sealed record PrincipleVm(UnitVm Unit, string Title, string Theme, string Url, IReadOnlyList<UnitVm> Priorities, IReadOnlyList<NoteVm> Notes);

public sealed record NoteVm(int Number, string Id, string RefId, string Html);

public sealed record CommitmentListVm(string Id, string Kind, string Heading, IReadOnlyList<UnitVm> Items);

public sealed record MilestoneVm(UnitVm Unit, string Datetime, string DateLabel, string? ConcernsUrl);

public sealed record YearVm(string Year, IReadOnlyList<MilestoneVm> Milestones);

public sealed record CitedByVm(string Label, string Title, string Url, string Charter);

public sealed record SideBySideRowVm(string Id, string Kind, string Heading, IReadOnlyList<UnitVm> Cells);
