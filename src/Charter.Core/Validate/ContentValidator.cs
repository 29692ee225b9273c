using Charter.Core.Diagnostics;
using Charter.Core.Model;

namespace Charter.Core.Validate;

/// <summary>
/// Stage 2, Validate: checks what no single file can tell — that translations exist and have the same
/// structure unit for unit, that ids are unique, that the timeline is in order. Every problem is reported.
/// </summary>
public static class ContentValidator
{
    public static void Validate(SiteContent content, DiagnosticBag diagnostics)
    {
        var languages = content.Config.Languages;
        if (content.Config.MainCharter is { } main && !content.CharterSlugs.Contains(main))
            diagnostics.Error(Codes.InvalidValue, content.Config.MainCharterAt ?? SourceLocation.File("charter.yml"),
                $"main_charter '{main}' is not a charter of the site",
                content.CharterSlugs.IsEmpty ? "create content/NAME/ for the charter" : $"use one of: {string.Join(", ", content.CharterSlugs)}");
        foreach (var slug in content.CharterSlugs)
        {
            if (Resolve.Permalinks.SlugProblem(slug) is { } taken)
                diagnostics.Error(Codes.AddressCollision, SourceLocation.File($"content/{slug}"), $"the charter folder name {taken}",
                    "rename the folder: its name is the charter's address");
            var editions = languages.Select(l => content.Edition(slug, l)!).ToList();
            if (editions.All(e => e.Meta is null))
                diagnostics.Error(Codes.MissingSection, SourceLocation.File($"content/{slug}"),
                    $"the charter '{slug}' has no charter.{{lang}}.md", $"create content/{slug}/charter.{languages[0]}.md with its title and metadata");
            CheckPart(editions, e => e.Meta?.File, slug, "charter", diagnostics);
            CheckPart(editions, e => e.Ambition?.File, slug, "ambition", diagnostics);
            CheckPart(editions, e => e.CoCreation?.Section.File, slug, "co-creation", diagnostics);
            CheckPart(editions, e => e.Vision?.Section.File, slug, "vision", diagnostics);
            CheckPart(editions, e => e.PrinciplesIntro?.File, slug, "principles", diagnostics);
            CheckPart(editions, e => e.Commitments?.Section.File, slug, "commitments", diagnostics);
            CheckPart(editions, e => e.Timeline?.File, slug, "timeline", diagnostics);
            CheckPart(editions, e => e.Acknowledgements?.Section.File, slug, "acknowledgements", diagnostics);

            foreach (var edition in editions)
            {
                CheckUniqueIds(edition, diagnostics);
                CheckTimelineOrder(edition, diagnostics);
            }
            CheckPrinciples(editions, diagnostics);
            CompareStructure(editions, diagnostics);
        }
        CheckDeclarations(content, diagnostics);
    }

    /// <summary>A part present in one language and missing in another is a missing translation (warning).</summary>
    private static void CheckPart(List<CharterEdition> editions, Func<CharterEdition, SourceFile?> part, string slug, string name, DiagnosticBag diagnostics)
    {
        var present = editions.Where(e => part(e) is not null).ToList();
        if (present.Count == 0 || present.Count == editions.Count) return;
        // A translation that exists but could not be read has its error already; "missing" would mislead.
        foreach (var edition in editions.Where(e => part(e) is null && !diagnostics.HasErrorIn($"content/{slug}/{name}.{e.Language}.md")))
            diagnostics.Warning(Codes.MissingTranslation, SourceLocation.File($"content/{slug}/{name}.{edition.Language}.md"),
                $"missing translation: {part(present[0])!.Path} has no '{edition.Language}' version; the page shows the '{present[0].Language}' text with a notice",
                $"create content/{slug}/{name}.{edition.Language}.md");
    }

    private static void CheckPrinciples(List<CharterEdition> editions, DiagnosticBag diagnostics)
    {
        var ids = editions.SelectMany(e => e.Principles).Select(p => p.Id).Distinct().Order(StringComparer.Ordinal);
        foreach (var id in ids)
        {
            var present = editions.Select(e => (e, p: e.Principles.FirstOrDefault(p => p.Id == id))).ToList();
            var reference = present.First(x => x.p is not null).p!;
            foreach (var (edition, principle) in present.Where(x => x.p is null))
            {
                var expected = TranslationPath(reference.File.Path, edition.Language);
                if (diagnostics.HasErrorIn(expected)) continue; // it exists but could not be read: its error says so
                diagnostics.Warning(Codes.MissingTranslation, SourceLocation.File(expected),
                    $"missing translation: principle '{id}' ({reference.File.Path}) has no '{edition.Language}' version; the page shows the '{reference.File.Path.Split('.')[^2]}' text with a notice",
                    $"create {expected}");
            }
        }
    }

    private static void CheckUniqueIds(CharterEdition edition, DiagnosticBag diagnostics)
    {
        var seen = new Dictionary<string, SourceLocation>(StringComparer.Ordinal);
        void Claim(string id, SourceLocation at)
        {
            if (seen.TryGetValue(id, out var first))
                diagnostics.Error(Codes.DuplicateId, at, $"duplicate id '{id}', already used at {first}",
                    "give each unit its own id");
            else seen[id] = at;
        }
        foreach (var premise in edition.Vision?.Premises ?? [])
            Claim(premise.Id, premise.Text.Location);
        foreach (var principle in edition.Principles)
        {
            Claim(principle.Id, FieldLine(principle.File, "id"));
            foreach (var priority in principle.Priorities) Claim(priority.Id, priority.Text.Location);
        }
        foreach (var list in edition.Commitments?.Lists ?? [])
        {
            Claim(list.Id, edition.Commitments!.Section.File.LocationOf(0));
            foreach (var item in list.Items) Claim(item.Id, item.Text.Location);
        }
        foreach (var milestone in edition.Timeline?.Milestones ?? [])
            Claim(milestone.Id, milestone.Text.Location);
    }

    private static void CheckTimelineOrder(CharterEdition edition, DiagnosticBag diagnostics)
    {
        var milestones = edition.Timeline?.Milestones ?? [];
        for (int i = 1; i < milestones.Length; i++)
        {
            // A date that could not be read is already an error of its own; comparing it would add a second, false one.
            if (milestones[i].Date == default || milestones[i - 1].Date == default) continue;
            if (milestones[i].Date.CompareTo(milestones[i - 1].Date) < 0)
                diagnostics.Error(Codes.TimelineOrder, milestones[i].Text.Location,
                    $"milestone {milestones[i].Id} ({milestones[i].Date}) comes after {milestones[i - 1].Id} ({milestones[i - 1].Date}) but is earlier",
                    "list the milestones in date order");
        }
    }

    /// <summary>Every translation must have the same units, ids, numbers, dates and references as the first language.</summary>
    private static void CompareStructure(List<CharterEdition> editions, DiagnosticBag diagnostics)
    {
        var first = editions[0];
        foreach (var other in editions.Skip(1))
        {
            // Reported at the field that differs (e.g. 'priorities:'), so the editor lands on the list to fix.
            void Differ(SourceFile? file, SourceFile? firstFile, string what, string? field = null) =>
                diagnostics.Error(Codes.TranslationMismatch, file is null ? SourceLocation.File("content") : FieldLine(file, field),
                    $"this translation differs in structure from {firstFile?.Path}: {what}",
                    "translations must have the same units, ids, numbers and references; change only the text");

            if (first.Vision is { } v1 && other.Vision is { } v2)
            {
                var a = v1.Premises.Select(p => p.Id).ToList();
                var b = v2.Premises.Select(p => p.Id).ToList();
                if (!a.SequenceEqual(b)) Differ(v2.Section.File, v1.Section.File, $"{b.Count} premises ({string.Join(", ", b)}) where {a.Count} are expected ({string.Join(", ", a)})", "premises");
            }
            foreach (var p1 in first.Principles)
            {
                var p2 = other.Principles.FirstOrDefault(p => p.Id == p1.Id);
                if (p2 is null) continue;
                if (p1.Number != p2.Number) Differ(p2.File, p1.File, $"number {p2.Number} where {p1.Number} is expected", "number");
                var a = p1.Priorities.Select(p => p.Id).ToList();
                var b = p2.Priorities.Select(p => p.Id).ToList();
                if (!a.SequenceEqual(b)) Differ(p2.File, p1.File, $"{b.Count} priorities where {a.Count} are expected", "priorities");
                for (int i = 0; i < Math.Min(p1.Priorities.Length, p2.Priorities.Length); i++)
                    if (!p1.Priorities[i].References.SequenceEqual(p2.Priorities[i].References))
                        Differ(p2.File, p1.File, $"priority {p2.Priorities[i].Id} has other references", "priorities");
                if (!p1.Notes.Keys.Order().SequenceEqual(p2.Notes.Keys.Order()))
                    Differ(p2.File, p1.File, "other notes", "notes");
            }
            if (first.Commitments is { } c1 && other.Commitments is { } c2)
            {
                var a = c1.Lists.Select(l => $"{l.Id}:{l.Kind}:{l.Items.Length}").ToList();
                var b = c2.Lists.Select(l => $"{l.Id}:{l.Kind}:{l.Items.Length}").ToList();
                if (!a.SequenceEqual(b)) Differ(c2.Section.File, c1.Section.File, $"lists {string.Join(", ", b)} where {string.Join(", ", a)} are expected (id:kind:items)", "lists");
                else
                {
                    var refs1 = c1.Lists.SelectMany(l => l.Items).Select(i => string.Join(",", i.References));
                    var refs2 = c2.Lists.SelectMany(l => l.Items).Select(i => string.Join(",", i.References));
                    if (!refs1.SequenceEqual(refs2)) Differ(c2.Section.File, c1.Section.File, "items with other references", "lists");
                }
            }
            if (first.Timeline is { } t1 && other.Timeline is { } t2)
            {
                var a = t1.Milestones.Select(m => $"{m.Id}@{m.Date}").ToList();
                var b = t2.Milestones.Select(m => $"{m.Id}@{m.Date}").ToList();
                if (!a.SequenceEqual(b)) Differ(t2.File, t1.File, $"milestones {string.Join(", ", b)} where {string.Join(", ", a)} are expected", "milestones");
            }
            if (first.CoCreation is { } k1 && other.CoCreation is { } k2 && !k1.DeclarationIds.SequenceEqual(k2.DeclarationIds))
                Differ(k2.Section.File, k1.Section.File, "another list of declarations", "declarations");
            foreach (var (s1, s2) in new[] { (first.Ambition, other.Ambition), (first.PrinciplesIntro, other.PrinciplesIntro),
                         (first.Vision?.Section, other.Vision?.Section), (first.Commitments?.Section, other.Commitments?.Section) })
                if (s1 is not null && s2 is not null && s1.Number != s2.Number)
                    Differ(s2.File, s1.File, $"number {s2.Number} where {s1.Number} is expected", "number");
        }
    }

    /// <summary>
    /// Where a top-level front-matter field starts ("id:", "priorities:"), for problems that concern the field as a
    /// whole; the file's first line when the field is not written.
    /// </summary>
    private static SourceLocation FieldLine(SourceFile file, string? field)
    {
        if (field is null) return SourceLocation.File(file.Path);
        var m = System.Text.RegularExpressions.Regex.Match(file.Text, $"^{System.Text.RegularExpressions.Regex.Escape(field)}:",
            System.Text.RegularExpressions.RegexOptions.Multiline);
        return m.Success ? file.LocationOf(m.Index) : SourceLocation.File(file.Path);
    }

    private static void CheckDeclarations(SiteContent content, DiagnosticBag diagnostics)
    {
        foreach (var group in content.Declarations.GroupBy(d => (d.Id, d.Language)))
        {
            var list = group.ToList();
            foreach (var duplicate in list.Skip(1))
                diagnostics.Error(Codes.DuplicateId, FieldLine(duplicate.File, "id"),
                    $"duplicate declaration id '{group.Key.Id}', already used at {FieldLine(list[0].File, "id")}", "give each declaration its own id");
        }
        foreach (var group in content.Declarations.GroupBy(d => d.Id))
        {
            var byLanguage = group.GroupBy(d => d.Language).Select(g => g.First()).ToList();
            var first = byLanguage[0];
            foreach (var other in byLanguage.Skip(1))
                if (other.Type != first.Type || other.Year != first.Year || other.Excerpt != first.Excerpt || other.Url != first.Url)
                    diagnostics.Error(Codes.TranslationMismatch, SourceLocation.File(other.File.Path),
                        $"this translation differs from {first.File.Path} in type, year, excerpt or url", "keep language-independent fields the same");
            foreach (var language in content.Config.Languages.Where(l => byLanguage.All(d => d.Language != l)))
            {
                var expected = TranslationPath(first.File.Path, language);
                if (diagnostics.HasErrorIn(expected)) continue; // it exists but could not be read: its error says so
                diagnostics.Warning(Codes.MissingTranslation, SourceLocation.File(expected),
                    $"missing translation: {first.File.Path} has no '{language}' version; the page shows the '{first.Language}' text with a notice",
                    $"create {expected}");
            }
        }
    }

    /// <summary>The path the translation of a content file into another language would have (NAME.fr.md → NAME.en.md).</summary>
    private static string TranslationPath(string path, string language) =>
        System.Text.RegularExpressions.Regex.Replace(path, @"\.[^.]+\.md$", $".{language}.md");
}
