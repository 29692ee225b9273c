using System.Collections.Immutable;
using Charter.Core.Diagnostics;
using Charter.Core.Model;

namespace Charter.Core.Load;

/// <summary>Reads the translation ledgers (content/translations.{lang}.yml) of the languages that have one.</summary>
public static class LedgerLoader
{
    public static ImmutableDictionary<string, TranslationLedger> Load(string siteRoot, SiteConfig config, DiagnosticBag diagnostics)
    {
        var result = ImmutableDictionary.CreateBuilder<string, TranslationLedger>(StringComparer.Ordinal);
        var source = config.Languages[0];
        foreach (var language in config.Languages.Skip(1))
        {
            var display = TranslationLedger.PathFor(language);
            if (DataFile.Read(siteRoot, display, config, diagnostics) is not { } root) continue;
            var recorded = root.String("source", required: true) ?? source;
            var entries = ImmutableDictionary.CreateBuilder<string, LedgerEntry>(StringComparer.Ordinal);
            if (root.Mapping("units") is { } units)
                foreach (var key in units.Names())
                    if (units.String(key) is { } fingerprint) entries[key] = new LedgerEntry(fingerprint, units.LocationOf(key)!);
            root.ReportUnknown();
            if (recorded != source)
            {
                diagnostics.Warning(Codes.OutdatedTranslation, root.LocationOf("source")!,
                    $"this ledger was written against '{recorded}', but the source language is now '{source}': every unit counts as not reviewed",
                    $"review the translation, then run 'charter mark {language}'");
                continue;
            }
            result[language] = new TranslationLedger(language, recorded, entries.ToImmutable(), root.File);
        }
        return result.ToImmutable();
    }
}
