using System.Collections.Immutable;
using Charter.Core.Diagnostics;

namespace Charter.Core.Model;

/// <summary>
/// What each unit of a translation was made from (content/translations.{lang}.yml, written by <c>charter mark</c>):
/// by unit key ("lampedusa/p2-3", "lampedusa/charter", "declarations/rome-charter-2020"), the fingerprint of the
/// source text it was translated or last reviewed against. A unit whose source text has another fingerprint now is
/// out of date.
/// </summary>
/// <param name="Source">The source language the fingerprints are of.</param>
public sealed record TranslationLedger(string Language, string Source, ImmutableDictionary<string, LedgerEntry> Entries, SourceFile File)
{
    public const string FilePrefix = "translations.";

    /// <summary>Where a language's ledger is, relative to the site root.</summary>
    public static string PathFor(string language) => $"content/{FilePrefix}{language}.yml";
}

/// <param name="At">Where the entry is written, for diagnostics.</param>
public sealed record LedgerEntry(string Fingerprint, SourceLocation At);
