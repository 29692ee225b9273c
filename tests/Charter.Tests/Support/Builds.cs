using Charter.Core.Diagnostics;
using Charter.Site.Build;

namespace Charter.Tests.Support;

/// <summary>Runs the whole pipeline on a site folder, in memory or into an output folder.</summary>
public static class Builds
{
    /// <summary>Builds without writing: the result holds every output file in memory.</summary>
    public static BuildResult InMemory(string siteRoot, string? baseUrl = null) =>
        SiteBuilder.Build(new BuildOptions(siteRoot, Path.Combine(siteRoot, "public"), baseUrl, WriteOutput: false));

    public static BuildResult To(string siteRoot, string outputDir, string? baseUrl = null) =>
        SiteBuilder.Build(new BuildOptions(siteRoot, outputDir, baseUrl, WriteOutput: true));

    public static IEnumerable<Diagnostic> Errors(this BuildResult result) => result.Diagnostics.Where(d => d.Severity == Severity.Error);
    public static IEnumerable<Diagnostic> Warnings(this BuildResult result) => result.Diagnostics.Where(d => d.Severity == Severity.Warning);

    /// <summary>The build's diagnostics as printed, for assertion messages.</summary>
    public static string Printed(this BuildResult result) =>
        result.Diagnostics.Count == 0 ? "(no diagnostics)" : string.Join("\n", result.Diagnostics);

    public static void AssertSucceeded(this BuildResult result)
    {
        Assert.True(result.Success, "the build failed:\n" + result.Printed());
        Assert.Empty(result.Errors());
    }

    /// <summary>The output file at a site-relative path ("fr/index.html").</summary>
    public static byte[] File(this BuildResult result, string path) =>
        result.Files.FirstOrDefault(f => f.Path == path)?.Content
        ?? throw new Xunit.Sdk.XunitException($"the build has no file {path}; it has {result.Files.Count} files");
}

/// <summary>The fixture site Fixtures/mini built once (in memory) for every test that only reads it.</summary>
public static class MiniSite
{
    private static readonly Lazy<BuildResult> Built = new(() =>
    {
        var result = Builds.InMemory(Repo.Fixture("mini"));
        result.AssertSucceeded();
        return result;
    });

    public static BuildResult Result => Built.Value;
}
