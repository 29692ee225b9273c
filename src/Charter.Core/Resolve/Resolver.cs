using System.Collections.Immutable;
using System.Globalization;
using System.Text.RegularExpressions;
using Charter.Core.Diagnostics;
using Charter.Core.Model;

namespace Charter.Core.Resolve;

/// <summary>
/// Stage 3, Resolve: picks each part of each edition (falling back to another language where a translation
/// is missing), lists the passages of each charter with their permalinks, checks every reference and
/// footnote, and computes backlinks from declarations to the passages that cite them.
/// </summary>
public static partial class Resolver
{
    [GeneratedRegex(@"\]\(ref:(?<id>[^)\s]*)\)")]
    private static partial Regex RefLink();

    [GeneratedRegex(@"\[\^(?<label>[^\]\s]+)\]")]
    private static partial Regex NoteRef();

    /// <summary>The ids a Markdown text refers to with <c>[…](ref:ID)</c>, in order of appearance.</summary>
    public static IEnumerable<string> RefLinks(MarkdownText? text) =>
        text is null ? [] : RefLink().Matches(text.Source).Select(m => m.Groups["id"].Value);

    public static ResolvedSite Resolve(SiteContent content, DiagnosticBag diagnostics)
    {
        var config = content.Config;
        var declarationIds = content.Declarations.Select(d => d.Id).ToHashSet(StringComparer.Ordinal);

        var editions = ImmutableDictionary.CreateBuilder<(string, string), ResolvedEdition>();
        foreach (var slug in content.CharterSlugs)
        {
            var raw = config.Languages.Select(l => content.Edition(slug, l)!).ToList();
            foreach (var language in config.Languages)
            {
                var ordered = raw.OrderBy(e => e.Language == language ? 0 : 1 + config.Languages.IndexOf(e.Language)).ToList();
                Localized<T>? Pick<T>(Func<CharterEdition, T?> part) where T : class =>
                    ordered.Select(e => (e, v: part(e))).Where(x => x.v is not null)
                        .Select(x => new Localized<T>(x.v!, x.e.Language, x.e.Language != language)).FirstOrDefault();

                var meta = Pick(e => e.Meta);
                if (meta is null) continue; // reported by the validator: a charter needs its metadata
                var principleIds = ordered.SelectMany(e => e.Principles).OrderBy(p => p.Number).Select(p => p.Id).Distinct().ToList();
                var principles = principleIds.Select(id => Pick(e => e.Principles.FirstOrDefault(p => p.Id == id))!).ToImmutableArray();

                var edition = new ResolvedEdition(slug, language, meta, Pick(e => e.Ambition), Pick(e => e.CoCreation), Pick(e => e.Vision),
                    Pick(e => e.PrinciplesIntro), principles, Pick(e => e.Commitments), Pick(e => e.Timeline), Pick(e => e.Acknowledgements), []);
                edition = edition with { Passages = ListPassages(edition) };
                editions[(slug, language)] = edition;
            }
        }

        // Check references and notes once per source file (each language's own text), not once per fallback use.
        // The co-creation list is checked below, at the line of each id; here only the links of its prose.
        foreach (var passage in editions.Values.SelectMany(e => e.Passages).Where(p => !p.IsFallback))
            CheckReferences(passage.Id == "co-creation" ? passage with { References = [.. RefLinks(passage.Text)] } : passage,
                declarationIds, diagnostics);
        foreach (var edition in editions.Values)
        {
            foreach (var principle in edition.Principles.Where(p => !p.IsFallback).Select(p => p.Value))
                CheckNotes(principle, diagnostics);
            foreach (var milestone in edition.Timeline is { IsFallback: false } t ? t.Value.Milestones : [])
                CheckConcerns(milestone, edition, declarationIds, diagnostics);
            if (edition.CoCreation is { IsFallback: false } co)
            {
                var file = co.Value.Section.File;
                foreach (var id in co.Value.DeclarationIds.Where(id => !declarationIds.Contains(id)))
                    diagnostics.Error(Codes.UnknownReference, file.LocationOf(file.Text.IndexOf(id, StringComparison.Ordinal)),
                        $"unknown declaration '{id}'", "use the id of a file in content/declarations/");
            }
        }

        var declarations = ImmutableDictionary.CreateBuilder<string, ImmutableArray<ResolvedDeclaration>>();
        foreach (var language in config.Languages)
        {
            var citing = editions.Values.Where(e => e.Language == language)
                .OrderBy(e => e.Slug, StringComparer.Ordinal)
                .SelectMany(e => e.Passages)
                .SelectMany(p => p.References.Distinct().Select(id => (id, p)))
                .ToLookup(x => x.id, x => x.p);
            var list = content.Declarations.GroupBy(d => d.Id).OrderBy(g => g.Key, StringComparer.Ordinal).Select(g =>
            {
                var own = g.FirstOrDefault(d => d.Language == language);
                var chosen = own ?? g.OrderBy(d => config.Languages.IndexOf(d.Language)).First();
                return new ResolvedDeclaration(new Localized<Declaration>(chosen, chosen.Language, own is null), citing[g.Key].ToImmutableArray());
            }).ToImmutableArray();
            declarations[language] = list;
        }

        var completeness = config.Languages.ToImmutableDictionary(l => l, l =>
        {
            var passages = editions.Values.Where(e => e.Language == l).SelectMany(e => e.Passages).ToList();
            var decls = declarations[l];
            return new TranslationCompleteness(
                passages.Count(p => !p.IsFallback) + decls.Count(d => !d.Declaration.IsFallback),
                passages.Count + decls.Length);
        });

        return new ResolvedSite(config, content.CharterSlugs, editions.ToImmutable(), declarations.ToImmutable(), completeness);
    }

    /// <summary>Every passage of an edition, in reading order, with its permalink and the references it makes.</summary>
    private static ImmutableArray<Passage> ListPassages(ResolvedEdition e)
    {
        var result = ImmutableArray.CreateBuilder<Passage>();
        var lang = e.Language;
        var slug = e.Slug;
        var home = Permalinks.Charter(lang, slug);
        ImmutableArray<string> Refs(MarkdownText? text, IEnumerable<string>? listed = null) =>
            [.. RefLinks(text).Concat(listed ?? []).Distinct()];

        if (e.Ambition is { } ambition)
            result.Add(new("" + slug, "ambition", "section", N(ambition.Value.Number), home, ambition.Value.Title, ambition.Value.Body,
                ambition.Language, ambition.IsFallback, Refs(ambition.Value.Body)));
        if (e.CoCreation is { } co)
            result.Add(new(slug, "co-creation", "section", "", home, co.Value.Section.Title, co.Value.Section.Body,
                co.Language, co.IsFallback, Refs(co.Value.Section.Body, co.Value.DeclarationIds)));
        if (e.Vision is { } vision)
        {
            var page = Permalinks.Section(lang, slug, "vision");
            result.Add(new(slug, "vision", "section", N(vision.Value.Section.Number), page, vision.Value.Section.Title,
                vision.Value.Section.Body, vision.Language, vision.IsFallback, Refs(vision.Value.Section.Body)));
            foreach (var premise in vision.Value.Premises)
                result.Add(new(slug, premise.Id, UnitKinds.Premise, N(premise.Number), page, null, premise.Text,
                    vision.Language, vision.IsFallback, Refs(premise.Text, premise.References)));
        }
        if (e.PrinciplesIntro is { } intro)
            result.Add(new(slug, "principles", "section", N(intro.Value.Number), Permalinks.Section(lang, slug, "principles"),
                intro.Value.Title, intro.Value.Body, intro.Language, intro.IsFallback, Refs(intro.Value.Body)));
        foreach (var lp in e.Principles)
        {
            var p = lp.Value;
            var page = Permalinks.Principle(lang, slug, p.Number);
            result.Add(new(slug, p.Id, UnitKinds.Principle, N(p.Number), page, p.Title, p.Description, lp.Language, lp.IsFallback, Refs(p.Description)));
            foreach (var priority in p.Priorities)
                result.Add(new(slug, priority.Id, UnitKinds.Priority, $"{N(p.Number)}.{N(priority.Number)}", page, p.Title, priority.Text,
                    lp.Language, lp.IsFallback, Refs(priority.Text, priority.References)));
        }
        if (e.Commitments is { } commitments)
        {
            var page = Permalinks.Section(lang, slug, "commitments");
            result.Add(new(slug, "commitments", "section", N(commitments.Value.Section.Number), page, commitments.Value.Section.Title,
                commitments.Value.Section.Body, commitments.Language, commitments.IsFallback, Refs(commitments.Value.Section.Body)));
            foreach (var list in commitments.Value.Lists)
                foreach (var item in list.Items)
                    result.Add(new(slug, item.Id, list.Kind, $"{N(list.Number)}.{N(item.Number)}", page, list.Heading, item.Text,
                        commitments.Language, commitments.IsFallback, Refs(item.Text, item.References)));
        }
        if (e.Timeline is { } timeline)
        {
            var page = Permalinks.Section(lang, slug, "timeline");
            foreach (var m in timeline.Value.Milestones)
            {
                var concerns = m.Concerns is { } c && c.StartsWith("ref:", StringComparison.Ordinal) ? [c[4..]] : Array.Empty<string>();
                result.Add(new(slug, m.Id, UnitKinds.Milestone, N(m.Number), page, m.Date.ToString(), m.Text,
                    timeline.Language, timeline.IsFallback, Refs(m.Text, concerns)));
            }
        }
        if (e.Acknowledgements is { } ack)
            result.Add(new(slug, "acknowledgements", "section", "", Permalinks.Section(lang, slug, "acknowledgements"), ack.Value.Section.Title,
                ack.Value.Section.Body, ack.Language, ack.IsFallback, Refs(ack.Value.Section.Body)));
        return result.ToImmutable();
    }

    private static string N(int? n) => n?.ToString(CultureInfo.InvariantCulture) ?? "";

    private static void CheckReferences(Passage passage, HashSet<string> known, DiagnosticBag diagnostics)
    {
        foreach (var id in passage.References.Where(id => !known.Contains(id)))
        {
            var at = passage.Text?.Locate("ref:" + id) is { } l && passage.Text.Source.Contains("ref:" + id, StringComparison.Ordinal)
                ? l : passage.Text?.File.LocationOf(passage.Text.File.Text.IndexOf(id, StringComparison.Ordinal)) ?? SourceLocation.File("content");
            diagnostics.Error(Codes.UnknownReference, at, $"unknown reference '{id}' in {passage.Id}",
                "use the id of a file in content/declarations/ (its 'id:' field)");
        }
    }

    private static void CheckNotes(Principle principle, DiagnosticBag diagnostics)
    {
        var texts = principle.Priorities.Select(p => p.Text).Prepend(principle.Description).OfType<MarkdownText>();
        foreach (var text in texts)
            foreach (Match m in NoteRef().Matches(text.Source))
                if (!principle.Notes.ContainsKey(m.Groups["label"].Value))
                    diagnostics.Error(Codes.UnknownNote, text.Locate(m.Value), $"unknown footnote '{m.Groups["label"].Value}'",
                        "add it under 'notes:' in this file, or remove the marker");
    }

    private static void CheckConcerns(Milestone milestone, ResolvedEdition edition, HashSet<string> declarationIds, DiagnosticBag diagnostics)
    {
        if (milestone.Concerns is not { } c) return;
        var ok = c.StartsWith("ref:", StringComparison.Ordinal)
            ? declarationIds.Contains(c[4..])
            : Permalinks.SectionPath(edition.Language, edition.Slug, c) is not null;
        if (!ok)
            diagnostics.Error(Codes.UnknownReference, milestone.Text.File.LocationOf(milestone.Text.File.Text.IndexOf(c, StringComparison.Ordinal)),
                $"milestone {milestone.Id} concerns '{c}', which is neither a declaration (ref:ID) nor a section",
                $"use ref:ID or one of: ambition, co-creation, {string.Join(", ", Permalinks.SectionPages)}");
    }
}
