using System.Globalization;
using System.Text;
using Charter.Core.Caching;
using Charter.Core.Diagnostics;
using Charter.Core.Resolve;
using Charter.Site.Render;
using Charter.Site.Render.Pages;
using Charter.Site.Write;

namespace Charter.Site.Build;

/// <summary>
/// A charter's rendered pages kept whole from one build to the next (charter serve), so that an edit to one charter of
/// a hundred does not make the other ninety-nine's page models again only to find them equal (<see cref="PageMemo"/>
/// still finds what changed inside the charter that was edited). A charter's pages are made from its own folder, from
/// the files of the site outside the charter folders (configuration, declarations, topics, ledgers, theme), and from
/// four facts of the whole site: which charters there are, the content's date, whether any charter has topics (the
/// navigation's "Topics") and how often each declaration is cited (its links say "cited N times"). They are reused
/// while all of these are unchanged (<see cref="Key"/>), with the same theme, UI strings and site view; the warnings
/// their models gave are reported again. A charter with versions is kept the same way: its dated pages are made from
/// its own folder (versions.yml, versions/) and the site's files, and a dated search page offers the filters of its
/// own version only.
/// </summary>
public sealed class CharterMemo : IBuildMemory
{
    /// <param name="Cards">The charter's cards by language (the language homes list them), by edition home.</param>
    internal sealed record Kept(string Key, object Theme, IReadOnlyDictionary<string, SiteVm> Sites, List<PageSpec>[] Heads,
        IReadOnlyList<OutputFile> Files, IReadOnlyList<Diagnostic> Diagnostics, IReadOnlyDictionary<string, IReadOnlyDictionary<string, CharterVm>> Cards);

    private readonly Kept<string, Kept> _charters = new(StringComparer.Ordinal);

    /// <summary>How many charters the last build took whole from the memo.</summary>
    public int Reused => _charters.Reused;

    public void Begin() => _charters.Begin();

    public void End(bool success) => _charters.End(success);

    /// <summary>What a charter's pages are made of, as one string.</summary>
    internal static string Key(SiteInputs inputs, string slug, string shared) => $"{shared}\n{slug}:{inputs.Charter(slug)}";

    /// <summary>The part of every charter's key that is the whole site's: its files outside the charters, and the facts above.</summary>
    internal static string Shared(ResolvedSite site, SiteInputs inputs)
    {
        var key = new StringBuilder(inputs.Site(site.CharterSlugs));
        key.Append('\n').AppendJoin(',', site.CharterSlugs);
        key.Append('\n').Append(site.Updated?.ToString("O", CultureInfo.InvariantCulture)).Append(' ').Append(TopicPages.Any(site));
        foreach (var (language, declarations) in site.DeclarationsByLanguage.OrderBy(d => d.Key, StringComparer.Ordinal))
        {
            key.Append('\n').Append(language);
            foreach (var d in declarations) key.Append(' ').Append(d.Declaration.Value.Id).Append(':').Append(d.CitedBy.Length);
        }
        return key.ToString();
    }

    internal bool TryReuse(string slug, string key, object theme, IReadOnlyDictionary<string, SiteVm> sites, out Kept kept) =>
        _charters.TryReuse(slug, k => k.Key == key && ReferenceEquals(k.Theme, theme) && k.Sites.Count == sites.Count
            && k.Sites.All(s => sites.TryGetValue(s.Key, out var now) && now.Equals(s.Value)), out kept);

    internal void Keep(string slug, Kept kept) => _charters.Keep(slug, kept);
}
