namespace Charter.Tests.Support;

/// <summary>Where things are in the repository the tests run from.</summary>
public static class Repo
{
    /// <summary>The repository root: the first folder above the test binaries that holds Charter.sln.</summary>
    public static string Root { get; } = FindRoot();

    public static string TestsDir => Path.Combine(Root, "tests", "Charter.Tests");

    /// <summary>A valid fixture site under tests/Charter.Tests/Fixtures/.</summary>
    public static string Fixture(string name) => Path.Combine(TestsDir, "Fixtures", name);

    /// <summary>A broken site under tests/Charter.Tests/BrokenSites/ (one folder per fault).</summary>
    public static string BrokenSite(string name) => Path.Combine(TestsDir, "BrokenSites", name);

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "Charter.sln"))) return dir.FullName;
        throw new InvalidOperationException($"no Charter.sln above {AppContext.BaseDirectory}");
    }
}
