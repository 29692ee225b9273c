using System.Collections.Concurrent;
using Charter.Core.Safety;
using Charter.Site.Render;

namespace Charter.Site.Write;

/// <summary>
/// Stage 6, Write: the site goes into a staging folder beside the output, file by file as the build makes them
/// (so a large site is never held in memory whole), and <see cref="Commit"/> swaps it in. Until the swap the
/// previous site is untouched, so a failed or interrupted build never leaves a half-written site; disposing
/// without committing deletes the staging folder. Files of earlier builds do not survive a successful build.
/// <see cref="Add"/> and <see cref="Copy"/> may be called from several threads at once.
/// <para>
/// The swap never leaves a moment without an output folder: on Linux the two folders are exchanged in one atomic
/// step (renameat2 with RENAME_EXCHANGE); where that is not available, the old folder is moved aside and the new
/// one moved in, and a build that finds the output missing beside a moved-aside one puts it back. A build killed
/// outright (SIGKILL, power cut) leaves its staging folder behind: the next build of the same output removes the
/// staging and moved-aside folders of builds that are no longer running.
/// </para>
/// </summary>
public sealed class StagedOutput : IDisposable
{
    private readonly string _output;
    private readonly string _staging;
    private readonly string _previous;
    // Lazy: a thread about to write into a folder another thread is creating waits for it.
    private readonly ConcurrentDictionary<string, Lazy<string>> _folders = new(StringComparer.Ordinal);
    private bool _committed;

    private StagedOutput(string outputDir)
    {
        _output = Path.GetFullPath(outputDir).TrimEnd(Path.DirectorySeparatorChar);
        var parent = Path.GetDirectoryName(_output)!;
        Directory.CreateDirectory(parent);
        var name = Path.GetFileName(_output);
        RemoveDebris(parent, name, _output);
        _staging = Path.Combine(parent, $".{name}.building-{Environment.ProcessId}");
        _previous = Path.Combine(parent, $".{name}.previous-{Environment.ProcessId}");
        if (Directory.Exists(_staging)) Directory.Delete(_staging, recursive: true);
        Directory.CreateDirectory(_staging);
    }

    /// <summary>Starts a new site for <paramref name="outputDir"/> in an empty staging folder.</summary>
    public static StagedOutput Begin(string outputDir) => new(outputDir);

    /// <summary>How many files went in.</summary>
    public int Count => _count;
    private int _count;

    public void Add(OutputFile file) => Add(file.Path, file.Content);

    public void Add(string relative, ReadOnlySpan<byte> content)
    {
        // A handle and one positioned write, no stream: a stream asks the file its position first, a system call for
        // each of the hundred thousand files (mostly citation files) that 100 charters make.
        using (var handle = File.OpenHandle(Target(relative), FileMode.Create, FileAccess.Write, FileShare.None))
            RandomAccess.Write(handle, content, fileOffset: 0);
        Interlocked.Increment(ref _count);
    }

    /// <summary>Copies a file as it is (theme assets).</summary>
    public void Copy(string relative, string source)
    {
        if (AssetText.IsCompacted(relative)) File.WriteAllBytes(Target(relative), AssetText.Read(relative, source));
        else File.Copy(source, Target(relative), overwrite: true);
        Interlocked.Increment(ref _count);
    }

    private string Target(string relative)
    {
        var folder = Path.GetDirectoryName(relative);
        if (!string.IsNullOrEmpty(folder))
            _ = _folders.GetOrAdd(folder, f => new Lazy<string>(() => Directory.CreateDirectory(Path.Combine(_staging, f)).FullName)).Value;
        return Path.Combine(_staging, relative);
    }

    /// <summary>Puts the new site in place of the old one.</summary>
    public void Commit()
    {
        if (!Directory.Exists(_output))
        {
            Directory.Move(_staging, _output);
            _committed = true;
            return;
        }
        if (Posix.Exchange(_staging, _output))
        {
            _committed = true;
            Directory.Delete(_staging, recursive: true); // it now holds the previous site
            return;
        }
        try
        {
            Directory.Move(_output, _previous);
            Directory.Move(_staging, _output);
            _committed = true;
            Directory.Delete(_previous, recursive: true);
        }
        finally
        {
            // If the swap was cut between its two moves, put the previous site back.
            if (Directory.Exists(_previous) && !Directory.Exists(_output)) Directory.Move(_previous, _output);
        }
    }

    public void Dispose()
    {
        if (!_committed && Directory.Exists(_staging)) Directory.Delete(_staging, recursive: true);
    }

    /// <summary>
    /// What interrupted builds of this output left: their staging folders, and a moved-aside previous site (put
    /// back first if the output itself is missing). Folders of builds still running are left alone.
    /// </summary>
    private static void RemoveDebris(string parent, string name, string output)
    {
        foreach (var kind in new[] { "previous", "building" })
        {
            foreach (var folder in Directory.EnumerateDirectories(parent, $".{name}.{kind}-*").Order(StringComparer.Ordinal))
            {
                var pid = Path.GetFileName(folder)[$".{name}.{kind}-".Length..];
                if (!int.TryParse(pid, out var id) || (id != Environment.ProcessId && Processes.IsRunning(id))) continue;
                try
                {
                    if (kind == "previous" && !Directory.Exists(output)) Directory.Move(folder, output);
                    else Directory.Delete(folder, recursive: true);
                }
                catch (Exception e) when (e is IOException or UnauthorizedAccessException) { /* another build got there first */ }
            }
        }
    }
}
