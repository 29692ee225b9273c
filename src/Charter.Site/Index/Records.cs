using Charter.Core.Model;
using Charter.Core.Resolve;
using Charter.Site.Markdown;
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

    // Read once: the config parses its base URL each time it is asked.
    private readonly string _basePath = site.Config.BasePath;

    public string Href(string path) => _basePath + path;

    /// <summary>
    /// The citable units of a charter in this language, in reading order (sections of prose left out), as open data:
    /// a unit with no text of its own (an article made of paragraphs) has the text of the units it holds.
    /// </summary>
    public IEnumerable<UnitRecord> Units(string slug) => Units(site.Edition(slug, language));

    /// <summary>The same for one edition: the current text, or a dated version of a charter with versions.</summary>
    public IEnumerable<UnitRecord> Units(ResolvedEdition e) => e.Passages.Where(p => p.Citable).Select(p => Record(p, Plain(p.Unit), e));

    /// <summary>
    /// The units search finds: the citable ones whose kind is searchable, each with its own text only, so that a word
    /// of a paragraph finds the paragraph, not also the article around it (which its title still finds).
    /// </summary>
    public IEnumerable<UnitRecord> SearchUnits(string slug) => SearchUnits(site.Edition(slug, language));

    /// <summary>The same for one edition: a dated version has a search of its own.</summary>
    public IEnumerable<UnitRecord> SearchUnits(ResolvedEdition e) =>
        e.Passages.Where(p => p.Citable && p.Unit.Kind.Searchable).Select(p => Record(p, Plain(p.Text, p.Language), e));

    private UnitRecord Record(Passage p, string text, ResolvedEdition edition) =>
        new(p.Id, p.Kind, p.Number, _text.RecordTitle(p.Unit), text, Href(Permalinks.InLanguage(p.PagePath, language) + "#" + p.Id))
        {
            Topics = edition.TopicsOf(p.Id),
            In = GroupsOf(edition).GetValueOrDefault(p.Id)?.Id,
        };

    // By edition (its home is unique in a language): a dated version's groups are its own, with the units it alone has.
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, Dictionary<string, ResolvedUnit>> _groups = new(StringComparer.Ordinal);

    private Dictionary<string, ResolvedUnit> GroupsOf(ResolvedEdition edition) => _groups.GetOrAdd(edition.Home, _ => Groups.Of(edition));

    /// <summary>The site's topics as a charter's charter.json lists them: those its units have, with their counts, in the taxonomy's order.</summary>
    public IReadOnlyList<TopicRecord> Topics(string slug)
    {
        var edition = site.Edition(slug, language);
        return site.Topics.Select(t => new TopicRecord(t.Id, strings[language].Typography.Apply(t.Name.In(language, site.Config.DefaultLanguage) ?? t.Id),
            edition.Topics.Values.Count(ids => ids.Contains(t.Id)))).Where(t => t.Count > 0).ToList();
    }

    private string Plain(ResolvedUnit unit) => unit.Unit.Text is not null || unit.Kind.Text != "none"
        ? Plain(unit.Unit.Text, unit.Language)
        : string.Join(" ", unit.Children.Select(Plain).Where(t => t.Length > 0));

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
