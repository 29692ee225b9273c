using System.Collections.Concurrent;
using System.Collections.Immutable;
using System.Security.Cryptography;
using System.Text;

namespace Charter.Site.Build;

/// <summary>
/// A digest of the bytes of every file a build reads — what <c>charter serve</c> watches: charter.yml, content/ and
/// themes/ — in two kinds: one per charter folder (<c>content/SLUG/</c>, everything in it), and one of all the rest
/// (charter.yml, the declarations, topics and translation ledgers, the theme). The page stage keeps a charter's
/// rendered pages while both its own digest and the site's are unchanged (<see cref="CharterMemo"/>). Digests are
/// taken per folder of content/ since which folders are charters is known only once their structure.yml is read.
/// Read before the content is loaded: a file saved during the build then differs from its digest at the next one,
/// so what a build made is never kept under the digest of bytes newer than those it read.
/// Bytes, not file times, as the load cache compares them: a save within the same clock tick is still seen.
/// </summary>
/// <param name="Rest">The digest of the files outside the folders of content/.</param>
/// <param name="Folders">The digest of each folder of content/ (content/NAME/ and all below it), by name.</param>
/// <param name="Files">The SHA-256 of each file by site-relative path: the loader reads again only the files whose digest is not that of the bytes it kept.</param>
public sealed record SiteInputs(string Rest, ImmutableDictionary<string, string> Folders, IReadOnlyDictionary<string, byte[]> Files)
{
    private static readonly string[] Watched = ["charter.yml", "content", "themes"];

    /// <summary>The digest of one charter folder's files ("" when it has none).</summary>
    public string Charter(string slug) => Folders.GetValueOrDefault(slug, "");

    /// <summary>The digest of everything that is not in one of the charter folders: the rest and the other folders (declarations/).</summary>
    public string Site(IEnumerable<string> charterSlugs)
    {
        var charters = charterSlugs.ToHashSet(StringComparer.Ordinal);
        return string.Join(" ", Folders.Where(f => !charters.Contains(f.Key)).OrderBy(f => f.Key, StringComparer.Ordinal)
            .Select(f => $"{f.Key}:{f.Value}").Prepend(Rest));
    }

    public static SiteInputs Read(string siteRoot)
    {
        var files = Watched.SelectMany(name => Below(siteRoot, name)).ToList();
        var digests = new ConcurrentDictionary<string, byte[]>(StringComparer.Ordinal);
        Parallel.ForEach(files, relative => digests[relative] = FileDigest(Path.Combine(siteRoot, relative)));
        static string? FolderOf(string relative) =>
            relative.StartsWith(ContentFolderPrefix, StringComparison.Ordinal) && relative.IndexOf('/', ContentFolderPrefix.Length) is var slash and > 0
                ? relative[ContentFolderPrefix.Length..slash] : null;
        var groups = files.Order(StringComparer.Ordinal).GroupBy(FolderOf).ToList();
        return new SiteInputs(
            Combine(groups.Where(g => g.Key is null).SelectMany(g => g), digests),
            groups.Where(g => g.Key is not null).ToImmutableDictionary(g => g.Key!, g => Combine(g, digests), StringComparer.Ordinal), digests);
    }

    private const string ContentFolderPrefix = global::Charter.Core.Load.ContentLoader.ContentFolder + "/";

    /// <summary>Every file at or below <paramref name="name"/> in the site root, as site-relative paths with '/'.</summary>
    private static IEnumerable<string> Below(string siteRoot, string name)
    {
        var full = Path.Combine(siteRoot, name);
        if (File.Exists(full)) return [name];
        if (!Directory.Exists(full)) return [];
        try
        {
            return Directory.EnumerateFiles(full, "*", SearchOption.AllDirectories)
                .Select(f => Path.GetRelativePath(siteRoot, f).Replace('\\', '/')).ToList();
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // A folder removed while it is listed: a digest no build had, so nothing is reused; the watcher brings the next build.
            return [$"{name}/(unreadable {Guid.NewGuid()})"];
        }
    }

    private static byte[] FileDigest(string path)
    {
        // Only a regular file is read, as SourceReader reads only those: a FIFO anywhere below content/ or themes/ kept serve
        // from ever finishing its first build, and a link to /dev/zero read until memory ran out. The loader says so at the
        // file if it is one the build reads; its digest here is one no build had, so nothing is reused.
        if (!global::Charter.Core.Load.SourceReader.IsRegularFile(path)) return Guid.NewGuid().ToByteArray();
        try
        {
            // Streamed: a very large file costs time here, not memory (the loader refuses it over the size limit).
            using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite, bufferSize: 0);
            return SHA256.HashData(stream);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // Unreadable now (removed, or being written): never equal to a digest kept earlier.
            return Guid.NewGuid().ToByteArray();
        }
    }

    /// <summary>One digest of several files: each one's path and digest, in path order.</summary>
    private static string Combine(IEnumerable<string> paths, IReadOnlyDictionary<string, byte[]> digests)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        foreach (var path in paths)
        {
            hash.AppendData(Encoding.UTF8.GetBytes(path + "\n"));
            hash.AppendData(digests[path]);
        }
        return Convert.ToHexString(hash.GetHashAndReset());
    }
}
