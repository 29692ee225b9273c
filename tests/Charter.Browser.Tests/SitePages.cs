namespace Charter.Browser.Tests;

/// <summary>One page of each kind the site has, in a given language.</summary>
public sealed record SitePage(string Kind, string Path)
{
    public override string ToString() => $"{Kind} ({Path})";
}

public static class SitePages
{
    public static readonly string[] Languages = ["fr", "en", "es"];

    /// <summary>
    /// Every kind of page, in one language. The language picker at "/" is shared by every language; it is
    /// opened with a locale the site does not have, so that it stays on screen instead of redirecting.
    /// </summary>
    public static IReadOnlyList<SitePage> Of(string lang, bool includePicker = true)
    {
        var pages = new List<SitePage>();
        if (includePicker && lang == Languages[0]) pages.Add(new("language picker", "/"));
        pages.AddRange(
        [
            new("language home", $"/{lang}/"),
            new("charter home", $"/{lang}/lampedusa/"),
            new("vision", $"/{lang}/lampedusa/vision/"),
            new("principles index", $"/{lang}/lampedusa/principles/"),
            new("principle", $"/{lang}/lampedusa/principles/2/"),
            new("commitments", $"/{lang}/lampedusa/commitments/"),
            new("timeline", $"/{lang}/lampedusa/timeline/"),
            new("acknowledgements", $"/{lang}/lampedusa/acknowledgements/"),
            new("declarations index", $"/{lang}/declarations/"),
            new("declaration", $"/{lang}/declarations/marrakech-2018/"),
            new("topics index", $"/{lang}/topics/"),
            new("topic", $"/{lang}/topics/housing/"),
            new("search with results", $"/{lang}/search/?q=" + Uri.EscapeDataString(lang switch { "fr" => "détention", "es" => "detención", _ => "detention" })),
            new("search with filters", $"/{lang}/search/?q=" + Uri.EscapeDataString(lang switch { "fr" => "logement", "es" => "vivienda", _ => "housing" }) + "&kind=priority&topic=housing"),
            new("side by side", $"/{lang}/lampedusa/side-by-side/"),
            new("not found", $"/{lang}/no-such-page/"),
        ]);
        return pages;
    }

    /// <summary>The locale to open a page with: the picker must not redirect, every other page ignores it.</summary>
    public static string LocaleFor(SitePage page, string lang) => page.Path == "/" ? "de-DE" : (lang switch { "fr" => "fr-FR", "es" => "es-ES", _ => "en-GB" });
}
