using System.Text.Json;

namespace Charter.Search.Tests;

/// <summary>The site ships lunr exactly as npm delivers it, at the pinned versions.</summary>
public class VendorFilesTests
{
    [Theory]
    [InlineData("lunr.min.js", "lunr/lunr.min.js")]
    [InlineData("lunr.stemmer.support.js", "lunr-languages/lunr.stemmer.support.js")]
    [InlineData("lunr.fr.js", "lunr-languages/lunr.fr.js")]
    [InlineData("lunr.es.js", "lunr-languages/lunr.es.js")]
    public void Vendor_file_is_byte_identical_to_the_npm_package(string vendorName, string packagePath)
    {
        var shipped = File.ReadAllBytes(Path.Combine(RepoPaths.Vendor, vendorName));
        var genuine = File.ReadAllBytes(Path.Combine(RepoPaths.NodeModules, packagePath));
        Assert.True(shipped.AsSpan().SequenceEqual(genuine), $"{vendorName} differs from node_modules/{packagePath}");
    }

    [Fact]
    public void Every_script_of_every_search_language_is_shipped_as_npm_delivers_it()
    {
        var scripts = SearchLanguages.All.SelectMany(l => l.BrowserScripts).Distinct().ToList();
        Assert.Contains("lunr.es.js", scripts);
        foreach (var script in scripts)
        {
            var package = script == SearchLanguages.LunrScript ? "lunr" : "lunr-languages";
            Vendor_file_is_byte_identical_to_the_npm_package(script, $"{package}/{script}");
        }
    }

    [Theory]
    [InlineData("lunr", "2.3.9")]
    [InlineData("lunr-languages", "1.22.0")]
    public void Packages_are_pinned_and_installed_at_the_expected_version(string name, string version)
    {
        using var manifest = JsonDocument.Parse(File.ReadAllText(Path.Combine(RepoPaths.Root, "tests", "js", "package.json")));
        Assert.Equal(version, manifest.RootElement.GetProperty("dependencies").GetProperty(name).GetString());

        using var installed = JsonDocument.Parse(File.ReadAllText(Path.Combine(RepoPaths.NodeModules, name, "package.json")));
        Assert.Equal(version, installed.RootElement.GetProperty("version").GetString());
    }

    [Fact]
    public void The_index_names_the_lunr_version_the_site_ships()
    {
        var lunr = File.ReadAllText(Path.Combine(RepoPaths.Vendor, "lunr.min.js"));
        Assert.Contains($"e.version=\"{LunrIndex.LunrVersion}\"", lunr);
    }
}
