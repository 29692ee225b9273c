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

    /// <summary>A corpus measured: ReadyToRun (Ours), native and Hugo samples; <paramref name="SameOutput"/>: the native build wrote the same files.</summary>
    private sealed record Result(Corpus Corpus, List<Sample> Ours, List<Sample> Native, List<Sample> Hugo, int OursPages, int? NativePages, int? HugoPages,
        string OursOutput, bool? SameOutput, IReadOnlyList<(string Stage, double Ms)> Warm, IReadOnlyList<double> Rebuilds);

    [GeneratedRegex(@"Stages:\s*(?<list>.*)")]
    private static partial Regex StagesLine();

    [GeneratedRegex(@"(?<stage>[A-Za-z-]+)\s+(?<ms>\d+(?:\.\d+)?)\s*ms")]
    private static partial Regex StageItem();

    private static readonly CultureInfo Inv = CultureInfo.InvariantCulture;

    public static int Run(BenchmarkSettings settings, TextWriter stdout, TextWriter stderr)
    {
        var sizes = settings.Sizes;
        var runs = settings.Runs;
        var repo = Repository.FindRoot();
        var work = Path.GetFullPath(settings.Work ?? Path.Combine(repo, "bench", "out"));
        Directory.CreateDirectory(work);

        var cli = Path.Combine(work, "cli");
        var native = Path.Combine(work, "native");
        if (!settings.NoBuild)
        {
            if (!Publish.ReadyToRun(repo, work, cli, stderr)) return 1;
            // The native binary is the build we ship for speed; without its toolchain (a C linker), the run goes on without it.
            if (!Publish.Native(repo, work, native, stderr)) stderr.WriteLine("bench: measuring without the native build");
        }
        var charterDll = Path.Combine(cli, "charter.dll");
        if (!File.Exists(charterDll))
        {
            stderr.WriteLine($"bench: {charterDll} is missing (run without --no-build)");
            return 1;
        }
        var nativeExe = Path.Combine(native, "charter");
        if (!File.Exists(nativeExe)) nativeExe = null;

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
            var nativeOut = Path.Combine(outDir, "native");
            var hugoOut = Path.Combine(outDir, "hugo");
            // Without PDFs: Hugo makes none, and WeasyPrint's few seconds per language would hide everything else.
            Sample Ours() => Measure(time, "dotnet", [charterDll, "build", "--no-pdf", "--source", corpus.Site, "--output", oursOut], oursOut, corpus.Site, stderr);
            Sample Native() => Measure(time, nativeExe!, ["build", "--no-pdf", "--source", corpus.Site, "--output", nativeOut], nativeOut, corpus.Site, stderr);
            Sample Hugo() => Measure(time, hugo!, ["--source", corpus.Hugo!, "--destination", hugoOut, "--quiet"], hugoOut, corpus.Hugo!, stderr);

            var ours = new List<Sample>();
            var mine = new List<Sample>();
            var theirs = new List<Sample>();
            var tools = new List<Action> { () => ours.Add(Ours()) };
            if (nativeExe is not null) tools.Add(() => mine.Add(Native()));
            if (corpus.Hugo is not null) tools.Add(() => theirs.Add(Hugo()));
            // One untimed build each, so that all find the files in the page cache; then round after round, each
            // round starting with the next tool, so that none always goes first.
            Ours();
            if (nativeExe is not null) Native();
            if (corpus.Hugo is not null) Hugo();
            for (int r = 0; r < runs; r++)
                for (int t = 0; t < tools.Count; t++) tools[(r + t) % tools.Count]();
            results.Add(new Result(corpus, ours, mine, theirs, CountHtml(oursOut), nativeExe is null ? null : CountHtml(nativeOut),
                corpus.Hugo is null ? null : CountHtml(hugoOut), oursOut, nativeExe is null ? null : Publish.SameFiles(oursOut, nativeOut),
                WarmStages(corpus.Site, Path.Combine(outDir, "warm"), runs, stderr),
                ServeRebuilds(nativeExe, charterDll, corpus.Site, Path.Combine(outDir, "serve"), Math.Max(2 * runs, 6), stderr)));
        }

        Print(results, runs, repo, hugo, $"{loadBefore} before, {LoadAverage()} after", stdout);
        if (settings.Series.Count > 0 && !PrintSeries(settings.Series, sizes, work, repo, nativeExe, charterDll, time, stdout, stderr)) return 1;
        return 0;
    }

    /// <summary>
    /// Memory as a site grows (issue 20): one build of a corpus of each size by our native CLI (else the ReadyToRun
    /// one), alone and without Hugo, since the largest takes minutes; its pages, time and peak resident set.
    /// </summary>
    private static bool PrintSeries(IReadOnlyList<int> series, IReadOnlyList<int> generated, string work, string repo, string? nativeExe,
        string charterDll, string? time, TextWriter o, TextWriter stderr)
    {
        var rows = new List<string>();
        foreach (var n in series)
        {
            var dir = Path.Combine(work, $"corpus-{n}");
            // The run's own corpora are there already (generation is deterministic); the others are written now.
            if (!generated.Contains(n))
            {
                stderr.WriteLine($"bench: generating {n} charter(s) for the memory series …");
                if (!Corpora.Generate(repo, n, dir, stderr)) return false;
            }
            stderr.WriteLine($"bench: memory series: {n} charter(s) …");
            var site = Path.Combine(dir, "site");
            var output = Path.Combine(work, "public", $"series-{n}");
            string[] build = ["build", "--no-pdf", "--source", site, "--output", output];
            var s = Measure(time, nativeExe ?? "dotnet", nativeExe is null ? [charterDll, .. build] : build, output, site, stderr);
            var pages = CountHtml(output);
            Directory.Delete(output, recursive: true);
            rows.Add($"| {n.ToString("N0", Inv)} | {pages.ToString("N0", Inv)} | {Ms(s.WallMs)} | {Ms(s.CpuMs)} | {(s.PeakKb / 1024).ToString(Inv)} | {(s.PeakKb / (double)pages).ToString("0.0", Inv)} |");
        }
        o.WriteLine();
        o.WriteLine($"Memory as the corpus grows: one build of each size by our {(nativeExe is null ? "ReadyToRun" : "native")} CLI alone (no Hugo, no warm-up; the corpus was just written, so its files are in the page cache):");
        o.WriteLine();
        o.WriteLine("| charters | pages | wall (ms) | CPU (ms) | peak MB | peak kB per page |");
        o.WriteLine("|--:|--:|--:|--:|--:|--:|");
        foreach (var row in rows) o.WriteLine(row);
        return true;
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

    [GeneratedRegex(@"^Rebuilt in (?<ms>\d+) ms")]
    private static partial Regex RebuiltLine();

    /// <summary>
    /// One-file changes under <c>charter serve</c>, as an editor makes them: a copy of the site is served (by the
    /// native CLI when there is one, else the ReadyToRun one, as its own process), then a principle of the main charter is edited <paramref name="edits"/>
    /// times (a word added at the start of its text, then taken away, and so on), each time after the previous
    /// rebuild; the figures are serve's own "Rebuilt in N ms" (from the watcher's signal to the new site in
    /// memory, so without the 50 ms the watcher waits for the editor to finish writing). The first is the first
    /// edit after start-up.
    /// </summary>
    private static List<double> ServeRebuilds(string? nativeExe, string charterDll, string site, string copy, int edits, TextWriter stderr)
    {
        if (Directory.Exists(copy)) Directory.Delete(copy, recursive: true);
        foreach (var part in new[] { "charter.yml", "content", "themes" })
        {
            var from = Path.Combine(site, part);
            if (File.Exists(from)) File.Copy(from, Path.Combine(Directory.CreateDirectory(copy).FullName, part));
            else if (Directory.Exists(from)) Charter.Bench.Corpus.SiteGenerator.CopyDirectory(from, Path.Combine(copy, part));
        }
        var principle = Directory.EnumerateDirectories(Path.Combine(copy, "content"))
            .Where(d => Path.GetFileName(d) != "declarations").Order(StringComparer.Ordinal)
            .Select(d => Path.Combine(d, "principles")).Where(Directory.Exists)
            .SelectMany(d => Directory.EnumerateFiles(d, "*.fr.md").Order(StringComparer.Ordinal)).FirstOrDefault();
        if (principle is null) return [];

        var psi = new ProcessStartInfo(nativeExe ?? "dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = copy };
        foreach (var a in (string[])[.. nativeExe is null ? [charterDll] : (string[])[], "serve", "--source", copy, "--port", "0"]) psi.ArgumentList.Add(a);
        using var process = Process.Start(psi)!;
        var lines = new System.Collections.Concurrent.BlockingCollection<string>();
        process.OutputDataReceived += (_, e) => { if (e.Data is not null) lines.Add(e.Data); };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) stderr.WriteLine("bench: serve: " + e.Data); };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        string? Next(Func<string, bool> wanted)
        {
            while (lines.TryTake(out var line, TimeSpan.FromSeconds(120)))
                if (wanted(line)) return line;
            return null;
        }
        var times = new List<double>();
        try
        {
            if (Next(l => l.StartsWith("Built ", StringComparison.Ordinal)) is null) return [];
            var original = File.ReadAllText(principle);
            var end = original.IndexOf("\n---\n", 4, StringComparison.Ordinal) + 5;
            for (int i = 0; i < edits; i++)
            {
                Thread.Sleep(300); // an editor's pace, and past the watcher's quiet period
                File.WriteAllText(principle, i % 2 == 0 ? original.Insert(end, "Aujourd’hui, ") : original);
                var line = Next(l => l.StartsWith("Rebuilt in", StringComparison.Ordinal) || l.StartsWith("Build failed", StringComparison.Ordinal));
                if (line is null || RebuiltLine().Match(line) is not { Success: true } m)
                {
                    stderr.WriteLine($"bench: serve did not rebuild after editing {principle}: {line ?? "no answer"}");
                    return [];
                }
                times.Add(double.Parse(m.Groups["ms"].Value, Inv));
            }
            File.WriteAllText(principle, original);
            return times;
        }
        finally
        {
            try { process.Kill(entireProcessTree: true); process.WaitForExit(); } catch (InvalidOperationException) { }
        }
    }

    /// <summary>Our CLI's summary line "Stages: load 264 ms, validate 32 ms, …".</summary>
    private static List<(string, double)> ParseStages(string stdout) =>
        StagesLine().Match(stdout) is { Success: true } line
            ? StageItem().Matches(line.Groups["list"].Value).Select(m => (m.Groups["stage"].Value, double.Parse(m.Groups["ms"].Value, Inv))).ToList()
            : [];

    private static int CountHtml(string dir) =>
        Directory.Exists(dir) ? Directory.EnumerateFiles(dir, "*.html", SearchOption.AllDirectories).Count() : 0;

    internal static (int ExitCode, string Output) Exec(string file, IReadOnlyList<string> args, string? workingDir = null)
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

    private static string PerSecond(int pages, double ms) => double.IsNaN(ms) || ms <= 0 || pages == 0 ? "–" : (pages / (ms / 1000)).ToString("0", Inv);

    /// <summary>The median of each stage the CLI reported, and the wall time, per corpus.</summary>
    private static void StageTable(string title, List<(string Corpus, List<Sample> Samples)> rows, TextWriter o)
    {
        var stages = rows.SelectMany(r => r.Samples).SelectMany(s => s.Stages.Select(x => x.Stage)).Distinct().ToList();
        o.WriteLine();
        o.WriteLine($"{title} (median ms, as the CLI reports it). Stages overlap: the theme is read during load and parsed during validate and resolve,");
        o.WriteLine("the index is made while render makes the pages and runs their templates (render includes writing each page as it is made; write is the assets and the swap);");
        o.WriteLine("wall is the whole process, start-up and exit included:");
        o.WriteLine();
        o.WriteLine("| corpus | " + string.Join(" | ", stages) + " | wall |");
        o.WriteLine("|---|" + string.Concat(stages.Select(_ => "--:|")) + "--:|");
        foreach (var (corpus, samples) in rows.Where(r => r.Samples.Count > 0))
        {
            var medians = stages.Select(st => Median(samples.Select(s => s.Stages.Where(x => x.Stage == st).Select(x => x.Ms).DefaultIfEmpty(double.NaN).First())
                .Where(v => !double.IsNaN(v)))).ToList();
            o.WriteLine($"| {corpus} | {string.Join(" | ", medians.Select(Ms))} | {Ms(Median(samples.Select(s => s.WallMs)))} |");
        }
    }

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
        o.WriteLine($"Whole-process cold builds, median of {runs} run(s) each after one untimed warm-up, the tools taking turns; R2R = our CLI");
        o.WriteLine("published ReadyToRun (run by dotnet), native = our CLI published with Native AOT; pages/s = HTML pages over the median wall time;");
        o.WriteLine("CPU = user + system time of the process; peak = max resident set over the runs. Same output: the native build wrote the");
        o.WriteLine("same files as the ReadyToRun one, byte for byte. On a busy machine, CPU time is the steadier comparison; wall time is what an editor waits.");
        o.WriteLine();
        o.WriteLine("| corpus | pages (ours) | pages (Hugo) | R2R (ms) | native (ms) | Hugo (ms) | R2R/Hugo | native/Hugo | pages/s R2R | pages/s native | pages/s Hugo | same output |");
        o.WriteLine("|---|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|:-:|");
        foreach (var r in results)
        {
            var (ours, mine, theirs) = (Median(r.Ours.Select(s => s.WallMs)), Median(r.Native.Select(s => s.WallMs)), Median(r.Hugo.Select(s => s.WallMs)));
            var same = r.SameOutput switch { true => "yes", false => "**no**", null => "–" };
            o.WriteLine($"| {r.Corpus.Name} | {r.OursPages} | {(r.HugoPages?.ToString(Inv) ?? "–")} | {Ms(ours)} | {Ms(mine)} | {Ms(theirs)} | {Ratio(ours, theirs)} | {Ratio(mine, theirs)} | " +
                $"{PerSecond(r.OursPages, ours)} | {PerSecond(r.NativePages ?? 0, mine)} | {PerSecond(r.HugoPages ?? 0, theirs)} | {same} |");
        }
        o.WriteLine();
        o.WriteLine("| corpus | CPU R2R (ms) | CPU native (ms) | CPU Hugo (ms) | CPU R2R/Hugo | CPU native/Hugo | peak MB R2R | peak MB native | peak MB Hugo |");
        o.WriteLine("|---|--:|--:|--:|--:|--:|--:|--:|--:|");
        foreach (var r in results)
        {
            double Cpu(List<Sample> samples) => Median(samples.Select(s => s.CpuMs).Where(v => !double.IsNaN(v)));
            var (ours, mine, theirs) = (Cpu(r.Ours), Cpu(r.Native), Cpu(r.Hugo));
            o.WriteLine($"| {r.Corpus.Name} | {Ms(ours)} | {Ms(mine)} | {Ms(theirs)} | {Ratio(ours, theirs)} | {Ratio(mine, theirs)} | {Mb(r.Ours)} | {Mb(r.Native)} | {Mb(r.Hugo)} |");
        }

        StageTable("Our time per stage, ReadyToRun", results.Select(r => (r.Corpus.Name, r.Ours)).ToList(), o);
        if (results.Any(r => r.Native.Count > 0)) StageTable("The same, native", results.Select(r => (r.Corpus.Name, r.Native)).ToList(), o);
        o.WriteLine();
        o.WriteLine($"The same stages in a warm process (our build run in-process, tiered compilation off, after one untimed build; median of {runs}, ms): what is left once start-up and JIT are paid:");
        o.WriteLine();
        var warmStages = results.SelectMany(r => r.Warm.Select(x => x.Stage)).Distinct().ToList();
        o.WriteLine("| corpus | " + string.Join(" | ", warmStages) + " |");
        o.WriteLine("|---|" + string.Concat(warmStages.Select(_ => "--:|")));
        foreach (var r in results)
            o.WriteLine($"| {r.Corpus.Name} | " + string.Join(" | ", warmStages.Select(st => Ms(r.Warm.Where(x => x.Stage == st).Select(x => x.Ms).DefaultIfEmpty(double.NaN).First()))) + " |");

        o.WriteLine();
        o.WriteLine($"One-file changes under `charter serve` ({(results.Any(r => r.Native.Count > 0) ? "native" : "ReadyToRun")}; a principle of the main charter edited again and again; serve's own \"Rebuilt in\" figure, ms):");
        o.WriteLine();
        o.WriteLine("| corpus | edits | first | median | max |");
        o.WriteLine("|---|--:|--:|--:|--:|");
        foreach (var r in results)
            o.WriteLine(r.Rebuilds.Count == 0
                ? $"| {r.Corpus.Name} | 0 | – | – | – |"
                : $"| {r.Corpus.Name} | {r.Rebuilds.Count} | {Ms(r.Rebuilds[0])} | {Ms(Median(r.Rebuilds))} | {Ms(r.Rebuilds.Max())} |");

        var real = results.FirstOrDefault(r => r.Corpus.Site == repo);
        if (real is null) return;
        o.WriteLine();
        o.WriteLine("Search payload of the real site (bytes; gzip at the optimal level; scripts: lunr, the language's stemmer and search.js):");
        o.WriteLine();
        o.WriteLine("| language | index.json | gzipped | documents.json | gzipped | scripts | gzipped | payload gzipped |");
        o.WriteLine("|---|--:|--:|--:|--:|--:|--:|--:|");
        var languages = Directory.Exists(real.OursOutput)
            ? Directory.EnumerateDirectories(real.OursOutput).Select(d => Path.GetFileName(d)).Where(d => Directory.Exists(Path.Combine(real.OursOutput, d, "search"))).Order(StringComparer.Ordinal).ToList()
            : [];
        foreach (var language in languages)
        {
            var search = Path.Combine(real.OursOutput, language, "search");
            var files = new[] { Path.Combine(search, "index.json"), Path.Combine(search, "documents.json") };
            var scripts = SearchScripts(real.OursOutput, Path.Combine(search, "index.html")).Where(File.Exists).ToList();
            var scriptsRaw = scripts.Sum(f => new FileInfo(f).Length);
            var scriptsGz = scripts.Sum(f => GzipLength(File.ReadAllBytes(f)));
            var payload = files.Where(File.Exists).Sum(f => GzipLength(File.ReadAllBytes(f))) + scriptsGz;
            o.WriteLine($"| {language} | {Sizes(files[0])} | {Sizes(files[1])} | {scriptsRaw.ToString("N0", Inv)} | {scriptsGz.ToString("N0", Inv)} | {payload.ToString("N0", Inv)} |");
        }
    }

    private static string Sizes(string path)
    {
        if (!File.Exists(path)) return "n/a | n/a";
        var bytes = File.ReadAllBytes(path);
        return $"{bytes.Length.ToString("N0", Inv)} | {GzipLength(bytes).ToString("N0", Inv)}";
    }

    private static long GzipLength(byte[] bytes)
    {
        using var buffer = new MemoryStream();
        using (var gzip = new GZipStream(buffer, CompressionLevel.Optimal, leaveOpen: true)) gzip.Write(bytes);
        return buffer.Length;
    }

    /// <summary>The scripts a search page loads, as files of the output: those it names in data-scripts (lunr and
    /// the language's stemmer) and its own search.js.</summary>
    private static List<string> SearchScripts(string output, string searchPage)
    {
        if (!File.Exists(searchPage)) return [];
        var html = File.ReadAllText(searchPage);
        var named = SearchScriptsAttribute().Match(html).Groups["list"].Value.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var own = ScriptSrc().Matches(html).Select(m => m.Groups["src"].Value).Where(src => src.EndsWith("/search.js", StringComparison.Ordinal));
        return named.Concat(own).Select(src => Path.Combine(output, new Uri(new Uri("http://site/"), src).AbsolutePath.TrimStart('/'))).Distinct().ToList();
    }

    [GeneratedRegex("data-scripts=\"(?<list>[^\"]*)\"")]
    private static partial Regex SearchScriptsAttribute();

    [GeneratedRegex("<script src=\"(?<src>[^\"]+)\"")]
    private static partial Regex ScriptSrc();

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
