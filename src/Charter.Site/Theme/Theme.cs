using System.Collections.Concurrent;
using System.Collections.Immutable;
using System.Globalization;
using System.Text.RegularExpressions;
using Charter.Core.Diagnostics;
using Fluid;
using YamlDotNet.RepresentationModel;

namespace Charter.Site.Theme;

/// <summary>
/// A theme: Liquid templates, assets (CSS, JavaScript, fonts) and UI strings (i18n/{lang}.yml).
/// A site may hold <c>themes/NAME/</c> of its own; its files override the built-in theme's file by file.
/// Templates are parsed once and shared by all pages and threads.
/// </summary>
public sealed partial class Theme
{
    private readonly ImmutableArray<(string Root, string Label)> _roots;
    // Lazy: two pages asking for the same template at once parse it once.
    private readonly ConcurrentDictionary<string, Lazy<ParsedTemplate>> _templates = new(StringComparer.Ordinal);
    private readonly FluidParser _parser = new(new FluidParserOptions { AllowFunctions = true });

    public Theme(string siteRoot, string name)
    {
        _roots = Roots(siteRoot, name);
        Options = new TemplateOptions();
        Options.MemberAccessStrategy = new UnsafeMemberAccessStrategy { MemberNameStrategy = MemberNameStrategies.SnakeCase };
        Options.FileProvider = new ThemeFileProvider(this);
    }

    public TemplateOptions Options { get; }

    private static ImmutableArray<(string Root, string Label)> Roots(string siteRoot, string name)
    {
        var roots = new List<(string, string)>();
        var own = Path.Combine(siteRoot, "themes", name);
        if (Directory.Exists(own)) roots.Add((own, $"themes/{name}"));
        var builtIn = Path.Combine(AppContext.BaseDirectory, "themes", "default");
        if (Directory.Exists(builtIn) && !SamePath(builtIn, own)) roots.Add((builtIn, "themes/default (built-in)"));
        return [.. roots];
    }

    /// <summary>
    /// A fingerprint of what the parsed templates depend on (which theme folders exist, and the name, size and
    /// time of each template file): equal fingerprints mean a Theme object can be kept for the next build.
    /// </summary>
    public static string TemplatesStamp(string siteRoot, string name)
    {
        var stamp = new System.Text.StringBuilder();
        foreach (var (root, _) in Roots(siteRoot, name))
        {
            stamp.Append(root).Append('\n');
            var templates = Path.Combine(root, "templates");
            if (!Directory.Exists(templates)) continue;
            foreach (var file in new DirectoryInfo(templates).EnumerateFiles("*", SearchOption.AllDirectories).OrderBy(f => f.FullName, StringComparer.Ordinal))
                stamp.Append(file.FullName).Append(' ').Append(file.Length).Append(' ').Append(file.LastWriteTimeUtc.Ticks).Append('\n');
        }
        return stamp.ToString();
    }

    public bool Exists => !_roots.IsEmpty;

    private static bool SamePath(string a, string b) =>
        string.Equals(Path.GetFullPath(a).TrimEnd('/'), Path.GetFullPath(b).TrimEnd('/'), StringComparison.Ordinal);

    /// <summary>The full path of a theme file, from the site's own theme first, then the built-in one.</summary>
    public string? Find(string relative) =>
        _roots.Select(r => Path.Combine(r.Root, relative)).FirstOrDefault(File.Exists);

    /// <summary>Every asset (path relative to assets/), the site's own version winning.</summary>
    public IReadOnlyList<(string Relative, string FullPath)> Assets()
    {
        var result = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (var (root, _) in _roots.Reverse())
        {
            var assets = Path.Combine(root, "assets");
            if (!Directory.Exists(assets)) continue;
            foreach (var file in Directory.EnumerateFiles(assets, "*", SearchOption.AllDirectories))
                result[Path.GetRelativePath(assets, file).Replace('\\', '/')] = file;
        }
        return result.Select(kv => (kv.Key, kv.Value)).ToList();
    }

    /// <summary>A template as parsed (or why it could not be), and whether its problem was reported yet.</summary>
    private sealed class ParsedTemplate(IFluidTemplate? template, Diagnostic? problem)
    {
        public IFluidTemplate? Template { get; } = template;
        public Diagnostic? Problem { get; } = problem;
        private int _reported;
        public bool TakeReport() => Problem is not null && Interlocked.Exchange(ref _reported, 1) == 0;
    }

    /// <summary>
    /// Parses these templates now (the build does it on a second core while the content loads). A missing or
    /// invalid template is not reported here but by <see cref="Template"/>, when a page needs it.
    /// </summary>
    public void Preload(IEnumerable<string> names)
    {
        foreach (var name in names) Parsed(name);
    }

    /// <summary>A parsed template from templates/NAME.liquid, or null with a diagnostic (once) when missing or invalid.</summary>
    public IFluidTemplate? Template(string name, DiagnosticBag diagnostics)
    {
        var parsed = Parsed(name);
        if (parsed.TakeReport()) diagnostics.Add(parsed.Problem!);
        return parsed.Template;
    }

    private ParsedTemplate Parsed(string name) => _templates.GetOrAdd(name, n => new Lazy<ParsedTemplate>(() => Parse(n))).Value;

    private ParsedTemplate Parse(string name)
    {
        var relative = $"templates/{name}.liquid";
        var path = Find(relative);
        if (path is null)
            return new(null, new Diagnostic(Severity.Error, Codes.MissingTemplate,
                SourceLocation.File($"themes/{_roots.FirstOrDefault().Label ?? "default"}/{relative}"),
                $"the theme has no template '{name}'", $"add {relative} to the theme, or remove the override that hides it"));
        if (_parser.TryParse(File.ReadAllText(path), out var template, out var error)) return new(template, null);
        var (at, message) = ParseError(DisplayPath(path), error);
        return new(null, new Diagnostic(Severity.Error, Codes.TemplateError, at, $"template error: {message}", "fix the Liquid syntax"));
    }

    [GeneratedRegex(@"\s*at \((?<line>\d+):(?<column>\d+)\)")]
    private static partial Regex FluidPosition();

    /// <summary>
    /// Fluid reports "'{% endif %}' was expected at (5:12)" followed by lines of source; a diagnostic is one line
    /// at the error's own place, so the position moves into the location and the rest is dropped.
    /// </summary>
    private static (SourceLocation At, string Message) ParseError(string path, string error)
    {
        var first = error.Split('\n', 2)[0].Trim();
        var m = FluidPosition().Match(first);
        if (!m.Success) return (SourceLocation.File(path), first);
        var at = new SourceLocation(path, int.Parse(m.Groups["line"].Value, CultureInfo.InvariantCulture),
            int.Parse(m.Groups["column"].Value, CultureInfo.InvariantCulture));
        return (at, first.Remove(m.Index, m.Length));
    }

    public string DisplayPath(string fullPath)
    {
        foreach (var (root, label) in _roots)
            if (fullPath.StartsWith(root, StringComparison.Ordinal)) return label + fullPath[root.Length..].Replace('\\', '/');
        return fullPath;
    }

    /// <summary>UI strings of a language: the built-in file, overridden key by key by the site's own.</summary>
    public ImmutableDictionary<string, string> Strings(string language, DiagnosticBag diagnostics)
    {
        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (root, label) in _roots.Reverse())
        {
            var path = Path.Combine(root, "i18n", language + ".yml");
            if (!File.Exists(path)) continue;
            try
            {
                var stream = new YamlStream();
                stream.Load(new StringReader(File.ReadAllText(path)));
                if (stream.Documents.Count > 0 && stream.Documents[0].RootNode is YamlMappingNode map)
                    foreach (var (k, v) in map.Children)
                        if (k is YamlScalarNode { Value: { } key } && v is YamlScalarNode { Value: { } value }) result[key] = value;
            }
            catch (YamlDotNet.Core.YamlException e)
            {
                diagnostics.Error(Codes.YamlSyntax, new SourceLocation($"{label}/i18n/{language}.yml", (int)e.Start.Line, (int)e.Start.Column),
                    $"YAML syntax error: {e.Message}", "check indentation and quoting");
            }
        }
        return result.ToImmutableDictionary(StringComparer.Ordinal);
    }

    /// <summary>Lets <c>{% include 'name' %}</c> find partials in templates/, with the same override order.</summary>
    private sealed class ThemeFileProvider(Theme theme) : Microsoft.Extensions.FileProviders.IFileProvider
    {
        public Microsoft.Extensions.FileProviders.IFileInfo GetFileInfo(string subpath)
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

    private sealed class PhysicalFile(FileInfo info) : Microsoft.Extensions.FileProviders.IFileInfo
    {
        public bool Exists => true;
        public long Length => info.Length;
        public string PhysicalPath => info.FullName;
        public string Name => info.Name;
        public DateTimeOffset LastModified => info.LastWriteTimeUtc;
        public bool IsDirectory => false;
        public Stream CreateReadStream() => info.OpenRead();
    }
}
