namespace Charter.Search;

/// <summary>
/// lunr.tokenizer with Charter's separator. lunr 2.3.9 lower-cases the whole field
/// (String.prototype.toLowerCase) and cuts it at every character that matches
/// <c>lunr.tokenizer.separator</c>, by default <c>/[\s\-]+/</c>. Charter also cuts at
/// apostrophes, straight and curly, so that "l'Église" and "l’Église" give "l" and "église":
/// <c>/[\s\-'’]+/</c>. The separator is not part of the serialized index: the browser sets the
/// same one (themes/default/assets/js/search.js, <c>CharterSearch.setup</c>) before it builds
/// queries, and the oracle tests take it from that same file.
/// </summary>
internal static class LunrTokenizer
{
    /// <summary>The separator, as search.js sets it (a JavaScript regular expression literal).</summary>
    public const string SeparatorSource = @"/[\s\-'’]+/";

    public static bool IsSeparator(char c) => c == '-' || c == '\'' || c == '\u2019' || JsText.IsJsWhiteSpace(c);
}
