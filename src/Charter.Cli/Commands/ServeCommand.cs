using System.Runtime.InteropServices;
using Charter.Cli.Serve;

namespace Charter.Cli.Commands;

/// <summary>
/// <c>charter serve [--source DIR] [--port N]</c>. Runs until Ctrl+C (or SIGTERM), then exits 0. Content errors do not
/// end it: they are printed, shown over the open pages, and the last good site stays served. Exit code 2 when the
/// options are wrong or the port cannot be had. Nothing is written: the site is built and served from memory.
/// </summary>
public static class ServeCommand
{
    public static int Run(CliOptions options, TextWriter stdout, TextWriter stderr)
    {
        if (options.BaseUrl is not null)
        {
            // The pages are built for the address they are served at, so that every link works in the preview.
            stderr.WriteLine("charter: error: serve builds for its own address (http://127.0.0.1:PORT/); --base-url is for build");
            stderr.WriteLine("Run 'charter --help' for usage.");
            return ExitCodes.Usage;
        }

        using var stop = new CancellationTokenSource();
        void OnSignal(PosixSignalContext context)
        {
            context.Cancel = true; // we stop by ourselves, cleanly
            stop.Cancel();
        }
        using var interrupt = PosixSignalRegistration.Create(PosixSignal.SIGINT, OnSignal);
        using var terminate = PosixSignalRegistration.Create(PosixSignal.SIGTERM, OnSignal);
        return RunAsync(new ServeSettings(options.Source, options.Port), stdout, stderr, stop.Token).GetAwaiter().GetResult();
    }

    public static async Task<int> RunAsync(ServeSettings settings, TextWriter stdout, TextWriter stderr, CancellationToken stop)
    {
        DevServer server;
        try
        {
            server = await DevServer.StartAsync(settings, stdout, stderr);
        }
        catch (IOException e)
        {
            var port = settings.Port == 0 ? "a free port" : $"port {settings.Port}";
            stderr.WriteLine($"charter: error: cannot listen on 127.0.0.1 at {port}: {e.Message}");
            stderr.WriteLine("Choose another with --port N (0 picks a free one).");
            return ExitCodes.Usage;
        }
        await using (server)
        {
            try { await Task.Delay(Timeout.Infinite, stop); }
            catch (OperationCanceledException) { /* Ctrl+C */ }
            stdout.WriteLine("Stopping.");
        }
        return ExitCodes.Success;
    }
}
