using System.Diagnostics;
using System.IO.Compression;
using System.Text;
using Xunit.Abstractions;

namespace Charter.Search.Tests;

/// <summary>Index sizes of the sample corpus, and a build of about 100 charters' worth of units.</summary>
public class SizeAndSpeedTests(ITestOutputHelper output)
{
    private static int Gzipped(string text)
    {
        using var buffer = new MemoryStream();
        using (var gzip = new GZipStream(buffer, CompressionLevel.SmallestSize, leaveOpen: true))
        {
            gzip.Write(Encoding.UTF8.GetBytes(text));
        }

        return (int)buffer.Length;
    }

    [Theory]
    [InlineData("fr")]
    [InlineData("en")]
    [InlineData("es")]
    public void Sample_index_sizes(string language)
    {
        var docs = Corpora.Lampedusa(language);
        var json = LunrIndex.Serialize(language, docs);
        int raw = Encoding.UTF8.GetByteCount(json), gz = Gzipped(json);
        output.WriteLine($"{language}: {docs.Count} units, index {raw} bytes, {gz} bytes gzipped");
        Assert.InRange(gz, 1, 40_000);
    }

    [Fact]
    public void Building_indexes_for_a_hundred_charters_in_two_languages_is_fast()
    {
        var corpora = new[] { ("fr", Corpora.Large("fr", 100)), ("en", Corpora.Large("en", 100)) };
        LunrIndex.Serialize("fr", Corpora.Lampedusa("fr")); // warm up
        var watch = Stopwatch.StartNew();
        long bytes = 0;
        foreach (var (language, docs) in corpora)
        {
            bytes += LunrIndex.Serialize(language, docs).Length;
        }

        watch.Stop();
        output.WriteLine($"{corpora.Sum(c => c.Item2.Count)} units, {bytes} characters of index, {watch.ElapsedMilliseconds} ms");
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(30), $"took {watch.Elapsed}");
    }
}
