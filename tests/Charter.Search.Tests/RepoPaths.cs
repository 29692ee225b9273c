namespace Charter.Search.Tests;

/// <summary>Where the repository's files are, found from the test assembly's folder upwards.</summary>
public static class RepoPaths
{
    private static readonly Lazy<string> RootPath = new(() =>
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir != null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Charter.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("Charter.sln not found above " + AppContext.BaseDirectory);
    });

    /// <summary>The repository root (the folder of Charter.sln).</summary>
    public static string Root => RootPath.Value;

    /// <summary>tests/js/node_modules, installed by scripts/ensure-search-deps.sh.</summary>
    public static string NodeModules => Path.Combine(Root, "tests", "js", "node_modules");

    /// <summary>themes/default/assets/vendor: the lunr files the site ships.</summary>
    public static string Vendor => Path.Combine(Root, "themes", "default", "assets", "vendor");

    /// <summary>themes/default/assets/js/search.js.</summary>
    public static string SearchJs => Path.Combine(Root, "themes", "default", "assets", "js", "search.js");

    /// <summary>This test project's folder.</summary>
    public static string TestProject => Path.Combine(Root, "tests", "Charter.Search.Tests");

    /// <summary>
    /// The genuine files the oracles load, in order: lunr, then the lunr-languages scripts of
    /// every language in <see cref="SearchLanguages"/> (lunr.stemmer.support.js, lunr.fr.js, lunr.es.js).
    /// </summary>
    public static IReadOnlyList<string> LunrScripts =>
    [
        Path.Combine(NodeModules, "lunr", SearchLanguages.LunrScript),
        .. SearchLanguages.All.SelectMany(l => l.Scripts).Distinct().Select(s => Path.Combine(NodeModules, "lunr-languages", s)),
    ];

    /// <summary>All that the oracles run, in order.</summary>
    public static IReadOnlyList<string> OracleScripts =>
        [.. LunrScripts, SearchJs, Path.Combine(TestProject, "oracle.js")];
}
