using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.ResponseCompression;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Logging;

namespace Charter.Browser.Tests;

/// <summary>
/// Serves a folder of static files on 127.0.0.1 at a free port, the way any static host would: index.html
/// for folders, 404.html with status 404 for anything missing, text gzipped (every common static host compresses
/// HTML, CSS, JavaScript, JSON and SVG; fonts are compressed already). Nothing outside the folder is reachable.
/// </summary>
public sealed class SiteServer : IAsyncDisposable
{
    private readonly WebApplication _app;

    public Uri BaseAddress { get; }

    private SiteServer(WebApplication app, Uri baseAddress)
    {
        _app = app;
        BaseAddress = baseAddress;
    }

    public static async Task<SiteServer> StartAsync(string root)
    {
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { ContentRootPath = root, WebRootPath = root });
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(k => k.Listen(IPAddress.Loopback, 0));
        builder.Services.AddResponseCompression(o =>
        {
            o.Providers.Add<GzipCompressionProvider>();
            o.MimeTypes = ResponseCompressionDefaults.MimeTypes.Append("image/svg+xml");
        });
        builder.Services.Configure<GzipCompressionProviderOptions>(o => o.Level = System.IO.Compression.CompressionLevel.Optimal);
        var app = builder.Build();

        app.UseResponseCompression();
        var files = new PhysicalFileProvider(root);
        app.UseFileServer(new FileServerOptions { FileProvider = files, EnableDefaultFiles = true });
        app.Run(async context =>
        {
            context.Response.StatusCode = StatusCodes.Status404NotFound;
            var notFound = files.GetFileInfo("404.html");
            if (notFound.Exists)
            {
                context.Response.ContentType = "text/html; charset=utf-8";
                await context.Response.SendFileAsync(notFound);
            }
        });

        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return new SiteServer(app, new Uri(address.EndsWith('/') ? address : address + "/"));
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
