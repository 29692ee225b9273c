using System.Text;
using System.Text.RegularExpressions;

namespace Charter.Site.Write;

/// <summary>
/// The theme's own stylesheets and scripts are written without their comments: the comments say why for whoever edits
/// the theme, and a reader's phone need not download them (about 3 kB gzipped a page). Vendored files (assets/vendor/,
/// with their licences) and every other asset are copied as they are.
/// </summary>
public static partial class AssetText
{
    public static bool IsCompacted(string outputPath) =>
        !outputPath.StartsWith("assets/vendor/", StringComparison.Ordinal)
        && (outputPath.EndsWith(".css", StringComparison.Ordinal) || outputPath.EndsWith(".js", StringComparison.Ordinal));

    /// <summary>The file's bytes as written to the site.</summary>
    public static byte[] Read(string outputPath, string source)
    {
        var bytes = File.ReadAllBytes(source);
        if (!IsCompacted(outputPath)) return bytes;
        var text = Encoding.UTF8.GetString(bytes);
        // CSS: /* … */ comments (the theme's CSS has no "/*" inside a string). JS: whole-line // comments only, and the
        // blank lines left behind; block comments and code are left as written.
        text = outputPath.EndsWith(".css", StringComparison.Ordinal) ? CssComment().Replace(text, "") : JsLineComment().Replace(text, "");
        return Encoding.UTF8.GetBytes(BlankLines().Replace(text, "\n"));
    }

    [GeneratedRegex(@"/\*.*?\*/", RegexOptions.Singleline)]
    private static partial Regex CssComment();

    [GeneratedRegex(@"^[ \t]*//[^\n]*\n", RegexOptions.Multiline)]
    private static partial Regex JsLineComment();

    [GeneratedRegex(@"\n(?:[ \t]*\n)+")]
    private static partial Regex BlankLines();
}
