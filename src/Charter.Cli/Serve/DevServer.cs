using System.Diagnostics;
using System.Net;
using System.Reflection;
using System.Threading.Channels;
using Charter.Core.Diagnostics;
using Charter.Site.Build;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace Charter.Cli.Serve;

public sealed record ServeSettings(string Source, int Port, TimeSpan? Debounce = null)
{
    /// <summary>How to make the PDFs, each when first asked for (null: none, and no link to one).</summary>
    public Charter.Site.Print.PdfSettings? Pdf { get; init; }
}

/// <summary>
/// <c>charter serve</c>: builds the site in memory for the address it is served at, serves it on 127.0.0.1,
/// rebuilds when the sources change and tells open pages to reload (or to show the build's errors).
/// A failed build never replaces the last good site.
/// </summary>
public sealed class DevServer : IAsyncDisposable
{
    private const string EventsPath = "/_charter/events";
    private static readonly TimeSpan DefaultDebounce = TimeSpan.FromMilliseconds(50);

    private readonly ServeSettings _settings;
    private readonly TextWriter _stdout;
    private readonly TextWriter _stderr;
    private readonly WebApplication _app;
    private readonly LiveReload _live = new();
    // Keeps from one build to the next what an edit did not touch: theme, parsed files, Markdown, pages (see BuildCache).
    private readonly BuildCache _cache = new();
    private readonly CancellationTokenSource _stopping = new();
    // Capacity one, extra requests dropped: changes that arrive during a build ask for one more build, not many.
    private readonly Channel<bool> _rebuild = Channel.CreateBounded<bool>(new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropWrite });
    private readonly byte[] _liveScript = Resource("live.js");
    private readonly byte[] _waitingPage = Resource("waiting.html");
    private SiteWatcher? _watcher;
    private Task _builds = Task.CompletedTask;

    private volatile SiteSnapshot? _site;
    private volatile BuildFailure? _failure;
    private readonly TaskCompletionSource _firstBuild = new(TaskCreationOptions.RunContinuationsAsynchronously);

    private sealed record BuildFailure(string Summary, IReadOnlyList<string> Diagnostics);

    private DevServer(ServeSettings settings, TextWriter stdout, TextWriter stderr)
    {
        _settings = settings;
        _stdout = TextWriter.Synchronized(stdout);
        _stderr = TextWriter.Synchronized(stderr);
        var builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions());
        builder.WebHost.UseKestrelCore().ConfigureKestrel(kestrel =>
        {
            // The loopback address only: a preview of unpublished text is nobody else's business.
            kestrel.Listen(IPAddress.Loopback, settings.Port);
            kestrel.AddServerHeader = false;
        });
        builder.Services.Configure<Microsoft.Extensions.Hosting.HostOptions>(o => o.ShutdownTimeout = TimeSpan.FromSeconds(2));
        _app = builder.Build();
        _app.Run(HandleAsync);
    }

    /// <summary>The address the site is served at, with a trailing slash (http://127.0.0.1:PORT/).</summary>
    public Uri Address { get; private set; } = null!;

    /// <summary>The last good build, or null while there has been none.</summary>
    public SiteSnapshot? Site => _site;

    /// <summary>
    /// Binds the port, then runs the first build (for the bound address), then starts watching.
    /// Throws <see cref="IOException"/> when the port cannot be had.
    /// </summary>
    public static async Task<DevServer> StartAsync(ServeSettings settings, TextWriter stdout, TextWriter stderr)
    {
        var server = new DevServer(settings, stdout, stderr);
        try
        {
            await server._app.StartAsync();
        }
        catch
        {
            await server._app.DisposeAsync();
            throw;
        }
        var address = server._app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        server.Address = new Uri(address.TrimEnd('/') + "/");
        server._stdout.WriteLine($"Serving {settings.Source} at {server.Address} (Ctrl+C to stop)");
        // Watch before the first build, so that a save during it is not missed.
        server._watcher = new SiteWatcher(settings.Source, settings.Debounce ?? DefaultDebounce, server.Changed);
        server._rebuild.Writer.TryWrite(true);
        server._builds = Task.Run(server.BuildLoopAsync);
        return server;
    }

    /// <summary>Completes when the first build is over (good or bad); throws <see cref="TimeoutException"/> after <paramref name="timeout"/>.</summary>
    public Task WaitForFirstBuildAsync(TimeSpan timeout) => _firstBuild.Task.WaitAsync(timeout);

    /// <summary>A newer edit: the build under way (if any) is for text that no longer exists, so it stops, and one more follows.</summary>
    private void Changed()
    {
        lock (_buildLock) _building?.Cancel();
        _rebuild.Writer.TryWrite(true);
    }

    private readonly Lock _buildLock = new();
    private CancellationTokenSource? _building;
    private DateTime _lastGoodBuild;

    private async Task BuildLoopAsync()
    {
        var token = _stopping.Token;
        try
        {
            while (await _rebuild.Reader.WaitToReadAsync(token))
            {
                _rebuild.Reader.TryRead(out _);
                RunBuild();
            }
        }
        catch (OperationCanceledException) { /* stopping */ }
    }

    private void RunBuild()
    {
        var clock = Stopwatch.StartNew();
        using var cancel = CancellationTokenSource.CreateLinkedTokenSource(_stopping.Token);
        lock (_buildLock) _building = cancel;
        BuildResult result;
        try
        {
            result = SiteBuilder.Build(new BuildOptions(_settings.Source, Path.Combine(_settings.Source, "public"), Address.ToString(), WriteOutput: false,
                DeferDataFiles: true, Cancel: cancel.Token) { Pdf = _settings.Pdf }, _cache);
        }
        catch (Exception e)
        {
            // SiteBuilder turns its own failures into diagnostics; this is the last guard, out-of-memory included, so
            // that the server stays up, says what happened and builds again at the next edit.
            result = new BuildResult(false, [new Diagnostic(Severity.Error, Codes.Internal, SourceLocation.File("charter.yml"),
                $"the build failed: {e.GetType().Name}: {e.Message}", "the last good site is still served; the next edit builds again")], null, []);
        }
        finally
        {
            lock (_buildLock) _building = null;
        }
        if (result.Cancelled)
        {
            // A newer edit stopped it (its build comes next), or the server is stopping: nothing to say.
            _firstBuild.TrySetResult();
            return;
        }
        foreach (var diagnostic in result.Diagnostics) _stderr.WriteLine(diagnostic.ToString());

        if (!result.Success)
        {
            var errors = result.Diagnostics.Count(d => d.Severity == Severity.Error);
            var summary = $"Build failed: {Commands.BuildCommand.Plural(errors, "error")}" + (_site is null
                ? "; nothing to serve until the errors are fixed."
                : $"; the site shown is older than your last edit: it is the last good site, built at {_lastGoodBuild:HH:mm:ss}.");
            _stderr.WriteLine(summary);
            // Errors first in the overlay: they are why the page did not change; warnings follow.
            var failure = new BuildFailure(summary, result.Diagnostics.OrderBy(d => d.Severity == Severity.Error ? 0 : 1).Select(d => d.ToString()).ToList());
            _failure = failure;
            _live.Publish("error", new ServeEvent(Summary: failure.Summary, Diagnostics: failure.Diagnostics));
        }
        else
        {
            var previous = _site;
            var hadFailure = _failure is not null;
            SiteSnapshot candidate;
            try
            {
                candidate = SiteSnapshot.Create((previous?.Build ?? 0) + 1, result);
            }
            catch (IOException e)
            {
                // An asset removed between the build and this read: the next watcher event brings a new build.
                _stderr.WriteLine($"charter: warning: could not read a theme asset ({e.Message}); waiting for the next change");
                _firstBuild.TrySetResult();
                return;
            }
            var changes = candidate.CountChanges(previous);
            _failure = null;
            _lastGoodBuild = DateTime.Now;
            if (changes > 0) _site = candidate;
            var current = _site!;
            var elapsed = clock.ElapsedMilliseconds;
            // Reload when the site changed, and after a failure so the overlay goes; a no-op save reloads nothing.
            if (changes > 0 || hadFailure) _live.Publish("reload", new ServeEvent(current.Build));
            _stdout.WriteLine(previous is null
                ? $"Built {current.Files.Count} files in {elapsed} ms"
                : $"Rebuilt in {elapsed} ms: {Commands.BuildCommand.Plural(changes, "file")} changed");
        }
        _firstBuild.TrySetResult();
    }

    private IEnumerable<string> Greeting()
    {
        yield return LiveReload.Format("hello", new ServeEvent(_site?.Build ?? 0));
        if (_failure is { } failure) yield return LiveReload.Format("error", new ServeEvent(Summary: failure.Summary, Diagnostics: failure.Diagnostics));
    }

    private async Task HandleAsync(HttpContext context)
    {
        var request = context.Request;
        var response = context.Response;
        response.Headers.CacheControl = "no-store";
        response.Headers.XContentTypeOptions = "nosniff";

        // Pages of another site that a DNS trick points at 127.0.0.1 must not read this one.
        if (!IsOwnHost(request.Host))
        {
            await Plain(response, StatusCodes.Status400BadRequest, "unexpected Host header");
            return;
        }
        if (!HttpMethods.IsGet(request.Method) && !HttpMethods.IsHead(request.Method))
        {
            response.Headers.Allow = "GET, HEAD";
            await Plain(response, StatusCodes.Status405MethodNotAllowed, "only GET and HEAD");
            return;
        }

        var path = request.Path.Value ?? "/";
        if (path == EventsPath)
        {
            await _live.StreamAsync(context, Greeting, _stopping.Token);
            return;
        }
        if (path == SiteSnapshot.LiveScriptPath)
        {
            await Send(context, StatusCodes.Status200OK, new SiteFile(_liveScript, SitePath.ContentType(path)));
            return;
        }
        if (!SitePath.TryGetKey(path, out var key))
        {
            await Plain(response, StatusCodes.Status400BadRequest, "bad path");
            return;
        }

        var site = _site;
        if (site is null)
        {
            // No good build yet: a page that waits for one (and shows the errors, if any, through live.js).
            await Send(context, StatusCodes.Status503ServiceUnavailable, new SiteFile(_waitingPage, "text/html; charset=utf-8"));
            return;
        }
        if (site.Files.TryGetValue(key, out var file))
        {
            await Send(context, StatusCodes.Status200OK, file);
            return;
        }
        // A folder address without its slash: send the browser to the slashed one, as a static host would.
        if (!path.EndsWith('/') && site.Files.ContainsKey(key + "/index.html"))
        {
            response.StatusCode = StatusCodes.Status301MovedPermanently;
            response.Headers.Location = "/" + key + "/" + request.QueryString;
            return;
        }
        if (site.Files.TryGetValue("404.html", out var notFound)) await Send(context, StatusCodes.Status404NotFound, notFound);
        else await Plain(response, StatusCodes.Status404NotFound, "not found");
    }

    private bool IsOwnHost(HostString host) =>
        host.Port == Address.Port && host.Host is "127.0.0.1" or "localhost";

    private static async Task Send(HttpContext context, int status, SiteFile file)
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = file.ContentType;
        context.Response.ContentLength = file.Length;
        if (!HttpMethods.IsHead(context.Request.Method)) await file.WriteToAsync(context.Response.Body, context.RequestAborted);
    }

    private static Task Plain(HttpResponse response, int status, string message)
    {
        response.StatusCode = status;
        response.ContentType = "text/plain; charset=utf-8";
        return response.WriteAsync(message + "\n");
    }

    private static byte[] Resource(string name)
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream($"Charter.Cli.Serve.{name}")
            ?? throw new InvalidOperationException($"missing embedded resource {name}");
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    }

    public async ValueTask DisposeAsync()
    {
        if (_stopping.IsCancellationRequested) return;
        // Ends the event streams first: the server waits for open requests before it stops.
        await _stopping.CancelAsync();
        _watcher?.Dispose();
        _rebuild.Writer.TryComplete();
        using var patience = new CancellationTokenSource(TimeSpan.FromMilliseconds(500));
        try { await _app.StopAsync(patience.Token); }
        catch (OperationCanceledException) { /* open connections were cut */ }
        // The build under way was cancelled with _stopping and stops at its next step; Ctrl+C does not wait longer
        // than this for it (it writes nothing, so there is nothing to leave half done).
        await Task.WhenAny(_builds, Task.Delay(TimeSpan.FromMilliseconds(400)));
        await _app.DisposeAsync();
        _stopping.Dispose();
    }
}
