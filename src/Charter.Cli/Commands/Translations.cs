using Charter.Core.Diagnostics;
using Charter.Core.Load;
using Charter.Core.Model;
using Charter.Core.Resolve;
using Charter.Core.Validate;

namespace Charter.Cli.Commands;

/// <summary>What <c>status</c> and <c>mark</c> share: the content loaded and validated, and where each translation stands.</summary>
internal static class Translations
{
    /// <summary>The site's translation report, or null with the content's errors written (a status of broken content would mislead).</summary>
    public static (SiteContent Content, TranslationReport Report)? Load(string source, TextWriter stderr)
    {
        var diagnostics = new DiagnosticBag();
        var content = ContentLoader.Load(source, diagnostics);
        TranslationReport? report = null;
        if (content is not null)
        {
            ContentValidator.Validate(content, diagnostics);
            // The outdated warnings are what the status lists; only errors are printed here.
            report = TranslationStatus.Of(content, new DiagnosticBag());
        }
        if (content is null || report is null || diagnostics.HasErrors)
        {
            foreach (var d in diagnostics.Sorted().Where(d => d.Severity == Severity.Error)) stderr.WriteLine(d.ToString());
            stderr.WriteLine($"The content has {BuildCommand.Plural(diagnostics.ErrorCount, "error")}: fix them first.");
            return null;
        }
        return (content, report);
    }
}
