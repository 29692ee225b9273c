using System.Globalization;
using Charter.Bench;
using Charter.Bench.Corpus;

// charter-bench: generates benchmark corpora and times our build against Hugo's. See bench/README.md.
const string Usage = """
    usage:
      charter-bench generate --charters N --output DIR
          writes DIR/site (our site root with N synthetic charters) and DIR/hugo (the same site for Hugo)
      charter-bench run [--sizes 1,10,100] [--runs 5] [--work DIR] [--no-build]
          builds the real site and corpora of each size with our Release build and with Hugo, and prints the figures
    """;

try
{
    return args switch
    {
        ["generate", .. var rest] => Generate(Options.Parse(rest, ["--charters", "--output"])),
        ["run", .. var rest] => Benchmark.Run(Options.Parse(rest, ["--sizes", "--runs", "--work"], ["--no-build"]), Console.Out, Console.Error),
        _ => UsageError(args.Length == 0 ? "no command given" : $"unknown command '{args[0]}'"),
    };
}
catch (UsageException e)
{
    return UsageError(e.Message);
}

int Generate(Options options)
{
    var count = options.Int("--charters") ?? throw new UsageException("generate needs --charters N");
    if (count < 1) throw new UsageException("--charters must be at least 1");
    var output = options.Value("--output") ?? throw new UsageException("generate needs --output DIR");
    var repo = Repository.FindRoot();
    if (!Corpora.Generate(repo, count, Path.GetFullPath(output), Console.Error)) return 1;
    Console.WriteLine($"wrote {Path.Combine(output, "site")} and {Path.Combine(output, "hugo")} ({count} charter{(count == 1 ? "" : "s")})");
    return 0;
}

int UsageError(string message)
{
    Console.Error.WriteLine($"charter-bench: {message}");
    Console.Error.WriteLine(Usage);
    return 2;
}

namespace Charter.Bench
{
    public sealed class UsageException(string message) : Exception(message);

    /// <summary>--name value pairs and --flags; anything else is a usage error.</summary>
    public sealed class Options
    {
        private readonly Dictionary<string, string> _values = [];
        private readonly HashSet<string> _flags = [];

        public static Options Parse(IReadOnlyList<string> args, string[] valued, string[]? flags = null)
        {
            var options = new Options();
            for (int i = 0; i < args.Count; i++)
            {
                if (flags?.Contains(args[i]) == true) options._flags.Add(args[i]);
                else if (valued.Contains(args[i]))
                {
                    if (i + 1 >= args.Count) throw new UsageException($"{args[i]} needs a value");
                    options._values[args[i]] = args[++i];
                }
                else throw new UsageException($"unknown option '{args[i]}'");
            }
            return options;
        }

        public string? Value(string name) => _values.GetValueOrDefault(name);

        public bool Flag(string name) => _flags.Contains(name);

        public int? Int(string name) => Value(name) is not { } v ? null
            : int.TryParse(v, NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n
            : throw new UsageException($"{name} must be a whole number, not '{v}'");

        public IReadOnlyList<int>? Ints(string name) => Value(name)?.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(v => int.TryParse(v, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n > 0 ? n
                : throw new UsageException($"{name} takes positive whole numbers separated by commas, not '{v}'"))
            .ToList();
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
