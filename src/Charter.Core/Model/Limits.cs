namespace Charter.Core.Model;

/// <summary>
/// What a build accepts before it refuses, so that no input — a content file, charter.yml, a theme — can exhaust
/// the machine, hang the build or kill <c>serve</c>. Each limit is enforced in one place (named below) and is
/// reported as a diagnostic at the input that went over it. Set in charter.yml under <c>limits:</c>.
/// </summary>
/// <param name="YamlDepth">Nesting levels of YAML (mappings and lists) in any YAML file (SafeYaml).</param>
/// <param name="MarkdownDepth">Nesting levels of Markdown brackets, quotes and lists in a text (MarkdownGuard).</param>
/// <param name="FileSizeMb">Size of any one input file, in MiB (SourceReader).</param>
/// <param name="TemplateSteps">Statements a template may run for one page, loops and includes counted (TemplateRenderer).</param>
/// <param name="PageSizeMb">Size of one rendered page, in MiB (TemplateRenderer).</param>
public sealed record Limits(int YamlDepth, int MarkdownDepth, int FileSizeMb, int TemplateSteps, int PageSizeMb)
{
    public static readonly Limits Default = new(YamlDepth: 64, MarkdownDepth: 32, FileSizeMb: 8, TemplateSteps: 2_000_000, PageSizeMb: 16);

    public long FileBytes => FileSizeMb * 1024L * 1024L;
    public long PageBytes => PageSizeMb * 1024L * 1024L;
}
