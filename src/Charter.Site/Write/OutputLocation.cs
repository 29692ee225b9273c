namespace Charter.Site.Write;

/// <summary>
/// Where a build may write. A successful build replaces the output folder whole, so the output must be a folder
/// that nothing else lives in: it may not be, contain or lie inside the site's sources (charter.yml, content/,
/// themes/), nor be the site root, the file system's root or the home folder; and an existing, non-empty folder is
/// replaced only when it holds a site a build wrote (its sitemap.xml and index.html at the top), so that
/// <c>--output ~/Documents</c> is refused rather than emptied. Paths are compared after following symbolic links.
/// </summary>
public static class OutputLocation
{
    /// <summary>Why the output may not be <paramref name="outputDir"/> for <paramref name="sourceDir"/>, or null when it may.</summary>
    public static string? Problem(string sourceDir, string outputDir)
    {
        var output = RealPath(outputDir);
        var source = RealPath(sourceDir);
        var home = Environment.GetFolderPath(Environment.SpecialFolder.UserProfile);
        if (output == Path.GetPathRoot(output))
            return $"the output '{outputDir}' is the root of the file system";
        if (home.Length > 0 && output == RealPath(home))
            return $"the output '{outputDir}' is the home folder";
        if (output == source || Inside(source, output))
            return $"the output '{outputDir}' holds the site's sources ({source})";
        foreach (var name in new[] { "charter.yml", "content", "themes" })
        {
            var protectedPath = RealPath(Path.Combine(source, name));
            if (output == protectedPath || Inside(output, protectedPath) || Inside(protectedPath, output))
                return $"the output '{outputDir}' is, holds or lies inside the site's {name}";
        }
        if (Directory.Exists(output) && Directory.EnumerateFileSystemEntries(output).Any()
            && !(File.Exists(Path.Combine(output, "sitemap.xml")) && File.Exists(Path.Combine(output, "index.html"))))
            return $"the output '{outputDir}' is a folder that is not empty and holds no site built by Charter; a build replaces its output whole";
        return null;
    }

    public const string Hint = "choose another --output, such as public/ (the default) or an empty folder";

    /// <summary>Whether <paramref name="inner"/> lies strictly inside <paramref name="outer"/>.</summary>
    private static bool Inside(string inner, string outer) =>
        inner.StartsWith(outer.TrimEnd(Path.DirectorySeparatorChar) + Path.DirectorySeparatorChar, StringComparison.Ordinal);

    /// <summary>A full path with every symbolic link along it followed (the parts that do not exist yet kept as written).</summary>
    public static string RealPath(string path) => RealPath(path, 0);

    private static string RealPath(string path, int depth)
    {
        var full = Path.GetFullPath(path);
        var root = Path.GetPathRoot(full) ?? "/";
        var current = root;
        foreach (var part in full[root.Length..].Split(Path.DirectorySeparatorChar, StringSplitOptions.RemoveEmptyEntries))
        {
            current = Path.Combine(current, part);
            FileSystemInfo info = Directory.Exists(current) ? new DirectoryInfo(current) : new FileInfo(current);
            // 40 links deep is a loop (Linux gives up at the same depth): keep the path as written from there.
            if (info.LinkTarget is { } target && depth < 40)
                current = RealPath(Path.Combine(Path.GetDirectoryName(current) ?? root, target), depth + 1);
        }
        return current.Length > root.Length ? current.TrimEnd(Path.DirectorySeparatorChar) : current;
    }
}
