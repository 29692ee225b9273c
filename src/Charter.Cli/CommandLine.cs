using System.CommandLine;
using System.CommandLine.Invocation;
using System.CommandLine.Parsing;
using System.Reflection;
using Charter.Cli.Commands;

namespace Charter.Cli;

public static class ExitCodes
{
    public const int Success = 0;
    public const int ContentErrors = 1;
    public const int Usage = 2;
}

/// <summary>
/// The command line of <c>charter</c>, on System.CommandLine: the root is built from <see cref="Commands"/>, each
/// command describing its own options and action. A usage error — unknown command or option, missing or bad value,
/// anything a command's validators refuse — prints <c>charter: error: …</c> and the command's help on stderr and
/// exits 2; <c>--help</c> prints the help on stdout and exits 0. Nothing is written to the console directly: the
/// writers given to <see cref="Run"/> receive everything, so tests run the command line in-process.
/// </summary>
public static class CommandLine
{
    /// <summary>
    /// The commands of charter, in the order the help lists them. To add one (say <c>status</c>): write
    /// Commands/StatusCommand.cs, a class implementing <see cref="ICharterCommand"/> whose Describe() returns a new
    /// System.CommandLine <c>Command("status", "one line for the help")</c> with its options — call
    /// <see cref="SiteOptions.AddTo"/> for --source, --output and --base-url rather than defining them again; add
    /// validators for anything else that is a usage error — and an action that returns an <see cref="ExitCodes"/>
    /// value, writing to <c>parse.InvocationConfiguration.Output</c>/<c>.Error</c>; then add <c>new StatusCommand()</c>
    /// to this list. Help, --help, usage errors and exit code 2 come with it; add its --help to CommandLineTests.
    /// </summary>
    private static ICharterCommand[] Commands() =>
    [
        new BuildCommand(),
        new CheckCommand(),
        new ServeCommand(),
        new StatusCommand(),
        new MarkCommand(),
        new SchemaCommand(),
        new NewCommand(),
    ];

    // `@file` is a path, not a response file to expand.
    private static readonly ParserConfiguration Parsing = new() { ResponseFileTokenReplacer = null };

    public static int Run(string[] args, TextWriter stdout, TextWriter stderr)
    {
        var root = Root();
        if (args.Length == 0)
        {
            WriteHelp(root, [], stderr);
            return ExitCodes.Usage;
        }
        var parse = root.Parse(args, Parsing);
        if ((ForgottenValue(parse) ?? (parse.Action is ParseErrorAction ? FirstError(parse) : null)) is { } error)
        {
            stderr.WriteLine($"charter: error: {error}");
            WriteHelp(root, CommandPath(parse.CommandResult), stderr);
            return ExitCodes.Usage;
        }
        return parse.Invoke(new InvocationConfiguration
        {
            Output = stdout,
            Error = stderr,
            // An exception is a bug of Charter: it goes up as it is (content problems are diagnostics, never exceptions).
            EnableDefaultExceptionHandler = false,
            // build and serve handle Ctrl+C and SIGTERM themselves (build removes its staging folder first).
            ProcessTerminationTimeout = null,
        });
    }

    private static RootCommand Root()
    {
        var root = new RootCommand("Charter builds, checks and previews a multilingual charter site. Exit codes: 0 success, 1 content errors, 2 usage errors.")
        {
            HelpName = "charter",
        };
        root.Directives.Clear(); // no [suggest] or [diagram]: a first argument in brackets is nothing special
        // The version of Charter itself, not of the process's entry assembly (a test host, in-process).
        root.Options.OfType<VersionOption>().Single().Action = new PrintVersion();
        foreach (var command in Commands()) root.Subcommands.Add(command.Describe());
        return root;
    }

    /// <summary>
    /// The parser takes the word after an option as its value even when it looks like an option, so that
    /// <c>build --output --source x</c> would write to a folder named --source: a value starting with "--" is a
    /// forgotten one, as it always was for charter.
    /// </summary>
    private static string? ForgottenValue(ParseResult parse)
    {
        for (SymbolResult? at = parse.CommandResult; at is CommandResult command; at = at.Parent)
            foreach (var option in command.Children.OfType<OptionResult>())
                if (option.Tokens.Any(t => t.Value.StartsWith("--", StringComparison.Ordinal)))
                    return $"option {option.Option.Name} needs a value";
        return null;
    }

    /// <summary>One line, in Charter's words where the parser's are about a token.</summary>
    private static string FirstError(ParseResult parse)
    {
        if (parse.UnmatchedTokens is [var token, ..])
            return token.StartsWith('-') ? $"unknown option '{token}'"
                : parse.CommandResult.Command is RootCommand ? $"unknown command '{token}'"
                : $"unexpected argument '{token}'";
        var error = parse.Errors[0];
        if (error.SymbolResult is OptionResult { Tokens.Count: 0 } missing && missing.Option.Arity.MinimumNumberOfValues > 0)
            return $"option {missing.Option.Name} needs a value";
        var message = error.Message.TrimEnd('.');
        return message.Length > 1 && char.IsUpper(message[0]) && char.IsLower(message[1])
            ? char.ToLowerInvariant(message[0]) + message[1..]
            : message;
    }

    /// <summary>The help of the command at <paramref name="path"/>, exactly as its --help prints it.</summary>
    private static void WriteHelp(RootCommand root, IEnumerable<string> path, TextWriter writer) =>
        root.Parse([.. path, "--help"], Parsing).Invoke(new InvocationConfiguration { Output = writer, Error = writer });

    private static List<string> CommandPath(CommandResult result)
    {
        var path = new List<string>();
        for (SymbolResult? at = result; at is CommandResult { Command: not RootCommand } command; at = at.Parent)
            path.Insert(0, command.Command.Name);
        return path;
    }

    private sealed class PrintVersion : SynchronousCommandLineAction
    {
        public override int Invoke(ParseResult parseResult)
        {
            var assembly = typeof(CommandLine).Assembly;
            var version = assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion
                          ?? assembly.GetName().Version?.ToString() ?? "unknown";
            parseResult.InvocationConfiguration.Output.WriteLine(version);
            return ExitCodes.Success;
        }
    }
}
