using Charter.Core.Model;
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
    public static string Declarations(string language) => $"{language}/declarations/";
    public static string Declaration(string language, string id) => $"{language}/declarations/{id}/";
    public static string Search(string language) => $"{language}/search/";
    public static string Topics(string language) => $"{language}/topics/";
    public static string Topic(string language, string id) => $"{language}/topics/{id}/";

    /// <summary>A page of the site's own under a charter (the side-by-side view), not one of its units.</summary>
    public static string CharterPage(string language, string slug, string page) => $"{language}/{slug}/{page}/";

    public const string SideBySide = "side-by-side";

    /// <summary>Whether the site has a side-by-side view: it takes two languages to set side by side.</summary>
    public static bool HasSideBySide(SiteConfig config) => config.Languages.Length > 1;

    /// <summary>
    /// The page of a unit whose kind has one: the kind's pattern ("principles/{n}/") under its edition's home (the
    /// charter's, /fr/{slug}/, or a dated version's, /fr/{slug}/2022-10/), with
    /// {n} its number among its siblings and {id} its id. Never from translated text.
    /// </summary>
    public static string UnitPage(string home, string pattern, int ordinal, string id) =>
        home + pattern.Replace("{n}", ordinal.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal)
            .Replace("{id}", id, StringComparison.Ordinal).TrimStart('/');

    /// <summary>
    /// The short address of a unit of the main charter, from its kind's pattern ("{number}" → /fr/2.3/): {number} its
    /// number as printed, {n} its number among its siblings, {id} its id. Null when its kind has none, or when the
    /// pattern comes out empty (a unit of a numbered kind left without a number has no short address).
    /// </summary>
    public static string? ShortForm(string language, string? pattern, Unit unit)
    {
        if (pattern is null) return null;
        var segment = pattern.Replace("{number}", unit.Number, StringComparison.Ordinal)
            .Replace("{n}", unit.Ordinal.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal)
            .Replace("{id}", unit.Id, StringComparison.Ordinal).Trim('/');
        return segment.Length == 0 ? null : $"{language}/{segment}/";
    }

    /// <summary>
    /// The short address of a unit in a dated version of the main charter: its short form under the version's id
    /// (/fr/2021-06/2.3/), or null when it has none.
    /// </summary>
    public static string? DatedShortForm(string language, string version, string? pattern, Unit unit) =>
        ShortForm(language, pattern, unit) is { } path ? $"{language}/{version}/{path[(language.Length + 1)..]}" : null;

    /// <summary>
    /// The names the site itself uses right under /{lang}/, which a charter folder may not take: its page would
    /// silently replace the site's own (or the reverse). Short forms (/fr/2/, /fr/2.3/) take every all-digit name.
    /// </summary>
    public static readonly string[] ReservedSlugs = ["search", "declarations", "topics", "charter.json", "opensearch.xml"];

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
