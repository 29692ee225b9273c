using System.Runtime.InteropServices;

namespace Charter.Bench;

/// <summary>The two builds of our CLI that <c>run</c> measures, published as README.md says, and their outputs compared.</summary>
public static class Publish
{
    /// <summary>
    /// ReadyToRun (compiled ahead of time, run by dotnet), into <paramref name="output"/>. A fresh artifacts folder:
    /// ReadyToRun's incremental build once kept native code compiled against an older Charter.Core, and the
    /// published CLI crashed at start.
    /// </summary>
    public static bool ReadyToRun(string repo, string work, string output, TextWriter stderr) =>
        Run(repo, work, output, "ReadyToRun", ["--self-contained", "false", "-p:PublishReadyToRun=true"], stderr);

    /// <summary>Native AOT: one executable, <c>charter</c>, with no runtime to start and no code compiled at run time.</summary>
    public static bool Native(string repo, string work, string output, TextWriter stderr) =>
        Run(repo, work, output, "native AOT", ["-p:PublishAot=true"], stderr);

    private static bool Run(string repo, string work, string output, string label, IReadOnlyList<string> how, TextWriter stderr)
    {
        stderr.WriteLine($"bench: publishing src/Charter.Cli (Release, {label}) …");
        var artifacts = Path.Combine(work, "artifacts-" + Path.GetFileName(output));
        if (Directory.Exists(artifacts)) Directory.Delete(artifacts, recursive: true);
        if (Directory.Exists(output)) Directory.Delete(output, recursive: true);
        var publish = Benchmark.Exec("dotnet", ["publish", Path.Combine(repo, "src", "Charter.Cli", "Charter.Cli.csproj"), "-c", "Release",
            "-r", RuntimeInformation.RuntimeIdentifier, .. how, "--artifacts-path", artifacts, "-o", output, "--nologo", "-v", "q"], repo);
        if (publish.ExitCode == 0) return true;
        stderr.WriteLine(publish.Output);
        stderr.WriteLine($"bench: could not publish the CLI ({label})");
        return false;
    }

    /// <summary>Whether two folders hold the same files, byte for byte (what diff -r would say).</summary>
    public static bool SameFiles(string a, string b)
    {
        static List<string> Files(string root) => Directory.Exists(root)
            ? Directory.EnumerateFiles(root, "*", SearchOption.AllDirectories).Select(f => Path.GetRelativePath(root, f)).Order(StringComparer.Ordinal).ToList()
            : [];
        var files = Files(a);
        return files.SequenceEqual(Files(b), StringComparer.Ordinal)
            && files.All(f => File.ReadAllBytes(Path.Combine(a, f)).AsSpan().SequenceEqual(File.ReadAllBytes(Path.Combine(b, f))));
    }
}
