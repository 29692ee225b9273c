using System.Collections.Immutable;
using Charter.Core.Diagnostics;

namespace Charter.Core.Model;

/// <summary>
/// A subject readers look for (housing, health…), from the site's taxonomy (content/topics.yml): its id, the same in
/// every language and in every address, and its name and one-line description per language.
/// </summary>
public sealed record Topic(string Id, LocalizedText Name, LocalizedText Description, SourceLocation At)
{
    /// <summary>Words that say the topic in each language ("logement, habitat"), comma-separated: marked in a unit reached from the topic's page.</summary>
    public LocalizedText Words { get; init; } = LocalizedText.Empty;

    /// <summary>The topic's words in a language, without the fallback to another's (a French word is not marked in English).</summary>
    public IEnumerable<string> WordsIn(string language) =>
        Words.ByLanguage.TryGetValue(language, out var words) ? words.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries) : [];
}

/// <summary>
/// Which topics each unit of one charter is about (content/{slug}/topics.yml): unit id → topic ids, in the order
/// written. Language-independent: written once, for every translation.
/// </summary>
/// <param name="At">Where each unit's line is, for diagnostics.</param>
public sealed record TopicAssignment(string Slug, ImmutableDictionary<string, ImmutableArray<string>> Units,
    ImmutableDictionary<string, SourceLocation> At, SourceFile File)
{
    public const string FileName = "topics.yml";

    public ImmutableArray<string> Of(string unitId) => Units.TryGetValue(unitId, out var topics) ? topics : [];
}
