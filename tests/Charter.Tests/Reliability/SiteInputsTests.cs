using System.Security.Cryptography;
using Charter.Site.Build;
using Charter.Tests.Support;

namespace Charter.Tests.Reliability;

/// <summary>serve's digests of the site's files: a file is read again unless it is provably the one already read.</summary>
public class SiteInputsTests
{
    private const string Principle = "content/demo/principles/01-dignite.fr.md";

    [Fact]
    public void Only_the_files_written_since_the_last_digest_are_read_again()
    {
        using var site = new TempDir(Repo.Fixture("mini"));
        var first = SiteInputs.Read(site.Path);
        Assert.Equal(first.Files.Count, first.FilesRead);
        // Just written: their change times are within the racy window of the first digest, so they are all read again.
        var second = SiteInputs.Read(site.Path, first);
        Assert.Equal(second.Files.Count, second.FilesRead);
        if (!OperatingSystem.IsLinux()) return; // no stamps elsewhere: every file is read every time, as above

        Thread.Sleep(SiteInputs.RacyWindow + TimeSpan.FromMilliseconds(300));
        var settled = SiteInputs.Read(site.Path);
        var again = SiteInputs.Read(site.Path, settled);
        Assert.Equal(0, again.FilesRead);
        Assert.Equal(settled.Rest, again.Rest);
        Assert.Equal(settled.Folders, again.Folders);

        // The same size, and the modification time set back: the change time still moves, so the file is read again.
        var path = Path.Combine(site.Path, Principle);
        var written = File.GetLastWriteTimeUtc(path);
        var text = File.ReadAllText(path);
        var edited = text.Replace("dignité", "DIGNITÉ");
        Assert.NotEqual(text, edited);
        File.WriteAllText(path, edited);
        File.SetLastWriteTimeUtc(path, written);
        var after = SiteInputs.Read(site.Path, again);
        Assert.Equal(1, after.FilesRead);
        Assert.Equal(SHA256.HashData(File.ReadAllBytes(path)), after.Files[Principle]);
        Assert.NotEqual(again.Folders["demo"], after.Folders["demo"]);
        Assert.Equal(again.Rest, after.Rest);
    }
}
