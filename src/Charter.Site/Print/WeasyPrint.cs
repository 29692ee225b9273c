using System.Diagnostics;

namespace Charter.Site.Print;

/// <summary>
/// Runs WeasyPrint on one document: the HTML on its standard input, the PDF from its standard output, nothing written
/// to disk. PDF/UA-1 gives a tagged PDF with the document's language and title. Its dates come from the HTML's
/// dcterms meta, and SOURCE_DATE_EPOCH fixes the timestamp fontTools writes in every embedded font, so the same input
/// makes the same bytes. The process is killed when it takes longer than the timeout or the build is cancelled.
/// </summary>
public static class WeasyPrint
{
    /// <summary>The PDF, or why there is none (the engine's last line of error).</summary>
    public sealed record Result(byte[]? Pdf, string? Problem);

    public static Result Run(string engine, string html, string stylesheet, DateOnly? date, TimeSpan timeout, CancellationToken cancel)
    {
        var start = new ProcessStartInfo(engine)
        {
            RedirectStandardInput = true, RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false,
            // Relative addresses of a document read from stdin resolve against the working folder: one with nothing of the site.
            WorkingDirectory = Path.GetTempPath(),
        };
        foreach (var argument in new[] { "--quiet", "--pdf-variant", "pdf/ua-1", "--encoding", "utf-8", "--stylesheet", stylesheet, "-", "-" })
            start.ArgumentList.Add(argument);
        var epoch = date is { } d ? new DateTimeOffset(d.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero).ToUnixTimeSeconds() : 0;
        start.Environment["SOURCE_DATE_EPOCH"] = epoch.ToString(System.Globalization.CultureInfo.InvariantCulture);

        using var process = new Process { StartInfo = start };
        try { process.Start(); }
        catch (System.ComponentModel.Win32Exception e) { return new(null, e.Message); }
        using var limit = CancellationTokenSource.CreateLinkedTokenSource(cancel);
        limit.CancelAfter(timeout);
        try
        {
            var output = new MemoryStream();
            var copy = process.StandardOutput.BaseStream.CopyToAsync(output, limit.Token);
            var errors = process.StandardError.ReadToEndAsync(limit.Token);
            try
            {
                using var input = process.StandardInput;
                input.Write(html);
            }
            catch (IOException)
            {
                // It stopped reading (it failed, or is not the engine): its exit code and its last words say why.
            }
            process.WaitForExitAsync(limit.Token).GetAwaiter().GetResult();
            copy.GetAwaiter().GetResult();
            var stderr = errors.GetAwaiter().GetResult();
            if (process.ExitCode == 0 && output.Length > 0) return new(output.ToArray(), null);
            var last = stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).LastOrDefault();
            return new(null, $"{Path.GetFileName(engine)} exited with code {process.ExitCode}" + (last is null ? "" : $": {last}"));
        }
        catch (OperationCanceledException)
        {
            try { process.Kill(entireProcessTree: true); } catch (InvalidOperationException) { }
            // Kill only sends the signal: wait (boundedly) for the engine to be gone, so that a build that says it
            // stopped leaves no engine running behind it, however loaded the machine.
            try { process.WaitForExit(TimeSpan.FromSeconds(10)); } catch (InvalidOperationException) { }
            cancel.ThrowIfCancellationRequested();
            return new(null, $"{Path.GetFileName(engine)} took longer than {timeout.TotalSeconds:0} s");
        }
    }
}
