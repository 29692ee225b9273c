using System.Collections.Immutable;
using System.Text.RegularExpressions;
using Charter.Core.Caching;
using Charter.Core.Diagnostics;
using Charter.Core.Model;

namespace Charter.Core.Resolve;

/// <summary>
/// Stage 3, Resolve: for each charter and language, places every unit of its structure — its own file or, where the
/// translation is missing, another language's — on its page, in reading order; checks every reference, footnote and
/// link; and computes the backlinks from declarations to the passages that cite them.
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

    /// <summary>The footnote labels a Markdown text cites, in order of appearance.</summary>
    public static IEnumerable<string> NoteLabels(MarkdownText? text) =>
        text is null ? [] : NoteRef().Matches(text.Source).Select(m => m.Groups["label"].Value);

    /// <param name="reuse">For serve: the charters placed by the previous build, reused where their files are unchanged.</param>
    public static ResolvedSite Resolve(SiteContent content, DiagnosticBag diagnostics, CharterReuse<PlacedCharter>? reuse = null)
    {
        var config = content.Config;
        var declarationIds = content.Declarations.Select(d => d.Id).ToHashSet(StringComparer.Ordinal);

        var editions = ImmutableDictionary.CreateBuilder<(string, string), ResolvedEdition>();
        var dated = ImmutableDictionary.CreateBuilder<(string, string), ImmutableArray<ResolvedEdition>>();
        // Each charter is placed and checked on its own, the charters in parallel (at 100 charters this loop was most of
        // a serial second); what they give is gathered in the charters' order.
        var translations = new Dictionary<string, CharterTranslations>(StringComparer.Ordinal);
        foreach (var (slug, placed) in content.CharterSlugs.AsParallel().AsOrdered()
                     .Select(slug => (slug, reuse.Of(slug, diagnostics, () => PlaceAndCheck(content, slug, declarationIds, diagnostics)))).ToList())
        {
            translations[slug] = placed.Translations;
            foreach (var (key, edition) in placed.Current) editions[key] = edition;
            foreach (var (key, list) in placed.Dated) dated[key] = list;
        }

        var main = config.MainCharterOf(content.CharterSlugs);
        Addresses.Check(editions.Values.OrderBy(e => e.Slug, StringComparer.Ordinal).ToList(), config.DefaultLanguage, main, content.CharterSlugs, diagnostics);
        if (content.Versions.TryGetValue(main, out var mainVersions))
            Addresses.CheckVersions(mainVersions, content.CharterSlugs, diagnostics);

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

        return new ResolvedSite(config, content.CharterSlugs, editions.ToImmutable(), declarations.ToImmutable(), completeness)
        {
            Translations = TranslationStatus.Of(content, diagnostics, slug => translations[slug]),
            Updated = content.Updated,
            Topics = content.Topics,
            Dated = dated.ToImmutable(),
        };
    }

    /// <summary>
    /// A charter placed (<see cref="Place"/>), then its references, notes and links checked: once per source file (each
    /// language's own text), not once per fallback use; the earlier versions too (their records hold text), not the
    /// current one again at its dated address. Each edition is checked against its own ids and the declarations.
    /// </summary>
    private static PlacedCharter PlaceAndCheck(SiteContent content, string slug, HashSet<string> declarationIds, DiagnosticBag diagnostics)
    {
        var placed = Place(content, slug, diagnostics) with { Translations = TranslationStatus.OfCharter(content, slug, diagnostics) };
        var sideBySide = Permalinks.HasSideBySide(content.Config);
        foreach (var edition in placed.Current.Select(c => c.Edition).Concat(placed.Dated.SelectMany(d => d.Editions).Where(e => !e.Version!.IsCurrent)))
        {
            var ids = edition.Passages.Select(p => p.Id).ToHashSet(StringComparer.Ordinal);
            foreach (var unit in edition.Units.Where(u => !u.IsFallback))
            {
                CheckReferences(unit, declarationIds, diagnostics);
                CheckLinks(unit, ids, declarationIds, sideBySide, diagnostics);
                if (unit.Unit.OwnFile) CheckNotes(unit.Unit, diagnostics);
            }
        }
        return placed;
    }

    /// <summary>A charter placed in every language: its current editions and, with versions, each language's dated ones.</summary>
    private static PlacedCharter Place(SiteContent content, string slug, DiagnosticBag diagnostics)
    {
        var config = content.Config;
        var editions = new List<((string, string), ResolvedEdition)>();
        var dated = new List<((string, string), ImmutableArray<ResolvedEdition>)>();
        var raw = config.Languages.Select(l => content.Edition(slug, l)!).ToList();
        var history = content.Versions.TryGetValue(slug, out var versions) ? VersionTexts.Of(content, versions, diagnostics) : null;
        foreach (var language in config.Languages)
        {
            if (Edition(content, slug, language, raw, Permalinks.Charter(language, slug)) is not { } edition) continue;
            if (history is null) { editions.Add(((slug, language), edition)); continue; }
            editions.Add(((slug, language), Versioned(edition, new EditionVersion(history, history.Texts.Length - 1, Dated: false))));
            // Each version under its dated address: the same placement, on the text of that version.
            dated.Add(((slug, language), [.. history.Texts.Select((text, k) => Edition(content, slug, language,
                    config.Languages.Select(l => text[l]).ToList(), $"{Permalinks.Charter(language, slug)}{history.Versions.List[k].Id}/")
                is { } e ? Versioned(Untranslated(e, history.Untranslated[(k, language)], config.Languages[0]),
                    new EditionVersion(history, k, Dated: true) { Untranslated = history.Untranslated[(k, language)] }) : null)
                .OfType<ResolvedEdition>()]));
        }
        return new PlacedCharter(editions, dated);
    }

    /// <summary>One charter in one language, placed from its files (or another language's, where missing) under <paramref name="home"/>.</summary>
    private static ResolvedEdition? Edition(SiteContent content, string slug, string language, List<CharterEdition> raw, string home)
    {
        var config = content.Config;
        var structure = content.Structures[slug];
        var ordered = raw.OrderBy(e => e.Language == language ? 0 : 1 + config.Languages.IndexOf(e.Language)).ToList();
        var meta = ordered.Where(e => e.Meta is not null).Select(e => new Localized<CharterMeta>(e.Meta!, e.Language, e.Language != language)).FirstOrDefault();
        if (meta is null) return null; // reported by the validator: a charter needs its metadata
        var placer = new Placer(language, structure, ordered, home);
        var parts = structure.Parts.Select((part, i) => placer.Part(part, i + 1)).OfType<ResolvedUnit>().ToImmutableArray();
        var passages = Passages(slug, parts);
        return new ResolvedEdition(slug, language, structure, meta, parts, passages) { Topics = TopicsOf(content, slug, passages), Home = home };
    }

    /// <summary>An edition of one version: its status and version are the version's (versions.yml), whatever charter.{lang}.md says.</summary>
    private static ResolvedEdition Versioned(ResolvedEdition e, EditionVersion version)
    {
        var facts = e.Meta.Value.Facts with { Status = version.Value.Status, Version = version.Value.Id };
        return e with { Version = version, Meta = e.Meta with { Value = e.Meta.Value with { Facts = facts } } };
    }

    /// <summary>
    /// An earlier version in a language whose amendment record is missing: the units the source language's record
    /// gave are in the source language, shown as a missing translation is (its notice, its lang).
    /// </summary>
    private static ResolvedEdition Untranslated(ResolvedEdition e, ImmutableHashSet<string> ids, string source)
    {
        if (ids.IsEmpty || e.Language == source) return e;
        ResolvedUnit Walk(ResolvedUnit u)
        {
            var children = u.Children.Select(Walk).ToImmutableArray();
            return ids.Contains(u.Id) ? u with { Children = children, Language = source, IsFallback = true } : u with { Children = children };
        }
        var parts = e.Parts.Select(Walk).ToImmutableArray();
        return e with { Parts = parts, Passages = Passages(e.Slug, parts) };
    }

    /// <summary>Every unit of a placed charter as a passage, in reading order.</summary>
    private static ImmutableArray<Passage> Passages(string slug, ImmutableArray<ResolvedUnit> parts) =>
        parts.SelectMany(p => p.DescendantsAndSelf()).Select(u => new Passage(slug, u.Id, u.Unit.Kind, u.Unit.Number,
            u.PagePath, u.Heading, u.Unit.Text, u.Language, u.IsFallback, u.References, u)).ToImmutableArray();

    /// <summary>The topics of a charter's units: the known ones, of units whose kind takes topics (the validator reports the rest).</summary>
    private static ImmutableDictionary<string, ImmutableArray<string>> TopicsOf(SiteContent content, string slug, ImmutableArray<Passage> passages)
    {
        if (!content.TopicAssignments.TryGetValue(slug, out var assignment)) return ImmutableDictionary<string, ImmutableArray<string>>.Empty;
        var known = content.Topics.Select(t => t.Id).ToHashSet(StringComparer.Ordinal);
        return passages.Where(p => p.Unit.Kind.Topics)
            .Select(p => (p.Id, Topics: assignment.Of(p.Id).Where(known.Contains).Distinct(StringComparer.Ordinal).ToImmutableArray()))
            .Where(x => !x.Topics.IsEmpty).ToImmutableDictionary(x => x.Id, x => x.Topics, StringComparer.Ordinal);
    }

    /// <summary>Places the units of one charter in one language, falling back file by file to the other languages, in their order.</summary>
    private sealed class Placer(string language, Structure structure, List<CharterEdition> byPreference, string home)
    {
        private readonly string _home = home;

        public ResolvedUnit? Part(PartDef part, int position)
        {
            var kind = structure.Kinds[part.Kind];
            var chosen = byPreference.FirstOrDefault(e => e.Parts.ContainsKey(part.Id));
            var unit = chosen?.Parts[part.Id];
            if (unit is null)
            {
                // No language has the part's own file, but its folder has units (principles/ without principles.md):
                // the part stands, with no text, to hold them.
                var folders = kind.Children.Select(c => c.Folder).OfType<string>().ToList();
                var sample = byPreference.SelectMany(e => folders.SelectMany(f => e.Folder(f))).FirstOrDefault();
                if (sample is null) return null;
                unit = new Unit(kind.Name, part.Id, position, "", ImmutableDictionary<string, FieldValue>.Empty, null, [], [],
                    ImmutableDictionary<string, MarkdownText>.Empty, sample.File, SourceLocation.File(sample.File.Path), true);
                chosen = byPreference[0];
            }
            return Place(unit, kind, chosen!.Language, null, _home);
        }

        private ResolvedUnit Place(Unit unit, KindDef kind, string textLanguage, Unit? parent, string parentPage)
        {
            var hasPage = kind.Page is not null;
            var page = hasPage ? Permalinks.UnitPage(_home, kind.Page!, unit.Ordinal, unit.Id) : parentPage;
            var children = ImmutableArray.CreateBuilder<ResolvedUnit>();
            foreach (var list in kind.Children)
            {
                if (list.Key is not null)
                {
                    foreach (var child in unit.Children.Where(c => list.Kinds.Contains(c.Kind)))
                        children.Add(Place(child, structure.Kinds[child.Kind], textLanguage, unit, page));
                    continue;
                }
                // A folder: one file per unit, each in its own language or, missing, in another.
                var ids = byPreference.SelectMany(e => e.Folder(list.Folder!)).OrderBy(u => u.Ordinal).ThenBy(u => u.Id, StringComparer.Ordinal)
                    .Select(u => u.Id).Distinct(StringComparer.Ordinal);
                foreach (var id in ids)
                {
                    var (file, edition) = byPreference.Select(e => (File: e.Folder(list.Folder!).FirstOrDefault(u => u.Id == id), Edition: e))
                        .First(x => x.File is not null);
                    children.Add(Place(file!, structure.Kinds[file!.Kind], edition.Language, unit, page));
                }
            }
            // The fields sorted once for the heading and the references (sorting them was a good part of placing a unit).
            var fields = unit.OrderedFields.Select(f => f.Value).ToArray();
            var heading = kind.HeadingFrom switch
            {
                "parent" => parent is null ? null : parent.TextField("title") ?? parent.TextField("heading"),
                "date" => fields.FirstOrDefault(f => f.Type == FieldType.Date)?.Date?.ToString(),
                { } field => unit.TextField(field),
                null => unit.TextField("title") ?? unit.TextField("heading"),
            };
            return new ResolvedUnit(unit, kind, textLanguage, textLanguage != language, page, hasPage, heading, References(unit, fields), children.ToImmutable(), parent);
        }

        /// <summary>
        /// The ids a unit cites, each once where it first appears: the ref: links of its text, its references: list,
        /// its refs fields, then its link fields that name a declaration (ref:ID). A unit cites a handful at most, so
        /// a list is searched rather than a set made for each unit.
        /// </summary>
        private static ImmutableArray<string> References(Unit unit, FieldValue[] fields)
        {
            var ids = ImmutableArray.CreateBuilder<string>();
            void Add(string id) { if (!ids.Contains(id)) ids.Add(id); }
            foreach (var id in RefLinks(unit.Text)) Add(id);
            foreach (var id in unit.References) Add(id);
            foreach (var field in fields)
                if (field.Type == FieldType.Refs) foreach (var id in field.Items) Add(id);
            foreach (var field in fields)
                if (field.Type == FieldType.Link && field.Text is { } text && text.StartsWith("ref:", StringComparison.Ordinal)) Add(text[4..]);
            return ids.ToImmutable();
        }
    }

    private static void CheckReferences(ResolvedUnit unit, HashSet<string> declarationIds, DiagnosticBag diagnostics)
    {
        foreach (var id in unit.References.Where(id => !declarationIds.Contains(id)))
        {
            var u = unit.Unit;
            // At the ref: link in the text when it is there, else at the field or the list that names it.
            var at = u.Text is { } text && text.Source.Contains("ref:" + id, StringComparison.Ordinal) ? text.Locate("ref:" + id)
                : u.OrderedFields.Select(f => f.Value).FirstOrDefault(f => f.Items.Contains(id) || f.Text == "ref:" + id) is { } field
                  ? u.File.Find(id, field.At)
                  : (u.File.Text.IndexOf(id, StringComparison.Ordinal) is var i and >= 0 ? u.File.LocationOf(i) : u.Location);
            diagnostics.Error(Codes.UnknownReference, at, $"unknown reference '{id}' in {u.Id}",
                "use the id of a file in content/declarations/ (its 'id:' field)");
        }
    }

    /// <summary>A link field (a milestone's 'concerns') names a declaration (ref:ID), a unit of the charter, or the side-by-side view.</summary>
    private static void CheckLinks(ResolvedUnit unit, HashSet<string> unitIds, HashSet<string> declarationIds, bool sideBySide, DiagnosticBag diagnostics)
    {
        foreach (var (key, field) in unit.Unit.OrderedFields.Where(f => f.Value.Type == FieldType.Link))
        {
            var target = field.Text ?? "";
            if (target == Permalinks.SideBySide && !sideBySide)
            {
                diagnostics.Error(Codes.UnknownReference, field.At,
                    $"{unit.Unit.Kind} {unit.Id}: {key} '{target}': a site of one language has no side-by-side view",
                    "link a unit or a declaration (ref:ID) instead, or add a second language to charter.yml");
                continue;
            }
            var ok = target.StartsWith("ref:", StringComparison.Ordinal) ? declarationIds.Contains(target[4..])
                : unitIds.Contains(target) || target == Permalinks.SideBySide;
            if (!ok)
                diagnostics.Error(Codes.UnknownReference, field.At,
                    $"{unit.Unit.Kind} {unit.Id}: {key} '{target}' is neither a declaration (ref:ID) nor a unit of the charter",
                    $"use ref:ID, the id of a unit (such as a part: {string.Join(", ", unitIds.Take(6))}…) or {Permalinks.SideBySide}");
        }
    }

    /// <summary>Every footnote marker in the texts of a file names a note of that file.</summary>
    private static void CheckNotes(Unit file, DiagnosticBag diagnostics)
    {
        foreach (var text in file.DescendantsAndSelf().Where(u => u == file || !u.OwnFile).Select(u => u.Text).OfType<MarkdownText>())
            foreach (Match m in NoteRef().Matches(text.Source))
                if (!file.Notes.ContainsKey(m.Groups["label"].Value))
                    diagnostics.Error(Codes.UnknownNote, text.Locate(m.Value), $"unknown footnote '{m.Groups["label"].Value}'",
                        "add it under 'notes:' in this file, or remove the marker");
    }
}
