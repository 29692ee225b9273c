using Charter.Cli;
using Charter.Core.Diagnostics;
using Charter.Tests.Support;

namespace Charter.Tests.Schema;

/// <summary><c>charter schema</c> writes SOURCE/schemas/ whole; <c>charter check</c> warns once it no longer matches the structures.</summary>
public class SchemaCommandTests
{
    private static (int Exit, string Out, string Err) Run(params string[] args)
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        var exit = CommandLine.Run(args, stdout, stderr);
        return (exit, stdout.ToString(), stderr.ToString());
    }

    [Fact]
    public void Schema_writes_a_schema_per_kind_of_file_and_check_says_when_one_is_stale()
    {
        using var site = new TempDir(Repo.Fixture("mini"));
        site.Write("schemas/demo/left-over.schema.json", "{}");
        var (exit, stdout, stderr) = Run("schema", "--source", site.Path);
        Assert.True(exit == 0, stderr);
        Assert.Contains("Wrote 10 schemas", stdout);
        Assert.True(File.Exists(site.Full("schemas/demo/principles/unit.schema.json")));
        Assert.True(File.Exists(site.Full("schemas/declaration.schema.json")));
        Assert.False(File.Exists(site.Full("schemas/demo/left-over.schema.json"))); // the folder is replaced whole

        var check = Run("check", "--source", site.Path);
        Assert.True(check.Exit == 0, check.Err);
        Assert.DoesNotContain(Codes.StaleSchema, check.Err);

        site.Replace("content/demo/structure.yml", "fields: { date: date!, concerns: link }", "fields: { date: date!, concerns: link, place: text }");
        check = Run("check", "--source", site.Path);
        Assert.True(check.Exit == 0, check.Err); // a warning: the site itself is fine
        Assert.Contains($"schemas/demo/timeline.schema.json:1:1: warning {Codes.StaleSchema}: this schema is out of date", check.Err);
        Assert.Contains("charter schema", check.Err);
    }

    [Fact]
    public void A_broken_structure_writes_nothing_and_exits_1()
    {
        using var site = new TempDir(Repo.Fixture("mini"));
        site.Replace("content/demo/structure.yml", "kinds: [priority]", "kinds: [priorty]");
        var (exit, _, stderr) = Run("schema", "--source", site.Path);
        Assert.Equal(ExitCodes.ContentErrors, exit);
        Assert.Contains("content/demo/structure.yml:", stderr);
        Assert.Contains("No schemas written", stderr);
        Assert.False(Directory.Exists(site.Full("schemas")));
    }
}
