using System.Text.RegularExpressions;
using Charter.Tests.Support;

namespace Charter.Tests.Architecture;

/// <summary>
/// Data flows one way — Load → Validate → Resolve → Render / Index / Export — and the stages that consume the resolved
/// model do not reach into each other: search and open data are made from the content, not from the pages.
/// </summary>
public class StageDependencyTests
{
    private static IEnumerable<(string File, string Namespace)> Uses(string folder) =>
        Directory.EnumerateFiles(Path.Combine(Repo.Root, "src", folder), "*.cs", SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}") && !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}"))
            .SelectMany(f => Regex.Matches(File.ReadAllText(f), @"^using (Charter\.[\w.]+);", RegexOptions.Multiline)
                .Select(m => (Path.GetRelativePath(Repo.Root, f), m.Groups[1].Value))
                .Concat(Regex.Matches(File.ReadAllText(f), @"\b(Charter\.Site\.\w+)\.\w+").Select(m => (Path.GetRelativePath(Repo.Root, f), m.Groups[1].Value)))
                // A stage named relative to Charter.Core ("Resolve.Permalinks.X") is a use of it too.
                .Concat(Regex.Matches(File.ReadAllText(f), @"(?<![\w.])(Load|Validate|Resolve)\.[A-Z]\w*\.").Select(m => (Path.GetRelativePath(Repo.Root, f), "Charter.Core." + m.Groups[1].Value))));

    [Theory]
    [InlineData("Charter.Site/Index", "Charter.Site.Render")]
    [InlineData("Charter.Site/Index", "Charter.Site.Build")]
    [InlineData("Charter.Site/Render", "Charter.Site.Index")]
    [InlineData("Charter.Site/Render", "Charter.Site.Build")]
    [InlineData("Charter.Site/Render", "Charter.Site.Print")]
    [InlineData("Charter.Site/Text", "Charter.Site.Render")]
    [InlineData("Charter.Core", "Charter.Site")]
    [InlineData("Charter.Core/Load", "Charter.Core.Resolve")]
    [InlineData("Charter.Core/Load", "Charter.Core.Validate")]
    [InlineData("Charter.Core/Validate", "Charter.Core.Resolve")]
    public void A_stage_does_not_depend_on_a_later_or_a_sibling_one(string folder, string forbidden)
    {
        var uses = Uses(folder).ToList();
        Assert.NotEmpty(uses);
        var bad = uses.Where(u => u.Namespace == forbidden || u.Namespace.StartsWith(forbidden + ".", StringComparison.Ordinal)).Distinct().ToList();
        Assert.True(bad.Count == 0, $"{folder} uses {forbidden}: " + string.Join(", ", bad.Select(b => b.File)));
    }
}
