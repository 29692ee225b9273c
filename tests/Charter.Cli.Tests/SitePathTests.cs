using System.Text;
using Charter.Cli.Serve;

namespace Charter.Cli.Tests;

public sealed class SitePathTests
{
    [Theory]
    [InlineData("/", "index.html")]
    [InlineData("/fr/", "fr/index.html")]
    [InlineData("/fr/2/", "fr/2/index.html")]
    [InlineData("/assets/css/charter.css", "assets/css/charter.css")]
    [InlineData("/fr/2", "fr/2")]
    public void Folder_addresses_map_to_their_index(string path, string key)
    {
        Assert.True(SitePath.TryGetKey(path, out var actual));
        Assert.Equal(key, actual);
    }

    [Theory]
    [InlineData("")]
    [InlineData("fr/")]
    [InlineData("/../charter.yml")]
    [InlineData("/fr/../x")]
    [InlineData("/fr/..")]
    [InlineData("/./fr/")]
    [InlineData("//etc/passwd")]
    [InlineData("/fr//2/")]
    [InlineData("/..\\charter.yml")]
    [InlineData("/fr\\2")]
    [InlineData("/%2e%2e/charter.yml")]
    [InlineData("/a%2Fb")]
    [InlineData("/C:/Windows/win.ini")]
    [InlineData("/fr/\0/")]
    [InlineData("/fr/\n")]
    public void Paths_that_no_built_file_can_have_are_refused(string path)
    {
        Assert.False(SitePath.TryGetKey(path, out _));
    }

    [Theory]
    [InlineData("a.html", "text/html")]
    [InlineData("a.CSS", "text/css")]
    [InlineData("a.js", "text/javascript")]
    [InlineData("a.json", "application/json")]
    [InlineData("a.xml", "application/xml")]
    [InlineData("cite/p2-3.bib", "application/x-bibtex")]
    [InlineData("cite/p2-3.ris", "application/x-research-info-systems")]
    [InlineData("a.svg", "image/svg+xml")]
    [InlineData("a.woff2", "font/woff2")]
    [InlineData("a", "application/octet-stream")]
    [InlineData("a.d/b", "application/octet-stream")]
    [InlineData("a.unknown", "application/octet-stream")]
    [InlineData("fr/lampedusa/lampedusa.akn.xml", "application/akn+xml")]
    [InlineData("a.PDF", "application/pdf")]
    [InlineData("a.jpeg", "image/jpeg")]
    [InlineData("a.mjs", "text/javascript")]
    public void Content_types_follow_the_extension(string key, string type)
    {
        Assert.StartsWith(type, SitePath.ContentType(key));
    }

    [Theory]
    [InlineData("<p>x</p></body></html>", "<p>x</p>TAG</body></html>")]
    [InlineData("<p></body>x</BODY>", "<p></body>xTAG</BODY>")]
    [InlineData("<p>no body", "<p>no bodyTAG")]
    public void The_script_goes_before_the_last_body_end(string html, string expected)
    {
        var result = SiteSnapshot.InjectBeforeBodyEnd(Encoding.UTF8.GetBytes(html), "TAG"u8.ToArray());
        Assert.Equal(expected, Encoding.UTF8.GetString(result));
    }
}
