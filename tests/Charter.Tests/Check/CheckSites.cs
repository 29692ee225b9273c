using System.Text;
using Charter.Core.Diagnostics;
using Charter.Site.Build;
using Charter.Site.Check;
using Charter.Site.Render;
using Charter.Tests.Support;
using Charter.Site.Write;

namespace Charter.Tests.Check;

/// <summary>
/// The sites the checker tests work on, built once per test class and never written: the repository's own
/// site, and a copy of its content in a temporary folder built for a sub-folder address (base path /sub/charter/).
/// Corruptions are made in memory on the built files, so each test costs a check, not a build.
/// </summary>
public sealed class CheckSites : IDisposable
{
    public const string Prefix = "public/";
    public const string SubBaseUrl = "https://example.org/sub/charter/";

    public string RepoRoot => Repo.Root;
    public BuildResult Real { get; }
    public BuildResult Sub { get; }
    private readonly string _temp;

    public CheckSites()
    {
        Real = SiteBuilder.Build(new BuildOptions(RepoRoot, Path.Combine(RepoRoot, "public"), WriteOutput: false));
        _temp = Path.Combine(Path.GetTempPath(), "charter-check-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(_temp);
        TempDir.CopyTree(RepoRoot, _temp, "charter.yml", "content");
        Sub = SiteBuilder.Build(new BuildOptions(_temp, Path.Combine(_temp, "public"), SubBaseUrl, WriteOutput: false));
    }

    public void Dispose() => Directory.Delete(_temp, recursive: true);

    public string TempRoot => _temp;

    public static CheckResult CheckSite(BuildResult build) => SiteChecker.Check(build, Prefix);

    public static string Text(BuildResult build, string path) =>
        Encoding.UTF8.GetString(build.Files.Single(f => f.Path == path).Content);

    /// <summary>The build with one file changed; fails the test if the change changed nothing (the corruption must be real).</summary>
    public static BuildResult With(BuildResult build, string path, Func<string, string> change)
    {
        var before = Text(build, path);
        var after = change(before);
        Assert.NotEqual(before, after);
        return build with { Files = build.Files.Select(f => f.Path == path ? new OutputFile(path, Encoding.UTF8.GetBytes(after)) : f).ToList() };
    }

    /// <summary>Replaces the first occurrence only, so a test knows exactly which tag it broke.</summary>
    public static string ReplaceFirst(string text, string find, string replacement)
    {
        var at = text.IndexOf(find, StringComparison.Ordinal);
        Assert.True(at >= 0, $"the fixture no longer contains: {find}");
        return string.Concat(text.AsSpan(0, at), replacement, text.AsSpan(at + find.Length));
    }

    /// <summary>The 1-based line and column of the '&lt;' of the tag that holds <paramref name="find"/> (its first occurrence).</summary>
    public static (int Line, int Column) TagPosition(string text, string find)
    {
        var at = text.IndexOf(find, StringComparison.Ordinal);
        Assert.True(at >= 0, $"not found: {find}");
        var tag = text.LastIndexOf('<', at);
        var lineStart = text.LastIndexOf('\n', tag) + 1;
        return (text.AsSpan(0, tag).Count('\n') + 1, tag - lineStart + 1);
    }

    public static IReadOnlyList<Diagnostic> Errors(CheckResult result) =>
        result.Diagnostics.Where(d => d.Severity == Severity.Error).ToList();
}
