using System.Text.RegularExpressions;

namespace Charter.Site.Check;

/// <summary>The addresses a style sheet loads: <c>url(…)</c> and <c>@import "…"</c>, with where each is written.</summary>
internal static partial class Css
{
    [GeneratedRegex(@"url\(\s*(?:""(?<u>[^""]*)""|'(?<u>[^']*)'|(?<u>[^)'""\s]*))\s*\)|@import\s+(?:""(?<u>[^""]*)""|'(?<u>[^']*)')", RegexOptions.IgnoreCase)]
    private static partial Regex UrlPattern();

    [GeneratedRegex(@"/\*.*?\*/", RegexOptions.Singleline)]
    private static partial Regex Comment();

    /// <summary>Each address (data: URLs left out: they load nothing) and its offset in <paramref name="css"/>.</summary>
    public static IEnumerable<(string Value, int Offset)> Urls(string css)
    {
        // Comments are blanked (not removed) so that offsets still point into the original text.
        var text = Comment().Replace(css, m => new string(' ', m.Length));
        foreach (Match m in UrlPattern().Matches(text))
        {
            var value = m.Groups["u"].Value.Trim();
            if (value.Length == 0 || value.StartsWith("data:", StringComparison.OrdinalIgnoreCase)) continue;
            yield return (value, m.Index);
        }
    }
}
