using System.Net;
using System.Text;

namespace Charter.Cli.Tests;

/// <summary>
/// One server (one temporary copy of the site) for the whole collection: starting one costs a full build. Tests that
/// edit the copy put it back as it was before they end.
/// </summary>
public sealed class ServerFixture : IAsyncLifetime
{
    public ServedSite Site { get; private set; } = null!;
    public async Task InitializeAsync() => Site = await ServedSite.StartAsync();
    public async Task DisposeAsync() => await Site.DisposeAsync();
}

[CollectionDefinition(Name)]
public sealed class ServedSiteCollection : ICollectionFixture<ServerFixture>
{
    public const string Name = "served site";
}

/// <summary>Read-only checks: pages, types, 404, and paths that try to leave the site.</summary>
[Collection(ServedSiteCollection.Name)]
public sealed class ServeTests(ServerFixture fixture)
{
    private ServedSite Site => fixture.Site;

    [Theory]
    [InlineData("", "fr")]
    [InlineData("fr/", "fr")]
    [InlineData("en/", "en")]
    [InlineData("fr/2/", "fr")]
    [InlineData("en/lampedusa/vision/", "en")]
    public async Task Pages_are_served_as_html_with_the_live_script(string path, string lang)
    {
        var response = await Site.Http.GetAsync(path);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains($"<html lang=\"{lang}\"", html);
        var script = html.IndexOf("<script src=\"/_charter/live.js\"", StringComparison.Ordinal);
        Assert.True(script > 0 && script < html.LastIndexOf("</body>", StringComparison.Ordinal), "the live script goes before </body>");
    }

    [Fact]
    public async Task Links_point_at_the_served_address_whatever_base_url_says()
    {
        var html = await Site.Http.GetStringAsync("fr/lampedusa/vision/");
        Assert.Contains($"<link rel=\"canonical\" href=\"{Site.Server.Address}fr/lampedusa/vision/\"", html);
        Assert.DoesNotContain("charter.example.org", html);
    }

    [Theory]
    [InlineData("assets/css/charter.css", "text/css")]
    [InlineData("assets/js/site.js", "text/javascript")]
    [InlineData("assets/icon.svg", "image/svg+xml")]
    [InlineData("fr/charter.json", "application/json")]
    [InlineData("fr/lampedusa/cite/p2-3.bib", "application/x-bibtex")]   // citation downloads, made when first asked for
    [InlineData("en/lampedusa/cite/lampedusa.ris", "application/x-research-info-systems")]
    [InlineData("es/lampedusa/cite/p2-3.json", "application/json")]
    [InlineData("sitemap.xml", "application/xml")]
    [InlineData("_charter/live.js", "text/javascript")]
    public async Task Files_have_their_content_type(string path, string type)
    {
        var response = await Site.Http.GetAsync(path);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(type, response.Content.Headers.ContentType?.MediaType);
        Assert.True((await response.Content.ReadAsByteArrayAsync()).Length > 0);
    }

    [Fact]
    public async Task Assets_are_the_theme_files()
    {
        // As the build writes them: the theme's own CSS without its comments, other assets byte for byte.
        var css = Path.Combine(Site.Root, "themes/default/assets/css/charter.css");
        Assert.Equal(Charter.Site.Write.AssetText.Read("assets/css/charter.css", css), await Site.Http.GetByteArrayAsync("assets/css/charter.css"));
        Assert.DoesNotContain("/*", System.Text.Encoding.UTF8.GetString(await Site.Http.GetByteArrayAsync("assets/css/charter.css")));
        var icon = Path.Combine(Site.Root, "themes/default/assets/icon.svg");
        Assert.Equal(File.ReadAllBytes(icon), await Site.Http.GetByteArrayAsync("assets/icon.svg"));
    }

    [Fact]
    public async Task A_missing_page_is_the_sites_404_page_with_status_404()
    {
        var response = await Site.Http.GetAsync("fr/no-such-page/");
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(Site.Server.Site!.Files["404.html"].Content, await response.Content.ReadAsByteArrayAsync());
    }

    [Fact]
    public async Task A_folder_without_its_slash_redirects_to_it()
    {
        var response = await Site.Http.GetAsync("fr/2?x=1");
        Assert.Equal(HttpStatusCode.MovedPermanently, response.StatusCode);
        Assert.Equal("/fr/2/?x=1", response.Headers.Location?.OriginalString);
    }

    [Fact]
    public async Task Only_get_and_head()
    {
        var post = await Site.Http.PostAsync("fr/", new StringContent("x"));
        Assert.Equal(HttpStatusCode.MethodNotAllowed, post.StatusCode);
        var head = await Site.Http.SendAsync(new HttpRequestMessage(HttpMethod.Head, "fr/"));
        Assert.Equal(HttpStatusCode.OK, head.StatusCode);
        Assert.Empty(await head.Content.ReadAsByteArrayAsync());
    }

    [Fact]
    public async Task Another_host_name_is_refused()
    {
        // What a page of another site sees after pointing its own name at 127.0.0.1 (DNS rebinding).
        var (status, _) = await Site.RawGetAsync("/fr/", host: $"evil.example:{Site.Server.Address.Port}");
        Assert.Equal(400, status);
        var (ok, _) = await Site.RawGetAsync("/fr/", host: $"localhost:{Site.Server.Address.Port}");
        Assert.Equal(200, ok);
    }

    [Fact]
    public async Task The_raw_client_reaches_pages()
    {
        // The traversal test below is only worth something if this client can get a 200 at all.
        var (status, body) = await Site.RawGetAsync("/fr/2/");
        Assert.Equal(200, status);
        Assert.Contains("<html lang=\"fr\"", body);
    }

    [Theory]
    [InlineData("/../charter.yml")]
    [InlineData("/../../secret.txt")]
    [InlineData("/fr/../../charter.yml")]
    [InlineData("/assets/../../../secret.txt")]
    [InlineData("/%2e%2e/charter.yml")]
    [InlineData("/%2E%2E/%2E%2E/secret.txt")]
    [InlineData("/.%2e/secret.txt")]
    [InlineData("/..%2fsecret.txt")]
    [InlineData("/..%2Fcharter.yml")]
    [InlineData("/assets%2f..%2f..%2fcharter.yml")]
    [InlineData("/%252e%252e/charter.yml")]
    [InlineData("/%252e%252e%252fsecret.txt")]
    [InlineData("/..\\charter.yml")]
    [InlineData("/..%5ccharter.yml")]
    [InlineData("/%5c..%5c..%5csecret.txt")]
    [InlineData("/%c0%ae%c0%ae/charter.yml")]
    [InlineData("/charter.yml")]
    [InlineData("/content/lampedusa/vision.fr.md")]
    [InlineData("/themes/default/templates/layout.liquid")]
    [InlineData("//etc/passwd")]
    [InlineData("/etc/passwd")]
    [InlineData("/%2fetc%2fpasswd")]
    [InlineData("/C:/Windows/win.ini")]
    [InlineData("/fr/%00/../../charter.yml")]
    public async Task Nothing_outside_the_built_site_is_served(string target)
    {
        var (status, body) = await Site.RawGetAsync(target);
        Assert.True(status is 400 or 404, $"{target} gave {status}");
        Assert.DoesNotContain(ServedSite.SecretMarker, body);
        Assert.DoesNotContain("root:x:0:0", body);
        Assert.DoesNotContain("{% ", body); // no template source
    }

    [Fact]
    public async Task An_absolute_form_target_is_held_to_the_same_rules()
    {
        var (status, body) = await Site.RawGetAsync($"http://127.0.0.1:{Site.Server.Address.Port}/../charter.yml");
        Assert.True(status is 400 or 404, $"gave {status}");
        Assert.DoesNotContain(ServedSite.SecretMarker, body);
    }

    [Fact]
    public async Task A_new_page_connection_is_greeted_with_the_current_build()
    {
        using var events = await Site.EventsAsync();
        var hello = await events.NextAsync("hello", TimeSpan.FromSeconds(5));
        Assert.Equal($"{{\"build\":{Site.Server.Site!.Build}}}", hello);
        var page = Encoding.UTF8.GetString(Site.Server.Site.Files["fr/index.html"].Content);
        Assert.Contains($"data-build=\"{Site.Server.Site.Build}\"", page);
    }
}
