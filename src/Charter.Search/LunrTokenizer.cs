namespace Charter.Search;

/// <summary>
/// lunr.tokenizer with Charter's separator. lunr 2.3.9 lower-cases the whole field
/// (String.prototype.toLowerCase) and cuts it at every character that matches
/// <c>lunr.tokenizer.separator</c>, by default <c>/[\s\-]+/</c>. Charter's separator is
/// <c>/[\s\-\u2010-\u2015'\u2019.\/\u00B7]+/</c>; besides white space and "-", it cuts at
/// <list type="bullet">
/// <item>apostrophes, straight and curly: "l'Église" and "l’Église" give "l" and "église";</item>
/// <item>the full stop and the middle dot of French inclusive writing: "migrant.e.s",
/// "réfugié·e·s" give "migrant", "e", "s", so that "migrants" and "réfugiés" find them (a full stop
/// at the end of a word changes nothing: the trimmers remove it anyway);</item>
/// <item>Unicode hyphens and dashes (U+2010 to U+2015): "2020–2022" gives "2020" and "2022";</item>
/// <item>the slash: "et/ou", "24h/24".</item>
/// </list>
/// The separator is not part of the serialized index: the browser sets the same one
/// (themes/default/assets/js/search.js, <c>CharterSearch.setup</c>) before it builds queries, and
/// the oracle tests build lunr's index with that same file, so a change on one side alone fails them.
/// </summary>
internal static class LunrTokenizer
{
    /// <summary>The separator, as search.js sets it (a JavaScript regular expression literal).</summary>
    public const string SeparatorSource = @"/[\s\-\u2010-\u2015'\u2019.\/\u00B7]+/";

    public static bool IsSeparator(char c) =>
        c is '-' or '\'' or '\u2019' or '.' or '/' or '\u00B7' or (>= '\u2010' and <= '\u2015') || JsText.IsJsWhiteSpace(c);
}
