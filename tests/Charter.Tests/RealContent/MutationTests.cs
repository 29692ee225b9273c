using System.Diagnostics;
using System.Text;
using Charter.Core.Diagnostics;
using Charter.Site.Build;
using Charter.Tests.Support;
using Xunit.Abstractions;

namespace Charter.Tests.RealContent;

/// <summary>
/// Issue 8's mutation test: the real content, corrupted at seeded-random places the way editors and tools corrupt
/// files (a stray byte, a lost line, a wrong indentation, a truncated save). Whatever happens, the build must not
/// crash, must point every error at a real place, and must leave the published site alone when it fails.
/// </summary>
public class MutationTests(ITestOutputHelper output)
{
    private const int Iterations = 60;
    private const int BaseSeed = 20221006; // fixed: a failure names its seed, and the same seed replays it

    private enum Mutation { FlipByte, DeleteBytes, DeleteLine, DuplicateLine, SwapLines, Indentation, Truncate }

    [Fact]
    public void Corrupted_content_never_crashes_the_build_and_never_touches_the_output()
    {
        using var site = TempDir.RealSite();
        using var work = new TempDir();
        var publicDir = work.Full("public");
        var files = Directory.EnumerateFiles(site.Full("content"), "*.md", SearchOption.AllDirectories)
            .Where(f => Path.GetFileName(f).Count(c => c == '.') == 2) // NAME.lang.md: the published files
            .Append(site.Full("charter.yml")).Order(StringComparer.Ordinal).ToList();
        var originals = files.ToDictionary(f => f, File.ReadAllBytes);

        var problems = new List<string>();
        int failed = 0, succeeded = 0;
        var successTime = TimeSpan.Zero;
        var clock = Stopwatch.StartNew();
        for (int i = 0; i < Iterations; i++)
        {
            var seed = BaseSeed + i;
            var random = new Random(seed);
            var applied = new List<string>();
            var touched = new HashSet<string>();
            for (int m = 0, count = random.Next(1, 4); m < count; m++)
            {
                // charter.yml is one file among ~75; give it a fair chance of being hit now and then.
                var file = random.Next(12) == 0 ? site.Full("charter.yml") : files[random.Next(files.Count)];
                var kind = (Mutation)random.Next(Enum.GetValues<Mutation>().Length);
                var bytes = File.ReadAllBytes(file);
                File.WriteAllBytes(file, Mutate(bytes, kind, random, out var what));
                touched.Add(file);
                applied.Add($"{Path.GetRelativePath(site.Path, file)}: {kind} {what}");
            }
            var label = $"iteration {i} (seed {seed}: {string.Join("; ", applied)})";

            ResetOutput(publicDir);
            var before = TempDir.Snapshot(publicDir);
            BuildResult? result = null;
            var started = clock.Elapsed;
            try { result = Builds.To(site.Path, publicDir); }
            catch (Exception e) { problems.Add($"{label}: the build threw {e.GetType().Name}: {e.Message}"); }

            if (result is not null)
            {
                problems.AddRange(Check(result, site.Path).Select(p => $"{label}: {p}"));
                if (result.Success)
                {
                    succeeded++;
                    successTime += clock.Elapsed - started;
                    if (!File.Exists(Path.Combine(publicDir, "fr", "index.html"))) problems.Add($"{label}: succeeded but wrote no site");
                }
                else
                {
                    failed++;
                    var after = TempDir.Snapshot(publicDir);
                    if (!after.Keys.SequenceEqual(before.Keys) || after.Any(kv => !kv.Value.AsSpan().SequenceEqual(before[kv.Key])))
                        problems.Add($"{label}: failed and changed the output folder");
                }
                var leftovers = Directory.EnumerateFileSystemEntries(work.Path).Select(Path.GetFileName).Where(n => n != "public").ToList();
                if (leftovers.Count > 0) problems.Add($"{label}: left {string.Join(", ", leftovers)} beside the output");
            }
            foreach (var file in touched) File.WriteAllBytes(file, originals[file]);
        }
        output.WriteLine($"{Iterations} mutated builds in {clock.Elapsed.TotalSeconds:0.0} s: {failed} failed with diagnostics, {succeeded} succeeded ({successTime.TotalSeconds:0.0} s)");

        Assert.True(problems.Count == 0, string.Join("\n", problems));
        // Most corruptions must be caught; if none were, the mutations are not reaching the content.
        Assert.True(failed >= Iterations / 4, $"only {failed} of {Iterations} mutated builds failed");
    }

    /// <summary>What every build result must satisfy, broken input or not.</summary>
    private static IEnumerable<string> Check(BuildResult result, string root)
    {
        foreach (var d in result.Diagnostics)
        {
            if (d.Code == Codes.Internal) yield return $"internal error: {d}";
            if (d.ToString().Contains('\n')) yield return $"a diagnostic spans several lines: {d}";
            if (d.Severity != Severity.Error) continue;
            var full = Path.Combine(root, d.Location.Path);
            if (d.Location.Line < 1 || d.Location.Column < 1) yield return $"error without a line and column: {d}";
            if (File.Exists(full))
            {
                var lines = File.ReadAllBytes(full).Count(b => b == '\n') + 1;
                if (d.Location.Line > lines) yield return $"error at line {d.Location.Line} of a {lines}-line file: {d}";
            }
            else if (!Directory.Exists(full)) yield return $"error in a file that does not exist: {d}";
        }
        if (!result.Success && !result.Diagnostics.Any(d => d.Severity == Severity.Error))
            yield return "failed without an error";
    }

    /// <summary>The "previous site": a small known tree, put back before every build.</summary>
    private static void ResetOutput(string dir)
    {
        if (Directory.Exists(dir)) Directory.Delete(dir, recursive: true);
        Directory.CreateDirectory(Path.Combine(dir, "fr"));
        File.WriteAllText(Path.Combine(dir, "index.html"), "<!DOCTYPE html><title>previous</title>");
        File.WriteAllText(Path.Combine(dir, "fr", "index.html"), "<!DOCTYPE html><title>précédent</title>");
    }

    private static byte[] Mutate(byte[] bytes, Mutation kind, Random random, out string what)
    {
        if (bytes.Length == 0) { what = "(empty file)"; return bytes; }
        var lines = Split(bytes);
        switch (kind)
        {
            case Mutation.FlipByte:
            {
                var at = random.Next(bytes.Length);
                var copy = (byte[])bytes.Clone();
                copy[at] = (byte)random.Next(256);
                what = $"byte {at} → 0x{copy[at]:X2}";
                return copy;
            }
            case Mutation.DeleteBytes:
            {
                var at = random.Next(bytes.Length);
                var length = Math.Min(random.Next(1, 16), bytes.Length - at);
                what = $"bytes {at}..{at + length}";
                return [.. bytes.AsSpan(0, at), .. bytes.AsSpan(at + length)];
            }
            case Mutation.DeleteLine:
            {
                var at = random.Next(lines.Count);
                what = $"line {at + 1}";
                lines.RemoveAt(at);
                return Join(lines);
            }
            case Mutation.DuplicateLine:
            {
                var at = random.Next(lines.Count);
                what = $"line {at + 1}";
                lines.Insert(at, lines[at]);
                return Join(lines);
            }
            case Mutation.SwapLines:
            {
                var a = random.Next(lines.Count);
                var b = Math.Clamp(a + random.Next(-3, 4), 0, lines.Count - 1);
                what = $"lines {a + 1} and {b + 1}";
                (lines[a], lines[b]) = (lines[b], lines[a]);
                return Join(lines);
            }
            case Mutation.Indentation:
            {
                // Prefer the front matter, where indentation is structure.
                var close = lines.FindIndex(1, l => l.AsSpan().SequenceEqual("---"u8));
                var at = random.Next(close > 0 ? close : lines.Count);
                var line = lines[at];
                var indent = line.TakeWhile(b => b == ' ').Count();
                var change = indent > 0 && random.Next(2) == 0 ? -random.Next(1, indent + 1) : random.Next(1, 4);
                lines[at] = change < 0 ? line[(-change)..] : [.. Enumerable.Repeat((byte)' ', change), .. line];
                what = $"line {at + 1} indent {change:+0;-0}";
                return Join(lines);
            }
            default:
            {
                var at = random.Next(bytes.Length);
                what = $"at byte {at} of {bytes.Length}";
                return bytes[..at];
            }
        }
    }

    private static List<byte[]> Split(byte[] bytes)
    {
        var lines = new List<byte[]>();
        int start = 0;
        for (int i = 0; i <= bytes.Length; i++)
            if (i == bytes.Length || bytes[i] == '\n') { lines.Add(bytes[start..i]); start = i + 1; }
        return lines;
    }

    private static byte[] Join(List<byte[]> lines) =>
        lines.SelectMany((l, i) => i == 0 ? l : l.Prepend((byte)'\n')).ToArray();
}
