using System.Globalization;
using Charter.Site.Build;
using Charter.Site.Render;
using Charter.Site.Render.Pages;

namespace Charter.Site.Print;

/// <summary>The files a language's pages offer for download, by charter, named as the page's language names them.</summary>
public static class Downloads
{
    public static EquatableMap For(PageContext c, IEnumerable<DocumentLink> links) => new(links.Where(l => l.Lang == c.Lang)
        .GroupBy(l => l.Slug, StringComparer.Ordinal)
        .ToDictionary(g => g.Key, g => (object?)g.Select(l => new DownloadVm(l.Kind, c.Href(l.Path), l.Type, c.T.Language.Tag,
            l.Bytes is { } bytes ? c.T.Format($"download_{l.Kind}_size", ("size", Size(c, bytes))) : c.T[$"download_{l.Kind}"], c.Absolute(l.Path))).ToEquatable()));

    /// <summary>"312 ko", "1,4 Mo": kilobytes below a megabyte, else megabytes to one decimal, in the language's words and decimal separator.</summary>
    public static string Size(PageContext c, long bytes)
    {
        if (bytes < 1_000_000) return c.T.Format("size_kb", ("n", Math.Max(1, (bytes + 500) / 1000).ToString(CultureInfo.InvariantCulture)));
        var megabytes = Math.Round(bytes / 1_000_000.0, 1).ToString("0.0", CultureInfo.InvariantCulture).Replace(".", c.T.Language.DecimalSeparator);
        return c.T.Format("size_mb", ("n", megabytes));
    }
}
