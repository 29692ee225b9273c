namespace Charter.Core.Resolve;

/// <summary>
/// The URL scheme, in one place. Paths are relative to the site's base path and end in '/' (a folder with
/// index.html). Path segments never come from translated text, so a page keeps its address when its title
/// is reworded or translated, and switching language only changes the first segment.
/// </summary>
public static class Permalinks
{
    public static string LanguageHome(string language) => $"{language}/";
    public static string Charter(string language, string slug) => $"{language}/{slug}/";
    public static string Section(string language, string slug, string section) => $"{language}/{slug}/{section}/";
    public static string Principle(string language, string slug, int number) => $"{language}/{slug}/principles/{number}/";
    public static string Declarations(string language) => $"{language}/declarations/";
    public static string Declaration(string language, string id) => $"{language}/declarations/{id}/";
    public static string Search(string language) => $"{language}/search/";

    /// <summary>Sections of a charter that have a page of their own (the ambition and co-creation are on the charter's home).</summary>
    public static readonly string[] SectionPages = ["vision", "principles", "commitments", "timeline", "acknowledgements", "side-by-side"];

    /// <summary>The page path of a section id used in a milestone's 'concerns' field.</summary>
    public static string? SectionPath(string language, string slug, string section) => section switch
    {
        "ambition" or "co-creation" => Charter(language, slug) + "#" + section,
        _ when SectionPages.Contains(section) => Section(language, slug, section),
        _ => null,
    };

    /// <summary>
    /// The names the site itself uses right under /{lang}/, which a charter folder may not take: its page would
    /// silently replace the site's own (or the reverse). Short forms (/fr/2/, /fr/2.3/) take every all-digit name.
    /// </summary>
    public static readonly string[] ReservedSlugs = ["search", "declarations", "charter.json", "opensearch.xml"];

    /// <summary>Why a charter's folder name cannot be its address, or null when it can.</summary>
    public static string? SlugProblem(string slug) =>
        ReservedSlugs.Contains(slug) ? $"'{slug}' is the address of a page of the site itself (/{{lang}}/{slug}/)"
        : slug.All(char.IsAsciiDigit) ? $"'{slug}' is the address of a short link (/{{lang}}/{slug}/ leads to a unit of the main charter)"
        : null;

    /// <summary>Replaces the language segment of a site-relative path.</summary>
    public static string InLanguage(string path, string language)
    {
        var slash = path.IndexOf('/');
        return slash < 0 ? $"{language}/" : language + path[slash..];
    }
}
