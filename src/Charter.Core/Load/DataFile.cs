using Charter.Core.Diagnostics;
using Charter.Core.Model;

namespace Charter.Core.Load;

/// <summary>
/// A YAML data file of content/ (topics, translation ledgers, versions and their records): read within the site's
/// limits, its problems reported at their lines, as a <see cref="FieldReader"/>; null when it is absent or unreadable.
/// </summary>
public static class DataFile
{
    public static FieldReader? Read(string siteRoot, string display, SiteConfig config, DiagnosticBag diagnostics)
    {
        var path = Path.Combine(siteRoot, display);
        if (!File.Exists(path)) return null;
        var bytes = SourceReader.Read(path, display, config.Limits, diagnostics);
        var text = bytes is null ? null : FrontMatter.Decode(bytes, display, diagnostics);
        return text is null ? null : FrontMatter.ParseYaml(new SourceFile(display, text), config.Limits, diagnostics);
    }
}
