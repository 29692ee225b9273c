using System.CommandLine;
using System.Text;
using Charter.Core.Model;
using Charter.Core.Resolve;

namespace Charter.Cli.Commands;

/// <summary>
/// <c>charter mark LANG [UNIT…]</c>: records in content/translations.LANG.yml that the given units of the LANG
/// translation (all its translated units when none is given) are translated from the source text as it is now, so
/// that a later change of that text shows them as outdated. A unit is named by its key (lampedusa/p2-3), its id
/// (p2-3), or a content file (every unit of that file and of its source). The only command that writes into
/// content/, and only that file, replaced whole at once.
/// </summary>
public sealed class MarkCommand : ICharterCommand
{
    public Command Describe()
    {
        var command = new Command("mark", "record that units of a translation are translated from the current source text");
        var site = SiteOptions.AddTo(command, output: false, baseUrl: false);
        var language = new Argument<string>("LANG") { Description = "the translation's language, e.g. en" };
        var units = new Argument<string[]>("UNIT") { Description = "units to mark: a key (lampedusa/p2-3), an id (p2-3) or a content file; all translated units when none is given", Arity = ArgumentArity.ZeroOrMore };
        command.Arguments.Add(language);
        command.Arguments.Add(units);
        command.SetAction(parse => Run(site.Read(parse).Source, parse.GetValue(language)!, parse.GetValue(units) ?? [],
            parse.InvocationConfiguration.Output, parse.InvocationConfiguration.Error));
        return command;
    }

    public static int Run(string source, string language, string[] names, TextWriter stdout, TextWriter stderr)
    {
        if (Translations.Load(source, stderr) is not { } loaded) return ExitCodes.ContentErrors;
        var (content, report) = loaded;
        if (!report.ByLanguage.TryGetValue(language, out var translation))
        {
            stderr.WriteLine($"charter: error: '{language}' is not a translation of this site (its translations: {(report.ByLanguage.IsEmpty ? "none" : string.Join(", ", report.ByLanguage.Keys.Order(StringComparer.Ordinal)))}; the source is {report.Source})");
            return ExitCodes.Usage;
        }
        var translated = translation.Units.Where(u => u.State != TranslationState.Missing).ToList();
        var chosen = new List<UnitTranslation>();
        foreach (var name in names)
        {
            var matches = Match(translated, name, source);
            if (matches.Count == 0)
            {
                stderr.WriteLine($"charter: error: '{name}' names no translated unit of {language} (a key such as {translated.FirstOrDefault()?.Key ?? "lampedusa/p2-3"}, an id, or a content file)");
                return ExitCodes.Usage;
            }
            chosen.AddRange(matches);
        }
        if (names.Length == 0) chosen = translated;

        var entries = content.Ledgers.GetValueOrDefault(language)?.Entries.ToDictionary(e => e.Key, e => e.Value.Fingerprint, StringComparer.Ordinal)
                      ?? new Dictionary<string, string>(StringComparer.Ordinal);
        var known = translation.Units.Select(u => u.Key).ToHashSet(StringComparer.Ordinal);
        foreach (var gone in entries.Keys.Where(k => !known.Contains(k)).ToList()) entries.Remove(gone); // units that no longer exist
        foreach (var unit in chosen) entries[unit.Key] = unit.Fingerprint;

        var path = Path.Combine(source, TranslationLedger.PathFor(language));
        var text = new StringBuilder()
            .Append($"# The source text each unit of the '{language}' translation was made from, as fingerprints: written by\n")
            .Append($"# 'charter mark {language}' (content/README.md, \"Translation status\"). A unit whose source text changes is outdated.\n")
            .Append($"source: {report.Source}\n")
            .Append("units:\n");
        foreach (var (key, fingerprint) in entries.OrderBy(e => e.Key, StringComparer.Ordinal)) text.Append($"  {key}: {fingerprint}\n");
        // Written beside, then renamed over the old one: an interrupted mark leaves the ledger as it was.
        var temporary = path + ".tmp";
        File.WriteAllText(temporary, text.ToString(), new UTF8Encoding(false));
        File.Move(temporary, path, overwrite: true);

        var distinct = chosen.Select(u => u.Key).Distinct().Count();
        stdout.WriteLine($"Marked {BuildCommand.Plural(distinct, "unit")} of {language} as translated from the current {report.Source} text ({TranslationLedger.PathFor(language)}).");
        return ExitCodes.Success;
    }

    /// <summary>The units a name stands for: a key, an id (in any charter), or a content file (its units, in either language).</summary>
    private static List<UnitTranslation> Match(List<UnitTranslation> units, string name, string source)
    {
        var byKey = units.Where(u => u.Key == name || u.Key.EndsWith("/" + name, StringComparison.Ordinal)).ToList();
        if (byKey.Count > 0) return byKey;
        var full = Path.GetFullPath(name);
        var relative = Path.GetRelativePath(source, full).Replace('\\', '/');
        return units.Where(u => u.Source.Path == relative || u.Translation?.Path == relative).ToList();
    }
}
