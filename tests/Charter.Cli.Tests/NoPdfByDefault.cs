using System.Runtime.CompilerServices;

namespace Charter.Cli.Tests;

internal static class NoPdfByDefault
{
    /// <summary>
    /// The command line makes PDFs unless told not to, and WeasyPrint takes seconds per document: the commands these
    /// tests run in-process make none. A test that wants them sets the variable for itself.
    /// </summary>
    [ModuleInitializer]
    internal static void TurnOff() => Environment.SetEnvironmentVariable("CHARTER_PDF", "off");
}
