using Charter.Site.Render;

namespace Charter.Site.Write;

/// <summary>
/// Stage 6, Write: writes the whole site into a temporary folder beside the output, then swaps it in.
/// Until the swap the previous site is untouched, so a failed or interrupted build never leaves a
/// half-written site; files of earlier builds do not survive a successful one.
/// </summary>
public static class OutputWriter
{
    public static void Write(string outputDir, IReadOnlyList<OutputFile> files, IReadOnlyList<(string Relative, string Source)> copies)
    {
        var output = Path.GetFullPath(outputDir).TrimEnd(Path.DirectorySeparatorChar);
        var parent = Path.GetDirectoryName(output)!;
        Directory.CreateDirectory(parent);
        var name = Path.GetFileName(output);
        var staging = Path.Combine(parent, $".{name}.building-{Environment.ProcessId}");
        var previous = Path.Combine(parent, $".{name}.previous-{Environment.ProcessId}");
        if (Directory.Exists(staging)) Directory.Delete(staging, recursive: true);
        try
        {
            Directory.CreateDirectory(staging);
            foreach (var dir in files.Select(f => Path.GetDirectoryName(f.Path)).Concat(copies.Select(c => Path.GetDirectoryName(c.Relative)))
                         .Where(d => !string.IsNullOrEmpty(d)).Distinct())
                Directory.CreateDirectory(Path.Combine(staging, dir!));
            Parallel.ForEach(files, file => File.WriteAllBytes(Path.Combine(staging, file.Path), file.Content));
            Parallel.ForEach(copies, copy => File.Copy(copy.Source, Path.Combine(staging, copy.Relative), overwrite: true));

            if (Directory.Exists(output))
            {
                Directory.Move(output, previous);
                Directory.Move(staging, output);
                Directory.Delete(previous, recursive: true);
            }
            else Directory.Move(staging, output);
        }
        finally
        {
            if (Directory.Exists(staging)) Directory.Delete(staging, recursive: true);
            // If the swap was cut between its two moves, put the previous site back.
            if (Directory.Exists(previous) && !Directory.Exists(output)) Directory.Move(previous, output);
        }
    }
}
