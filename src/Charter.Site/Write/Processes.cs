using System.Diagnostics;

namespace Charter.Site.Write;

/// <summary>
/// Whether the process that left a marker (a staging folder's, a half-written new site's) is still at work: its
/// debris is only taken away once it is gone.
/// </summary>
public static class Processes
{
    public static bool IsRunning(int pid)
    {
        try
        {
            using var process = Process.GetProcessById(pid);
            return !process.HasExited;
        }
        catch (ArgumentException) { return false; }
        catch (InvalidOperationException) { return false; }
    }
}
