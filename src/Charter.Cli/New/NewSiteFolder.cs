using Charter.Site.Write;

namespace Charter.Cli.New;

/// <summary>
/// Puts a new site in its folder, never over anything, whole or not at all. The files are written into a staging
/// folder, then moved into place: a folder that does not exist yet is staged beside it
/// (<c>.NAME.charter-new-PID</c>) and renamed into place in one step; an existing empty folder (the current one,
/// perhaps, which must stay the same folder for the shell that is in it) is staged inside itself
/// (<c>.charter-new-PID</c>) and the few top-level entries are moved up, <c>charter.yml</c> last, so that the folder
/// is a site only once it is whole. A <c>new</c> killed outright leaves only its staging folder, which the next
/// <c>new</c> of the same folder removes (and does not count as content).
/// </summary>
public static class NewSiteFolder
{
    private const string Staging = "charter-new-";

    /// <summary>Why a new site cannot go into <paramref name="dir"/> (a full path), or null.</summary>
    public static string? Problem(string dir, string shown) => Problem(dir, shown, ownStaging: null);

    private static string? Problem(string dir, string shown, string? ownStaging)
    {
        if (File.Exists(dir)) return $"'{shown}' is a file; give the name of a new folder, or of an empty one";
        if (!Directory.Exists(dir)) return null;
        var entries = Directory.EnumerateFileSystemEntries(dir).Select(Path.GetFileName)
            .Where(name => name != ownStaging && !IsDebris(name, $".{Staging}")).Order(StringComparer.Ordinal).ToList();
        if (entries.Count == 0) return null;
        var listed = string.Join(", ", entries.Take(3)) + (entries.Count > 3 ? $" and {entries.Count - 3} more" : "");
        return $"'{shown}' is not empty (it holds {listed}); charter new writes only into a new or empty folder, and never overwrites anything";
    }

    /// <summary>
    /// Writes <paramref name="files"/> as the site in <paramref name="dir"/> (a full path, new or empty).
    /// <paramref name="stop"/> is checked between files: once it is set nothing more is written and nothing is left.
    /// </summary>
    /// <returns>False when stopped; the folder is then as it was.</returns>
    /// <exception cref="IOException">The folder could not be written, or something appeared in it meanwhile; it is as it was.</exception>
    public static bool Write(string dir, IReadOnlyList<StarterFile> files, Func<bool> stop)
    {
        dir = Path.TrimEndingDirectorySeparator(dir);
        var existed = Directory.Exists(dir);
        var parent = Path.GetDirectoryName(dir) ?? throw new IOException($"'{dir}' has no parent folder");
        if (!existed) Directory.CreateDirectory(parent);
        var prefix = existed ? $".{Staging}" : $".{Path.GetFileName(dir)}.{Staging}";
        var around = existed ? dir : parent;
        RemoveDebris(around, prefix);
        var staging = Path.Combine(around, prefix + Environment.ProcessId);
        var moved = new List<string>();
        try
        {
            Directory.CreateDirectory(staging);
            foreach (var file in files)
            {
                if (stop()) return false;
                var path = Path.Combine(staging, file.Path);
                Directory.CreateDirectory(Path.GetDirectoryName(path)!);
                File.WriteAllText(path, file.Text);
            }
            if (stop()) return false;
            if (!existed)
            {
                // Fails if the folder appeared meanwhile (it may then be someone else's).
                Directory.Move(staging, dir);
                return true;
            }
            if (Problem(dir, dir, Path.GetFileName(staging)) is { } problem) throw new IOException(problem);
            var entries = Directory.EnumerateFileSystemEntries(staging).Select(Path.GetFileName)
                .OrderBy(name => name == "charter.yml").ThenBy(name => name, StringComparer.Ordinal);
            foreach (var name in entries)
            {
                var target = Path.Combine(dir, name!);
                if (Path.Exists(target)) throw new IOException($"'{target}' appeared while the site was written");
                if (Directory.Exists(Path.Combine(staging, name!))) Directory.Move(Path.Combine(staging, name!), target);
                else File.Move(Path.Combine(staging, name!), target);
                moved.Add(name!);
            }
            Directory.Delete(staging);
            return true;
        }
        finally
        {
            if (Directory.Exists(staging))
            {
                // Not finished: what was moved up goes back, and the whole is removed.
                foreach (var name in moved)
                {
                    var from = Path.Combine(dir, name);
                    if (Directory.Exists(from)) Directory.Move(from, Path.Combine(staging, name));
                    else File.Move(from, Path.Combine(staging, name));
                }
                Directory.Delete(staging, recursive: true);
            }
        }
    }

    /// <summary>A staging folder of a <c>new</c> that is no longer running.</summary>
    private static bool IsDebris(string? name, string prefix) =>
        name is not null && name.StartsWith(prefix, StringComparison.Ordinal) && int.TryParse(name[prefix.Length..], out var pid)
        && pid != Environment.ProcessId && !Processes.IsRunning(pid);

    private static void RemoveDebris(string folder, string prefix)
    {
        if (!Directory.Exists(folder)) return;
        foreach (var debris in Directory.EnumerateDirectories(folder, prefix + "*").Where(d => IsDebris(Path.GetFileName(d), prefix)))
        {
            try { Directory.Delete(debris, recursive: true); }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException) { /* another new got there first */ }
        }
    }
}
