using Charter.Core.Diagnostics;
using Charter.Core.Model;
using Charter.Core.Safety;

namespace Charter.Core.Load;

/// <summary>
/// The one way Charter reads an input file (content, charter.yml, templates, UI strings). It refuses, with a
/// diagnostic at the file, what would hang or exhaust the build instead of failing: anything that is not a regular
/// file (a FIFO blocks the reader until someone writes to it; a symlink to /dev/zero never ends) and a file larger
/// than <see cref="Limits.FileSizeMb"/>; a file that cannot be read (permissions, I/O) is said so, plainly.
/// </summary>
public static class SourceReader
{
    /// <summary>The file's bytes, or null with a diagnostic at <paramref name="displayPath"/>.</summary>
    public static byte[]? Read(string fullPath, string displayPath, Limits limits, DiagnosticBag diagnostics)
    {
        var problem = Check(fullPath, limits);
        if (problem is null)
        {
            try
            {
                using var stream = new FileStream(fullPath, FileMode.Open, FileAccess.Read, FileShare.ReadWrite, bufferSize: 1);
                // Read at most one byte past the limit: a file that grew after the check still cannot exhaust memory.
                var buffer = new byte[Math.Min(stream.Length, limits.FileBytes) + 1];
                int total = 0, read;
                while (total < buffer.Length && (read = stream.Read(buffer, total, buffer.Length - total)) > 0) total += read;
                if (total <= limits.FileBytes) return total == buffer.Length ? buffer : buffer[..total];
                problem = TooLarge(limits);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                problem = Unreadable(e);
            }
        }
        diagnostics.Error(problem.Value.Code, SourceLocation.File(displayPath), problem.Value.Message, problem.Value.Hint);
        return null;
    }

    /// <summary>Whether a path is a regular file (following symlinks); true where the system cannot tell.</summary>
    public static bool IsRegularFile(string fullPath) => Posix.FileType(fullPath) is null or Posix.RegularFile;

    private static (string Code, string Message, string Hint)? Check(string fullPath, Limits limits)
    {
        if (Posix.FileType(fullPath) is { } type && type != Posix.RegularFile)
            return (Codes.UnreadableFile, $"this is not a regular file but {Posix.Describe(type)}; Charter reads only regular files",
                "replace it with a regular file, or move it out of the site");
        try
        {
            var info = new FileInfo(fullPath);
            var length = info.LinkTarget is null ? info.Length : (info.ResolveLinkTarget(true) as FileInfo)?.Length ?? info.Length;
            return length > limits.FileBytes ? TooLarge(limits) : null;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return Unreadable(e);
        }
    }

    private static (string, string, string) Unreadable(Exception e) =>
        (Codes.UnreadableFile, $"the file cannot be read: {e.Message}", "check that it exists and that you may read it");

    private static (string, string, string) TooLarge(Limits limits) =>
        (Codes.LimitExceeded, $"the file is larger than {limits.FileSizeMb} MiB", "split it, or raise 'file_size_mb' under 'limits:' in charter.yml");
}
