using System.Collections.Immutable;
using System.Xml.Linq;
using Charter.Cli.New;
using Charter.Tests.Support;

namespace Charter.Tests.Akn;

/// <summary>
/// The sites `charter new` writes export Akoma Ntoso that the OASIS schema accepts, with each kind of their shape
/// written as the element its structure.yml names (not an hcontainer for everything).
/// </summary>
public sealed class StarterAknTests
{
    [Theory]
    [InlineData("declaration", "preamble recital paragraph")]
    [InlineData("articles", "preamble recital chapter article paragraph attachment point")]
    [InlineData("principles", "section article paragraph point")]
    public void Each_shape_exports_valid_akoma_ntoso_with_its_kinds_elements(string shape, string elements)
    {
        using var site = new TempDir();
        var options = new StarterOptions(shape, ["fr", "en"], null, "https://example.org/", "site", 2026);
        foreach (var file in Starter.Files(options, Starter.BuiltInTheme)) site.Write(file.Path, file.Text);
        var result = Builds.InMemory(site.Path);
        result.AssertSucceeded();
        foreach (var language in options.Languages)
        {
            var path = Charter.Site.Export.AknExport.PathFor(language, "site");
            var xml = result.File(path);
            AknSchema.AssertValid(xml, path);
            var names = XDocument.Load(new MemoryStream(xml)).Descendants().Where(e => e.Name.Namespace == AknSchema.Ns)
                .Select(e => e.Name.LocalName).ToHashSet();
            foreach (var element in elements.Split(' ')) Assert.True(names.Contains(element), $"{path} has no <{element}>");
        }
    }
}
