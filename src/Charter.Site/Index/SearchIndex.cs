using Charter.Site.Write;

namespace Charter.Site.Index;

/// <summary>The lunr index of a language, built by Charter.Search over the same documents as the document store.</summary>
public static class SearchIndex
{
    /// <summary>Where a language's index goes in the site.</summary>
    public static string PathFor(string language) => $"{language}/search/index.json";

    /// <param name="search">The language's search pipeline (its descriptor's lunr-languages code).</param>
    public static OutputFile Build(string language, string search, IReadOnlyList<UnitRecord> documents)
    {
        var docs = documents.Select((d, i) => new Charter.Search.SearchDocument(
            i.ToString(System.Globalization.CultureInfo.InvariantCulture), d.Title, d.Text)).ToList();
        return new OutputFile(PathFor(language), Charter.Search.LunrIndex.SerializeUtf8(search, docs));
    }
}
