using System.Reflection;
using System.Text.RegularExpressions;
using Charter.Cli;
using Charter.Tests.Support;

namespace Charter.Tests.Cli;

/// <summary>The command line in-process: exit codes, diagnostics on stderr in the contract format, no stack traces.</summary>
public partial class CommandLineTests
{
    [GeneratedRegex(@"^(?<path>[^:\s][^:]*):(?<line>\d+):(?<col>\d+): (?<kind>error|warning) (?<code>CH\d{3}): \S.*$")]
    private static partial Regex DiagnosticLine();

    private static (int Exit, string Out, string Err) Run(params string[] args)
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        var exit = CommandLine.Run(args, stdout, stderr);
        return (exit, stdout.ToString(), stderr.ToString());
    }

    private static string[] Lines(string text) => text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    [Fact]
    public void Build_succeeds_with_exit_0_and_prints_a_summary()
    {
        using var work = new TempDir();
        var (exit, stdout, stderr) = Run("build", "--source", Repo.Fixture("mini"), "--output", work.Full("out"));
        Assert.True(exit == 0, stderr);
        Assert.Equal("", stderr);
        Assert.Contains(Lines(stdout), l => l.StartsWith("Pages", StringComparison.Ordinal) && l.Contains("15"));
        Assert.Contains(Lines(stdout), l => l.StartsWith("Translated", StringComparison.Ordinal) && l.Contains("100%"));
        Assert.True(File.Exists(work.Full("out/fr/demo/index.html")));
    }

    [Fact]
    public void Content_errors_exit_1_with_one_diagnostic_per_line_and_no_stack_trace()
    {
        using var work = new TempDir();
        // A previous site (a build replaces only a folder that holds one: see OutputLocation).
        Directory.CreateDirectory(work.Full("out"));
        File.WriteAllText(work.Full("out/index.html"), "<p>previous</p>");
        File.WriteAllText(work.Full("out/sitemap.xml"), "<urlset/>");
        File.WriteAllText(work.Full("out/keep.txt"), "previous site");
        var (exit, stdout, stderr) = Run("build", "--source", Repo.BrokenSite("many-faults"), "--output", work.Full("out"));
        Assert.Equal(ExitCodes.ContentErrors, exit);
        Assert.Equal("", stdout);
        var lines = Lines(stderr);
        Assert.DoesNotContain(lines, l => l.StartsWith("at ", StringComparison.Ordinal) || l.Contains("Exception", StringComparison.Ordinal));
        var diagnostics = lines[..^1];
        Assert.All(diagnostics, l => Assert.Matches(DiagnosticLine(), l));
        Assert.Equal(4, diagnostics.Count(l => l.Contains(": error ", StringComparison.Ordinal)));
        Assert.StartsWith("Build failed: 4 errors", lines[^1]);
        Assert.Equal("previous site", File.ReadAllText(work.Full("out/keep.txt")));
        // Paths are relative to the source folder, with '/' separators, so editors can open them.
        Assert.Contains("content/charte/ambition.fr.md:7:42: error CH011: unknown reference 'nope' in ambition", stderr);
    }

    [Fact]
    public void Usage_errors_exit_2()
    {
        var (exit, _, stderr) = Run("build", "--frobnicate");
        Assert.Equal(ExitCodes.Usage, exit);
        Assert.Contains("unknown option '--frobnicate'", stderr);

        (exit, _, stderr) = Run("build", "--source");
        Assert.Equal(ExitCodes.Usage, exit);
        Assert.Contains("--source needs a value", stderr);

        (exit, _, stderr) = Run("build", "--source", "--output", "x");
        Assert.Equal(ExitCodes.Usage, exit);
        Assert.Contains("--source needs a value", stderr);

        (exit, _, stderr) = Run("publish");
        Assert.Equal(ExitCodes.Usage, exit);
        Assert.Contains("unknown command 'publish'", stderr);

        (exit, _, _) = Run();
        Assert.Equal(ExitCodes.Usage, exit);

        using var work = new TempDir();
        (exit, _, stderr) = Run("build", "--source", work.Full("does-not-exist"));
        Assert.Equal(ExitCodes.Usage, exit);
        Assert.Contains("is not a folder", stderr);

        (exit, _, stderr) = Run("build", "--source", Repo.Fixture("mini"), "--base-url", "not a url");
        Assert.Equal(ExitCodes.Usage, exit);
        Assert.Contains("--base-url 'not a url' is not an absolute http(s) URL", stderr);
        Assert.All(Lines(stderr), l => Assert.DoesNotMatch(@"^\s*at ", l));
    }

    [Fact]
    public void Help_exits_0_on_stdout_and_lists_every_command()
    {
        foreach (var help in new[] { "--help", "-h" })
        {
            var (exit, stdout, stderr) = Run(help);
            Assert.Equal(ExitCodes.Success, exit);
            Assert.Equal("", stderr);
            Assert.Contains("charter [command] [options]", Lines(stdout));
            foreach (var command in new[] { "build", "check", "serve", "new" })
                Assert.Contains(Lines(stdout), l => l.StartsWith(command + " ", StringComparison.Ordinal));
            Assert.Contains(Lines(stdout), l => l.StartsWith("--version", StringComparison.Ordinal));
        }
    }

    [Theory]
    [InlineData("build", "--source,--output,--base-url", "--port")]
    [InlineData("check", "--source,--output,--base-url", "--port")]
    [InlineData("serve", "--source,--port", "--output,--base-url")]
    public void Each_command_has_help_on_stdout_listing_its_options_and_no_others(string command, string listed, string absent)
    {
        foreach (var help in new[] { "--help", "-h" })
        {
            var (exit, stdout, stderr) = Run(command, help);
            Assert.Equal(ExitCodes.Success, exit);
            Assert.Equal("", stderr);
            var lines = Lines(stdout);
            Assert.Contains($"charter {command} [options]", lines);
            foreach (var option in listed.Split(','))
                Assert.Contains(lines, l => l.StartsWith(option + " ", StringComparison.Ordinal));
            foreach (var option in absent.Split(','))
                Assert.DoesNotContain(option, stdout);
        }
    }

    [Fact]
    public void New_has_help_on_stdout_listing_its_argument_its_options_and_its_shapes()
    {
        foreach (var help in new[] { "--help", "-h" })
        {
            var (exit, stdout, stderr) = Run("new", help);
            Assert.Equal(ExitCodes.Success, exit);
            Assert.Equal("", stderr);
            var lines = Lines(stdout);
            Assert.Contains("charter new <DIR> [options]", lines);
            foreach (var option in new[] { "--languages", "--shape", "--title", "--base-url", "--slug" })
                Assert.Contains(lines, l => l.StartsWith(option + " ", StringComparison.Ordinal));
            foreach (var shape in new[] { "declaration (", "articles (", "principles (" }) Assert.Contains(shape, stdout);
            foreach (var option in new[] { "--source", "--output", "--port" }) Assert.DoesNotContain(option, stdout);
        }
    }

    [Fact]
    public void An_option_of_another_command_is_a_usage_error_followed_by_the_help_on_stderr()
    {
        var (exit, stdout, stderr) = Run("build", "--port", "5");
        Assert.Equal(ExitCodes.Usage, exit);
        Assert.Equal("", stdout);
        var lines = Lines(stderr);
        Assert.Equal("charter: error: unknown option '--port'", lines[0]);
        Assert.Single(lines, l => l.StartsWith("charter: error:", StringComparison.Ordinal));
        Assert.Contains("charter build [options]", lines);
        Assert.Contains(lines, l => l.StartsWith("--output <DIR>", StringComparison.Ordinal));

        (exit, stdout, stderr) = Run("serve", "--output", "x");
        Assert.Equal(ExitCodes.Usage, exit);
        Assert.Equal("", stdout);
        Assert.Equal("charter: error: unknown option '--output'", Lines(stderr)[0]);
        Assert.Contains("charter serve [options]", Lines(stderr));
    }

    [Fact]
    public void Charter_alone_prints_the_usage_on_stderr_and_exits_2()
    {
        var (exit, stdout, stderr) = Run();
        Assert.Equal(ExitCodes.Usage, exit);
        Assert.Equal("", stdout);
        Assert.Contains("charter [command] [options]", Lines(stderr));
        Assert.Contains(Lines(stderr), l => l.StartsWith("build ", StringComparison.Ordinal));
    }

    [Fact]
    public void An_unknown_command_exits_2_with_the_list_of_commands_on_stderr()
    {
        var (exit, stdout, stderr) = Run("publish", "--source", ".");
        Assert.Equal(ExitCodes.Usage, exit);
        Assert.Equal("", stdout);
        var lines = Lines(stderr);
        Assert.Equal("charter: error: unknown command 'publish'", lines[0]);
        Assert.Contains("charter [command] [options]", lines);
        Assert.Contains(lines, l => l.StartsWith("serve ", StringComparison.Ordinal));
    }

    [Fact]
    public void A_forgotten_value_is_a_usage_error_even_when_the_next_word_could_be_one()
    {
        using var work = new TempDir();
        // The parser alone would take "--source" as the output folder and build the current folder into it.
        var (exit, stdout, stderr) = Run("build", "--output", "--source", work.Full("site"));
        Assert.Equal(ExitCodes.Usage, exit);
        Assert.Equal("", stdout);
        Assert.Equal("charter: error: option --output needs a value", Lines(stderr)[0]);

        (exit, _, stderr) = Run("serve", "--port", "--source", Repo.Fixture("mini"));
        Assert.Equal(ExitCodes.Usage, exit);
        Assert.Equal("charter: error: option --port needs a value", Lines(stderr)[0]);
    }

    [Theory]
    [InlineData("x")]
    [InlineData("-1")]
    [InlineData("65536")]
    public void A_bad_port_is_a_usage_error(string port)
    {
        var (exit, _, stderr) = Run("serve", "--source", Repo.Fixture("mini"), "--port", port);
        Assert.Equal(ExitCodes.Usage, exit);
        Assert.Equal($"charter: error: --port '{port}' is not a port number", Lines(stderr)[0]);
    }

    [Fact]
    public void Serve_refuses_a_base_url_with_the_reason()
    {
        var (exit, stdout, stderr) = Run("serve", "--source", Repo.Fixture("mini"), "--base-url", "https://example.org/");
        Assert.Equal(ExitCodes.Usage, exit);
        Assert.Equal("", stdout);
        Assert.StartsWith("charter: error: serve builds for its own address", Lines(stderr)[0]);
    }

    [Fact]
    public void Version_prints_the_version_of_charter()
    {
        var (exit, stdout, stderr) = Run("--version");
        Assert.Equal(ExitCodes.Success, exit);
        Assert.Equal("", stderr);
        var expected = typeof(CommandLine).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()!.InformationalVersion;
        Assert.Equal(expected, stdout.Trim());
    }
}
