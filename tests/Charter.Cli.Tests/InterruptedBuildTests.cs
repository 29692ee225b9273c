using System.Diagnostics;

namespace Charter.Cli.Tests;

/// <summary>Issue 13, break 8, with a real process: SIGTERM (or Ctrl+C) during a build leaves the output as it was and no staging folder.</summary>
public sealed class InterruptedBuildTests
{
    [Theory]
    [InlineData("TERM")]
    [InlineData("INT")]
    public async Task A_signalled_build_stops_and_leaves_the_output_as_it_was(string signal)
    {
        if (!OperatingSystem.IsLinux()) return;
        var temp = Directory.CreateTempSubdirectory("charter-signal-").FullName;
        try
        {
            var site = Path.Combine(temp, "site");
            ServedSite.CopySite(site);
            var output = Path.Combine(temp, "out");
            Assert.Equal(0, (await Run(site, output, TimeSpan.FromMinutes(2))).Exit);
            var before = Directory.EnumerateFiles(output, "*", SearchOption.AllDirectories).ToDictionary(f => f, File.ReadAllBytes);

            // A build that would run for minutes: a template loop within raised limits.
            File.AppendAllText(Path.Combine(site, "charter.yml"), "\nlimits:\n  template_steps: 2000000000\n");
            File.WriteAllText(Path.Combine(site, "themes/default/templates/vision.liquid"),
                "{% for i in (1..2000) %}{% for j in (1..2000) %}{% for k in (1..2000) %}{% endfor %}{% endfor %}{% endfor %}");
            var (process, stderr) = Start(site, output);
            await Task.Delay(TimeSpan.FromSeconds(3)); // rendering by now
            using (var kill = Process.Start("kill", $"-{signal} {process.Id}")!) await kill.WaitForExitAsync();
            var sent = System.Diagnostics.Stopwatch.StartNew();
            using var patience = new CancellationTokenSource(TimeSpan.FromSeconds(20));
            try { await process.WaitForExitAsync(patience.Token); }
            catch (OperationCanceledException)
            {
                process.Kill(entireProcessTree: true);
                Assert.Fail($"SIG{signal} sent, still running {sent.Elapsed.TotalSeconds:0} s later; its stderr:\n{stderr}");
            }

            Assert.Equal(1, process.ExitCode);
            Assert.Contains("interrupted", stderr.ToString());
            Assert.Equal(["out", "site"], Directory.EnumerateFileSystemEntries(temp).Select(Path.GetFileName).Order());
            var after = Directory.EnumerateFiles(output, "*", SearchOption.AllDirectories).ToDictionary(f => f, File.ReadAllBytes);
            Assert.Equal(before.Keys.Order(), after.Keys.Order());
            Assert.All(before, kv => Assert.True(kv.Value.AsSpan().SequenceEqual(after[kv.Key]), kv.Key));
        }
        finally
        {
            Directory.Delete(temp, recursive: true);
        }
    }

    private static (Process Process, System.Text.StringBuilder Stderr) Start(string site, string output)
    {
        var cli = typeof(CommandLine).Assembly.Location;
        // Through env --default-signal=INT: a test run started in the background by a shell without job control
        // (nohup … &, as a CI runner may) inherits SIGINT ignored, down to the build it starts, and .NET, like any
        // POSIX program, leaves an ignored SIGINT ignored: the INT case then waited for a build that never heard it.
        // Ctrl+C reaches a build from a terminal; the test gives it the same start. env execs dotnet: same pid.
        var info = new ProcessStartInfo("env") { RedirectStandardError = true, RedirectStandardOutput = true, UseShellExecute = false };
        foreach (var arg in new[] { "--default-signal=INT", "dotnet", cli, "build", "--source", site, "--output", output }) info.ArgumentList.Add(arg);
        var process = Process.Start(info)!;
        var stderr = new System.Text.StringBuilder();
        process.ErrorDataReceived += (_, e) => { lock (stderr) stderr.AppendLine(e.Data); };
        process.OutputDataReceived += (_, _) => { };
        process.BeginErrorReadLine();
        process.BeginOutputReadLine();
        return (process, stderr);
    }

    private static async Task<(int Exit, string Stderr)> Run(string site, string output, TimeSpan timeout)
    {
        var (process, stderr) = Start(site, output);
        using var patience = new CancellationTokenSource(timeout);
        await process.WaitForExitAsync(patience.Token);
        return (process.ExitCode, stderr.ToString());
    }
}
