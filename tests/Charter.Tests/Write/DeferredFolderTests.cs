using Charter.Site.Build;
using Charter.Site.Write;

namespace Charter.Tests.Write;

/// <summary>A folder of data files deferred whole (serve's citation files): which names it holds, and what a build writes from it.</summary>
public class DeferredFolderTests
{
    // Every file the folder was asked to make (xunit makes a new instance of the class for each test).
    private readonly List<(string Key, string Extension)> _asked = [];

    private DeferredFolder Folder(params string[] keys) =>
        new("fr/lampedusa/cite/", keys, [".bib", ".ris", ".json"], (key, extension) =>
        {
            lock (_asked) _asked.Add((key, extension));
            return System.Text.Encoding.UTF8.GetBytes($"{key}{extension}");
        });

    [Theory]
    [InlineData("p2-3.bib", "p2-3", ".bib")]
    [InlineData("lampedusa.json", "lampedusa", ".json")]
    [InlineData("p2-3.ris", "p2-3", ".ris")]
    public void A_name_of_a_key_and_an_extension_is_found(string name, string key, string extension)
    {
        Assert.True(Folder("lampedusa", "p2-3").TryFind(name, out var k, out var e));
        Assert.Equal((key, extension), (k, e));
    }

    [Theory]
    [InlineData("p9.bib")]          // no such key
    [InlineData("p2-3.pdf")]        // no such extension
    [InlineData("p2-3")]            // no extension
    [InlineData(".bib")]            // no key
    [InlineData("")]
    [InlineData("index.html")]
    [InlineData("P2-3.bib")]        // names are matched as written
    public void Other_names_are_not(string name) => Assert.False(Folder("lampedusa", "p2-3").TryFind(name, out _, out _));

    [Fact]
    public void A_key_given_twice_is_one_set_of_files()
    {
        var folder = Folder("lampedusa", "p1", "lampedusa");
        Assert.Equal(6, folder.Count);
        Assert.Equal(["lampedusa.bib", "lampedusa.json", "lampedusa.ris", "p1.bib", "p1.json", "p1.ris"], folder.Names.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void A_build_writes_every_file_in_the_order_of_its_keys_and_extensions()
    {
        var written = new List<OutputFile>();
        new OutputSink(written.Add, null).Data(Folder("lampedusa", "p1"));
        Assert.Equal(["fr/lampedusa/cite/lampedusa.bib", "fr/lampedusa/cite/lampedusa.ris", "fr/lampedusa/cite/lampedusa.json",
            "fr/lampedusa/cite/p1.bib", "fr/lampedusa/cite/p1.ris", "fr/lampedusa/cite/p1.json"], written.Select(f => f.Path));
        Assert.Equal("p1.json"u8.ToArray(), written[^1].Content);
    }

    [Fact]
    public void Serve_gets_the_folder_whole_and_nothing_is_made()
    {
        var files = new List<OutputFile>();
        var folders = new List<DeferredFolder>();
        new OutputSink(files.Add, _ => { }, folders.Add).Data(Folder("lampedusa", "p1"));
        Assert.Empty(files);
        Assert.Single(folders);
        lock (_asked) Assert.Empty(_asked);
    }
}
