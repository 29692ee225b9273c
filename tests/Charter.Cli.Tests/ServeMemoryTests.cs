using Charter.Cli.Serve;

namespace Charter.Cli.Tests;

/// <summary>serve runs for hours: what it keeps between builds must not grow with the number of edits.</summary>
public sealed class ServeMemoryTests
{
    [Fact]
    public async Task Memory_stays_flat_over_hundreds_of_one_file_edits()
    {
        await using var site = await ServedSite.StartAsync();
        var file = "content/lampedusa/principles/02-equite.fr.md";
        var original = site.Read(file);
        long Measure()
        {
            GC.Collect(2, GCCollectionMode.Forced, blocking: true, compacting: true);
            GC.WaitForPendingFinalizers();
            GC.Collect(2, GCCollectionMode.Forced, blocking: true, compacting: true);
            return GC.GetTotalMemory(forceFullCollection: true);
        }
        var samples = new List<long>();
        for (int i = 1; i <= 200; i++)
        {
            var before = site.Server.Site!.Build;
            site.Write(file, original.Replace("Renforcer et étendre", $"Renforcer et étendre ({i})"));
            var deadline = DateTime.UtcNow.AddSeconds(20);
            while (site.Server.Site!.Build == before && DateTime.UtcNow < deadline) await Task.Delay(5);
            Assert.True(site.Server.Site!.Build > before, $"edit {i} was not rebuilt:\n{site.Stderr}");
            if (i % 50 == 0) samples.Add(Measure());
        }
        var text = string.Join(", ", samples.Select(s => $"{s / 1e6:0.0} MB"));
        Console.WriteLine("managed heap every 50 edits: " + text);
        Assert.True(samples[^1] < samples[0] * 1.25 + 10e6, "the heap grows with edits: " + text);
    }
}
