using System.Runtime.CompilerServices;

namespace Charter.Tests.Support;

internal static class NoPdfByDefault
{
    /// <summary>
    /// The command line makes PDFs unless told not to, and WeasyPrint takes seconds per document: the commands these
    /// tests run in-process make none. The PDF tests (Print/) build with PDF settings of their own.
    /// </summary>
    [ModuleInitializer]
    internal static void TurnOff() => Environment.SetEnvironmentVariable("CHARTER_PDF", "off");
}
