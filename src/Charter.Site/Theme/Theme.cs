using System.Collections.Concurrent;
using System.Collections.Immutable;
using System.Globalization;
using System.Text.RegularExpressions;
using Charter.Core.Diagnostics;
using Charter.Core.Load;
using Charter.Core.Model;
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
    // One for every theme: building the grammar is a good part of a cold start, and a FluidParser is safe to share.
    private static readonly FluidParser _parser = new(new FluidParserOptions { AllowFunctions = true });
    private readonly TemplateLimits _rewriter;
    // Held while a template of any theme is parsed or rewritten: one parser and one cache serve every theme.
    private static readonly Lock Parsing = new();
    // Every template text parsed and rewritten in this process, with the range limit it was rewritten for: a parsed
    // template holds no state of its theme (partials come from each theme's own cache, ParsedPartials), so the themes
    // of one process share it. A test host makes a theme per build, and serve one per template edit: each parsed
    // the same forty templates again. It also keeps Fluid's AST walks from running thousands of times in one
    // process, which is where a .NET 10 JIT bug crashed test hosts (tests/test.runsettings).
    // Only read and written under Parsing; it holds the distinct texts of the process's themes, a few hundred kB.
    private static readonly Dictionary<(string Text, int MaxItems), IFluidTemplate> Rewritten = [];

    public Theme(string siteRoot, string name, Limits limits)
    {
        _roots = Roots(siteRoot, name);
        Limits = limits;
        _rewriter = new TemplateLimits(limits.TemplateSteps);
        Options = new TemplateOptions
        {
            // A misspelt filter is an error, not a silent no-op; a template runs a bounded number of statements.
            StrictFilters = true,
            MaxSteps = limits.TemplateSteps,
            MaxRecursion = TemplateLimits.MaxIncludeDepth,
            // Partials come from the theme's own parses (ParsedPartials), never parsed by Fluid while pages render;
            // one Fluid parses anyway (see ParsedPartials) gets the same bounded ranges, under the same lock.
            TemplateParsed = (_, template) => { lock (Parsing) return _rewriter.VisitTemplate(template); },
        };
        // Templates read the members of the view models listed in TemplateModels, and of nothing else.
        Options.MemberAccessStrategy = TemplateModels.Shared;
        Options.FileProvider = new ThemeFileProvider(this);
        Options.TemplateCache = new ParsedPartials(this);
        Filters.Register(Options);
        TemplateValues.Register(Options);
    }

    public TemplateOptions Options { get; }

    public Limits Limits { get; }

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

    /// <summary>Every asset (path relative to assets/), the site's own version winning; anything but a regular file is refused.</summary>
    public IReadOnlyList<(string Relative, string FullPath)> Assets(DiagnosticBag diagnostics)
    {
        var result = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (var (root, _) in _roots.Reverse())
        {
            var assets = Path.Combine(root, "assets");
            if (!Directory.Exists(assets)) continue;
            foreach (var file in Directory.EnumerateFiles(assets, "*", SearchOption.AllDirectories))
            {
                // A FIFO would hang the copy, a link to /dev/zero would fill the disk.
                if (!SourceReader.IsRegularFile(file))
                    diagnostics.Error(Codes.UnreadableFile, SourceLocation.File(DisplayPath(file)), "this asset is not a regular file",
                        "replace it with a regular file, or remove it from the theme");
                else result[Path.GetRelativePath(assets, file).Replace('\\', '/')] = file;
            }
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

    /// <summary>
    /// Reports, once each, the problems of these templates and of every partial they include: syntax errors,
    /// unreadable files and include cycles. The build calls it whether or not the content has errors, so that a
    /// mistake in the theme and one in the content are seen together.
    /// </summary>
    public void ReportProblems(IEnumerable<string> names, DiagnosticBag diagnostics)
    {
        var done = new HashSet<string>(StringComparer.Ordinal);
        var path = new List<string>();
        void Visit(string name)
        {
            if (path.Contains(name))
            {
                var cycle = string.Join(" → ", path.SkipWhile(n => n != name).Append(name));
                var includer = path[^1];
                diagnostics.Error(Codes.TemplateError, IncludeLocation(includer, name),
                    $"include cycle: {cycle}", "a template may not include itself, directly or through another");
                return;
            }
            if (!done.Add(name)) return;
            var parsed = Parsed(name);
            if (parsed.TakeReport()) diagnostics.Add(parsed.Problem!);
            if (parsed.Template is null) return;
            path.Add(name);
            foreach (var included in IncludeGraph.Includes(parsed.Template)) Visit(included);
            path.RemoveAt(path.Count - 1);
        }
        foreach (var name in names) Visit(name);
    }

    /// <summary>Where <paramref name="template"/> includes <paramref name="included"/>: the line of the tag, found in its text.</summary>
    private SourceLocation IncludeLocation(string template, string included)
    {
        var relative = $"templates/{template}.liquid";
        var path = Find(relative);
        if (path is null) return SourceLocation.File(relative);
        var text = File.ReadAllText(path);
        var m = Regex.Match(text, @"\{%-?\s*(include|render)\s+['""]" + Regex.Escape(included) + @"(\.liquid)?['""]");
        return m.Success ? new Core.Model.SourceFile(DisplayPath(path), text).LocationOf(m.Index) : SourceLocation.File(DisplayPath(path));
    }

    /// <summary>The theme's own path of a template, for diagnostics of a page that failed to render with it.</summary>
    /// <remarks>Asked for every page rendered: kept, as the theme lives only as long as its template files are unchanged.</remarks>
    public string TemplatePath(string name) => _templatePaths.GetOrAdd(name, n =>
    {
        var relative = $"templates/{n}.liquid";
        return Find(relative) is { } path ? DisplayPath(path) : relative;
    });

    private readonly ConcurrentDictionary<string, string> _templatePaths = new(StringComparer.Ordinal);

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
        var problems = new DiagnosticBag();
        var bytes = SourceReader.Read(path, DisplayPath(path), Limits, problems);
        var text = bytes is null ? null : FrontMatter.Decode(bytes, DisplayPath(path), problems);
        if (text is null) return new(null, problems.Sorted()[0]);
        IFluidTemplate? template;
        string? error;
        lock (Parsing)
        {
            if (Rewritten.TryGetValue((text, Limits.TemplateSteps), out var known)) return new(known, null);
            if (_parser.TryParse(text, out template, out error))
            {
                template = _rewriter.VisitTemplate(template);
                Rewritten[(text, Limits.TemplateSteps)] = template;
                return new(template, null);
            }
        }
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

    /// <summary>
    /// A language's UI strings and its descriptor (the <c>language:</c> block) from i18n/{code}.yml: the built-in
    /// file, overridden key by key (and descriptor field by field) by the site's own.
    /// </summary>
    /// <summary>A UI strings file as read: its bytes, its strings and its language block, in the file's order.</summary>
    private sealed record StringsFile(byte[] Bytes, List<(string Key, string Value)> Strings, List<(string Name, string Given)> Descriptor);

    // Each build asks for the source language's strings more than once, and serve asks at every rebuild: a file whose
    // bytes are those read before is not parsed again (kept per theme, checked against the bytes read every time).
    private readonly ConcurrentDictionary<string, StringsFile> _stringFiles = new(StringComparer.Ordinal);

    /// <summary>A UI strings file's entries, or null with its problem reported.</summary>
    private StringsFile? ReadStrings(byte[] bytes, string display, DiagnosticBag diagnostics)
    {
        var text = FrontMatter.Decode(bytes, display, diagnostics);
        if (text is null) return null;
        var loaded = SafeYaml.Load(text, Limits);
        if (loaded.Problem is { } problem)
        {
            problem.Report(new SourceFile(display, text), 0, diagnostics);
            return null;
        }
        var file = new StringsFile(bytes, [], []);
        if (loaded.Root is YamlMappingNode map)
            foreach (var (k, v) in map.Children)
            {
                if (k is not YamlScalarNode { Value: { } key }) continue;
                if (v is YamlScalarNode { Value: { } value }) file.Strings.Add((key, value));
                else if (key == LanguageBlock && v is YamlMappingNode block)
                    foreach (var (field, setting) in block.Children)
                        if (field is YamlScalarNode { Value: { } name } && setting is YamlScalarNode { Value: { } given }) file.Descriptor.Add((name, given));
            }
        return file;
    }

    public (ImmutableDictionary<string, string> Strings, Language Language) Strings(string language, DiagnosticBag diagnostics)
    {
        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        var descriptor = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (root, label) in _roots.Reverse())
        {
            var path = Path.Combine(root, "i18n", language + ".yml");
            if (!File.Exists(path)) continue;
            var display = $"{label}/i18n/{language}.yml";
            var bytes = SourceReader.Read(path, display, Limits, diagnostics);
            if (bytes is null) continue;
            if (!_stringFiles.TryGetValue(path, out var read) || !read.Bytes.AsSpan().SequenceEqual(bytes))
            {
                read = ReadStrings(bytes, display, diagnostics);
                // Only a file read without a problem is kept: a problem must be reported again by the next build that reads it.
                if (read is null) continue;
                _stringFiles[path] = read;
            }
            foreach (var (key, value) in read.Strings) result[key] = value;
            foreach (var (name, given) in read.Descriptor) descriptor[name] = given;
        }
        var fallback = Language.Default(language);
        string Field(string name, string otherwise) => descriptor.TryGetValue(name, out var v) && v.Trim().Length > 0 ? v.Trim() : otherwise;
        var parsed = new Language(language, Field("tag", fallback.Tag), Field("name", fallback.Name),
            Field("direction", fallback.Direction) == "rtl" ? "rtl" : "ltr", Field("typography", fallback.Typography),
            Quotes.Parse(descriptor.GetValueOrDefault("quotes")), Field("search", fallback.Search),
            Field("month_year", fallback.MonthYear), Field("decimal_separator", fallback.DecimalSeparator))
        {
            DayMonthYear = Field("date", fallback.DayMonthYear),
            FirstDay = descriptor.GetValueOrDefault("first_day")?.Trim() is { Length: > 0 } first ? first : null,
            AknCode = descriptor.GetValueOrDefault("akn_code")?.Trim() is { Length: > 0 } code ? code : null,
        };
        return (result.ToImmutableDictionary(StringComparer.Ordinal), parsed);
    }

    /// <summary>
    /// The tool's own language (its messages, the schemas' descriptions): its UI strings stand in, with a warning, for a
    /// source language the theme has none for.
    /// </summary>
    public const string ToolLanguage = "en";

    /// <summary>The key of the descriptor block in an i18n file.</summary>
    public const string LanguageBlock = "language";
}
