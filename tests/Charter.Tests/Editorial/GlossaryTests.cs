using System.Text.Json;
using System.Text.RegularExpressions;
using Charter.Tests.Support;

namespace Charter.Tests.Editorial;

/// <summary>
/// Issue 14: a glossary term of the source must be rendered as the glossary says, in every translation, in every
/// unit. The rules of reading (whole words, longest term first, alternatives, 'not checked') are stated at the top of
/// content/GLOSSARY.md.
/// </summary>
[Collection(RealSiteCollection.Name)]
public partial class GlossaryTests(RealSiteFixture real)
{
    private sealed record Row(int Line, IReadOnlyDictionary<string, string[]> Terms, bool Skip, HashSet<string> Except);

    /// <summary>The glossary's first table, its columns matched to the site's languages by their English names.</summary>
    private List<Row> Rows()
    {
        var english = real.Languages.ToDictionary(l => l, l => Yaml($"name_{l}"));
        var lines = File.ReadAllLines(Path.Combine(Repo.Root, "content", "GLOSSARY.md"));
        var header = Array.FindIndex(lines, l => l.StartsWith("| French |", StringComparison.Ordinal));
        Assert.True(header >= 0, "GLOSSARY.md has no table headed '| French |'");
        var columns = Cells(lines[header]);
        var index = english.ToDictionary(kv => kv.Key, kv => Array.IndexOf(columns, kv.Value));
        Assert.All(index, kv => Assert.True(kv.Value >= 0, $"GLOSSARY.md has no column for {english[kv.Key]}"));
        var note = Array.IndexOf(columns, "note");
        var rows = new List<Row>();
        for (int i = header + 2; i < lines.Length && lines[i].StartsWith('|'); i++)
        {
            var cells = Cells(lines[i]);
            var text = note >= 0 && note < cells.Length ? cells[note] : "";
            var except = ExceptPattern().Match(text) is { Success: true } m
                ? m.Groups["ids"].Value.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).ToHashSet() : [];
            rows.Add(new Row(i + 1, index.ToDictionary(kv => kv.Key, kv => Alternatives(cells[kv.Value])),
                text.Contains("not checked", StringComparison.Ordinal) && except.Count == 0, except));
        }
        Assert.True(rows.Count > 50, $"only {rows.Count} glossary rows read");
        return rows;
    }

    [GeneratedRegex(@"not checked in: (?<ids>[a-z0-9, -]+)")]
    private static partial Regex ExceptPattern();

    private static string[] Cells(string line) => line.Trim().Trim('|').Split('|').Select(c => c.Trim()).ToArray();

    private static string[] Alternatives(string cell) => Regex.Split(Regex.Replace(cell, @"\([^)]*\)", " "), @"\s*/\s*|;\s*")
        .Select(a => Regex.Replace(a.Trim(' ', '«', '»', '“', '”', '‘', '’', '"'), @"^(le|la|les|l’|l'|the|el|los|las|un|une|a|an)\s+", "", RegexOptions.IgnoreCase))
        .Select(Normalise).Where(a => a.Length > 0).Distinct().ToArray();

    /// <summary>Lower case, one kind of apostrophe and space, inclusive dots dropped ("voisin.e.s" → "voisines"): on both sides alike.</summary>
    private static string Normalise(string text) =>
        Regex.Replace(text.ToLowerInvariant().Replace('\'', '’').Replace('\u202F', ' ').Replace('\u00A0', ' '), @"(?<=\p{L})[.·](?=\p{L})", "").Trim();

    private string Yaml(string key)
    {
        var line = File.ReadLines(Path.Combine(Repo.Root, "themes", "default", "i18n", "en.yml")).First(l => l.StartsWith(key + ":", StringComparison.Ordinal));
        return line[(key.Length + 1)..].Trim();
    }

    private Dictionary<string, string> Units(string language)
    {
        using var json = real.Json($"{language}/lampedusa/charter.json");
        var units = json.RootElement.GetProperty("units").EnumerateArray()
            .ToDictionary(u => u.GetProperty("id").GetString()!, u => Normalise(u.GetProperty("title").GetString() + " " + u.GetProperty("text").GetString()));
        // The topics' names and descriptions are translated text too (issue 19), held to the same glossary.
        foreach (var (id, text) in Topics(language)) units.Add("topic:" + id, Normalise(text));
        return units;
    }

    /// <summary>Each topic of content/topics.yml, its name and description in one language.</summary>
    private static IEnumerable<(string Id, string Text)> Topics(string language)
    {
        var yaml = new YamlDotNet.RepresentationModel.YamlStream();
        using (var reader = File.OpenText(Path.Combine(Repo.Root, "content", "topics.yml"))) yaml.Load(reader);
        var topics = (YamlDotNet.RepresentationModel.YamlMappingNode)((YamlDotNet.RepresentationModel.YamlMappingNode)yaml.Documents[0].RootNode)["topics"];
        foreach (var (key, value) in topics.Children)
        {
            var topic = (YamlDotNet.RepresentationModel.YamlMappingNode)value;
            string In(string field) => ((YamlDotNet.RepresentationModel.YamlMappingNode)topic[field])[language].ToString();
            yield return (key.ToString(), In("name") + " " + In("description"));
        }
    }

    [Fact]
    public void Every_glossary_term_of_the_source_is_rendered_as_the_glossary_says()
    {
        var rows = Rows();
        var source = real.Languages[0];
        var units = real.Languages.ToDictionary(l => l, Units);
        var failures = new List<string>();
        var checkedCount = 0;
        foreach (var (id, text) in units[source])
        {
            // Every occurrence of every term, then the longest where two overlap ("personnes en déplacement" over "déplacement").
            var found = rows.SelectMany(r => r.Terms[source].SelectMany(term =>
                    Regex.Matches(text, $@"(?<!\p{{L}}){Regex.Escape(term)}(?!\p{{L}})").Select(m => (Row: r, m.Index, m.Length))))
                .OrderByDescending(x => x.Length).ThenBy(x => x.Index).ToList();
            var taken = new List<(int Start, int End)>();
            foreach (var (row, at, length) in found)
            {
                if (taken.Any(t => at < t.End && at + length > t.Start)) continue;
                taken.Add((at, at + length));
                if (row.Skip || row.Except.Contains(id)) continue;
                foreach (var language in real.Languages.Skip(1))
                {
                    checkedCount++;
                    if (!units[language].TryGetValue(id, out var translated)) continue; // a missing unit is another test's failure
                    if (!row.Terms[language].Any(t => translated.Contains(t, StringComparison.Ordinal)))
                        failures.Add($"{id} ({language}): '{text.Substring(at, length)}' should be '{string.Join("' or '", row.Terms[language])}' (GLOSSARY.md:{row.Line})");
                }
            }
        }
        Assert.True(checkedCount > 100, $"only {checkedCount} term uses checked: the test would prove little");
        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }
}
