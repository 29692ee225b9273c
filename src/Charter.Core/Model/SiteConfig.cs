using System.Collections.Immutable;

namespace Charter.Core.Model;

/// <summary>The site configuration from <c>charter.yml</c>.</summary>
public sealed record SiteConfig(
    ImmutableArray<string> Languages,
    string DefaultLanguage,
    ImmutableDictionary<string, string> Title,
    string BaseUrl,
    string Theme,
    bool AllowHtml,
    string? MainCharter,
    Limits Limits)
{
    /// <summary>Where charter.yml names the main charter, for the diagnostic when no such charter exists.</summary>
    public Diagnostics.SourceLocation? MainCharterAt { get; init; }

    /// <summary>
    /// The theme's UI strings this site words its own way (charter.yml 'strings:'), by key: wording that belongs to
    /// the site's content (a search box's examples), not to a theme every site shares.
    /// </summary>
    public ImmutableArray<StringOverride> Strings { get; init; } = [];

    /// <summary>The path part of the base URL, always ending in '/': where the site lives on its host.</summary>
    public string BasePath
    {
        get
        {
            var path = Uri.TryCreate(BaseUrl, UriKind.Absolute, out var uri) ? uri.AbsolutePath : "/";
            return path.EndsWith('/') ? path : path + "/";
        }
    }

    /// <summary>The base URL without its trailing slash, for absolute links (canonical, sitemap).</summary>
    public string Origin => BaseUrl.TrimEnd('/');

    /// <summary>
    /// The charter the short addresses serve (/fr/2.3/, /fr/charter.json): the one charter.yml names, when it is one of
    /// <paramref name="slugs"/>, else the first; "" for a site without charters.
    /// </summary>
    public string MainCharterOf(IReadOnlyList<string> slugs) =>
        MainCharter is { } main && slugs.Contains(main) ? main : slugs.FirstOrDefault() ?? "";

    public string TitleIn(string language) =>
        Title.TryGetValue(language, out var t) ? t : Title.TryGetValue(DefaultLanguage, out var d) ? d : "Charter";
}

/// <summary>A UI string of the theme given by the site, per language (or one text for every language, "*").</summary>
public sealed record StringOverride(string Key, LocalizedText Text, Diagnostics.SourceLocation At)
{
    /// <summary>The site's text in this language, or null where the theme's stands.</summary>
    public string? In(string language) =>
        Text.ByLanguage.TryGetValue(language, out var own) ? own : Text.ByLanguage.GetValueOrDefault("*");
}
