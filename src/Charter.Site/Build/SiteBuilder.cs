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
using Charter.Site.Text;

namespace Charter.Site.Build;

/// <param name="DeferDataFiles">
/// For serve: the data files (search indexes, search documents, charter.json) are not made during the build but
/// when first asked for (see <see cref="BuildResult.Deferred"/>), so an edit shows without waiting for the data
/// files of a large site; the sitemap and the citation files are made the same way. Pages and OpenSearch descriptions are always made.
/// </param>
/// <param name="Cancel">Stops the build at its next step (serve, when a newer edit arrives; build, on Ctrl+C): the output is left as it was.</param>
public sealed record BuildOptions(string SourceDir, string OutputDir, string? BaseUrl = null, bool WriteOutput = true, bool DeferDataFiles = false,
    CancellationToken Cancel = default)
{
    /// <summary>How to make the PDFs (the command line's default); null: no PDF is made or linked (the tests' in-memory builds, --no-pdf).</summary>
    public Print.PdfSettings? Pdf { get; init; }
}

/// <summary>A file of the site made only when first asked for: its path and how to make its content.</summary>
public sealed record DeferredFile(string Path, Func<byte[]> Make);

/// <summary>Time spent in each stage of a build, and what it produced.</summary>
public sealed record BuildStats(
    ImmutableArray<string> Languages, ImmutableDictionary<string, int> PagesPerLanguage, int Files, ImmutableDictionary<string, TranslationCompleteness> Completeness,
    ImmutableArray<(string Stage, TimeSpan Time)> Stages, TimeSpan Total);

public sealed record BuildResult(bool Success, IReadOnlyList<Diagnostic> Diagnostics, BuildStats? Stats, IReadOnlyList<OutputFile> Files)
{
    /// <summary>The build was stopped through <see cref="BuildOptions.Cancel"/> before it finished.</summary>
    public bool Cancelled { get; init; }

    /// <summary>Theme files copied as they are (path in the output, full source path): with WriteOutput=false, whoever serves the site needs them too.</summary>
    public IReadOnlyList<(string Path, string Source)> Assets { get; init; } = [];

    /// <summary>The theme's assets as output paths (assets/…): copied, not rendered, so they are not among <see cref="Files"/>.</summary>
    public IReadOnlyList<string> AssetPaths => Assets.Select(a => a.Path).ToList();

    /// <summary>With <see cref="BuildOptions.DeferDataFiles"/>: the files to make on demand.</summary>
    public IReadOnlyList<DeferredFile> Deferred { get; init; } = [];

    /// <summary>With <see cref="BuildOptions.DeferDataFiles"/>: folders of files to make on demand (the citation files), in their order.</summary>
    public IReadOnlyList<DeferredFolder> DeferredFolders { get; init; } = [];

    /// <summary>The configuration the site was built with (null if the build failed): its base URL and languages, for <c>charter check</c>.</summary>
    public SiteConfig? Config { get; init; }
}

/// <summary>
/// Runs the pipeline in one direction: Load → Validate → Resolve → Render → Index → Write. Each stage collects
/// every problem and the build stops at the first stage that found an error. Rendered files go into a staging
/// folder as they are made; it replaces the output only when the whole build succeeded, so after a failure the
/// previous site stays as it was.
/// </summary>
public static class SiteBuilder
{
    public static BuildResult Build(BuildOptions options) => Build(options, null);

    /// <summary>A build that reuses, through <paramref name="cache"/>, what the previous build of the same site loaded.</summary>
    public static BuildResult Build(BuildOptions options, BuildCache? cache)
    {
        cache?.Starting();
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
        Task<RenderTools>? tools = null;
        Task? templates = null;
        Task<TimeSpan>? index = null;
        BuildResult Failed()
        {
            // The theme may still be loading, or the index being made, on the other core: their diagnostics belong
            // to this build, and neither may touch the cache or the output once the build is over.
            try { tools?.Wait(); } catch (AggregateException) { }
            try { templates?.Wait(); } catch (AggregateException) { }
            try { index?.Wait(); } catch (AggregateException) { }
            return new(false, diagnostics.Sorted(), null, []) { Cancelled = options.Cancel.IsCancellationRequested };
        }

        StagedOutput? staged = null;
        var cancel = options.Cancel;
        try
        {
            // Checked before anything is read: a build must never replace the user's sources with a site.
            if (options.WriteOutput && OutputLocation.Problem(options.SourceDir, options.OutputDir) is { } misplaced)
            {
                diagnostics.Error(Codes.SiteConfig, SourceLocation.File("."), misplaced, OutputLocation.Hint);
                return Failed();
            }
            // Serve's digest of what the build reads, taken before anything is read (see SiteInputs).
            var inputs = cache is null ? null : cache.Inputs = SiteInputs.Read(options.SourceDir, cache.Inputs);
            var config = SiteConfigLoader.Load(options.SourceDir, diagnostics, options.BaseUrl);
            if (config is null) return Failed();
            // The theme's strings and the Markdown pipeline are made on another core while the content loads, and then
            // its templates parsed there while the content is checked and the page models made, which need no template:
            // for a small site, a cold start is mostly this kind of first-time work.
            tools = Task.Run(() => Tools(config, options.SourceDir, diagnostics, cache));
            var content = Timed("load", () => ContentLoader.Load(options.SourceDir, config, diagnostics, cache?.Content, inputs?.Files));
            // The templates the structures name are parsed with the site's (structures load first, even when content files fail).
            var structureTemplates = content.Structures.Values.SelectMany(s => s.Kinds.Values).Select(k => k.Template).OfType<string>().Distinct().ToList();
            templates = tools.ContinueWith(t => ParseTemplates(t.Result.Theme, structureTemplates, diagnostics), TaskScheduler.Default);
            var keyOf = cache is null ? null : CharterKeys(inputs!, content, options);
            Timed("validate", () => { ContentValidator.Validate(content, diagnostics, keyOf is null ? null : new(cache!.Validated, keyOf)); return 0; });
            var site = Timed("resolve", () => Resolver.Resolve(content, diagnostics, keyOf is null ? null : new(cache!.Placed, keyOf)));
            cancel.ThrowIfCancellationRequested();
            var toolsReady = tools.GetAwaiter().GetResult();
            // The theme's own problems are reported with the content's (Failed waits for them), not only once the content is right.
            if (diagnostics.HasErrors) return Failed();

            // From here files go straight to a staging folder as they are made (or into memory for check and serve).
            staged = options.WriteOutput ? StagedOutput.Begin(options.OutputDir) : null;
            // Queues, not ConcurrentBags: a bag keeps what each thread-pool thread added in that thread's local
            // storage, beyond the build's life; under serve every rebuild's site model stayed in memory that way.
            var kept = new ConcurrentQueue<OutputFile>();
            var deferred = new ConcurrentQueue<DeferredFile>();
            var deferredFolders = new ConcurrentQueue<DeferredFolder>();
            void Emit(OutputFile file)
            {
                if (staged is null) kept.Enqueue(file);
                else staged.Add(file);
            }

            stage = "render";
            IReadOnlyList<DocumentLink> downloads = [];
            var documentTime = TimeSpan.Zero;
            var factories = PageFactory.ForLanguages(site, toolsReady.Strings, toolsReady.Markdown, diagnostics);
            var records = site.Config.Languages.ToDictionary(l => l, l => new Records(site, l, toolsReady.Strings, toolsReady.Markdown));
            var pages = Timed("render", () =>
            {
                var context = new OutputContext(site, toolsReady.Strings, toolsReady.Markdown, records, cache, diagnostics, cancel)
                {
                    Print = options.Pdf is null ? null : new Print.PrintTools(factories, new TemplateRenderer(toolsReady.Theme, diagnostics, cancel),
                        toolsReady.Theme.TemplatePath(Print.PrintBook.Template), toolsReady.Theme.Find(Print.PrintBook.Stylesheet), options.Pdf),
                };
                var sink = new OutputSink(Emit, options.DeferDataFiles ? deferred.Enqueue : null, options.DeferDataFiles ? deferredFolders.Enqueue : null);
                // The data files need the units, not the pages: they are made from the start, while the page models and then
                // the templates run (their time is their own). Each output is a task of its own, not one after the other on
                // one thread: at 100 charters that thread was still writing citation files long after the pages were done.
                var indexClock = Stopwatch.StartNew();
                index = Task.WhenAll(Outputs.Data.Where(o => !o.FromPages).Select(o => Task.Run(() => o.Make(context, sink))))
                    .ContinueWith(all => { all.GetAwaiter().GetResult(); return indexClock.Elapsed; }, TaskScheduler.Default);
                var heads = new PageStage(site, factories, toolsReady.Theme, toolsReady.Strings, diagnostics, Emit, cache, inputs, cancel).Run(() =>
                {
                    // No template runs before the theme's problems are known: a theme whose templates failed goes no further.
                    templates.GetAwaiter().GetResult();
                    if (diagnostics.HasErrors) return null;
                    // The pages say how large each PDF is, so the PDFs come first (their engine runs one process per document).
                    var documentClock = Stopwatch.StartNew();
                    downloads = Outputs.Documents.SelectMany(o => o.Make(context, sink)).ToList();
                    documentTime = documentClock.Elapsed;
                    return downloads;
                });
                if (!UniqueAddresses(heads, diagnostics)) return heads;
                foreach (var output in Outputs.Data.Where(o => o.FromPages)) output.Make(context with { Pages = heads }, sink);
                return heads;
            });
            if (options.Pdf is not null)
            {
                stages[^1] = ("render", stages[^1].Item2 - documentTime);
                stages.Add(("pdf", documentTime));
            }
            stage = "index";
            if (index is not null) stages.Add(("index", index.GetAwaiter().GetResult()));
            var assets = toolsReady.Theme.Assets(diagnostics).Select(a => (Path: "assets/" + a.Relative, Source: a.FullPath)).ToList();
            cancel.ThrowIfCancellationRequested();
            if (diagnostics.HasErrors) return Failed();
            if (staged is not null)
                Timed("write", () =>
                {
                    Parallel.ForEach(assets, a => staged.Copy(a.Path, a.Source));
                    staged.Commit();
                    return 0;
                });

            var files = kept.OrderBy(f => f.Path, StringComparer.Ordinal).ToList();
            var perLanguage = site.Config.Languages.ToImmutableDictionary(l => l, l => pages.Count(p => p.Page.Lang == l && !p.Page.Noindex && p.Path.StartsWith(l + "/", StringComparison.Ordinal)));
            var stats = new BuildStats(site.Config.Languages, perLanguage, staged?.Count ?? files.Count + assets.Count + deferred.Count + deferredFolders.Sum(f => f.Count), site.Completeness, [.. stages], total.Elapsed);
            return new BuildResult(true, diagnostics.Sorted(), stats, files)
            {
                Assets = assets, Config = site.Config, Deferred = deferred.OrderBy(d => d.Path, StringComparer.Ordinal).ToList(),
                DeferredFolders = deferredFolders.OrderBy(d => d.Folder, StringComparer.Ordinal).ToList(),
            };
        }
        catch (OperationCanceledException) when (cancel.IsCancellationRequested)
        {
            return Failed();
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            // Bad input never gets here (it becomes diagnostics); this is a bug of ours, said plainly.
            diagnostics.Error(Codes.Internal, SourceLocation.File(options.SourceDir.Length == 0 ? "." : "charter.yml"),
                $"internal error during {stage}: {e.GetType().Name}: {e.Message}", "this is a bug in Charter; please report it with this line");
            return Failed();
        }
        finally
        {
            staged?.Dispose();
        }
    }

    /// <summary>
    /// For serve's memories of what validation and Resolve made of each charter (CharterMemory): a charter's key is its
    /// folder's digest, the digest of the site's files outside the charter folders (charter.yml, the declarations,
    /// content/topics.yml, the theme), the base URL given on the command line, and which charters there are.
    /// </summary>
    private static Func<string, string> CharterKeys(SiteInputs inputs, SiteContent content, BuildOptions options)
    {
        var shared = $"{inputs.Site(content.CharterSlugs)}\n{options.BaseUrl}\n{string.Join(',', content.CharterSlugs)}";
        return slug => $"{shared}\n{slug}:{inputs.Charter(slug)}";
    }

    /// <summary>What rendering needs besides the content: the theme (templates parsed), UI strings, the Markdown pipeline.</summary>
    private sealed record RenderTools(Theme.Theme Theme, IReadOnlyDictionary<string, Strings> Strings, MarkdownRenderer Markdown);

    private static RenderTools Tools(SiteConfig config, string sourceDir, DiagnosticBag diagnostics, BuildCache? cache)
    {
        var theme = cache?.ThemeFor(sourceDir, config.Theme, config.Limits) ?? new Theme.Theme(sourceDir, config.Theme, config.Limits);
        if (!theme.Exists)
            diagnostics.Error(Codes.MissingTemplate, SourceLocation.File("charter.yml"), $"theme '{config.Theme}' was not found",
                $"create themes/{config.Theme}/ or use 'theme: default'");
        // A key a translation lacks is shown in the default language rather than as its name.
        var themeDefaults = theme.Strings(config.DefaultLanguage, diagnostics).Strings;
        var sourceStrings = $"themes/{config.Theme}/i18n/{config.DefaultLanguage}.yml";
        if (themeDefaults.IsEmpty && theme.Exists && !diagnostics.HasErrorIn(sourceStrings))
        {
            // Every other language falls back to the source language's strings: without them, every label would be blank.
            diagnostics.Warning(Codes.MissingTranslation, SourceLocation.File(sourceStrings),
                $"the theme has no UI strings for '{config.DefaultLanguage}', the source language; its pages show the tool's own ({Theme.Theme.ToolLanguage}) ones",
                $"copy themes/default/i18n/{Theme.Theme.ToolLanguage}.yml to {sourceStrings} in the site, then translate it and its 'language:' block");
            themeDefaults = theme.Strings(Theme.Theme.ToolLanguage, diagnostics).Strings;
        }
        foreach (var unknown in config.Strings.Where(o => theme.Exists && !themeDefaults.ContainsKey(o.Key)))
            diagnostics.Error(Codes.UnknownField, unknown.At, $"strings: the theme has no UI string '{unknown.Key}'",
                $"use a key of themes/{config.Theme}/i18n/{config.DefaultLanguage}.yml, such as search_placeholder");
        var defaults = WithSiteStrings(themeDefaults, themeDefaults, config, config.DefaultLanguage);
        var strings = config.Languages.ToDictionary(l => l, l =>
        {
            var (themeOwn, language) = theme.Strings(l, diagnostics);
            var own = WithSiteStrings(themeOwn, themeDefaults, config, l);
            // A file that exists but could not be read has its error; "no UI strings" would send the editor elsewhere.
            if (themeOwn.IsEmpty && l != config.DefaultLanguage && !diagnostics.HasErrorIn($"themes/{config.Theme}/i18n/{l}.yml"))
                diagnostics.Warning(Codes.MissingTranslation, SourceLocation.File($"themes/{config.Theme}/i18n/{l}.yml"),
                    $"the theme has no UI strings for '{l}'; its pages show the '{config.DefaultLanguage}' ones",
                    $"copy themes/default/i18n/{config.DefaultLanguage}.yml to themes/{config.Theme}/i18n/{l}.yml in the site, then translate it and its 'language:' block");
            return new Strings(language, own, defaults);
        });
        var markdown = cache?.MarkdownFor(config.AllowHtml) ?? new MarkdownRenderer(config.AllowHtml);
        return new RenderTools(theme, strings, markdown);
    }

    /// <summary>Parses the site's templates and those the structures name, reporting their problems (a missing theme has its own).</summary>
    private static void ParseTemplates(Theme.Theme theme, IReadOnlyList<string> structureTemplates, DiagnosticBag diagnostics)
    {
        if (theme.Exists) theme.ReportProblems(PageFactory.SiteTemplates.Append(TemplateRenderer.Layout).Append(Print.PrintBook.Template), diagnostics);
        theme.ReportProblems(structureTemplates, diagnostics);
    }

    /// <summary>A language's UI strings with the site's own wording (charter.yml 'strings:') in place of the theme's.</summary>
    /// Only keys the theme has (in its default language) are taken; the others are reported.
    private static ImmutableDictionary<string, string> WithSiteStrings(ImmutableDictionary<string, string> own, ImmutableDictionary<string, string> known,
        SiteConfig config, string language) =>
        config.Strings.Aggregate(own, (strings, o) => o.In(language) is { } text && known.ContainsKey(o.Key) ? strings.SetItem(o.Key, text) : strings);

    /// <summary>
    /// Two pages at one address would silently overwrite each other (a charter folder named like a page of the site,
    /// say): an error naming the address and what wants it (only the first page there was rendered, and the build fails).
    /// </summary>
    private static bool UniqueAddresses(List<PageSpec> pages, DiagnosticBag diagnostics)
    {
        var ok = true;
        foreach (var group in pages.GroupBy(p => p.Path, StringComparer.Ordinal).Where(g => g.Count() > 1))
        {
            ok = false;
            diagnostics.Error(Codes.AddressCollision, SourceLocation.File("content"),
                $"two pages would be written at /{group.Key}: {string.Join(" and ", group.Select(p => $"the {p.Page.Kind} page '{p.Page.Title}'"))}",
                "rename the charter folder (content/NAME/) whose name is taken by a page of the site");
        }
        return ok;
    }
}
