using System.CommandLine;
using Charter.Site.Print;

namespace Charter.Cli.Commands;

/// <summary>
/// <c>--no-pdf</c>, for the commands that build: no PDF is made and none is linked, which saves the seconds WeasyPrint
/// takes per document. <c>CHARTER_PDF=off</c> in the environment does the same (the test suites set it); the engine
/// is WeasyPrint on PATH, or the command <c>CHARTER_WEASYPRINT</c> names.
/// </summary>
public static class PdfOption
{
    public const string DisableVariable = "CHARTER_PDF";

    public static Option<bool> AddTo(Command command)
    {
        var option = new Option<bool>("--no-pdf") { Description = "make no PDF and link none (faster; CHARTER_PDF=off does the same)" };
        command.Options.Add(option);
        return option;
    }

    /// <summary>The PDF settings of a command line: null when PDFs are turned off.</summary>
    public static PdfSettings? Settings(bool noPdf) =>
        noPdf || Environment.GetEnvironmentVariable(DisableVariable) is "off" or "0" or "false" or "no" ? null : PdfSettings.FromEnvironment();
}
