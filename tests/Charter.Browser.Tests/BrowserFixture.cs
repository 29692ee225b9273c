using System.Diagnostics;
using Charter.Site.Build;
using Microsoft.Playwright;

namespace Charter.Browser.Tests;

/// <summary>
/// Shared by every test of the collection: the real site, built once into a temporary folder and served on
/// 127.0.0.1, and one Chromium. Starting Chromium is the slowest step, so tests share the browser and
/// each opens its own context (own cookies, locale, viewport, permissions).
/// </summary>
public sealed class BrowserFixture : IAsyncLifetime
{
    /// <summary>Debian's Chromium, installed by scripts/ensure-chromium.sh (run by this project's build).</summary>
    public const string ChromiumPath = "/usr/bin/chromium";

    private static readonly string[] ChromiumArgs =
    [
        "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-dev-shm-usage",
        "--disable-background-networking", "--disable-component-update", "--disable-sync",
    ];

    private string _output = "";
    private SiteServer? _server;
    private IPlaywright? _playwright;

    public IBrowser Browser { get; private set; } = null!;
    public Uri BaseAddress => _server!.BaseAddress;
    public string OutputDir => _output;
    public string RepositoryRoot { get; } = FindRepositoryRoot();

    public async Task InitializeAsync()
    {
        // Never let Playwright fetch a browser of its own: the tests use the system's Chromium only.
        Environment.SetEnvironmentVariable("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1");
        if (!File.Exists(ChromiumPath))
            throw new InvalidOperationException($"{ChromiumPath} is missing: run scripts/ensure-chromium.sh (the test project's build runs it).");

        _output = Path.Combine(Path.GetTempPath(), "charter-browser-" + Guid.NewGuid().ToString("N")[..12]);
        Directory.CreateDirectory(_output);
        // Serve first, so the build can use the server's address as its base URL: permalinks and
        // citations then point at pages the browser can open.
        _server = await SiteServer.StartAsync(_output);

        var playwright = Task.Run(async () =>
        {
            _playwright = await Playwright.CreateAsync();
            Browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
            {
                ExecutablePath = ChromiumPath, Headless = true, Args = ChromiumArgs,
            });
        });

        var clock = Stopwatch.StartNew();
        var result = SiteBuilder.Build(new BuildOptions(RepositoryRoot, _output, BaseAddress.ToString()));
        if (!result.Success)
            throw new InvalidOperationException("The site did not build:\n" + string.Join('\n', result.Diagnostics));
        BuildTime = clock.Elapsed;
        await playwright;
    }

    public TimeSpan BuildTime { get; private set; }

    public async Task DisposeAsync()
    {
        if (Browser is not null) await Browser.CloseAsync();
        _playwright?.Dispose();
        if (_server is not null) await _server.DisposeAsync();
        try { Directory.Delete(_output, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
    }

    public string Url(string path) => new Uri(BaseAddress, path.TrimStart('/')).ToString();

    /// <summary>A fresh context: its own storage, locale and viewport. Dispose it at the end of the test.</summary>
    public async Task<IBrowserContext> NewContextAsync(int width = 1280, int height = 900, string locale = "fr-FR",
        ReducedMotion reducedMotion = ReducedMotion.NoPreference, IEnumerable<string>? permissions = null)
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions
        {
            ViewportSize = new ViewportSize { Width = width, Height = height },
            Locale = locale,
            ReducedMotion = reducedMotion,
            Permissions = permissions,
            BaseURL = BaseAddress.ToString(),
        });
        context.SetDefaultTimeout(15_000);
        return context;
    }

    private static string FindRepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "Charter.sln")) && File.Exists(Path.Combine(dir.FullName, "charter.yml")))
                return dir.FullName;
        throw new InvalidOperationException("Could not find the repository root (Charter.sln and charter.yml) above " + AppContext.BaseDirectory);
    }
}

[CollectionDefinition(Name)]
public sealed class BrowserCollection : ICollectionFixture<BrowserFixture>
{
    public const string Name = "browser";
}
