using System.Collections.Concurrent;
using System.Collections.Immutable;
using System.Security.Cryptography;
using System.Text;
using Posix = Charter.Core.Safety.Posix;

namespace Charter.Site.Build;

/// <summary>
/// A digest of the bytes of every file a build reads — what <c>charter serve</c> watches: charter.yml, content/ and
/// themes/ — in two kinds: one per charter folder (<c>content/SLUG/</c>, everything in it), and one of all the rest
/// (charter.yml, the declarations, topics and translation ledgers, the theme). The page stage keeps a charter's
/// rendered pages while both its own digest and the site's are unchanged (<see cref="CharterMemo"/>). Digests are
/// taken per folder of content/ since which folders are charters is known only once their structure.yml is read.
/// Read before the content is loaded: a file saved during the build then differs from its digest at the next one,
/// so what a build made is never kept under the digest of bytes newer than those it read.
/// Bytes, not file times, as the load cache compares them: a save within the same clock tick is still seen. A file is
/// read again unless it is provably the one already read: same inode, size, modification and change times as when its
/// digest was taken, and a change time more than <see cref="RacyWindow"/> before that digest was taken. The change time
/// moves at every write and nothing sets it back, so a write after the digest shows in it — unless it fell in the same
/// clock tick as the change time recorded, which the window rules out (git's "racy clean" files, the same way). At 100
/// charters, hashing the 30,000 files again at every rebuild was a tenth of a one-file rebuild.
/// </summary>
/// <param name="Rest">The digest of the files outside the folders of content/.</param>
/// <param name="Folders">The digest of each folder of content/ (content/NAME/ and all below it), by name.</param>
/// <param name="Files">The SHA-256 of each file by site-relative path: the loader reads again only the files whose digest is not that of the bytes it kept.</param>
public sealed record SiteInputs(string Rest, ImmutableDictionary<string, string> Folders, IReadOnlyDictionary<string, byte[]> Files)
{
    private static readonly string[] Watched = ["charter.yml", "content", "themes"];

    /// <summary>How long before a digest was taken a file's change time must be for the digest to be kept (coarse clocks: 1 s on ext3, FAT).</summary>
    public static readonly TimeSpan RacyWindow = TimeSpan.FromSeconds(2);

    /// <summary>When these digests were taken (before any file was looked at).</summary>
    public DateTime Taken { get; private init; }

    /// <summary>Each file's stamp with its digest, for the next digest to keep what did not change (files without a stamp are always read).</summary>
    private IReadOnlyDictionary<string, (Posix.Stamp Stamp, byte[] Digest)> Stamps { get; init; } =
        ImmutableDictionary<string, (Posix.Stamp, byte[])>.Empty;

    /// <summary>How many files were read to make these digests; the others were provably unchanged since <c>previous</c>'s.</summary>
    public int FilesRead { get; private init; }

    /// <summary>The digest of one charter folder's files ("" when it has none).</summary>
    public string Charter(string slug) => Folders.GetValueOrDefault(slug, "");

    /// <summary>The digest of everything that is not in one of the charter folders: the rest and the other folders (declarations/).</summary>
    public string Site(IEnumerable<string> charterSlugs)
    {
        var charters = charterSlugs.ToHashSet(StringComparer.Ordinal);
        return string.Join(" ", Folders.Where(f => !charters.Contains(f.Key)).OrderBy(f => f.Key, StringComparer.Ordinal)
            .Select(f => $"{f.Key}:{f.Value}").Prepend(Rest));
    }

    /// <param name="previous">The digests of the site's previous build, whose unchanged files are not read again.</param>
    public static SiteInputs Read(string siteRoot, SiteInputs? previous = null)
    {
        var taken = DateTime.UtcNow;
        var files = Watched.SelectMany(name => Below(siteRoot, name)).ToList();
        var digests = new ConcurrentDictionary<string, byte[]>(StringComparer.Ordinal);
        var stamps = new ConcurrentDictionary<string, (Posix.Stamp, byte[])>(StringComparer.Ordinal);
        var read = 0;
        Parallel.ForEach(files, relative =>
        {
            var path = Path.Combine(siteRoot, relative);
            var stamp = Posix.StampOf(path);
            if (stamp is { } now && previous is not null && previous.Stamps.TryGetValue(relative, out var kept) && kept.Stamp == now
                && now.Changed < previous.Taken - RacyWindow)
            {
                digests[relative] = kept.Digest;
                stamps[relative] = kept;
                return;
            }
            Interlocked.Increment(ref read);
            // The stamp is taken before the bytes: a write in between makes the next stamp differ, and the file is read again.
            var digest = FileDigest(path, stamp);
            digests[relative] = digest;
            if (stamp is { Type: Posix.RegularFile } regular) stamps[relative] = (regular, digest);
        });
        static string? FolderOf(string relative) =>
            relative.StartsWith(ContentFolderPrefix, StringComparison.Ordinal) && relative.IndexOf('/', ContentFolderPrefix.Length) is var slash and > 0
                ? relative[ContentFolderPrefix.Length..slash] : null;
        var groups = files.Order(StringComparer.Ordinal).GroupBy(FolderOf).ToList();
        return new SiteInputs(
            Combine(groups.Where(g => g.Key is null).SelectMany(g => g), digests),
            groups.Where(g => g.Key is not null).ToImmutableDictionary(g => g.Key!, g => Combine(g, digests), StringComparer.Ordinal), digests)
        {
            Taken = taken, Stamps = stamps, FilesRead = read,
        };
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
                .Select(f => global::Charter.Core.Load.RelativePath.Of(siteRoot, f)).ToList();
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // A folder removed while it is listed: a digest no build had, so nothing is reused; the watcher brings the next build.
            return [$"{name}/(unreadable {Guid.NewGuid()})"];
        }
    }

    /// <param name="stamp">The file's stamp if statx gave one: its type is then not asked again.</param>
    private static byte[] FileDigest(string path, Posix.Stamp? stamp)
    {
        // Only a regular file is read, as SourceReader reads only those: a FIFO anywhere below content/ or themes/ kept serve
        // from ever finishing its first build, and a link to /dev/zero read until memory ran out. The loader says so at the
        // file if it is one the build reads; its digest here is one no build had, so nothing is reused.
        if (stamp is { } known ? known.Type != Posix.RegularFile : !global::Charter.Core.Load.SourceReader.IsRegularFile(path))
            return Guid.NewGuid().ToByteArray();
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
