using System.Diagnostics;
using System.Globalization;

namespace Charter.Core.Load;

/// <summary>
/// When the site's content last changed, for "last updated" on the pages and dateModified in the exports — from the
/// sources, never the clock, so that two builds of the same content are the same bytes: SOURCE_DATE_EPOCH when it is
/// set (the reproducible-builds convention), else the date of the last commit that touched what content/ publishes when
/// the site is in a git repository, else nothing (the pages then say nothing of it). What it publishes: the files of
/// its languages (NAME.{lang}.md) and its data (*.yml); an edit of content/README.md, GLOSSARY.md or ERRATA.md, which
/// are documentation, does not change a page, so it does not date one.
/// </summary>
public static class ContentDate
{
    public static DateOnly? Of(string siteRoot, IEnumerable<string> languages)
    {
        if (Environment.GetEnvironmentVariable("SOURCE_DATE_EPOCH") is { Length: > 0 } epoch)
            return long.TryParse(epoch, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds)
                ? DateOnly.FromDateTime(DateTimeOffset.FromUnixTimeSeconds(seconds).UtcDateTime) : null;
        return LastCommit(siteRoot, languages);
    }

    private static DateOnly? LastCommit(string siteRoot, IEnumerable<string> languages)
    {
        if (!Directory.Exists(Path.Combine(siteRoot, ContentLoader.ContentFolder))) return null;
        try
        {
            var published = languages.Select(l => $":(glob){ContentLoader.ContentFolder}/**/*.{l}.md").Append($":(glob){ContentLoader.ContentFolder}/**/*.yml");
            var start = new ProcessStartInfo("git", ["-C", siteRoot, "log", "-1", "--format=%cd", "--date=format-local:%Y-%m-%d", "--", .. published])
            {
                RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false,
            };
            start.Environment["TZ"] = "UTC"; // the commit's date as UTC sees it, whatever the machine's zone
            using var git = Process.Start(start);
            if (git is null) return null;
            var output = git.StandardOutput.ReadToEndAsync();
            if (!git.WaitForExit(5000))
            {
                git.Kill();
                return null;
            }
            return git.ExitCode == 0 && DateOnly.TryParseExact(output.Result.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date) ? date : null;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return null; // no git on this machine
        }
    }
}
