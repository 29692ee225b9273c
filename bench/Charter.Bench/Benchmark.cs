using System.Diagnostics;
using System.Globalization;
using System.IO.Compression;
using System.Runtime.InteropServices;
using System.Text.RegularExpressions;

namespace Charter.Bench;

/// <summary>
/// `run`: builds the real site and generated corpora with our Release build and with Hugo, each as a whole,
/// cold process (what an editor waits for), alternating the two tools, and prints medians, peak memory and
/// our time per stage as Markdown tables, ready to paste into bench/README.md.
/// </summary>
public static partial class Benchmark
{
    private sealed record Corpus(string Name, int Charters, string Site, string? Hugo);

    /// <summary>One build: wall time, CPU time (user + system, NaN when unknown), peak resident set, our stages.</summary>
    private sealed record Sample(double WallMs, double CpuMs, long PeakKb, IReadOnlyList<(string Stage, double Ms)> Stages);

    private sealed record Result(Corpus Corpus, List<Sample> Ours, List<Sample> Hugo, int OursPages, int? HugoPages, string OursOutput,
        IReadOnlyList<(string Stage, double Ms)> Warm);

    [GeneratedRegex(@"Stages:\s*(?<list>.*)")]
    private static partial Regex StagesLine();

    [GeneratedRegex(@"(?<stage>[A-Za-z-]+)\s+(?<ms>\d+(?:\.\d+)?)\s*ms")]
    private static partial Regex StageItem();

    private static readonly CultureInfo Inv = CultureInfo.InvariantCulture;

    public static int Run(Options options, TextWriter stdout, TextWriter stderr)
    {
        var sizes = options.Ints("--sizes") ?? [1, 10, 100];
        var runs = options.Int("--runs") ?? 5;
        if (runs < 1) throw new UsageException("--runs must be at least 1");
        var repo = Repository.FindRoot();
        var work = Path.GetFullPath(options.Value("--work") ?? Path.Combine(repo, "bench", "out"));
        Directory.CreateDirectory(work);

        var cli = Path.Combine(work, "cli");
        if (!options.Flag("--no-build"))
        {
            stderr.WriteLine("bench: publishing src/Charter.Cli (Release) …");
            var publish = Exec("dotnet", ["publish", Path.Combine(repo, "src", "Charter.Cli", "Charter.Cli.csproj"), "-c", "Release", "-o", cli, "--nologo", "-v", "q"], repo);
            if (publish.ExitCode != 0)
            {
                stderr.WriteLine(publish.Output);
                stderr.WriteLine("bench: could not publish the CLI");
                return 1;
            }
        }
        var charterDll = Path.Combine(cli, "charter.dll");
        if (!File.Exists(charterDll))
        {
            stderr.WriteLine($"bench: {charterDll} is missing (run without --no-build)");
            return 1;
        }

        var hugo = FindOnPath("hugo");
        if (hugo is null) stderr.WriteLine("bench: hugo is not installed; measuring our build alone (apt-get install hugo to compare)");
        var time = File.Exists("/usr/bin/time") ? "/usr/bin/time" : null;

        // The corpora: the real site as it is, then generated ones (deterministic, so regenerated every time).
        var corpora = new List<Corpus>();
        var realHugo = Path.Combine(work, "real", "hugo");
        corpora.Add(new Corpus("real site", 1, repo, hugo is not null && Corpora.WriteHugo(repo, repo, realHugo, stderr) ? realHugo : null));
        foreach (var n in sizes)
        {
            stderr.WriteLine($"bench: generating {n} charter(s) …");
            var dir = Path.Combine(work, $"corpus-{n}");
            if (!Corpora.Generate(repo, n, dir, stderr)) return 1;
            corpora.Add(new Corpus($"{n} charter{(n == 1 ? "" : "s")}", n, Path.Combine(dir, "site"), hugo is null ? null : Path.Combine(dir, "hugo")));
        }

        var loadBefore = LoadAverage();
        var results = new List<Result>();
        foreach (var corpus in corpora)
        {
            stderr.WriteLine($"bench: {corpus.Name}: {runs} run(s) each …");
            var outDir = Path.Combine(work, "public", Slug(corpus.Name));
            var oursOut = Path.Combine(outDir, "ours");
            var hugoOut = Path.Combine(outDir, "hugo");
            Sample Ours() => Measure(time, "dotnet", [charterDll, "build", "--source", corpus.Site, "--output", oursOut], oursOut, corpus.Site, stderr);
            Sample Hugo() => Measure(time, hugo!, ["--source", corpus.Hugo!, "--destination", hugoOut, "--quiet"], hugoOut, corpus.Hugo!, stderr);

            // One untimed build each, so that both find the files in the page cache; then alternate, swapping who goes first.
            Ours();
            if (corpus.Hugo is not null) Hugo();
            var ours = new List<Sample>();
            var theirs = new List<Sample>();
            for (int r = 0; r < runs; r++)
            {
                if (corpus.Hugo is not null && r % 2 == 1) theirs.Add(Hugo());
                ours.Add(Ours());
                if (corpus.Hugo is not null && r % 2 == 0) theirs.Add(Hugo());
            }
            results.Add(new Result(corpus, ours, theirs, CountHtml(oursOut), corpus.Hugo is null ? null : CountHtml(hugoOut), oursOut,
                WarmStages(corpus.Site, Path.Combine(outDir, "warm"), runs, stderr)));
        }

        Print(results, runs, repo, hugo, $"{loadBefore} before, {LoadAverage()} after", stdout);
        return 0;
    }

    // ------------------------------------------------------------------ measuring

    private static Sample Measure(string? time, string file, IReadOnlyList<string> args, string output, string workingDir, TextWriter stderr)
    {
        if (Directory.Exists(output)) Directory.Delete(output, recursive: true);
        var peakFile = Path.GetTempFileName();
        try
        {
            // /usr/bin/time reports the child's peak resident set (ru_maxrss) after it exits; without it, sample the live process.
            var (exe, argv) = time is null ? (file, args) : (time, (IReadOnlyList<string>)["-f", "%M %U %S", "-o", peakFile, file, .. args]);
            var psi = new ProcessStartInfo(exe) { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = workingDir };
            foreach (var a in argv) psi.ArgumentList.Add(a);
            var clock = Stopwatch.StartNew();
            using var process = Process.Start(psi)!;
            var stdoutTask = process.StandardOutput.ReadToEndAsync();
            var stderrTask = process.StandardError.ReadToEndAsync();
            long polled = 0;
            while (!process.WaitForExit(time is null ? 5 : 1000))
                if (time is null) try { process.Refresh(); polled = Math.Max(polled, process.PeakWorkingSet64 / 1024); } catch (InvalidOperationException) { }
            clock.Stop();
            var stdoutText = stdoutTask.Result;
            if (process.ExitCode != 0)
            {
                stderr.WriteLine(stdoutText);
                stderr.WriteLine(stderrTask.Result);
                throw new InvalidOperationException($"{file} {string.Join(' ', args)} exited with {process.ExitCode}");
            }
            // "%M %U %S": peak KB, user and system seconds (the last line; time prints a note above it if the child failed).
            var report = time is null ? [] : File.ReadAllText(peakFile).Trim().Split('\n')[^1].Split(' ');
            var peak = report.Length == 3 && long.TryParse(report[0], NumberStyles.None, Inv, out var kb) ? kb : polled;
            var cpu = report.Length == 3 && double.TryParse(report[1], NumberStyles.Float, Inv, out var user) && double.TryParse(report[2], NumberStyles.Float, Inv, out var sys)
                ? (user + sys) * 1000 : double.NaN;
            return new Sample(clock.Elapsed.TotalMilliseconds, cpu, peak, ParseStages(stdoutText));
        }
        finally
        {
            File.Delete(peakFile);
        }
    }

    /// <summary>
    /// Our stages in a warm process: the same build run in this process, once to load and JIT the code, then
    /// <paramref name="runs"/> times measured (medians). The difference from the CLI's cold stages is what start-up
    /// costs: JIT, the first template parse, the first Markdig pipeline.
    /// </summary>
    private static List<(string, double)> WarmStages(string site, string output, int runs, TextWriter stderr)
    {
        var options = new Charter.Site.Build.BuildOptions(site, output);
        var samples = new List<Charter.Site.Build.BuildStats>();
        for (int i = 0; i <= runs; i++)
        {
            // Like the timed CLI runs, each build writes a fresh folder rather than replacing one.
            if (Directory.Exists(output)) Directory.Delete(output, recursive: true);
            var result = Charter.Site.Build.SiteBuilder.Build(options);
            if (!result.Success || result.Stats is null)
            {
                stderr.WriteLine($"bench: the in-process build of {site} failed");
                return [];
            }
            if (i > 0) samples.Add(result.Stats);
        }
        if (Directory.Exists(output)) Directory.Delete(output, recursive: true);
        var stages = samples[0].Stages.Select(s => s.Stage).ToList();
        return [.. stages.Select(st => (st, Median(samples.Select(x => x.Stages.First(s => s.Stage == st).Time.TotalMilliseconds)))),
            ("total", Median(samples.Select(x => x.Total.TotalMilliseconds)))];
    }

    /// <summary>Our CLI's summary line "Stages: load 264 ms, validate 32 ms, …".</summary>
    private static List<(string, double)> ParseStages(string stdout) =>
        StagesLine().Match(stdout) is { Success: true } line
            ? StageItem().Matches(line.Groups["list"].Value).Select(m => (m.Groups["stage"].Value, double.Parse(m.Groups["ms"].Value, Inv))).ToList()
            : [];

    private static int CountHtml(string dir) =>
        Directory.Exists(dir) ? Directory.EnumerateFiles(dir, "*.html", SearchOption.AllDirectories).Count() : 0;

    private static (int ExitCode, string Output) Exec(string file, IReadOnlyList<string> args, string? workingDir = null)
    {
        var psi = new ProcessStartInfo(file) { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = workingDir ?? "" };
        foreach (var a in args) psi.ArgumentList.Add(a);
        try
        {
            using var p = Process.Start(psi)!;
            var output = p.StandardOutput.ReadToEndAsync();
            var error = p.StandardError.ReadToEndAsync();
            p.WaitForExit();
            return (p.ExitCode, (output.Result + error.Result).Trim());
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            return (-1, e.Message);
        }
    }

    private static string? FindOnPath(string name) =>
        (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Select(d => Path.Combine(d, name)).FirstOrDefault(File.Exists);

    private static string Slug(string name) => Regex.Replace(name.ToLowerInvariant(), "[^a-z0-9]+", "-").Trim('-');

    // ------------------------------------------------------------------ reporting

    private static double Median(IEnumerable<double> values)
    {
        var sorted = values.Order().ToList();
        if (sorted.Count == 0) return double.NaN;
        return sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[sorted.Count / 2 - 1] + sorted[sorted.Count / 2]) / 2;
    }

    private static string Ratio(double a, double b) => double.IsNaN(a) || double.IsNaN(b) || b == 0 ? "–" : (a / b).ToString("0.00", Inv);

    private static string Ms(double ms) => double.IsNaN(ms) ? "–" : ms.ToString("0", Inv);

    private static string Mb(IEnumerable<Sample> samples) =>
        samples.Any() ? (samples.Max(s => s.PeakKb) / 1024.0).ToString("0", Inv) : "–";

    private static void Print(List<Result> results, int runs, string repo, string? hugo, string load, TextWriter o)
    {
        var dotnet = Exec("dotnet", ["--version"]).Output;
        var hugoVersion = hugo is null ? "not installed" : Exec(hugo, ["version"]).Output;
        var commit = Exec("git", ["-C", repo, "rev-parse", "--short", "HEAD"]).Output;
        o.WriteLine($"Date: {DateTime.UtcNow.ToString("yyyy-MM-dd HH:mm", Inv)} UTC · commit {commit}");
        o.WriteLine($"Machine: {Environment.ProcessorCount} cores, {MemTotal()} RAM, {RuntimeInformation.OSDescription}");
        o.WriteLine($"dotnet {dotnet} · {hugoVersion}");
        // Other work on the machine slows both tools; alternating runs keeps the comparison fair, not the absolute figures.
        o.WriteLine($"Load average (1, 5, 15 min): {load}");
        o.WriteLine($"Whole-process cold builds, median of {runs} run(s) each after one untimed warm-up; CPU = user + system time of the process;");
        o.WriteLine("peak = max resident set over the runs. On a busy machine, CPU time is the steadier comparison; wall time is what an editor waits.");
        o.WriteLine();
        o.WriteLine("| corpus | pages (ours) | pages (Hugo) | ours (ms) | Hugo (ms) | ours/Hugo | CPU ours (ms) | CPU Hugo (ms) | CPU ours/Hugo | peak MB (ours) | peak MB (Hugo) |");
        o.WriteLine("|---|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|");
        foreach (var r in results)
        {
            var ours = Median(r.Ours.Select(s => s.WallMs));
            var theirs = Median(r.Hugo.Select(s => s.WallMs));
            var oursCpu = Median(r.Ours.Select(s => s.CpuMs).Where(v => !double.IsNaN(v)));
            var theirCpu = Median(r.Hugo.Select(s => s.CpuMs).Where(v => !double.IsNaN(v)));
            o.WriteLine($"| {r.Corpus.Name} | {r.OursPages} | {(r.HugoPages?.ToString(Inv) ?? "–")} | {Ms(ours)} | {Ms(theirs)} | {Ratio(ours, theirs)} | " +
                $"{Ms(oursCpu)} | {Ms(theirCpu)} | {Ratio(oursCpu, theirCpu)} | {Mb(r.Ours)} | {Mb(r.Hugo)} |");
        }

        var stages = results.SelectMany(r => r.Ours).SelectMany(s => s.Stages.Select(x => x.Stage)).Distinct().ToList();
        o.WriteLine();
        o.WriteLine("Our time per stage (median ms, as the CLI reports it; the rest of the wall time is process start-up, JIT and exit):");
        o.WriteLine();
        o.WriteLine("| corpus | " + string.Join(" | ", stages) + " | sum | wall |");
        o.WriteLine("|---|" + string.Concat(stages.Select(_ => "--:|")) + "--:|--:|");
        foreach (var r in results)
        {
            var medians = stages.Select(st => Median(r.Ours.Select(s => s.Stages.Where(x => x.Stage == st).Select(x => x.Ms).DefaultIfEmpty(double.NaN).First())
                .Where(v => !double.IsNaN(v)))).ToList();
            o.WriteLine($"| {r.Corpus.Name} | {string.Join(" | ", medians.Select(Ms))} | {Ms(medians.Where(m => !double.IsNaN(m)).Sum())} | {Ms(Median(r.Ours.Select(s => s.WallMs)))} |");
        }

        o.WriteLine();
        o.WriteLine($"The same stages in a warm process (our build run in-process after one untimed build; median of {runs}, ms): what is left once start-up and JIT are paid:");
        o.WriteLine();
        var warmStages = results.SelectMany(r => r.Warm.Select(x => x.Stage)).Distinct().ToList();
        o.WriteLine("| corpus | " + string.Join(" | ", warmStages) + " |");
        o.WriteLine("|---|" + string.Concat(warmStages.Select(_ => "--:|")));
        foreach (var r in results)
            o.WriteLine($"| {r.Corpus.Name} | " + string.Join(" | ", warmStages.Select(st => Ms(r.Warm.Where(x => x.Stage == st).Select(x => x.Ms).DefaultIfEmpty(double.NaN).First()))) + " |");

        var real = results.FirstOrDefault(r => r.Corpus.Site == repo);
        if (real is null) return;
        o.WriteLine();
        o.WriteLine("Search files of the real site (bytes; gzip at the default level):");
        o.WriteLine();
        o.WriteLine("| language | index.json | gzipped | documents.json | gzipped |");
        o.WriteLine("|---|--:|--:|--:|--:|");
        var languages = Directory.Exists(real.OursOutput)
            ? Directory.EnumerateDirectories(real.OursOutput).Select(d => Path.GetFileName(d)).Where(d => Directory.Exists(Path.Combine(real.OursOutput, d, "search"))).Order(StringComparer.Ordinal).ToList()
            : [];
        foreach (var language in languages)
        {
            var search = Path.Combine(real.OursOutput, language, "search");
            o.WriteLine($"| {language} | {Sizes(Path.Combine(search, "index.json"))} | {Sizes(Path.Combine(search, "documents.json"))} |");
        }
    }

    private static string Sizes(string path)
    {
        if (!File.Exists(path)) return "n/a | n/a";
        var bytes = File.ReadAllBytes(path);
        using var buffer = new MemoryStream();
        using (var gzip = new GZipStream(buffer, CompressionLevel.Optimal, leaveOpen: true)) gzip.Write(bytes);
        return $"{bytes.Length.ToString("N0", Inv)} | {buffer.Length.ToString("N0", Inv)}";
    }

    private static string LoadAverage()
    {
        try { return string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)); }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException) { return "unknown"; }
    }

    private static string MemTotal()
    {
        try
        {
            var line = File.ReadLines("/proc/meminfo").First(l => l.StartsWith("MemTotal:", StringComparison.Ordinal));
            var kb = long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], Inv);
            return $"{kb / 1024.0 / 1024.0:0.0} GiB";
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or InvalidOperationException or FormatException)
        {
            return "unknown";
        }
    }
}
