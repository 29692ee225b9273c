using System.Text;

namespace Charter.Tests.Support;

/// <summary>
/// A private copy of a site (or an empty folder) under the system temp folder, deleted at the end of the test.
/// Tests change their copy freely; the fixtures in the repository are never written.
/// </summary>
public sealed class TempDir : IDisposable
{
    public TempDir(string? copyFrom = null, params string[] only)
    {
        Path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "charter-tests", Guid.NewGuid().ToString("N")[..12]);
        Directory.CreateDirectory(Path);
        if (copyFrom is not null) CopyTree(copyFrom, Path, only);
    }

    /// <summary>A copy of the real site: charter.yml and content/ (the built-in theme comes with the tool).</summary>
    public static TempDir RealSite() => new(Repo.Root, "charter.yml", "content");

    public string Path { get; }

    public string Full(string relative) => System.IO.Path.Combine(Path, relative);

    public void Write(string relative, string text) => WriteBytes(relative, Encoding.UTF8.GetBytes(text));

    public void WriteBytes(string relative, byte[] bytes)
    {
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(Full(relative))!);
        File.WriteAllBytes(Full(relative), bytes);
    }

    public string Read(string relative) => File.ReadAllText(Full(relative));

    /// <summary>Replaces text in a file, failing if the text is not there (so a fixture change cannot silently make a test vacuous).</summary>
    public void Replace(string relative, string oldText, string newText)
    {
        var text = Read(relative);
        Assert.True(text.Contains(oldText, StringComparison.Ordinal), $"'{oldText}' not found in {relative}");
        Write(relative, text.Replace(oldText, newText, StringComparison.Ordinal));
    }

    public void Delete(string relative)
    {
        Assert.True(File.Exists(Full(relative)), $"{relative} does not exist");
        File.Delete(Full(relative));
    }

    /// <summary>Copies a folder; with <paramref name="only"/>, just those top-level entries.</summary>
    public static void CopyTree(string from, string to, params string[] only)
    {
        var entries = only.Length > 0 ? only.Select(o => System.IO.Path.Combine(from, o)) : Directory.EnumerateFileSystemEntries(from);
        foreach (var entry in entries)
        {
            var target = System.IO.Path.Combine(to, System.IO.Path.GetFileName(entry));
            if (Directory.Exists(entry))
            {
                foreach (var file in Directory.EnumerateFiles(entry, "*", SearchOption.AllDirectories))
                {
                    var dest = System.IO.Path.Combine(target, System.IO.Path.GetRelativePath(entry, file));
                    Directory.CreateDirectory(System.IO.Path.GetDirectoryName(dest)!);
                    File.Copy(file, dest);
                }
            }
            else File.Copy(entry, target);
        }
    }

    /// <summary>Every file under a folder as relative path ('/' separators) → bytes, in ordinal order.</summary>
    public static SortedDictionary<string, byte[]> Snapshot(string dir)
    {
        var result = new SortedDictionary<string, byte[]>(StringComparer.Ordinal);
        if (!Directory.Exists(dir)) return result;
        foreach (var file in Directory.EnumerateFiles(dir, "*", SearchOption.AllDirectories))
            result[System.IO.Path.GetRelativePath(dir, file).Replace('\\', '/')] = File.ReadAllBytes(file);
        return result;
    }

    public void Dispose()
    {
        try { Directory.Delete(Path, recursive: true); }
        catch (IOException) { } // a leftover temp folder must not fail a test
        catch (UnauthorizedAccessException) { }
    }
}
