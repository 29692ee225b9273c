using System.Collections.Concurrent;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Threading.Channels;
using Microsoft.AspNetCore.Http;

namespace Charter.Cli.Serve;

/// <summary>
/// The open pages, each listening on /_charter/events (Server-Sent Events). Events:
/// <c>hello</c> {build} when a page connects, <c>reload</c> {build} after a build that changed the site or
/// cleared an error, <c>error</c> {summary, diagnostics[]} after a failed build.
/// </summary>
public sealed class LiveReload
{
    private readonly ConcurrentDictionary<Channel<string>, byte> _clients = new();

    public int Clients => _clients.Count;

    public void Publish(string name, ServeEvent data)
    {
        var message = Format(name, data);
        foreach (var client in _clients.Keys) client.Writer.TryWrite(message);
    }

    public static string Format(string name, ServeEvent data) =>
        $"event: {name}\ndata: {JsonSerializer.Serialize(data, ServeEventJson.Default.ServeEvent)}\n\n";

    /// <summary>
    /// Streams events to one page until it goes away or the server stops. <paramref name="greeting"/> gives the
    /// events that describe the current state; it is called after the page is subscribed, so no event falls
    /// between the greeting and the stream.
    /// </summary>
    public async Task StreamAsync(HttpContext context, Func<IEnumerable<string>> greeting, CancellationToken stopping)
    {
        var channel = Channel.CreateUnbounded<string>(new UnboundedChannelOptions { SingleReader = true });
        _clients.TryAdd(channel, 0);
        using var both = CancellationTokenSource.CreateLinkedTokenSource(context.RequestAborted, stopping);
        var token = both.Token;
        try
        {
            var response = context.Response;
            response.ContentType = "text/event-stream; charset=utf-8";
            response.Headers.CacheControl = "no-store";
            // A page that lost the server (restart) tries again after a second rather than the browser's default three.
            var start = new StringBuilder("retry: 1000\n\n");
            foreach (var message in greeting()) start.Append(message);
            await response.WriteAsync(start.ToString(), token);
            await response.Body.FlushAsync(token);
            while (!token.IsCancellationRequested)
            {
                // A comment line every 15 s finds pages that went away without closing the connection.
                using var idle = CancellationTokenSource.CreateLinkedTokenSource(token);
                idle.CancelAfter(TimeSpan.FromSeconds(15));
                string message;
                try { message = await channel.Reader.ReadAsync(idle.Token); }
                catch (OperationCanceledException) when (!token.IsCancellationRequested) { message = ": keep-alive\n\n"; }
                await response.WriteAsync(message, token);
                await response.Body.FlushAsync(token);
            }
        }
        catch (OperationCanceledException) { /* the page closed, or the server is stopping */ }
        catch (IOException) { /* the connection broke */ }
        finally
        {
            _clients.TryRemove(channel, out _);
        }
    }
}

/// <summary>An event's data: {build} for hello and reload, {summary, diagnostics[]} for error (fields left out when null).</summary>
public sealed record ServeEvent(int? Build = null, string? Summary = null, IReadOnlyList<string>? Diagnostics = null);

/// <summary>The events' JSON, generated at compile time (no reflection: the native build trims it away).</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(ServeEvent))]
internal sealed partial class ServeEventJson : JsonSerializerContext;
