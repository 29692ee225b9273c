using System.Collections.Concurrent;
using Fluid;

namespace Charter.Site.Theme;

// How Fluid finds the partials of {% include %} and {% render %}: the files through the theme's override order,
// and the parsed templates from the theme's own parses, so that Fluid never parses a template while pages render.
public sealed partial class Theme
{
    /// <summary>
    /// Fluid's cache of parsed partials, answered from <see cref="Parsed"/>: a partial is parsed and rewritten
    /// (<see cref="TemplateLimits"/>) by the theme, under its lock, once, and shared with the templates that are
    /// pages. Without it Fluid parses a partial at the first include it runs, on a rendering thread and outside
    /// that lock, and parses it again for every theme of the process.
    /// </summary>
    /// <remarks>
    /// The file's time is not asked: a theme lives only as long as its template files are unchanged
    /// (<see cref="TemplatesStamp"/>). A partial the theme cannot parse is answered "not cached": Fluid then parses
    /// it and reports the error at the page, as it always has; should that parse succeed (a file whose encoding the
    /// theme refuses and .NET's reader accepts), what Fluid stores is kept beside, rewritten by TemplateParsed.
    /// </remarks>
    // ITemplateCache is marked experimental (FLUID001). Fluid's version is pinned (Directory.Packages.props), and
    // ThemeTests.Fluid_never_parses_a_partial_while_pages_render fails if an update stops asking this cache.
#pragma warning disable FLUID001
    private sealed class ParsedPartials(Theme theme) : ITemplateCache
#pragma warning restore FLUID001
    {
        private readonly ConcurrentDictionary<string, IFluidTemplate> _parsedByFluid = new(StringComparer.Ordinal);

        public bool TryGetTemplate(string subpath, DateTimeOffset lastModified, out IFluidTemplate template)
        {
            if (theme.Parsed(NameOf(subpath)).Template is { } parsed)
            {
                template = parsed;
                return true;
            }
            return _parsedByFluid.TryGetValue(subpath, out template!);
        }

        public void SetTemplate(string subpath, DateTimeOffset lastModified, IFluidTemplate template) => _parsedByFluid[subpath] = template;

        private static string NameOf(string subpath)
        {
            var name = subpath.Replace('\\', '/').TrimStart('/');
            return name.EndsWith(".liquid", StringComparison.Ordinal) ? name[..^".liquid".Length] : name;
        }
    }

    /// <summary>Lets <c>{% include 'name' %}</c> find partials in templates/, with the same override order.</summary>
    /// <remarks>
    /// Fluid asks at every {% include %} it runs (thousands per build), then asks the file's time for its cache of
    /// parsed partials: each answer is kept for the theme's life, which ends when a template file changes
    /// (<see cref="TemplatesStamp"/>), so the disk is asked once per partial instead of at every include.
    /// </remarks>
    private sealed class ThemeFileProvider(Theme theme) : Microsoft.Extensions.FileProviders.IFileProvider
    {
        private readonly ConcurrentDictionary<string, Microsoft.Extensions.FileProviders.IFileInfo> _files = new(StringComparer.Ordinal);

        public Microsoft.Extensions.FileProviders.IFileInfo GetFileInfo(string subpath) => _files.GetOrAdd(subpath, Look);

        private Microsoft.Extensions.FileProviders.IFileInfo Look(string subpath)
        {
            var path = theme.Find(Path.Combine("templates", subpath.TrimStart('/')));
            return path is null
                ? new Microsoft.Extensions.FileProviders.NotFoundFileInfo(subpath)
                : new PhysicalFile(new FileInfo(path));
        }

        public Microsoft.Extensions.FileProviders.IDirectoryContents GetDirectoryContents(string subpath) =>
            Microsoft.Extensions.FileProviders.NotFoundDirectoryContents.Singleton;

        public Microsoft.Extensions.Primitives.IChangeToken Watch(string filter) =>
            Microsoft.Extensions.FileProviders.NullChangeToken.Singleton;
    }

    /// <summary>A template file as it was when first asked for (its size and time read once).</summary>
    private sealed class PhysicalFile(FileInfo info) : Microsoft.Extensions.FileProviders.IFileInfo
    {
        private readonly Lazy<(long Length, DateTimeOffset Time)> _stat = new(() => (info.Length, info.LastWriteTimeUtc));

        public bool Exists => true;
        public long Length => _stat.Value.Length;
        public string PhysicalPath => info.FullName;
        public string Name => info.Name;
        public DateTimeOffset LastModified => _stat.Value.Time;
        public bool IsDirectory => false;
        public Stream CreateReadStream() => info.OpenRead();
    }
}
