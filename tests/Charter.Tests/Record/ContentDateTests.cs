using System.Diagnostics;
using Charter.Core.Load;
using Charter.Tests.Support;

namespace Charter.Tests.Record;

/// <summary>The content's date, in a git repository: the last commit of what content/ publishes, not of its documentation.</summary>
[Collection(ProcessEnvironment.Name)]
public sealed class ContentDateTests
{
    private static void Git(string dir, string date, params string[] args)
    {
        var start = new ProcessStartInfo("git", ["-C", dir, "-c", "user.name=t", "-c", "user.email=t@example.org", "-c", "commit.gpgsign=false", .. args])
        {
            RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false,
        };
        start.Environment["GIT_AUTHOR_DATE"] = start.Environment["GIT_COMMITTER_DATE"] = date + "T12:00:00Z";
        using var git = Process.Start(start)!;
        var error = git.StandardError.ReadToEnd();
        git.WaitForExit();
        Assert.True(git.ExitCode == 0, $"git {string.Join(' ', args)}: {error}");
    }

    [Fact]
    public void Editing_content_documentation_does_not_move_the_date_and_editing_a_text_or_its_data_does()
    {
        using var site = new TempDir(Repo.Fixture("mini"));
        site.Write("content/README.md", "# Notes for editors\n");
        Git(site.Path, "2024-03-05", "init", "-q");
        Git(site.Path, "2024-03-05", "add", "-A");
        Git(site.Path, "2024-03-05", "commit", "-q", "-m", "content");
        string[] languages = ["fr", "en"];
        Assert.Equal(new DateOnly(2024, 3, 5), ContentDate.Of(site.Path, languages));

        site.Write("content/README.md", "# Notes for editors, reworded\n");
        Git(site.Path, "2024-06-01", "commit", "-q", "-am", "documentation");
        Assert.Equal(new DateOnly(2024, 3, 5), ContentDate.Of(site.Path, languages));

        site.Replace("content/demo/structure.yml", "kinds:", "# a comment\nkinds:");
        Git(site.Path, "2024-07-02", "commit", "-q", "-am", "data");
        Assert.Equal(new DateOnly(2024, 7, 2), ContentDate.Of(site.Path, languages));

        site.Replace("content/demo/ambition.en.md", "title: Ambition\n", "title: Ambition (edited)\n");
        Git(site.Path, "2024-08-09", "commit", "-q", "-am", "text");
        Assert.Equal(new DateOnly(2024, 8, 9), ContentDate.Of(site.Path, languages));
    }
}
