using Charter.Core.Load;

namespace Charter.Tests.Load;

/// <summary>The walk's relative paths, cut where they can be, are those Path.GetRelativePath gives.</summary>
public class RelativePathTests
{
    [Theory]
    [InlineData("/work/site", "/work/site/content/demo/principles/01-dignite.fr.md")]
    [InlineData("/work/site", "/work/site/charter.yml")]
    [InlineData("/work/site/", "/work/site/content/a.fr.md")]          // a root given with its slash
    [InlineData(".", "./content/a.fr.md")]
    [InlineData("site", "site/content/a.fr.md")]
    [InlineData("/work/site", "/work/site-b/content/a.fr.md")]         // a sibling that shares the root's name as a prefix
    [InlineData("/work/site", "/work/other/a.fr.md")]
    [InlineData("/", "/content/a.fr.md")]
    public void Each_is_what_Path_GetRelativePath_gives(string root, string full) =>
        Assert.Equal(Path.GetRelativePath(root, full).Replace('\\', '/'), RelativePath.Of(root, full));
}
