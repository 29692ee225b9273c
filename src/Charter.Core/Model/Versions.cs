using System.Collections.Immutable;
using Charter.Core.Diagnostics;

namespace Charter.Core.Model;

/// <summary>
/// One version of a charter (an entry of content/{slug}/versions.yml): its id, which is its dated address segment
/// (/fr/{slug}/2022-10/), its date, its status and an optional note per language.
/// </summary>
public sealed record CharterVersion(string Id, PartialDate Date, string Status, LocalizedText Note, SourceLocation At);

/// <summary>A unit's fields as they read before a version changed them: only those the record gives.</summary>
/// <param name="Text">The unit's text (its body or its text field) before, when the record gives it.</param>
public sealed record FieldChange(ImmutableDictionary<string, FieldValue> Fields, MarkdownText? Text, SourceLocation At);

/// <summary>A unit a version removed, in full as it read before, with where it stood: in its parent's list, after a sibling (or first).</summary>
public sealed record RemovedUnit(Unit Unit, string In, string? After, SourceLocation At);

/// <summary>
/// What one version changed compared with the one before, in one language (content/{slug}/versions/{id}.{lang}.yml):
/// the units whose wording changed, with their earlier wording; the units it added; the units it removed, in full.
/// </summary>
public sealed record Amendment(
    string VersionId, string Language, ImmutableDictionary<string, FieldChange> Modified,
    ImmutableArray<(string Id, SourceLocation At)> Added, ImmutableDictionary<string, RemovedUnit> Removed, SourceFile File)
{
    /// <summary>Its language-independent shape, which must be the same in every language: ids, added, where removed units stood.</summary>
    public string Shape => string.Join(";", Modified.Keys.Order(StringComparer.Ordinal)) + "|" + string.Join(",", Added.Select(a => a.Id))
        + "|" + string.Join(";", Removed.OrderBy(r => r.Key, StringComparer.Ordinal).Select(r => $"{r.Key}@{r.Value.In}/{r.Value.After}"));
}

/// <summary>
/// The versions of one charter, oldest first; the last is the current one, the charter's files as they are. Each later
/// version has an amendment record per language; a language without one takes the source language's.
/// </summary>
public sealed record CharterVersions(string Slug, ImmutableArray<CharterVersion> List,
    ImmutableDictionary<(string Version, string Language), Amendment> Records, SourceFile File)
{
    public const string FileName = "versions.yml";
    public const string Folder = "versions";
}
