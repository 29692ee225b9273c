using System.Collections.Immutable;
using Charter.Core.Diagnostics;
using Charter.Core.Model;

namespace Charter.Core.Load;

/// <summary>
/// Reads the site's taxonomy (content/topics.yml: each topic's id, with its name and description per language) and
/// each charter's assignment (content/{slug}/topics.yml: unit id → topic ids). Both are optional: a site without
/// topics has no topic pages. What the ids name is checked by the validator, once the units are loaded.
/// </summary>
public static class TopicLoader
{
    public const string TaxonomyPath = "content/topics.yml";

    public static ImmutableArray<Topic> Taxonomy(string siteRoot, SiteConfig config, DiagnosticBag diagnostics)
    {
        if (DataFile.Read(siteRoot, TaxonomyPath, config, diagnostics) is not { } root) return [];
        var topics = ImmutableArray.CreateBuilder<Topic>();
        if (root.Mapping("topics") is { } map)
            foreach (var id in map.Names())
            {
                var at = map.KeyLocation(id)!;
                if (!ContentLoader.IsValidId(id))
                {
                    diagnostics.Error(Codes.InvalidValue, at, $"the topic id '{id}' cannot be part of an address",
                        "use lower-case letters, digits and hyphens (housing, climate-action)");
                    continue;
                }
                if (map.Mapping(id) is not { } topic) continue;
                var name = topic.Localized("name");
                var description = topic.Localized("description");
                var words = topic.Localized("words");
                topic.ReportUnknown();
                foreach (var language in config.Languages.Where(l => !name.ByLanguage.ContainsKey(l) && !name.ByLanguage.ContainsKey("*")))
                    diagnostics.Error(Codes.MissingTranslation, topic.LocationOf("name") ?? at, $"topic '{id}' has no name in '{language}'",
                        $"add '{language}: …' under 'name:'");
                foreach (var language in config.Languages.Where(l => !description.ByLanguage.ContainsKey(l) && !description.ByLanguage.ContainsKey("*")))
                    diagnostics.Warning(Codes.MissingTranslation, topic.LocationOf("description") ?? at, $"topic '{id}' has no description in '{language}'",
                        $"add '{language}: …' under 'description:' (one line saying what the topic covers)");
                topics.Add(new Topic(id, name, description, at) { Words = words });
            }
        else
            diagnostics.Error(Codes.MissingField, root.Location, "content/topics.yml lists no topics",
                "list them under 'topics:', each as 'ID: { name: { fr: …, en: … }, description: { … } }' (content/README.md, \"Topics\")");
        root.ReportUnknown();
        return topics.ToImmutable();
    }

    /// <summary>The assignments of the charters that have a topics.yml.</summary>
    public static ImmutableDictionary<string, TopicAssignment> Assignments(string siteRoot, SiteConfig config, IEnumerable<string> slugs, DiagnosticBag diagnostics)
    {
        var result = ImmutableDictionary.CreateBuilder<string, TopicAssignment>(StringComparer.Ordinal);
        foreach (var slug in slugs)
        {
            var display = $"{ContentLoader.ContentFolder}/{slug}/{TopicAssignment.FileName}";
            if (DataFile.Read(siteRoot, display, config, diagnostics) is not { } root) continue;
            var units = ImmutableDictionary.CreateBuilder<string, ImmutableArray<string>>(StringComparer.Ordinal);
            var at = ImmutableDictionary.CreateBuilder<string, SourceLocation>(StringComparer.Ordinal);
            if (root.Mapping("units") is { } map)
                foreach (var id in map.Names())
                {
                    units[id] = map.StringList(id);
                    at[id] = map.KeyLocation(id)!;
                }
            else
                diagnostics.Error(Codes.MissingField, root.Location, $"{display} assigns no topics",
                    "list the units under 'units:', each as 'UNIT-ID: [topic, topic]'");
            root.ReportUnknown();
            result[slug] = new TopicAssignment(slug, units.ToImmutable(), at.ToImmutable(), root.File);
        }
        return result.ToImmutable();
    }
}
