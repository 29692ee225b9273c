using System.Text.RegularExpressions;
using Charter.Core.Caching;
using Charter.Core.Diagnostics;
using Charter.Core.Model;

namespace Charter.Core.Validate;

/// <summary>
/// Stage 2, Validate: checks what no single file can tell, from each charter's structure — that translations exist
/// and have the same units, ids, numbers and references, that ids are unique and numbers not repeated, that units
/// meant to be in order are. Every problem is reported.
/// </summary>
public static partial class ContentValidator
{
    /// <param name="reuse">
    /// For serve: each charter's checks as the previous build made them, reused where its files and the site's are
    /// unchanged (what they find depends on nothing else: the load errors they look for are in the charter's own files).
    /// </param>
    public static void Validate(SiteContent content, DiagnosticBag diagnostics, CharterReuse<bool>? reuse = null)
    {
        // A charter whose folder or structure could not be read has its own error; "not a charter" would mislead.
        if (content.Config.MainCharter is { } main && !content.CharterSlugs.Contains(main)
            && !diagnostics.HasErrorIn($"content/{main}/structure.yml") && !diagnostics.HasErrorIn($"content/{main}"))
            diagnostics.Error(Codes.InvalidValue, content.Config.MainCharterAt ?? SourceLocation.File("charter.yml"),
                $"main_charter '{main}' is not a charter of the site",
                content.CharterSlugs.IsEmpty ? "create content/NAME/ for the charter" : $"use one of: {string.Join(", ", content.CharterSlugs)}");
        foreach (var slug in content.CharterSlugs) reuse.Of(slug, diagnostics, () => Validate(content, slug, diagnostics));
        CheckDeclarations(content, diagnostics);
        TopicValidator.Validate(content, diagnostics);
    }

    /// <summary>One charter's checks: its translations against its source, its ids, numbers and facts.</summary>
    private static bool Validate(SiteContent content, string slug, DiagnosticBag diagnostics)
    {
        var languages = content.Config.Languages;
        var structure = content.Structures[slug];
        var editions = languages.Select(l => content.Edition(slug, l)!).ToList();
        // A charter.{lang}.md that exists but could not be read has its own error.
        if (editions.All(e => e.Meta is null) && !languages.Any(l => diagnostics.HasErrorIn($"content/{slug}/charter.{l}.md")))
            diagnostics.Error(Codes.MissingSection, SourceLocation.File($"content/{slug}"),
                $"the charter '{slug}' has no charter.{{lang}}.md", $"create content/{slug}/charter.{languages[0]}.md with its title and metadata");
        CheckMissing(editions, e => e.Meta?.File, slug, diagnostics);
        foreach (var part in structure.Parts)
            CheckMissing(editions, e => e.Parts.GetValueOrDefault(part.Id)?.File, slug, diagnostics);
        foreach (var folder in editions.SelectMany(e => e.Folders.Keys).Distinct(StringComparer.Ordinal))
            foreach (var id in editions.SelectMany(e => e.Folder(folder)).Select(u => u.Id).Distinct(StringComparer.Ordinal))
                CheckMissing(editions, e => e.Folder(folder).FirstOrDefault(u => u.Id == id)?.File, slug, diagnostics);

        var sourceFiles = editions[0].AllUnits().Select(u => u.File.Path).ToHashSet(StringComparer.Ordinal);
        foreach (var edition in editions)
        {
            CheckUniqueIds(edition, diagnostics);
            foreach (var unit in edition.AllUnits())
            {
                CheckChildren(unit, structure, diagnostics);
                // The structure is checked on the source; a translation is checked against the source (CH009),
                // unless the source has no such file.
                if (edition == editions[0] || !sourceFiles.Contains(TranslationPath(unit.File.Path, editions[0].Language)))
                    CheckCounts(unit, structure, diagnostics);
            }
            foreach (var (folder, units) in edition.Folders) CheckNumbers(units, diagnostics);
        }
        CompareStructure(editions, structure, diagnostics);
        CompareFacts(editions, diagnostics);
        return true;
    }

    /// <summary>A file present in one language and missing in another is a missing translation (warning).</summary>
    private static void CheckMissing(List<CharterEdition> editions, Func<CharterEdition, SourceFile?> file, string slug, DiagnosticBag diagnostics)
    {
        var present = editions.Where(e => file(e) is not null).ToList();
        if (present.Count == 0 || present.Count == editions.Count) return;
        var source = file(present[0])!.Path;
        foreach (var edition in editions.Where(e => file(e) is null))
        {
            var expected = TranslationPath(source, edition.Language);
            // A translation that exists but could not be read has its error already; "missing" would mislead.
            if (diagnostics.HasErrorIn(expected)) continue;
            diagnostics.Warning(Codes.MissingTranslation, SourceLocation.File(expected),
                $"missing translation: {source} has no '{edition.Language}' version; the page shows the '{present[0].Language}' text with a notice",
                $"create {expected}");
        }
    }

    private static void CheckUniqueIds(CharterEdition edition, DiagnosticBag diagnostics)
    {
        var seen = new Dictionary<string, SourceLocation>(StringComparer.Ordinal);
        foreach (var unit in edition.AllUnits())
        {
            var at = unit.Text is { } text && !unit.OwnFile ? text.Location : unit.Location;
            if (seen.TryGetValue(unit.Id, out var first))
                diagnostics.Error(Codes.DuplicateId, at, $"duplicate id '{unit.Id}', already used at {first}", "give each unit its own id");
            else seen[unit.Id] = at;
        }
    }

    /// <summary>Units numbered by their own number field (files of a folder) may not share a number.</summary>
    private static void CheckNumbers(IEnumerable<Unit> siblings, DiagnosticBag diagnostics)
    {
        foreach (var group in siblings.Where(u => u.Field("number") is not null).GroupBy(u => u.Ordinal).Where(g => g.Count() > 1))
            foreach (var unit in group.Skip(1))
                diagnostics.Error(Codes.StructureViolation, unit.Field("number")!.At,
                    $"{unit.Kind} '{unit.Id}' has the number {unit.Ordinal}, like '{group.First().Id}' ({group.First().File.Path})",
                    "give each its own number");
    }

    /// <summary>A list with a count in the structure (five priorities to a principle) holds exactly that many.</summary>
    private static void CheckCounts(Unit unit, Structure structure, DiagnosticBag diagnostics)
    {
        if (!structure.Kinds.TryGetValue(unit.Kind, out var kind)) return;
        foreach (var list in kind.Children.Where(c => c.Count is not null && c.Key is not null))
        {
            if (!unit.ListsAt.TryGetValue(list.Key!, out var at)) continue; // not written: a missing field, reported as such
            var count = unit.Children.Count(c => c.ListKey == list.Key);
            if (count != list.Count)
                diagnostics.Error(Codes.StructureViolation, at, $"{count} {Plural(structure, list.Kinds[0], count)} where the structure asks for {list.Count}",
                    $"a {kind.Name} holds exactly {list.Count} under '{list.Key}' (structure.yml)");
        }
    }

    private static string Plural(Structure structure, string kind, int count) =>
        structure.Kinds.GetValueOrDefault(kind) is { } k ? (count == 1 ? k.Singular : k.Plural).In("en") ?? kind : kind;

    /// <summary>The children of a unit in the order their list asks (the milestones by date).</summary>
    private static void CheckChildren(Unit unit, Structure structure, DiagnosticBag diagnostics)
    {
        if (!structure.Kinds.TryGetValue(unit.Kind, out var kind)) return;
        foreach (var list in kind.Children.Where(c => c.Order is not null))
        {
            var dated = unit.Children.Where(c => list.Kinds.Contains(c.Kind)).ToList();
            for (int i = 1; i < dated.Count; i++)
            {
                var (before, after) = (dated[i - 1].Field(list.Order!)?.Date, dated[i].Field(list.Order!)?.Date);
                // A date that could not be read is already an error of its own; comparing it would add a second, false one.
                if (before is { } b && after is { } a && a.CompareTo(b) < 0)
                    diagnostics.Error(Codes.TimelineOrder, dated[i].Text?.Location ?? dated[i].Location,
                        $"{dated[i].Kind} {dated[i].Id} ({a}) comes after {dated[i - 1].Id} ({b}) but is earlier",
                        $"list the {list.Name} in order of {list.Order}");
            }
        }
    }

    /// <summary>
    /// Every translation must have the same units as the first language: ids, kinds, numbers, references, notes and
    /// language-independent fields (dates, numbers, refs, links); only the text changes. Reported at the field of the
    /// translation where it differs, so the editor lands on the list to fix.
    /// </summary>
    private static void CompareStructure(List<CharterEdition> editions, Structure structure, DiagnosticBag diagnostics)
    {
        var first = editions[0];
        foreach (var other in editions.Skip(1))
        {
            foreach (var (id, unit) in first.Parts)
                if (other.Parts.GetValueOrDefault(id) is { } translated) Compare(unit, translated, structure, diagnostics);
            foreach (var (folder, units) in first.Folders)
                foreach (var unit in units)
                    if (other.Folder(folder).FirstOrDefault(u => u.Id == unit.Id) is { } translated) Compare(unit, translated, structure, diagnostics);
        }
    }

    private static void Compare(Unit source, Unit translation, Structure structure, DiagnosticBag diagnostics)
    {
        void Differ(string what, string? field) =>
            diagnostics.Error(Codes.TranslationMismatch, FieldLine(translation, field),
                $"this translation differs in structure from {source.File.Path}: {what}",
                "translations must have the same units, ids, numbers and references; change only the text");

        if (source.Number != translation.Number || source.Kind != translation.Kind)
            Differ($"{translation.Kind} {translation.Id} has the number '{translation.Number}' where '{source.Number}' is expected", "number");
        if (!source.References.SequenceEqual(translation.References))
            Differ($"{translation.Kind} {translation.Id} has other references", "references");
        foreach (var (key, value) in source.OrderedFields.Where(f => f.Value.Invariant is not null))
            if (translation.Field(key)?.Invariant != value.Invariant)
                Differ($"{key} '{translation.Field(key)?.Invariant}' where '{value.Invariant}' is expected", key);
        if (source.OwnFile && !source.Notes.Keys.Order().SequenceEqual(translation.Notes.Keys.Order()))
            Differ("other notes", "notes");
        var a = source.Children.Select(c => $"{c.Id}:{c.Kind}").ToList();
        var b = translation.Children.Select(c => $"{c.Id}:{c.Kind}").ToList();
        if (!a.SequenceEqual(b))
        {
            diagnostics.Error(Codes.TranslationMismatch, translation.ListsAt.Values.FirstOrDefault() ?? FieldLine(translation, null),
                $"this translation differs in structure from {source.File.Path}: {Difference(source, translation, structure)}",
                "translations must have the same units, ids, numbers and references; change only the text");
            return;
        }
        for (int i = 0; i < source.Children.Length; i++) Compare(source.Children[i], translation.Children[i], structure, diagnostics);
    }

    /// <summary>Status, adoption date, version and licence are facts about the document, the same in every language.</summary>
    private static void CompareFacts(List<CharterEdition> editions, DiagnosticBag diagnostics)
    {
        var metas = editions.Where(e => e.Meta is not null).Select(e => e.Meta!).ToList();
        // A fact that could not be read is an error of its file: comparing what is left would add false ones.
        if (metas.Count < 2 || metas.Any(m => diagnostics.HasErrorIn(m.File.Path))) return;
        var first = metas[0];
        static string Of(DocumentFacts f) => $"status {f.Status ?? "-"}, adopted {f.Adopted?.ToString() ?? "-"}, version {f.Version ?? "-"}, licence {f.Licence?.Id ?? "-"} {f.Licence?.Url ?? ""}".TrimEnd();
        foreach (var other in metas.Skip(1).Where(m => Of(m.Facts) != Of(first.Facts)))
            diagnostics.Error(Codes.TranslationMismatch, SourceLocation.File(other.File.Path),
                $"this translation states other facts than {first.File.Path}: {Of(other.Facts)} where {Of(first.Facts)} is expected",
                "status, adopted, version and licence are the same in every language; translate only adopted_by and the texts");
    }

    /// <summary>"4 priorities where 5 are expected (p1-5 is missing)"; the lists in full when they differ otherwise.</summary>
    private static string Difference(Unit source, Unit translation, Structure structure)
    {
        var a = source.Children.Select(c => $"{c.Id}:{c.Kind}").ToList();
        var b = translation.Children.Select(c => $"{c.Id}:{c.Kind}").ToList();
        var kinds = source.Children.Concat(translation.Children).Select(c => c.Kind).Distinct().ToList();
        if (kinds.Count == 1)
        {
            var missing = a.Except(b).Select(x => x.Split(':')[0]).ToList();
            var extra = b.Except(a).Select(x => x.Split(':')[0]).ToList();
            var detail = string.Join("; ", new[]
            {
                missing.Count > 0 ? $"missing: {string.Join(", ", missing)}" : null,
                extra.Count > 0 ? $"not in the source: {string.Join(", ", extra)}" : null,
                missing.Count == 0 && extra.Count == 0 ? "in another order" : null,
            }.Where(x => x is not null));
            return b.Count == a.Count
                ? $"the {Plural(structure, kinds[0], 2)} under {translation.Id} differ ({detail})"
                : $"{b.Count} {Plural(structure, kinds[0], b.Count)} where {a.Count} are expected ({detail})";
        }
        return $"{b.Count} units under {translation.Id} ({string.Join(", ", b)}) where {a.Count} are expected ({string.Join(", ", a)})";
    }

    /// <summary>
    /// Where a field of a unit is written ("number:", "priorities:"), for problems that concern it as a whole: its
    /// unit's line when the field is not written; the first line of the file for a unit that is a file.
    /// </summary>
    private static SourceLocation FieldLine(Unit unit, string? field)
    {
        if (field is not null && unit.Field(field) is { } value) return value.At;
        if (field is not null && unit.OwnFile)
        {
            var m = Regex.Match(unit.File.Text, $"^{Regex.Escape(field)}:", RegexOptions.Multiline);
            if (m.Success) return unit.File.LocationOf(m.Index);
        }
        return unit.OwnFile ? SourceLocation.File(unit.File.Path) : unit.Location;
    }

    private static void CheckDeclarations(SiteContent content, DiagnosticBag diagnostics)
    {
        foreach (var group in content.Declarations.GroupBy(d => (d.Id, d.Language)))
        {
            var list = group.ToList();
            foreach (var duplicate in list.Skip(1))
                diagnostics.Error(Codes.DuplicateId, IdLine(duplicate.File),
                    $"duplicate declaration id '{group.Key.Id}', already used at {IdLine(list[0].File)}", "give each declaration its own id");
        }
        foreach (var group in content.Declarations.GroupBy(d => d.Id))
        {
            var byLanguage = group.GroupBy(d => d.Language).Select(g => g.First()).ToList();
            var first = byLanguage[0];
            foreach (var other in byLanguage.Skip(1))
                if (other.Type != first.Type || other.Year != first.Year || other.Excerpt != first.Excerpt || other.Url != first.Url || other.Symbol != first.Symbol)
                    diagnostics.Error(Codes.TranslationMismatch, SourceLocation.File(other.File.Path),
                        $"this translation differs from {first.File.Path} in type, year, excerpt, url or symbol", "keep language-independent fields the same");
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

    private static SourceLocation IdLine(SourceFile file)
    {
        var m = Regex.Match(file.Text, "^id:", RegexOptions.Multiline);
        return m.Success ? file.LocationOf(m.Index) : SourceLocation.File(file.Path);
    }

    /// <summary>The path the translation of a content file into another language would have (NAME.fr.md → NAME.en.md).</summary>
    public static string TranslationPath(string path, string language) => Regex.Replace(path, @"\.[^.]+\.md$", $".{language}.md");
}
