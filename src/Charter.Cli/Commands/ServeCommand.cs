using System.CommandLine;
using System.Globalization;
using System.Runtime.InteropServices;
using Charter.Cli.Serve;

namespace Charter.Cli.Commands;

/// <summary>
/// <c>charter serve [--source DIR] [--port N]</c>. Runs until Ctrl+C (or SIGTERM), then exits 0. Content errors do not
/// end it: they are printed, shown over the open pages, and the last good site stays served. Exit code 2 when the
/// options are wrong or the port cannot be had. Nothing is written: the site is built and served from memory.
/// </summary>
public sealed class ServeCommand : ICharterCommand
{
    public const int DefaultPort = 1313;

    public Command Describe()
    {
        var command = new Command("serve", "serve the site on 127.0.0.1, rebuilding and reloading pages on change");
        var site = SiteOptions.AddTo(command, output: false, baseUrl: false);
        var port = new Option<int>("--port")
        {
            HelpName = "N",
            Description = "the port (0 picks a free one)",
            DefaultValueFactory = _ => DefaultPort,
            CustomParser = result =>
            {
                if (result.Tokens is not [var token]) return 0; // none or several: the parser reports it
                var raw = token.Value;
                if (!int.TryParse(raw, CultureInfo.InvariantCulture, out var number) || number is < 0 or > 65535) result.AddError($"--port '{raw}' is not a port number");
                else return number;
                return 0;
            },
        };
        command.Options.Add(port);
        // Accepted only to be refused with the reason: the pages are built for the address they are served at, so
        // that every link works in the preview. Hidden from the help.
        var baseUrl = new Option<string>("--base-url") { Hidden = true };
        command.Options.Add(baseUrl);
        command.Validators.Add(result =>
        {
            if (result.GetResult(baseUrl) is not null)
                result.AddError("serve builds for its own address (http://127.0.0.1:PORT/); --base-url is for build");
        });
        var noPdf = PdfOption.AddTo(command);
        command.SetAction(parse => Run(new ServeSettings(site.Read(parse).Source, parse.GetValue(port)) { Pdf = PdfOption.Settings(parse.GetValue(noPdf)) },
            parse.InvocationConfiguration.Output, parse.InvocationConfiguration.Error));
        return command;
    }

    public static int Run(ServeSettings settings, TextWriter stdout, TextWriter stderr)
    {
        using var stop = new CancellationTokenSource();
        void OnSignal(PosixSignalContext context)
        {
            context.Cancel = true; // we stop by ourselves, cleanly
            stop.Cancel();
        }
        using var interrupt = PosixSignalRegistration.Create(PosixSignal.SIGINT, OnSignal);
        using var terminate = PosixSignalRegistration.Create(PosixSignal.SIGTERM, OnSignal);
        return RunAsync(settings, stdout, stderr, stop.Token).GetAwaiter().GetResult();
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
