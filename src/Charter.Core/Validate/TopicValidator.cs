using Charter.Core.Diagnostics;
using Charter.Core.Model;

namespace Charter.Core.Validate;

/// <summary>
/// Checks each charter's topic assignment against the taxonomy and the charter: every topic id is one of
/// content/topics.yml, every unit id a unit of the charter of a kind that takes topics, and every unit of such a kind
/// has at least one (a warning: the unit is simply missing from the topic pages).
/// </summary>
public static class TopicValidator
{
    public static void Validate(SiteContent content, DiagnosticBag diagnostics)
    {
        var known = content.Topics.Select(t => t.Id).ToHashSet(StringComparer.Ordinal);
        foreach (var slug in content.CharterSlugs)
        {
            var structure = content.Structures[slug];
            var takes = structure.Kinds.Values.Where(k => k.Topics).Select(k => k.Name).Order(StringComparer.Ordinal).ToList();
            content.TopicAssignments.TryGetValue(slug, out var assignment);
            if (assignment is null)
            {
                if (takes.Count > 0 && content.Topics.Length > 0)
                    diagnostics.Warning(Codes.MissingField, structure.Kind(takes[0]).AtSetting("topics"),
                        $"the kinds {string.Join(", ", takes)} take topics, but content/{slug}/{TopicAssignment.FileName} is missing",
                        $"write content/{slug}/{TopicAssignment.FileName} with 'units:', each as 'UNIT-ID: [topic, …]'");
                continue;
            }
            // Units by id, the source language's first (ids are the same in every language).
            var units = content.Config.Languages.Select(l => content.Edition(slug, l)).OfType<CharterEdition>()
                .SelectMany(e => e.AllUnits()).GroupBy(u => u.Id, StringComparer.Ordinal)
                .ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
            if (content.Topics.IsEmpty)
            {
                diagnostics.Error(Codes.UnknownReference, SourceLocation.File(assignment.File.Path),
                    $"this file assigns topics, but the site has no {Load.TopicLoader.TaxonomyPath}",
                    $"define the topics in {Load.TopicLoader.TaxonomyPath} (content/README.md, \"Topics\")");
                continue;
            }
            foreach (var (id, topics) in assignment.Units.OrderBy(kv => assignment.At[kv.Key].Line))
            {
                var at = assignment.At[id];
                if (!units.TryGetValue(id, out var unit))
                {
                    diagnostics.Error(Codes.UnknownReference, at, $"'{id}' is not a unit of the charter '{slug}'",
                        "use the id of a unit (its HTML id, as in its permalink: p2-3, c4-7)");
                    continue;
                }
                if (!structure.Kind(unit.Kind).Topics)
                    diagnostics.Warning(Codes.StructureViolation, at, $"{unit.Kind} {id} is given topics, but its kind does not take them",
                        $"add 'topics: true' to the kind '{unit.Kind}' in content/{slug}/structure.yml, or remove this line");
                if (topics.IsEmpty)
                    diagnostics.Warning(Codes.MissingField, at, $"{id} is listed with no topic", "give it one to three topics, as '[topic, …]'");
                foreach (var topic in topics.Where(t => !known.Contains(t)))
                    diagnostics.Error(Codes.UnknownReference, assignment.File.Find(topic, at), $"unknown topic '{topic}' for {id}",
                        $"use one of {Load.TopicLoader.TaxonomyPath}: {string.Join(", ", content.Topics.Select(t => t.Id))}");
            }
            foreach (var unit in units.Values.Where(u => structure.Kinds.TryGetValue(u.Kind, out var k) && k.Topics && !assignment.Units.ContainsKey(u.Id))
                         .OrderBy(u => u.Id, StringComparer.Ordinal))
                diagnostics.Warning(Codes.MissingField, SourceLocation.File(assignment.File.Path), $"{unit.Kind} {unit.Id} has no topic",
                    $"add '{unit.Id}: [topic, …]' under 'units:'");
        }
    }
}
