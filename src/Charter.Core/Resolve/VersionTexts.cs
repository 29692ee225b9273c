using System.Collections.Immutable;
using Charter.Core.Diagnostics;
using Charter.Core.Load;
using Charter.Core.Model;

namespace Charter.Core.Resolve;

/// <summary>What a version did to a unit, compared with the one before.</summary>
public enum UnitChangeKind { Added, Modified, Removed }

/// <summary>One change of a unit: the version (its index in versions.yml) that made it.</summary>
public sealed record UnitChange(int Version, UnitChangeKind Kind);

/// <summary>
/// The text of every version of one charter in every language: the current files, with the amendment records of the
/// versions after each one undone, newest first. Checks, as it goes, that each record fits the text it applies to.
/// </summary>
/// <param name="Texts">By version index, then language: the charter's files as they read in that version.</param>
/// <param name="Untranslated">By version index and language: the units whose earlier wording is the source language's (no record in that language).</param>
/// <param name="Changes">By unit id: what each later version did to it, oldest first.</param>
public sealed record VersionTexts(CharterVersions Versions, ImmutableArray<ImmutableDictionary<string, CharterEdition>> Texts,
    ImmutableDictionary<(int Version, string Language), ImmutableHashSet<string>> Untranslated,
    ImmutableDictionary<string, ImmutableArray<UnitChange>> Changes)
{
    public ImmutableArray<UnitChange> ChangesOf(string id) => Changes.TryGetValue(id, out var c) ? c : [];

    public static VersionTexts Of(SiteContent content, CharterVersions versions, DiagnosticBag diagnostics)
    {
        var slug = versions.Slug;
        var structure = content.Structures[slug];
        var languages = content.Config.Languages;
        var source = languages[0];
        var n = versions.List.Length;
        CheckShapes(versions, languages, diagnostics);

        var texts = new ImmutableDictionary<string, CharterEdition>.Builder[n];
        for (int k = 0; k < n; k++) texts[k] = ImmutableDictionary.CreateBuilder<string, CharterEdition>(StringComparer.Ordinal);
        var untranslated = ImmutableDictionary.CreateBuilder<(int, string), ImmutableHashSet<string>>();
        var changes = new Dictionary<string, List<UnitChange>>(StringComparer.Ordinal);
        foreach (var language in languages)
        {
            var text = content.Edition(slug, language)!;
            texts[n - 1][language] = text;
            var fromSource = ImmutableHashSet<string>.Empty;
            var addedLater = new HashSet<string>(StringComparer.Ordinal);
            for (int k = n - 1; k >= 1; k--)
            {
                var own = versions.Records.GetValueOrDefault((versions.List[k].Id, language));
                var record = own ?? versions.Records.GetValueOrDefault((versions.List[k].Id, source));
                if (record is not null)
                {
                    // Each record's problems are said once, at the record itself (its language's own, or the source's for itself).
                    var report = own is not null ? diagnostics : new DiagnosticBag();
                    // A unit whose file this language lacks is the source's on its pages (a missing translation): not an error here.
                    var sourceText = language == source ? null : texts[k][source];
                    text = new Undo(structure, versions.List[k], text, report, sourceText).Apply(record, addedLater);
                    if (own is null)
                    {
                        fromSource = fromSource.Union(record.Modified.Keys).Union(record.Removed.Keys);
                        diagnostics.Warning(Codes.MissingTranslation, SourceLocation.File(record.File.Path),
                            $"version {versions.List[k].Id} has no record in '{language}': its earlier wording is shown in '{source}' on the '{language}' pages",
                            $"translate this record into {Path.GetFileName(record.File.Path).Replace($".{source}.", $".{language}.")}");
                    }
                    if (language == source)
                        foreach (var (id, kind) in record.Added.Select(a => (a.Id, UnitChangeKind.Added))
                                     .Concat(record.Modified.Keys.Select(id => (id, UnitChangeKind.Modified)))
                                     .Concat(record.Removed.Keys.Select(id => (id, UnitChangeKind.Removed))))
                            (changes.TryGetValue(id, out var list) ? list : changes[id] = []).Add(new UnitChange(k, kind));
                }
                texts[k - 1][language] = text;
                untranslated[(k - 1, language)] = fromSource;
            }
            untranslated[(n - 1, language)] = ImmutableHashSet<string>.Empty;
        }
        return new VersionTexts(versions, [.. texts.Select(t => t.ToImmutable())], untranslated.ToImmutable(),
            changes.ToImmutableDictionary(kv => kv.Key, kv => kv.Value.OrderBy(c => c.Version).ToImmutableArray(), StringComparer.Ordinal));
    }

    /// <summary>Ids, added, and where removed units stood are language-independent: every language's record says the same.</summary>
    private static void CheckShapes(CharterVersions versions, ImmutableArray<string> languages, DiagnosticBag diagnostics)
    {
        foreach (var version in versions.List.Skip(1))
        {
            if (versions.Records.GetValueOrDefault((version.Id, languages[0])) is not { } reference) continue;
            foreach (var language in languages.Skip(1))
                if (versions.Records.GetValueOrDefault((version.Id, language)) is { } other && other.Shape != reference.Shape)
                    diagnostics.Error(Codes.TranslationMismatch, SourceLocation.File(other.File.Path),
                        $"this record differs in structure from {reference.File.Path}",
                        "a record's ids, 'added' and the 'in:'/'after:' of removed units are the same in every language; translate only the wording");
        }
    }

    /// <summary>One record undone on the text of its version, giving the text of the version before.</summary>
    /// <param name="source">For a translation, the source language's text of the same version: what a missing file of the translation shows.</param>
    private sealed class Undo(Structure structure, CharterVersion version, CharterEdition text, DiagnosticBag diagnostics, CharterEdition? source)
    {
        private CharterEdition _text = text;

        /// <summary>Whether a unit this language's files lack is in the source's: its file is untranslated, and the record's entry is for the source's text.</summary>
        private bool Untranslated(string id) => source is not null && source.AllUnits().Any(u => u.Id == id);

        public CharterEdition Apply(Amendment record, HashSet<string> addedLater)
        {
            foreach (var (id, at) in record.Added)
            {
                if (Find(id) is null && Untranslated(id)) continue;
                if (Find(id) is null)
                    diagnostics.Error(Codes.UnknownReference, at, $"{id} is said to be added in version {version.Id}, but the text of that version has no {id}",
                        "list in 'added' only units of the charter's text as this version has it");
                else if (_text.Parts.ContainsKey(id))
                    diagnostics.Error(Codes.StructureViolation, at, $"{id} is a part of the charter: parts are its structure, not added by a version",
                        "add or remove the units inside it instead");
                else Remove(id);
            }
            foreach (var (id, change) in record.Modified)
            {
                if (Find(id) is null && Untranslated(id)) continue;
                if (Find(id) is null)
                    diagnostics.Error(Codes.UnknownReference, change.At, $"{id} is not a unit of the charter's text in version {version.Id}",
                        "give in 'modified' the id of a unit this version has, with its fields as they read before");
                else Map(u => u.Id == id ? u with { Fields = u.Fields.SetItems(change.Fields), Text = change.Text ?? u.Text } : u);
            }
            foreach (var (id, removed) in record.Removed)
            {
                if (Find(id) is { } present)
                {
                    diagnostics.Error(Codes.DuplicateId, removed.At,
                        $"{id} is said to be removed in version {version.Id}, but a unit of that version's text has the id {id} ({present.File.Path}:{present.Location.Line})",
                        "ids are never reused: give the later unit an id of its own ('id:'), or drop the entry");
                    continue;
                }
                if (addedLater.Contains(id))
                {
                    diagnostics.Error(Codes.DuplicateId, removed.At, $"{id} is removed in version {version.Id} and added again by a later version",
                        "ids are never reused: give the unit added later an id of its own ('id:')");
                    continue;
                }
                if (Find(removed.In) is null && Untranslated(removed.In)) continue;
                if (Find(removed.In) is null)
                {
                    diagnostics.Error(Codes.UnknownReference, removed.At, $"{removed.In} (where {id} stood) is not a unit of the text before version {version.Id}",
                        "give in 'in:' the unit it was listed in");
                    continue;
                }
                if (removed.After is { } after && Find(removed.In)!.Children.All(c => c.Id != after))
                {
                    diagnostics.Error(Codes.UnknownReference, removed.At, $"{after} (the unit {id} came after) is not listed in {removed.In}",
                        $"give in 'after:' the unit of {removed.In} it followed, or leave 'after:' out if it came first");
                    continue;
                }
                Map(u => u.Id != removed.In ? u : Renumber(u with { Children = Insert(u.Children, removed) }));
            }
            addedLater.UnionWith(record.Added.Select(a => a.Id));
            return _text;
        }

        private Unit? Find(string id) => _text.AllUnits().FirstOrDefault(u => u.Id == id);

        private static ImmutableArray<Unit> Insert(ImmutableArray<Unit> children, RemovedUnit removed)
        {
            var at = removed.After is null ? 0 : children.IndexOf(children.First(c => c.Id == removed.After)) + 1;
            return children.Insert(at, removed.Unit);
        }

        private void Remove(string id)
        {
            var folders = _text.Folders.ToImmutableDictionary(f => f.Key, f => f.Value.RemoveAll(u => u.Id == id), StringComparer.Ordinal);
            _text = _text with { Folders = folders };
            Map(u => u.Children.Any(c => c.Id == id) ? Renumber(u with { Children = u.Children.RemoveAll(c => c.Id == id) }) : u);
        }

        /// <summary>Every unit of the text through <paramref name="f"/>, children first.</summary>
        private void Map(Func<Unit, Unit> f)
        {
            Unit Walk(Unit u) => f(u with { Children = [.. u.Children.Select(Walk)] });
            _text = _text with
            {
                Parts = _text.Parts.ToImmutableDictionary(p => p.Key, p => Walk(p.Value), StringComparer.Ordinal),
                Folders = _text.Folders.ToImmutableDictionary(p => p.Key, p => p.Value.Select(Walk).ToImmutableArray(), StringComparer.Ordinal),
            };
        }

        /// <summary>
        /// Numbers a unit's listed children by their position again, as the loader does (a unit added later took a place;
        /// a removed one comes back to its own); those whose kind numbers them by a field keep theirs.
        /// </summary>
        private Unit Renumber(Unit parent)
        {
            var children = parent.Children.GroupBy(c => c.ListKey).SelectMany(list => list.Select((c, i) =>
            {
                var kind = structure.Kinds[c.Kind];
                if (kind.Fields.ContainsKey("number")) return c;
                var number = UnitReader.Fill(kind.NumberPattern, UnitReader.Format(i + 1, kind.Numbering), parent.Number, "");
                return Renumber(c with { Ordinal = i + 1, Number = number });
            }));
            var order = parent.Children.Select(c => c.Id).ToList();
            return parent with { Children = [.. children.OrderBy(c => order.IndexOf(c.Id))] };
        }
    }
}
