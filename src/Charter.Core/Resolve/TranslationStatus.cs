using System.Collections.Immutable;
using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;
using Charter.Core.Diagnostics;
using Charter.Core.Model;

namespace Charter.Core.Resolve;

/// <summary>Where a unit of a translation stands against the source.</summary>
public enum TranslationState
{
    /// <summary>Translated from the source text as it is now (its fingerprint is the ledger's).</summary>
    Current,
    /// <summary>Translated, but the source text has changed since it was marked.</summary>
    Outdated,
    /// <summary>Translated, never marked: the language has no ledger, or the ledger does not name it.</summary>
    NotRecorded,
    /// <summary>Not translated: the page shows another language's text.</summary>
    Missing,
}

/// <param name="Key">The unit's key in the ledger: SLUG/ID, SLUG/_charter (the metadata), declarations/ID.</param>
/// <param name="What">"priority 2.3", "the charter's metadata": how the status lists it.</param>
/// <param name="Source">Where the source text is.</param>
/// <param name="Translation">Where the translation is (null when it is missing).</param>
/// <param name="Fingerprint">The source text's fingerprint now: what <c>charter mark</c> records.</param>
public sealed record UnitTranslation(string Key, string What, TranslationState State, SourceLocation Source, SourceLocation? Translation, string Fingerprint);

public sealed record LanguageTranslations(string Language, ImmutableArray<UnitTranslation> Units)
{
    public int Count(TranslationState state) => Units.Count(u => u.State == state);
}

/// <summary>
/// Every unit of every translation against the source language (the first of charter.yml): current, outdated,
/// not recorded or missing, from the ledgers <c>charter mark</c> writes. The pages mark outdated units; the build warns
/// at each; <c>charter status</c> lists them.
/// </summary>
public sealed record TranslationReport(string Source, ImmutableDictionary<string, LanguageTranslations> ByLanguage)
{
    public static readonly TranslationReport Empty = new("", ImmutableDictionary<string, LanguageTranslations>.Empty);

    public TranslationState? State(string language, string key) =>
        ByLanguage.TryGetValue(language, out var l) ? Index(l).GetValueOrDefault(key)?.State : null;

    public static string UnitKey(string slug, string id) => $"{slug}/{id}";
    public static string MetaKey(string slug) => $"{slug}/_charter";
    public static string DeclarationKey(string id) => $"declarations/{id}";

    private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<LanguageTranslations, Dictionary<string, UnitTranslation>> Indexes = new();

    // The first unit of each key (as DistinctBy would keep it), in one pass into a table of the right size: made once per
    // build and language, from the units of every charter (30,000 at 100 charters).
    private static Dictionary<string, UnitTranslation> Index(LanguageTranslations l) =>
        Indexes.GetValue(l, static x =>
        {
            var index = new Dictionary<string, UnitTranslation>(x.Units.Length, StringComparer.Ordinal);
            foreach (var u in x.Units) index.TryAdd(u.Key, u);
            return index;
        });
}

/// <summary>One charter's part of the report: its units in each translation (not the source language), in the charter's order.</summary>
public sealed record CharterTranslations(ImmutableDictionary<string, ImmutableArray<UnitTranslation>> ByLanguage)
{
    public ImmutableArray<UnitTranslation> In(string language) => ByLanguage.GetValueOrDefault(language, []);
}

public static partial class TranslationStatus
{
    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();

    /// <param name="charters">Each charter's part (<see cref="OfCharter"/>), by slug; serve passes the part it kept with the charter's placement.</param>
    public static TranslationReport Of(SiteContent content, DiagnosticBag diagnostics, Func<string, CharterTranslations>? charters = null)
    {
        var languages = content.Config.Languages;
        var source = languages[0];
        var parts = content.CharterSlugs.Select(charters ?? (slug => OfCharter(content, slug, diagnostics))).ToList();
        var result = ImmutableDictionary.CreateBuilder<string, LanguageTranslations>(StringComparer.Ordinal);
        foreach (var language in languages.Skip(1))
        {
            var ledger = content.Ledgers.GetValueOrDefault(language);
            var units = ImmutableArray.CreateBuilder<UnitTranslation>();
            foreach (var part in parts) units.AddRange(part.In(language));
            // Ids given twice are an error of their own: the first of each is the one counted.
            var declared = content.Declarations.Where(d => d.Language == language).GroupBy(d => d.Id).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
            foreach (var d in content.Declarations.Where(d => d.Language == source).DistinctBy(d => d.Id))
                units.Add(Compare(source, language, ledger, TranslationReport.DeclarationKey(d.Id), $"the declaration {d.Id}",
                    Fingerprint($"{d.Title}\n{d.Issuer}\n{d.Body?.Source}"), SourceLocation.File(d.File.Path),
                    declared.TryGetValue(d.Id, out var t) ? SourceLocation.File(t.File.Path) : null, diagnostics));
            result[language] = new LanguageTranslations(language, units.ToImmutable());
        }
        return new TranslationReport(source, result.ToImmutable());
    }

    /// <summary>
    /// One charter's units against the source in each translation: what it reads is the charter's own files, the
    /// ledgers and charter.yml's languages, so serve keeps it with the charter's placement.
    /// </summary>
    public static CharterTranslations OfCharter(SiteContent content, string slug, DiagnosticBag diagnostics)
    {
        var languages = content.Config.Languages;
        var source = languages[0];
        var result = ImmutableDictionary.CreateBuilder<string, ImmutableArray<UnitTranslation>>(StringComparer.Ordinal);
        if (content.Edition(slug, source) is not { } from) return new(result.ToImmutable());
        foreach (var language in languages.Skip(1))
        {
            if (content.Edition(slug, language) is not { } to) continue;
            var ledger = content.Ledgers.GetValueOrDefault(language);
            var units = ImmutableArray.CreateBuilder<UnitTranslation>();
            if (from.Meta is { } meta)
                units.Add(Compare(source, language, ledger, MetaKeyOf(slug), "the charter's metadata", Fingerprint(MetaText(meta)),
                    SourceLocation.File(meta.File.Path), to.Meta is { } own ? SourceLocation.File(own.File.Path) : null, diagnostics));
            // A unit id given twice is an error of its own: the first of each is the one compared.
            var translated = new Dictionary<string, Unit>(StringComparer.Ordinal);
            foreach (var unit in to.AllUnits()) translated.TryAdd(unit.Id, unit);
            foreach (var unit in from.AllUnits().DistinctBy(u => u.Id))
                units.Add(Compare(source, language, ledger, TranslationReport.UnitKey(slug, unit.Id), What(unit), FingerprintOf(unit), Where(unit),
                    translated.GetValueOrDefault(unit.Id) is { } t ? Where(t) : null, diagnostics));
            result[language] = units.ToImmutable();
        }
        return new(result.ToImmutable());
    }

    /// <summary>Where one unit of a translation stands, from its ledger; an outdated one is warned at.</summary>
    private static UnitTranslation Compare(string source, string language, TranslationLedger? ledger, string key, string what, string fingerprint,
        SourceLocation sourceAt, SourceLocation? translationAt, DiagnosticBag diagnostics)
    {
        var state = translationAt is null ? TranslationState.Missing
            : ledger?.Entries.GetValueOrDefault(key) is not { } entry ? TranslationState.NotRecorded
            : entry.Fingerprint == fingerprint ? TranslationState.Current : TranslationState.Outdated;
        if (state == TranslationState.Outdated)
            diagnostics.Warning(Codes.OutdatedTranslation, translationAt!,
                $"outdated translation: the '{source}' text of {what} ({sourceAt.Path}) changed since this translation was marked",
                $"bring it up to date, then run 'charter mark {language} {key}'");
        return new UnitTranslation(key, what, state, sourceAt, translationAt, fingerprint);
    }

    private static string MetaKeyOf(string slug) => TranslationReport.MetaKey(slug);

    /// <summary>
    /// A fingerprint of a text: its first 16 hexadecimal digits of SHA-256, with runs of white space made one space —
    /// rewrapping a paragraph is not a change of its text.
    /// </summary>
    public static string Fingerprint(string text) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(Whitespace().Replace(text, " ").Trim())))[..16];

    // A unit's fingerprint is asked once per translation, and again at every rebuild under serve, where an unchanged
    // file keeps its parsed units (the load cache): made once per unit.
    private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<Unit, string> Fingerprints = new();

    /// <summary>The fingerprint of a unit's text (<see cref="UnitText"/>).</summary>
    public static string FingerprintOf(Unit unit) => Fingerprints.GetValue(unit, static u => Fingerprint(UnitText(u)));

    /// <summary>What of a unit is translated: its text and its fields of text, in the kind's order (not its children, which are units of their own).</summary>
    public static string UnitText(Unit unit)
    {
        var text = new StringBuilder(unit.Text?.Source ?? "");
        foreach (var (key, value) in unit.OrderedFields)
        {
            var words = value.Type switch
            {
                FieldType.Text => value.Text,
                FieldType.Markdown => value.Markdown?.Source,
                FieldType.List => string.Join("\n", value.Items),
                _ => null, // numbers, dates, refs, links: the same in every language, checked by the validator
            };
            if (words is not null) text.Append('\n').Append(key).Append(": ").Append(words);
        }
        return text.ToString();
    }

    public static string MetaText(CharterMeta m) =>
        string.Join("\n", m.Title, m.ShortTitle, m.Organization, m.Citation, m.Description, m.Place ?? "", m.Body?.Source ?? "");

    private static string What(Unit unit) => unit.Number.Length > 0 ? $"{unit.Kind} {unit.Number}" : $"{unit.Kind} {unit.Id}";

    /// <summary>A unit's line: its text's for a unit listed in its parent's front matter, its file's for a file.</summary>
    private static SourceLocation Where(Unit unit) => !unit.OwnFile && unit.Text is { } text ? text.Location : unit.OwnFile ? SourceLocation.File(unit.File.Path) : unit.Location;
}
