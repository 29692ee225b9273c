using System.CommandLine;
using System.CommandLine.Invocation;
using System.CommandLine.Parsing;
using System.Globalization;
using Charter.Bench;
using Charter.Bench.Corpus;

// charter-bench: generates benchmark corpora and times our build against Hugo's. See bench/README.md.
var charters = new Option<int>("--charters") { HelpName = "N", Description = "how many synthetic charters", Required = true, CustomParser = r => Cli.Whole(r, min: 1) };
var output = new Option<string>("--output") { HelpName = "DIR", Description = "writes DIR/site (our site root) and DIR/hugo (the same site for Hugo)", Required = true };
var generate = new Command("generate", "writes a site of ours with N synthetic charters and the same site for Hugo") { charters, output };
generate.SetAction(parse => Generate(parse.GetValue(charters), parse.GetRequiredValue(output)));

var sizes = new Option<IReadOnlyList<int>>("--sizes")
{
    HelpName = "N,N,…",
    Description = "the corpus sizes, in charters",
    DefaultValueFactory = _ => [1, 10, 100],
    CustomParser = Cli.Sizes,
};
var runs = new Option<int>("--runs") { HelpName = "N", Description = "timed builds of each corpus by each tool", DefaultValueFactory = _ => 5, CustomParser = r => Cli.Whole(r, min: 1) };
var work = new Option<string>("--work") { HelpName = "DIR", Description = "the working folder (default: bench/out)" };
var noBuild = new Option<bool>("--no-build") { Description = "use the CLI already published in WORK/cli" };
var series = new Option<IReadOnlyList<int>>("--series")
{
    HelpName = "N,N,…",
    Description = "after the run, one build of a corpus of each size by our native CLI alone, for its peak memory as the corpus grows (e.g. 10,100,1000)",
    DefaultValueFactory = _ => [],
    CustomParser = Cli.Sizes,
};
var run = new Command("run", "builds the real site and corpora of each size with our Release build and with Hugo, and prints the figures") { sizes, runs, work, noBuild, series };
run.SetAction(parse => Benchmark.Run(new BenchmarkSettings(parse.GetRequiredValue(sizes), parse.GetValue(runs), parse.GetValue(work), parse.GetValue(noBuild))
    { Series = parse.GetRequiredValue(series) }, Console.Out, Console.Error));

var root = new RootCommand("charter-bench: benchmark corpora, and our build timed against Hugo's (bench/README.md)") { HelpName = "charter-bench" };
root.Directives.Clear();
root.Subcommands.Add(generate);
root.Subcommands.Add(run);

var parsing = new ParserConfiguration { ResponseFileTokenReplacer = null };
var parse = root.Parse(args, parsing);
if (parse.Action is ParseErrorAction)
    return UsageError(args.Length == 0 ? "no command given" : Cli.FirstError(parse), parse.CommandResult);
try
{
    return parse.Invoke(new InvocationConfiguration { EnableDefaultExceptionHandler = false, ProcessTerminationTimeout = null });
}
catch (UsageException e)
{
    return UsageError(e.Message, parse.CommandResult);
}

int Generate(int count, string outputDir)
{
    var repo = Repository.FindRoot();
    if (!Corpora.Generate(repo, count, Path.GetFullPath(outputDir), Console.Error)) return 1;
    Console.WriteLine($"wrote {Path.Combine(outputDir, "site")} and {Path.Combine(outputDir, "hugo")} ({count} charter{(count == 1 ? "" : "s")})");
    return 0;
}

// The message, then the help of the command it is about, on stderr; exit 2.
int UsageError(string message, CommandResult command)
{
    Console.Error.WriteLine($"charter-bench: {message}");
    string[] help = command.Command is RootCommand ? ["--help"] : [command.Command.Name, "--help"];
    root.Parse(help, parsing).Invoke(new InvocationConfiguration { Output = Console.Error });
    return 2;
}

namespace Charter.Bench
{
    public sealed class UsageException(string message) : Exception(message);

    /// <summary>What <c>run</c> was asked: corpus sizes, timed runs, the working folder (null: bench/out), whether to publish the CLI.</summary>
    public sealed record BenchmarkSettings(IReadOnlyList<int> Sizes, int Runs, string? Work, bool NoBuild)
    {
        /// <summary>Corpus sizes built once each by our native CLI alone, for the memory series (none by default).</summary>
        public IReadOnlyList<int> Series { get; init; } = [];
    }

    /// <summary>The values of charter-bench's options, parsed as they always were, and its usage errors in one line.</summary>
    public static class Cli
    {
        public static int Whole(ArgumentResult result, int min)
        {
            var name = ((OptionResult)result.Parent!).Option.Name;
            if (result.Tokens is not [var token]) return 0; // none or several: the parser reports it
            if (!int.TryParse(token.Value, NumberStyles.None, CultureInfo.InvariantCulture, out var n))
                result.AddError($"{name} must be a whole number, not '{token.Value}'");
            else if (n < min)
                result.AddError($"{name} must be at least {min}");
            return n;
        }

        public static IReadOnlyList<int> Sizes(ArgumentResult result)
        {
            if (result.Tokens is not [var token]) return [];
            var sizes = new List<int>();
            foreach (var v in token.Value.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            {
                if (int.TryParse(v, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n > 0) sizes.Add(n);
                else
                {
                    result.AddError($"--sizes takes positive whole numbers separated by commas, not '{v}'");
                    break;
                }
            }
            return sizes;
        }

        public static string FirstError(ParseResult parse)
        {
            if (parse.UnmatchedTokens is [var token, ..])
                return token.StartsWith('-') ? $"unknown option '{token}'"
                    : parse.CommandResult.Command is RootCommand ? $"unknown command '{token}'"
                    : $"unexpected argument '{token}'";
            var error = parse.Errors[0];
            if (error.SymbolResult is OptionResult { Tokens.Count: 0 } missing && missing.Option.Arity.MinimumNumberOfValues > 0)
                return missing.IdentifierToken is null // a required option that is not there at all
                    ? $"{parse.CommandResult.Command.Name} needs {missing.Option.Name} {missing.Option.HelpName}"
                    : $"{missing.Option.Name} needs a value";
            return error.Message;
        }
    }

    /// <summary>Where the repository is: the folder holding Charter.sln, from the current folder or the program's.</summary>
    public static class Repository
    {
        public static string FindRoot()
        {
            foreach (var start in new[] { Directory.GetCurrentDirectory(), AppContext.BaseDirectory })
                for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
                    if (File.Exists(Path.Combine(dir.FullName, "Charter.sln"))) return dir.FullName;
            throw new UsageException("run this from inside the Charter repository (no Charter.sln found above the current folder)");
        }

        public static string Theme(string repo) => Path.Combine(repo, "themes", "default");

        public static string HugoLayouts(string repo) => Path.Combine(repo, "bench", "Charter.Bench", "hugo", "layouts");
    }

    public static class Corpora
    {
        /// <summary>Writes DIR/site with N synthetic charters and DIR/hugo, its Hugo twin.</summary>
        public static bool Generate(string repo, int count, string output, TextWriter errors)
        {
            var generator = SiteGenerator.FromRepository(repo, errors);
            if (generator is null) return false;
            var site = Path.Combine(output, "site");
            generator.Write(site, count, Repository.Theme(repo));
            return WriteHugo(repo, site, Path.Combine(output, "hugo"), errors);
        }

        /// <summary>Writes the Hugo twin of a site root of ours (a generated one, or the repository itself).</summary>
        public static bool WriteHugo(string repo, string site, string hugo, TextWriter errors)
        {
            var writer = HugoSiteWriter.FromSite(site, errors);
            if (writer is null) return false;
            writer.Write(hugo, Repository.HugoLayouts(repo));
            return true;
        }
    }
}
