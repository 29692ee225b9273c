using Charter.Cli.Commands;

namespace Charter.Cli;

public static class ExitCodes
{
    public const int Success = 0;
    public const int ContentErrors = 1;
    public const int Usage = 2;
}

/// <summary>The parsed command line: a command and its options.</summary>
public sealed record CliOptions(string Command, string Source, string Output, string? BaseUrl, int Port, bool NoBrowserReload);

public static class CommandLine
{
    private const string Usage = """
        Usage: charter <command> [options]

        Commands:
          build   build content/ with the theme into the output folder
          check   validate the content and the built site (links, anchors, translations); writes nothing
          serve   serve the site on 127.0.0.1, rebuilding and reloading pages on change

        Options:
          --source DIR     the site root holding charter.yml, content/ and themes/ (default: current folder)
          --output DIR     where to write the site (default: SOURCE/public)
          --base-url URL   the address the site will be published at (overrides charter.yml)
          --port N         serve: the port (default 1313; 0 picks a free one)
        """;

    public static int Run(string[] args, TextWriter stdout, TextWriter stderr)
    {
        if (args.Length == 0 || args[0] is "-h" or "--help" or "help")
        {
            (args.Length == 0 ? stderr : stdout).WriteLine(Usage);
            return args.Length == 0 ? ExitCodes.Usage : ExitCodes.Success;
        }
        var options = Parse(args, stderr);
        if (options is null) return ExitCodes.Usage;
        return options.Command switch
        {
            "build" => BuildCommand.Run(options, stdout, stderr),
            "check" => CheckCommand.Run(options, stdout, stderr),
            "serve" => ServeCommand.Run(options, stdout, stderr),
            _ => throw new InvalidOperationException(),
        };
    }

    private static CliOptions? Parse(string[] args, TextWriter stderr)
    {
        var command = args[0];
        if (command is not ("build" or "check" or "serve"))
            return Fail(stderr, $"unknown command '{command}'");
        string? source = null, output = null, baseUrl = null;
        int port = 1313;
        for (int i = 1; i < args.Length; i++)
        {
            var arg = args[i];
            string? Value()
            {
                if (i + 1 < args.Length && !args[i + 1].StartsWith("--", StringComparison.Ordinal)) return args[++i];
                stderr.WriteLine($"charter: error: option {arg} needs a value");
                return null;
            }
            switch (arg)
            {
                case "--source": source = Value(); if (source is null) return null; break;
                case "--output": output = Value(); if (output is null) return null; break;
                case "--base-url": baseUrl = Value(); if (baseUrl is null) return null; break;
                case "--port":
                    var raw = Value();
                    if (raw is null) return null;
                    if (!int.TryParse(raw, out port) || port is < 0 or > 65535) return Fail(stderr, $"--port '{raw}' is not a port number");
                    break;
                default: return Fail(stderr, $"unknown option '{arg}'");
            }
        }
        source = Path.GetFullPath(source ?? Directory.GetCurrentDirectory());
        if (!Directory.Exists(source)) return Fail(stderr, $"--source '{source}' is not a folder");
        if (baseUrl is not null && (!Uri.TryCreate(baseUrl, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https")))
            return Fail(stderr, $"--base-url '{baseUrl}' is not an absolute http(s) URL");
        output = Path.GetFullPath(output ?? Path.Combine(source, "public"));
        // A build replaces its output whole: refused before anything is read, so a wrong --output touches nothing.
        if (command == "build" && Charter.Site.Write.OutputLocation.Problem(source, output) is { } misplaced)
            return Fail(stderr, $"{misplaced}; {Charter.Site.Write.OutputLocation.Hint}");
        return new CliOptions(command, source, output, baseUrl, port, false);
    }

    private static CliOptions? Fail(TextWriter stderr, string message)
    {
        stderr.WriteLine($"charter: error: {message}");
        stderr.WriteLine("Run 'charter --help' for usage.");
        return null;
    }
}
