using System.Collections.Immutable;
using System.Text.RegularExpressions;
using Charter.Core.Diagnostics;
using Charter.Core.Model;

namespace Charter.Core.Load;

/// <summary>
/// Reads the versions of the charters that have them: content/{slug}/versions.yml (the list, oldest first) and the
/// amendment records content/{slug}/versions/{id}.{lang}.yml. The fields a record gives are read by the kind of the
/// unit they belong to, as the charter's own files are (UnitReader), so types and diagnostics are the same. Whether
/// the records fit the texts they apply to is checked when the earlier texts are made (Resolve/VersionTexts).
/// </summary>
public static partial class VersionLoader
{
    [GeneratedRegex(@"^\d{4}-\d{2}(-\d{2})?$")]
    private static partial Regex Segment();

    [GeneratedRegex(@"^(?<id>[^.]+)\.(?<lang>[A-Za-z-]+)\.yml$")]
    private static partial Regex RecordName();

    public static ImmutableDictionary<string, CharterVersions> Load(string siteRoot, SiteConfig config,
        ImmutableDictionary<string, Structure> structures, ImmutableDictionary<(string, string), CharterEdition> editions, DiagnosticBag diagnostics)
    {
        var result = ImmutableDictionary.CreateBuilder<string, CharterVersions>(StringComparer.Ordinal);
        foreach (var slug in structures.Keys.Order(StringComparer.Ordinal))
        {
            var display = $"{ContentLoader.ContentFolder}/{slug}/{CharterVersions.FileName}";
            if (DataFile.Read(siteRoot, display, config, diagnostics) is not { } root) continue;
            var list = List(root, display, diagnostics);
            root.ReportUnknown();
            if (list.IsEmpty) continue;
            var records = Records(siteRoot, slug, config, structures[slug], list, editions, diagnostics);
            result[slug] = new CharterVersions(slug, list, records, root.File);
        }
        return result.ToImmutable();
    }

    private static ImmutableArray<CharterVersion> List(FieldReader root, string display, DiagnosticBag diagnostics)
    {
        var versions = ImmutableArray.CreateBuilder<CharterVersion>();
        var items = root.List("versions", required: true);
        foreach (var item in items)
        {
            var raw = item.String("date", required: true);
            var date = raw is null ? null : PartialDate.Parse(raw);
            if (raw is not null && date is null)
                diagnostics.Error(Codes.InvalidValue, item.LocationOf("date")!, $"date '{raw}' is not a date",
                    "write it as YYYY, YYYY-MM or YYYY-MM-DD, to the precision the source gives (date: 2022-10)");
            var id = item.String("id") ?? date?.ToString();
            var status = item.String("status", required: true);
            if (status is not null && !DocumentFacts.Statuses.Contains(status))
            {
                diagnostics.Error(Codes.InvalidValue, item.LocationOf("status")!, $"status '{status}' is not known",
                    $"write one of: {string.Join(", ", DocumentFacts.Statuses)}");
                status = null;
            }
            var note = item.Localized("note");
            item.ReportUnknown();
            if (date is null || status is null || id is null) continue;
            var at = item.LocationOf("id") ?? item.Location;
            if (!Segment().IsMatch(id) || PartialDate.Parse(id) is null)
            {
                diagnostics.Error(Codes.InvalidValue, at, $"the version id '{id}' is not a dated address segment",
                    "write it as YYYY-MM or YYYY-MM-DD (it is the version's address: /fr/SLUG/2022-10/), or leave it out to take the date");
                continue;
            }
            if (versions.FirstOrDefault(v => v.Id == id) is { } twice)
            {
                diagnostics.Error(Codes.DuplicateId, at, $"the version id '{id}' is given twice (first at line {twice.At.Line})",
                    "give each version its own date or id");
                continue;
            }
            if (versions.Count > 0 && Compare(versions[^1].Date, date.Value) >= 0)
            {
                diagnostics.Error(Codes.TimelineOrder, item.LocationOf("date")!,
                    $"version {id} is dated {date} but comes after version {versions[^1].Id}, dated {versions[^1].Date}",
                    "list the versions oldest first, each later than the one before; the last one is the current text");
            }
            versions.Add(new CharterVersion(id, date.Value, status, note, at));
        }
        if (items.Count == 0 && root.Has("versions"))
            diagnostics.Error(Codes.MissingField, root.Location, $"{display} lists no versions", "list them under 'versions:', oldest first");
        return versions.ToImmutable();
    }

    /// <summary>Orders dates of different precision by their first day: 2022 before 2022-10 before 2022-10-11.</summary>
    public static int Compare(PartialDate a, PartialDate b) =>
        (a.Year, a.Month ?? 0, a.Day ?? 0).CompareTo((b.Year, b.Month ?? 0, b.Day ?? 0));

    /// <summary>The records of the later versions, newest first read (a unit a newer record removed has its kind there).</summary>
    private static ImmutableDictionary<(string, string), Amendment> Records(string siteRoot, string slug, SiteConfig config, Structure structure,
        ImmutableArray<CharterVersion> versions, ImmutableDictionary<(string, string), CharterEdition> editions, DiagnosticBag diagnostics)
    {
        var folder = Path.Combine(siteRoot, ContentLoader.ContentFolder, slug, CharterVersions.Folder);
        var result = ImmutableDictionary.CreateBuilder<(string, string), Amendment>();
        if (!Directory.Exists(folder)) return result.ToImmutable();
        // The kind of every unit any text of the charter has: the current units, then those the records bring back.
        var kinds = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var language in config.Languages)
            if (editions.TryGetValue((slug, language), out var e))
                foreach (var unit in e.AllUnits()) kinds.TryAdd(unit.Id, unit.Kind);

        var files = Directory.EnumerateFiles(folder).Select(Path.GetFileName).OfType<string>().Order(StringComparer.Ordinal).ToList();
        foreach (var name in files)
        {
            var display = $"{ContentLoader.ContentFolder}/{slug}/{CharterVersions.Folder}/{name}";
            var match = RecordName().Match(name);
            if (!match.Success || !config.Languages.Contains(match.Groups["lang"].Value))
            {
                diagnostics.Warning(Codes.UnknownFile, SourceLocation.File(display), "this file is not an amendment record and is not read",
                    $"name a record VERSION.LANG.yml, for a version of {CharterVersions.FileName} and a language of charter.yml ({string.Join(", ", config.Languages)})");
                continue;
            }
            var id = match.Groups["id"].Value;
            var index = versions.IndexOf(versions.FirstOrDefault(v => v.Id == id)!);
            if (index < 0)
                diagnostics.Error(Codes.UnknownReference, SourceLocation.File(display), $"there is no version '{id}' in {CharterVersions.FileName}",
                    $"name the record after one of the versions after the first: {string.Join(", ", versions.Skip(1).Select(v => v.Id))}");
            else if (index == 0)
                diagnostics.Error(Codes.InvalidValue, SourceLocation.File(display), $"version {id} is the first: there is nothing before it to change",
                    "a record says what a later version changed; remove this one, or add the earlier version to versions.yml");
        }
        // Newest first, so that a unit a newer version removed is known (with its kind) to the records before it.
        foreach (var version in versions.Skip(1).Reverse())
            foreach (var language in config.Languages)
            {
                var display = $"{ContentLoader.ContentFolder}/{slug}/{CharterVersions.Folder}/{version.Id}.{language}.yml";
                if (DataFile.Read(siteRoot, display, config, diagnostics) is not { } root) continue;
                var record = Record(root, version.Id, language, structure, kinds, diagnostics);
                foreach (var (uid, removed) in record.Removed) kinds.TryAdd(uid, removed.Unit.Kind);
                result[(version.Id, language)] = record;
            }
        return result.ToImmutable();
    }

    private static Amendment Record(FieldReader root, string version, string language, Structure structure,
        Dictionary<string, string> kinds, DiagnosticBag diagnostics)
    {
        var modified = ImmutableDictionary.CreateBuilder<string, FieldChange>(StringComparer.Ordinal);
        if (root.Mapping("modified") is { } map)
            foreach (var id in map.Names())
            {
                var at = map.KeyLocation(id)!;
                if (map.Mapping(id) is not { } entry) continue;
                // A unit of no text: the change is reported where the texts are made; its fields cannot be typed here.
                if (!kinds.TryGetValue(id, out var kind) || !structure.Kinds.TryGetValue(kind, out var def)) { modified[id] = new FieldChange(ImmutableDictionary<string, FieldValue>.Empty, null, at); continue; }
                var (fields, text) = UnitReader.ReadGiven(entry, def, diagnostics);
                if (fields.IsEmpty && text is null)
                    diagnostics.Error(Codes.MissingField, at, $"the earlier wording of {id} gives no field",
                        $"give the fields as they read before version {version}, e.g. '{id}: {{ text: \"…\" }}'");
                modified[id] = new FieldChange(fields, text, at);
            }
        var added = root.StringList("added").Select(id => (id, root.File.Find(id, root.LocationOf("added")!))).ToImmutableArray();
        var removed = ImmutableDictionary.CreateBuilder<string, RemovedUnit>(StringComparer.Ordinal);
        if (root.Mapping("removed") is { } gone)
            foreach (var id in gone.Names())
            {
                var at = gone.KeyLocation(id)!;
                if (gone.Mapping(id) is not { } entry) continue;
                var parent = entry.String("in", required: true);
                var after = entry.String("after");
                if (parent is null) continue;
                if (!kinds.TryGetValue(parent, out var parentKind) || !structure.Kinds.TryGetValue(parentKind, out var parentDef))
                {
                    diagnostics.Error(Codes.UnknownReference, entry.LocationOf("in")!, $"'{parent}' is not a unit of the charter",
                        $"give in 'in:' the id of the unit {id} was listed in");
                    continue;
                }
                var list = parentDef.Children.FirstOrDefault(c => c.Key is not null);
                if (list is null)
                {
                    diagnostics.Error(Codes.StructureViolation, entry.LocationOf("in")!, $"a {parentKind} lists no units in its file: {id} cannot have stood in {parent}",
                        "a record brings back a unit of a list (a priority, a commitment); a file of a folder is brought back by restoring its file");
                    continue;
                }
                var kindName = entry.String("kind") ?? list.Kinds[0];
                if (!list.Kinds.Contains(kindName) || !structure.Kinds.TryGetValue(kindName, out var kind))
                {
                    diagnostics.Error(Codes.StructureViolation, entry.LocationOf("kind") ?? at, $"a {kindName} cannot be listed under '{list.Key}'",
                        $"under '{list.Key}' the structure allows: {string.Join(", ", list.Kinds)}");
                    continue;
                }
                var unit = UnitReader.ReadEntry(entry, kind, structure, new UnitReader.Place(parent, null, id, "", 1, false), diagnostics)
                    with { Id = id, ListKey = list.Key, Location = at };
                removed[id] = new RemovedUnit(unit, parent, after, at);
            }
        root.ReportUnknown();
        return new Amendment(version, language, modified.ToImmutable(), added, removed.ToImmutable(), root.File);
    }
}
