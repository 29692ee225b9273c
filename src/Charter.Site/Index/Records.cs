using Charter.Core.Model;
using Charter.Core.Resolve;
using Charter.Site.Markdown;
using Charter.Site.Render;
using Charter.Site.Text;

namespace Charter.Site.Index;

/// <summary>
/// The units of a language as data — charter.json and the search documents — made from the resolved model, not from
/// the pages: their names from <see cref="UnitText"/>, their plain text from the Markdown (the renderer gives back what
/// it already rendered for the pages).
/// </summary>
public sealed class Records(ResolvedSite site, string language, IReadOnlyDictionary<string, Strings> strings, MarkdownRenderer markdown)
{
    private readonly UnitText _text = new(strings, language);
    private readonly Lazy<IReadOnlyList<UnitRecord>> _declarations = new(() => Declarations(site, language, strings, markdown));

    public string Href(string path) => site.Config.BasePath + path;

    /// <summary>The citable units of a charter in this language, in reading order (sections of prose left out).</summary>
    public IEnumerable<UnitRecord> Units(string slug)
    {
        var e = site.Edition(slug, language);
        foreach (var p in e.Passages.Where(p => p.Citable))
            yield return new UnitRecord(p.Id, p.Kind, p.Number, _text.RecordTitle(p.Unit), Plain(p.Text, p.Language),
                Href(Permalinks.InLanguage(p.PagePath, language) + "#" + p.Id));
    }

    /// <summary>The declarations and frameworks of the site as citable units (made once: every charter.json and the search list them).</summary>
    public IReadOnlyList<UnitRecord> DeclarationRecords() => _declarations.Value;

    private static List<UnitRecord> Declarations(ResolvedSite site, string language, IReadOnlyDictionary<string, Strings> strings, MarkdownRenderer markdown) =>
        site.DeclarationsByLanguage[language].Select(d =>
        {
            var v = d.Declaration.Value;
            var l = d.Declaration.Language;
            return new UnitRecord(v.Id, UnitKinds.Declaration, null, strings[l].Typography.Apply(v.Title),
                markdown.PlainText(v.Body?.Source, strings[l].Typography), site.Config.BasePath + Permalinks.Declaration(language, v.Id));
        }).ToList();

    private string Plain(MarkdownText? text, string textLanguage) => markdown.PlainText(text?.Source, strings[textLanguage].Typography);
}
