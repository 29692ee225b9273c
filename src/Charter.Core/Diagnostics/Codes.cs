namespace Charter.Core.Diagnostics;

/// <summary>
/// Every diagnostic code, in one place so that documentation and tests can name them.
/// CH0xx: content; CH1xx: built-site checks; CH9xx: internal.
/// </summary>
public static class Codes
{
    public const string YamlSyntax = "CH001";
    public const string FrontMatterNotClosed = "CH002";
    public const string InvalidUtf8 = "CH003";
    public const string EmptyFile = "CH004";
    public const string MissingField = "CH005";
    public const string UnknownField = "CH006";
    public const string InvalidValue = "CH007";
    public const string DuplicateId = "CH008";
    public const string TranslationMismatch = "CH009";
    public const string UnknownLanguage = "CH010";
    public const string UnknownReference = "CH011";
    public const string MissingTemplate = "CH012";
    public const string MissingTranslation = "CH013";
    public const string SiteConfig = "CH014";
    public const string UnknownFile = "CH015";
    public const string TimelineOrder = "CH016";
    public const string UnknownNote = "CH017";
    public const string RawHtml = "CH018";
    public const string TemplateError = "CH019";
    public const string MissingSection = "CH020";
    public const string LimitExceeded = "CH021";
    public const string UnsafeUrl = "CH022";
    public const string AddressCollision = "CH023";
    public const string UnreadableFile = "CH024";
    public const string UnknownKind = "CH025";
    public const string StructureViolation = "CH026";
    public const string StaleSchema = "CH027";
    public const string OutdatedTranslation = "CH028";
    public const string PdfNotMade = "CH029";

    public const string BrokenLink = "CH101";
    public const string BrokenFragment = "CH102";
    public const string HreflangMismatch = "CH103";
    public const string SitemapMissingPage = "CH104";
    public const string PageWithoutTitle = "CH105";
    public const string PageWithoutLang = "CH106";
    public const string PageWithoutCanonical = "CH107";
    public const string InlineScript = "CH108";
    public const string DuplicateElementId = "CH109";

    public const string Internal = "CH900";
}
