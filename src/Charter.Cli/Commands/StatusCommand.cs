using System.CommandLine;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using Charter.Core.Resolve;

namespace Charter.Cli.Commands;

/// <summary>
/// <c>charter status</c>: where each translation stands against the source language — how many units are current,
/// outdated (the source text changed since the unit was marked), not recorded (never marked) or missing — then each
/// outdated and missing unit at its line. <c>--json</c> for tools; <c>--strict</c> fails (exit 1) on any outdated or
/// missing unit, for a translation team's CI.
/// </summary>
public sealed class StatusCommand : ICharterCommand
{
    public Command Describe()
    {
        var command = new Command("status", "show which units of each translation are current, outdated or missing");
        var site = SiteOptions.AddTo(command, output: false, baseUrl: false);
        var json = new Option<bool>("--json") { Description = "print the status as JSON" };
        var strict = new Option<bool>("--strict") { Description = "exit 1 when a unit is outdated or missing" };
        command.Options.Add(json);
        command.Options.Add(strict);
        command.SetAction(parse => Run(site.Read(parse).Source, parse.GetValue(json), parse.GetValue(strict),
            parse.InvocationConfiguration.Output, parse.InvocationConfiguration.Error));
        return command;
    }

    private static readonly (TranslationState State, string Name)[] States =
        [(TranslationState.Current, "current"), (TranslationState.Outdated, "outdated"), (TranslationState.NotRecorded, "not recorded"), (TranslationState.Missing, "missing")];

    public static int Run(string source, bool json, bool strict, TextWriter stdout, TextWriter stderr)
    {
        if (Translations.Load(source, stderr) is not { } loaded) return ExitCodes.ContentErrors;
        var report = loaded.Report;
        var languages = report.ByLanguage.Values.OrderBy(l => loaded.Content.Config.Languages.IndexOf(l.Language)).ToList();
        if (json) stdout.WriteLine(Json(report, languages));
        else Table(report, languages, stdout);
        var behind = languages.Sum(l => l.Count(TranslationState.Outdated) + l.Count(TranslationState.Missing));
        return strict && behind > 0 ? ExitCodes.ContentErrors : ExitCodes.Success;
    }

    private static void Table(TranslationReport report, List<LanguageTranslations> languages, TextWriter stdout)
    {
        if (languages.Count == 0)
        {
            stdout.WriteLine($"The site has one language ({report.Source}): nothing is translated.");
            return;
        }
        stdout.WriteLine($"Source: {report.Source}");
        var header = "  " + "".PadRight(14) + string.Concat(languages.Select(l => $"| {l.Language.ToUpperInvariant(),6} "));
        stdout.WriteLine(header);
        stdout.WriteLine("  " + new string('-', 14) + string.Concat(languages.Select(_ => "+--------")));
        foreach (var (state, name) in States)
            stdout.WriteLine("  " + Capital(name).PadRight(14) + string.Concat(languages.Select(l => $"| {l.Count(state),6} ")));
        stdout.WriteLine("  " + "Up to date".PadRight(14) + string.Concat(languages.Select(l => $"| {Percent(l),5}% ")));
        foreach (var l in languages)
            foreach (var (state, name) in States.Where(s => s.State is TranslationState.Outdated or TranslationState.Missing))
            {
                var units = l.Units.Where(u => u.State == state).ToList();
                if (units.Count == 0) continue;
                stdout.WriteLine();
                stdout.WriteLine($"{Capital(name)} in {l.Language} ({units.Count}):");
                foreach (var u in units)
                    stdout.WriteLine(state == TranslationState.Outdated
                        ? $"  {u.Translation}: {u.What} [{u.Key}]: the source text changed ({u.Source})"
                        : $"  {u.Source}: {u.What} [{u.Key}]: not translated");
            }
        var notRecorded = languages.Where(l => l.Count(TranslationState.NotRecorded) > 0).Select(l => l.Language).ToList();
        if (notRecorded.Count > 0)
        {
            stdout.WriteLine();
            stdout.WriteLine($"Not recorded: units translated but never marked; once reviewed, run {string.Join(" and ", notRecorded.Select(l => $"'charter mark {l}'"))}.");
        }
    }

    private static int Percent(LanguageTranslations l) =>
        l.Units.Length == 0 ? 100 : (int)Math.Floor(100.0 * l.Count(TranslationState.Current) / l.Units.Length);

    private static string Capital(string s) => char.ToUpperInvariant(s[0]) + s[1..];

    private static string Json(TranslationReport report, List<LanguageTranslations> languages)
    {
        var root = new JsonObject
        {
            ["source"] = report.Source,
            ["languages"] = new JsonArray(languages.Select(l => (JsonNode)new JsonObject
            {
                ["language"] = l.Language,
                ["units"] = l.Units.Length,
                ["current"] = l.Count(TranslationState.Current),
                ["outdated"] = l.Count(TranslationState.Outdated),
                ["not_recorded"] = l.Count(TranslationState.NotRecorded),
                ["missing"] = l.Count(TranslationState.Missing),
                ["percent_current"] = Percent(l),
                ["behind"] = new JsonArray(l.Units.Where(u => u.State is TranslationState.Outdated or TranslationState.Missing).Select(u => (JsonNode)new JsonObject
                {
                    ["key"] = u.Key,
                    ["what"] = u.What,
                    ["state"] = u.State == TranslationState.Outdated ? "outdated" : "missing",
                    ["source"] = u.Source.ToString(),
                    ["translation"] = u.Translation?.ToString(),
                }).ToArray()),
            }).ToArray()),
        };
        return root.ToJsonString(new JsonSerializerOptions { WriteIndented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
    }
}
