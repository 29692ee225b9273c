namespace Charter.Cli.Serve;

/// <summary>
/// Watches what a build reads: <c>content/</c>, <c>themes/</c> and <c>charter.yml</c> of the site root, and
/// calls <see cref="Changed"/> once a burst of changes has settled (an editor's save is often several
/// events: write a temporary file, rename, touch). Only these three are watched, not the whole root: a
/// repository root also holds bin/, obj/ and .git/, which churn during every compile.
/// </summary>
public sealed class SiteWatcher : IDisposable
{
    private static readonly string[] Folders = ["content", "themes"];
    private readonly string _root;
    private readonly Timer _debounce;
    private readonly TimeSpan _delay;
    private readonly Dictionary<string, FileSystemWatcher> _folders = new(StringComparer.Ordinal);
    private readonly FileSystemWatcher _rootWatcher;
    private readonly Lock _lock = new();
    private bool _disposed;

    public SiteWatcher(string root, TimeSpan delay, Action changed)
    {
        _root = root;
        _delay = delay;
        _debounce = new Timer(_ => changed());
        // The root itself, not recursive: charter.yml, and content/ or themes/ appearing, vanishing or renamed.
        _rootWatcher = new FileSystemWatcher(root)
        {
            IncludeSubdirectories = false,
            NotifyFilter = NotifyFilters.FileName | NotifyFilters.DirectoryName | NotifyFilters.LastWrite | NotifyFilters.Size,
        };
        _rootWatcher.Changed += (_, e) => OnRootEvent(e.Name);
        _rootWatcher.Created += (_, e) => OnRootEvent(e.Name);
        _rootWatcher.Deleted += (_, e) => OnRootEvent(e.Name);
        _rootWatcher.Renamed += (_, e) => { OnRootEvent(e.OldName); OnRootEvent(e.Name); };
        _rootWatcher.Error += (_, _) => Poke();
        _rootWatcher.EnableRaisingEvents = true;
        WatchFolders();
    }

    private void OnRootEvent(string? name)
    {
        if (name is null) return;
        if (Folders.Contains(name, StringComparer.Ordinal))
        {
            WatchFolders();
            Poke();
        }
        else if (name == "charter.yml") Poke();
    }

    /// <summary>Starts a watcher on each folder that exists now (and drops those whose folder went away).</summary>
    private void WatchFolders()
    {
        lock (_lock)
        {
            if (_disposed) return;
            foreach (var name in Folders)
            {
                var path = Path.Combine(_root, name);
                if (_folders.TryGetValue(name, out var existing))
                {
                    if (Directory.Exists(path)) continue;
                    existing.Dispose();
                    _folders.Remove(name);
                }
                if (!Directory.Exists(path)) continue;
                var watcher = new FileSystemWatcher(path)
                {
                    IncludeSubdirectories = true,
                    NotifyFilter = NotifyFilters.FileName | NotifyFilters.DirectoryName | NotifyFilters.LastWrite | NotifyFilters.Size,
                    // A whole-folder copy can overflow the default 8 KB queue; the overflow still triggers a rebuild (Error).
                    InternalBufferSize = 64 * 1024,
                };
                watcher.Changed += (_, _) => Poke();
                watcher.Created += (_, _) => Poke();
                watcher.Deleted += (_, _) => Poke();
                watcher.Renamed += (_, _) => Poke();
                watcher.Error += (_, _) => Poke();
                watcher.EnableRaisingEvents = true;
                _folders[name] = watcher;
            }
        }
    }

    /// <summary>(Re)starts the quiet period: the callback runs once no change came for the delay.</summary>
    private void Poke()
    {
        lock (_lock)
        {
            if (!_disposed) _debounce.Change(_delay, Timeout.InfiniteTimeSpan);
        }
    }

    public void Dispose()
    {
        lock (_lock)
        {
            if (_disposed) return;
            _disposed = true;
            _rootWatcher.Dispose();
            foreach (var watcher in _folders.Values) watcher.Dispose();
            _folders.Clear();
            _debounce.Dispose();
        }
    }
}
