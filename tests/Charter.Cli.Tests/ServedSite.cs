using System.Net.Sockets;
using System.Text;
using System.Threading.Channels;
using Charter.Cli.Serve;

namespace Charter.Cli.Tests;

/// <summary>
/// A temporary copy of the repository's site (charter.yml, content/, themes/) served by <see cref="DevServer"/>
/// on a free port. The copy sits in TEMP/site; beside it, TEMP/secret.txt holds a marker that must never be served,
/// and charter.yml carries another one in a comment.
/// </summary>
public sealed class ServedSite : IAsyncDisposable
{
    public const string SecretMarker = "charter-serve-secret-7f3a";
    private readonly string _temp;

    private ServedSite(string temp, DevServer server, CapturedOutput stdout, CapturedOutput stderr)
    {
        _temp = temp;
        Server = server;
        Stdout = stdout;
        Stderr = stderr;
        Http = new HttpClient(new SocketsHttpHandler { AllowAutoRedirect = false }) { BaseAddress = server.Address, Timeout = TimeSpan.FromSeconds(10) };
    }

    public DevServer Server { get; }
    public HttpClient Http { get; }
    public CapturedOutput Stdout { get; }
    public CapturedOutput Stderr { get; }
    public string Root => Path.Combine(_temp, "site");

    public static async Task<ServedSite> StartAsync()
    {
        var temp = Directory.CreateTempSubdirectory("charter-serve-").FullName;
        var root = Path.Combine(temp, "site");
        CopySite(root);
        File.AppendAllText(Path.Combine(root, "charter.yml"), $"\n# {SecretMarker}\n");
        File.WriteAllText(Path.Combine(temp, "secret.txt"), SecretMarker);

        var stdout = new CapturedOutput();
        var stderr = new CapturedOutput();
        var server = await DevServer.StartAsync(new ServeSettings(root, 0, TimeSpan.FromMilliseconds(50)), stdout.Writer, stderr.Writer);
        await server.WaitForFirstBuildAsync(TimeSpan.FromSeconds(30));
        Assert.True(server.Site is not null, $"the first build failed:\n{stderr}");
        return new ServedSite(temp, server, stdout, stderr);
    }

    public string Read(string relative) => File.ReadAllText(Path.Combine(Root, relative));

    /// <summary>Writes a file as an editor would: the whole file at once.</summary>
    public void Write(string relative, string text) => File.WriteAllText(Path.Combine(Root, relative), text);

    /// <summary>
    /// Sends <paramref name="target"/> exactly as given, on a raw connection: HttpClient would normalize dot
    /// segments and escapes before they reach the server, which would defeat the point of the test.
    /// </summary>
    public async Task<(int Status, string Body)> RawGetAsync(string target, string? host = null)
    {
        using var client = new TcpClient();
        await client.ConnectAsync("127.0.0.1", Server.Address.Port);
        await using var stream = client.GetStream();
        var request = $"GET {target} HTTP/1.1\r\nHost: {host ?? $"127.0.0.1:{Server.Address.Port}"}\r\nConnection: close\r\n\r\n";
        await stream.WriteAsync(Encoding.Latin1.GetBytes(request));
        using var reader = new StreamReader(stream, Encoding.UTF8);
        var response = await reader.ReadToEndAsync().WaitAsync(TimeSpan.FromSeconds(10));
        var statusLine = response[..response.IndexOf('\r')];
        var status = int.Parse(statusLine.Split(' ')[1]);
        var bodyAt = response.IndexOf("\r\n\r\n", StringComparison.Ordinal);
        return (status, bodyAt < 0 ? "" : response[(bodyAt + 4)..]);
    }

    /// <summary>Subscribes to /_charter/events as a page does.</summary>
    public async Task<EventStream> EventsAsync()
    {
        var response = await Http.GetAsync("_charter/events", HttpCompletionOption.ResponseHeadersRead);
        response.EnsureSuccessStatusCode();
        Assert.Equal("text/event-stream", response.Content.Headers.ContentType?.MediaType);
        return new EventStream(response, await response.Content.ReadAsStreamAsync());
    }

    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        await Server.DisposeAsync();
        try { Directory.Delete(_temp, recursive: true); }
        catch (IOException) { /* a file still open; the temp folder is cleaned by the system */ }
    }

    /// <summary>Copies the repository's site (charter.yml, content/, themes/) to <paramref name="root"/>.</summary>
    public static void CopySite(string root)
    {
        var repo = RepositoryRoot();
        CopyFolder(Path.Combine(repo, "content"), Path.Combine(root, "content"));
        CopyFolder(Path.Combine(repo, "themes"), Path.Combine(root, "themes"));
        File.Copy(Path.Combine(repo, "charter.yml"), Path.Combine(root, "charter.yml"));
    }

    internal static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "Charter.sln"))) return dir.FullName;
        throw new InvalidOperationException("Charter.sln not found above " + AppContext.BaseDirectory);
    }

    internal static void CopyFolder(string from, string to)
    {
        foreach (var dir in Directory.EnumerateDirectories(from, "*", SearchOption.AllDirectories))
            Directory.CreateDirectory(Path.Combine(to, Path.GetRelativePath(from, dir)));
        Directory.CreateDirectory(to);
        foreach (var file in Directory.EnumerateFiles(from, "*", SearchOption.AllDirectories))
            File.Copy(file, Path.Combine(to, Path.GetRelativePath(from, file)));
    }
}

/// <summary>The events of one /_charter/events connection, parsed as a browser's EventSource would.</summary>
public sealed class EventStream : IDisposable
{
    private readonly HttpResponseMessage _response;
    private readonly Channel<(string Name, string Data)> _events = Channel.CreateUnbounded<(string, string)>();
    private readonly CancellationTokenSource _stop = new();

    public EventStream(HttpResponseMessage response, Stream body)
    {
        _response = response;
        _ = Task.Run(async () =>
        {
            using var reader = new StreamReader(body, Encoding.UTF8);
            string name = "message";
            var data = new StringBuilder();
            try
            {
                while (await reader.ReadLineAsync(_stop.Token) is { } line)
                {
                    if (line.Length == 0)
                    {
                        if (data.Length > 0) _events.Writer.TryWrite((name, data.ToString()));
                        name = "message";
                        data.Clear();
                    }
                    else if (line.StartsWith("event: ", StringComparison.Ordinal)) name = line[7..];
                    else if (line.StartsWith("data: ", StringComparison.Ordinal)) data.Append(data.Length > 0 ? "\n" : "").Append(line[6..]);
                }
            }
            catch (Exception e) when (e is OperationCanceledException or IOException or ObjectDisposedException) { }
            _events.Writer.TryComplete();
        });
    }

    /// <summary>The next event named <paramref name="name"/>, skipping others; fails after <paramref name="timeout"/>.</summary>
    public async Task<string> NextAsync(string name, TimeSpan timeout)
    {
        using var deadline = new CancellationTokenSource(timeout);
        try
        {
            while (true)
            {
                var (eventName, data) = await _events.Reader.ReadAsync(deadline.Token);
                if (eventName == name) return data;
            }
        }
        catch (OperationCanceledException)
        {
            throw new TimeoutException($"no '{name}' event within {timeout.TotalMilliseconds} ms");
        }
    }

    /// <summary>An event named <paramref name="name"/> that has already arrived, if any (does not wait).</summary>
    public bool Arrived(string name)
    {
        while (_events.Reader.TryRead(out var item))
            if (item.Name == name) return true;
        return false;
    }

    public void Dispose()
    {
        _stop.Cancel();
        _response.Dispose();
        _stop.Dispose();
    }
}

/// <summary>
/// What the server writes, read by the test while the server goes on writing from its own threads: the server gets a
/// synchronized writer, and the text is read under that writer's lock (a plain StringWriter read mid-write can throw).
/// </summary>
public sealed class CapturedOutput
{
    private readonly StringWriter _text = new();

    public CapturedOutput() => Writer = TextWriter.Synchronized(_text);

    public TextWriter Writer { get; }

    public override string ToString()
    {
        lock (Writer) return _text.ToString();
    }
}
