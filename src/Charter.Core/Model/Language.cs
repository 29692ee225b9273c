namespace Charter.Core.Model;

/// <summary>
/// Everything Charter knows about a language of the site, in one place, looked up by code wherever a language
/// makes a difference (typography, search, dates, direction, names). Read from the <c>language:</c> block of the
/// theme's <c>i18n/{code}.yml</c>, so that adding a language is data: charter.yml, an i18n file, the content.
/// </summary>
/// <param name="Code">The site's code for it, as in charter.yml, file names and URLs ("fr").</param>
/// <param name="Tag">Its BCP 47 tag, for <c>lang</c> and <c>hreflang</c> ("fr", "es-419").</param>
/// <param name="Name">Its own name ("Français").</param>
/// <param name="Direction">"ltr" or "rtl".</param>
/// <param name="Typography">The typography rule set: "french" (narrow no-break spaces), "spanish" (¿ ¡), "english", "plain".</param>
/// <param name="Quotes">Quotation marks, primary then secondary: open, close, open, close ("« » “ ”").</param>
/// <param name="Search">The lunr-languages code of its search pipeline ("fr"); a language without one gets a generic pipeline.</param>
/// <param name="MonthYear">How a month of a year is written, with {month} (from the UI strings) and {year}.</param>
/// <param name="DecimalSeparator">The decimal separator of numbers ("," or ".").</param>
public sealed record Language(string Code, string Tag, string Name, string Direction, string Typography, Quotes Quotes,
    string Search, string MonthYear, string DecimalSeparator)
{
    /// <summary>What is assumed of a language whose i18n file says nothing: its code as tag, name and search code, left to right, no rules.</summary>
    public static Language Default(string code) =>
        new(code, code, code, "ltr", "plain", Quotes.Parse(null), code, "{month} {year}", ".");

    public bool IsRightToLeft => Direction == "rtl";

    /// <summary>How a full date is written, with {day}, {month} (from the UI strings) and {year}: "{day} de {month} de {year}".</summary>
    public string DayMonthYear { get; init; } = "{day} {month} {year}";

    /// <summary>How the first day of a month is written where it is not "1" (French "1er").</summary>
    public string? FirstDay { get; init; }

    /// <summary>Its ISO 639-2 (alpha-3) code, which Akoma Ntoso's FRBR IRIs and FRBRlanguage use ("fra"); null when the i18n file does not give it.</summary>
    public string? AknCode { get; init; }
}

/// <summary>A language's quotation marks.</summary>
public sealed record Quotes(string Open, string Close, string InnerOpen, string InnerClose)
{
    /// <summary>"« » “ ”" (four marks, or two: the inner ones then default to “ ”).</summary>
    public static Quotes Parse(string? marks)
    {
        var parts = (marks ?? "").Split(' ', StringSplitOptions.RemoveEmptyEntries);
        return parts.Length switch
        {
            >= 4 => new(parts[0], parts[1], parts[2], parts[3]),
            2 => new(parts[0], parts[1], "“", "”"),
            _ => new("“", "”", "‘", "’"),
        };
    }

    public override string ToString() => $"{Open} {Close} {InnerOpen} {InnerClose}";
}
