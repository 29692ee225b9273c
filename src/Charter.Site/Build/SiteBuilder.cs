using System.Collections.Concurrent;
using System.Collections.Immutable;
using System.Diagnostics;
using Charter.Core.Diagnostics;
using Charter.Core.Load;
using Charter.Core.Model;
using Charter.Core.Resolve;
using Charter.Core.Validate;
using Charter.Site.Index;
using Charter.Site.Markdown;
using Charter.Site.Render;
using Charter.Site.Write;

namespace Charter.Site.Build;

public sealed record BuildOptions(string SourceDir, string OutputDir, string? BaseUrl = null, bool WriteOutput = true);

/// <summary>Time spent in each stage of a build, and what it produced.</summary>
public sealed record BuildStats(
    ImmutableArray<string> Languages, ImmutableDictionary<string, int> PagesPerLanguage, int Files, ImmutableDictionary<string, TranslationCompleteness> Completeness,
    ImmutableArray<(string Stage, TimeSpan Time)> Stages, TimeSpan Total);

public sealed record BuildResult(bool Success, IReadOnlyList<Diagnostic> Diagnostics, BuildStats? Stats, IReadOnlyList<OutputFile> Files)
{
    /// <summary>Theme files copied as they are (path in the output, full source path): with WriteOutput=false, whoever serves the site needs them too.</summary>
    public IReadOnlyList<(string Path, string Source)> Assets { get; init; } = [];

    /// <summary>The theme's assets as output paths (assets/…): copied, not rendered, so they are not among <see cref="Files"/>.</summary>
    public IReadOnlyList<string> AssetPaths => Assets.Select(a => a.Path).ToList();

    /// <summary>The configuration the site was built with (null if the build failed): its base URL and languages, for <c>charter check</c>.</summary>
    public SiteConfig? Config { get; init; }
}

/// <summary>
/// Runs the pipeline in one direction: Load → Validate → Resolve → Render → Index → Write. Each stage collects
/// every problem; the build stops before writing if any is an error, so the previous site stays as it was.
/// </summary>
public static class SiteBuilder
{
    public static BuildResult Build(BuildOptions options) => Build(options, null);

    /// <summary>A build that reuses, through <paramref name="cache"/>, what the previous build of the same site loaded.</summary>
    public static BuildResult Build(BuildOptions options, BuildCache? cache)
    {
        var result = Run(options, cache);
        cache?.Completed(result.Success);
        return result;
    }

    private static BuildResult Run(BuildOptions options, BuildCache? cache)
    {
        var diagnostics = new DiagnosticBag();
        var stages = new List<(string, TimeSpan)>();
        var total = Stopwatch.StartNew();
        var clock = Stopwatch.StartNew();
        var stage = "load";
        T Timed<T>(string name, Func<T> run)
        {
            stage = name;
            clock.Restart();
            var result = run();
            stages.Add((name, clock.Elapsed));
            return result;
        }
        BuildResult Failed() => new(false, diagnostics.Sorted(), null, []);

        try
        {
            var content = Timed("load", () => ContentLoader.Load(options.SourceDir, diagnostics, options.BaseUrl));
            if (content is null) return Failed();
            Timed("validate", () => { ContentValidator.Validate(content, diagnostics); return 0; });
            var site = Timed("resolve", () => Resolver.Resolve(content, diagnostics));
            if (diagnostics.HasErrors) return Failed();

            var (files, pages, theme) = Timed("render", () => Render(site, options.SourceDir, diagnostics, cache));
            if (diagnostics.HasErrors) return Failed();
            var indexFiles = Timed("index", () => Index(site, pages, theme.Factories));
            var all = files.Concat(indexFiles).OrderBy(f => f.Path, StringComparer.Ordinal).ToList();
            var assets = theme.Theme.Assets().Select(a => ("assets/" + a.Relative, a.FullPath)).ToList();
            if (options.WriteOutput) Timed("write", () => { OutputWriter.Write(options.OutputDir, all, assets); return 0; });

            var perLanguage = site.Config.Languages.ToImmutableDictionary(l => l, l => pages.Count(p => p.Page.Lang == l && !p.Page.Noindex && p.Path.StartsWith(l + "/", StringComparison.Ordinal)));
            var stats = new BuildStats(site.Config.Languages, perLanguage, all.Count + assets.Count, site.Completeness, [.. stages], total.Elapsed);
            return new BuildResult(true, diagnostics.Sorted(), stats, all) { Assets = assets, Config = site.Config };
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            // Bad input never gets here (it becomes diagnostics); this is a bug of ours, said plainly.
            diagnostics.Error(Codes.Internal, SourceLocation.File(options.SourceDir.Length == 0 ? "." : "charter.yml"),
                $"internal error during {stage}: {e.GetType().Name}: {e.Message}", "this is a bug in Charter; please report it with this line");
            return Failed();
        }
    }

    private sealed record ThemeState(Theme.Theme Theme, IReadOnlyDictionary<string, PageFactory> Factories);

    private static (List<OutputFile>, List<PageSpec>, ThemeState) Render(ResolvedSite site, string sourceDir, DiagnosticBag diagnostics, BuildCache? cache)
    {
        var config = site.Config;
        var theme = cache?.ThemeFor(sourceDir, config.Theme) ?? new Theme.Theme(sourceDir, config.Theme);
        if (!theme.Exists)
            diagnostics.Error(Codes.MissingTemplate, SourceLocation.File("charter.yml"), $"theme '{config.Theme}' was not found",
                $"create themes/{config.Theme}/ or use 'theme: default'");
        var defaults = theme.Strings(config.DefaultLanguage, diagnostics);
        var strings = config.Languages.ToDictionary(l => l, l => new Strings(l, theme.Strings(l, diagnostics), defaults));
        var markdown = cache?.MarkdownFor(config.AllowHtml) ?? new MarkdownRenderer(config.AllowHtml);
        var factories = config.Languages.ToDictionary(l => l, l => new PageFactory(site, l, strings, markdown));

        // Page models are built per language in parallel (each factory caches its own units), then rendered in parallel.
        var perLanguage = new ConcurrentDictionary<string, List<PageSpec>>();
        Parallel.ForEach(config.Languages, l => perLanguage[l] = factories[l].Pages().ToList());
        var pages = config.Languages.SelectMany(l => perLanguage[l]).Concat(factories[config.DefaultLanguage].RootPages()).ToList();

        var renderer = new TemplateRenderer(theme, diagnostics);
        var siteViews = factories.ToDictionary(kv => kv.Key, kv => kv.Value.SiteView());
        var output = new OutputFile?[pages.Count];
        Parallel.For(0, pages.Count, i => output[i] = renderer.Render(pages[i], siteViews[pages[i].Page.Lang], strings[pages[i].Page.Lang]));
        return (output.OfType<OutputFile>().ToList(), pages, new ThemeState(theme, factories));
    }

    private static List<OutputFile> Index(ResolvedSite site, List<PageSpec> pages, IReadOnlyDictionary<string, PageFactory> factories)
    {
        var files = new ConcurrentBag<OutputFile>();
        Parallel.ForEach(site.Config.Languages, language =>
        {
            var factory = factories[language];
            foreach (var file in SiteIndexer.OpenData(site, language, factory)) files.Add(file);
            var documents = SiteIndexer.SearchDocuments(site, language, factory);
            files.Add(SiteIndexer.DocumentStore(language, documents));
            files.Add(SearchIndex.Build(language, documents));
            files.Add(SiteIndexer.OpenSearch(language, site.Config.TitleIn(language), factory.Absolute(Permalinks.Search(language)),
                factory.Absolute("assets/icon.svg")));
        });
        files.Add(SiteIndexer.Sitemap(pages.Select(p => p.Page)));
        files.Add(SiteIndexer.Robots(site.Config.BaseUrl + "sitemap.xml"));
        return [.. files];
    }
}
