using System.Globalization;
using System.Collections.Concurrent;
using System.Collections.Immutable;
using System.Text.RegularExpressions;
using Charter.Core.Diagnostics;
using Charter.Core.Model;
using Charter.Core.Safety;

namespace Charter.Core.Load;

/// <summary>
/// Stage 1, Load: reads <c>charter.yml</c>, each charter's <c>structure.yml</c>, and every
/// <c>content/**/NAME.{lang}.md</c> file (in parallel) into the typed, immutable model: a charter folder holds its
/// metadata (<c>charter.{lang}.md</c>), its parts (<c>{part}.{lang}.md</c>) and the folders its structure names;
/// <c>content/declarations/</c> holds the texts the charters cite. Problems become diagnostics; loading goes on past
/// them so that the editor sees every mistake at once.
/// </summary>
public static partial class ContentLoader
{
    public const string ContentFolder = "content";
    public const string DeclarationsFolder = "declarations";
    public const string MetaFile = "charter";

    [GeneratedRegex("^(?<name>[^.]+)\\.(?<lang>[A-Za-z-]+)\\.md$")]
    private static partial Regex TranslatedName();

    [GeneratedRegex("^[a-z0-9]+(-[a-z0-9]+)*$")]
    private static partial Regex IdPattern();

    public static bool IsValidId(string id) => IdPattern().IsMatch(id);

    private enum Role { Declaration, Meta, Part, FolderUnit }

    /// <param name="Name">The file's name without language: a part's id, or a folder file's own name.</param>
    /// <param name="Owner">For a part, its id; for a folder file, the folder's name.</param>
    private sealed record ContentFile(string RelativePath, string FullPath, Role Role, string Slug, string Name, string Owner, string Language)
    {
        /// <summary>
        /// The load cache's key: every field and the limits (<paramref name="limits"/>, their text made once per build).
        /// Joined by hand, not the records' ToString: serve makes a key for each of the 30,000 files of 100 charters at
        /// every rebuild, and formatting the two records was a tenth of a one-file rebuild.
        /// </summary>
        public string CacheKey(string limits) =>
            string.Join('\n', RelativePath, FullPath, ((int)Role).ToString(CultureInfo.InvariantCulture), Slug, Name, Owner, Language, limits);
    }

    public static SiteContent? Load(string siteRoot, DiagnosticBag diagnostics, string? baseUrlOverride = null)
    {
        var config = SiteConfigLoader.Load(siteRoot, diagnostics, baseUrlOverride);
        return config is null ? null : Load(siteRoot, config, diagnostics);
    }

    /// <summary>Loads the content of a site whose charter.yml was already read (the build reads it first to start on the theme).</summary>
    /// <param name="digests">
    /// For serve, with <paramref name="cache"/>: the SHA-256 of each file's bytes by site-relative path, taken before the
    /// build (SiteInputs). A file whose digest is that of the bytes it was last parsed from is not read again, and what
    /// the build loads is then exactly what its charters' keys were made from.
    /// </param>
    public static SiteContent Load(string siteRoot, SiteConfig config, DiagnosticBag diagnostics, LoadCache? cache = null,
        IReadOnlyDictionary<string, byte[]>? digests = null)
    {
        var structures = LoadStructures(siteRoot, config, diagnostics, cache);
        var files = Discover(siteRoot, config, structures, diagnostics);
        var parsed = new ConcurrentDictionary<ContentFile, LoadedFile>();
        var limitsKey = config.Limits.ToString();
        Parallel.ForEach(files, file =>
        {
            try
            {
                var structure = structures.GetValueOrDefault(file.Slug);
                var item = cache is null ? Read(file, config.Limits, diagnostics) is { } bytes ? LoadFile(file, bytes, config.Limits, structure, diagnostics) : null
                    : LoadFile(file, config.Limits, limitsKey, structure, cache, digests?.GetValueOrDefault(file.RelativePath), diagnostics);
                if (item is not null) parsed[file] = item;
            }
            catch (Exception e) when (e is not OutOfMemoryException)
            {
                // Bad input should never get here: it is a bug of ours, said plainly, at the file it happened on.
                diagnostics.Error(Codes.Internal, SourceLocation.File(file.RelativePath),
                    $"internal error while loading this file: {e.GetType().Name}: {e.Message}", "this is a bug in Charter; please report it with this line");
            }
        });

        var slugs = structures.Keys.Order(StringComparer.Ordinal).ToImmutableArray();
        // Each edition takes its files from one group, not from a scan of every file of the site (quadratic with 100 charters).
        var byEdition = files.Where(f => f.Role != Role.Declaration).ToLookup(f => (f.Slug, f.Language));
        var editions = ImmutableDictionary.CreateBuilder<(string, string), CharterEdition>();
        foreach (var slug in slugs)
        {
            foreach (var language in config.Languages)
            {
                var own = byEdition[(slug, language)].Where(parsed.ContainsKey).ToList();
                var meta = own.Where(f => f.Role == Role.Meta).Select(f => parsed[f]).OfType<LoadedMeta>().FirstOrDefault()?.Meta;
                var parts = own.Where(f => f.Role == Role.Part).Select(f => (f.Name, ((LoadedUnit)parsed[f]).Unit))
                    .ToImmutableDictionary(x => x.Name, x => x.Unit, StringComparer.Ordinal);
                var folders = own.Where(f => f.Role == Role.FolderUnit).GroupBy(f => f.Owner)
                    .ToImmutableDictionary(g => g.Key, g => g.Select(f => ((LoadedUnit)parsed[f]).Unit)
                        .OrderBy(u => u.Ordinal).ThenBy(u => u.Id, StringComparer.Ordinal).ToImmutableArray(), StringComparer.Ordinal);
                editions[(slug, language)] = new CharterEdition(slug, language, meta, parts, folders);
            }
        }

        var declarations = files.Where(f => f.Role == Role.Declaration && parsed.ContainsKey(f))
            .Select(f => parsed[f]).OfType<LoadedDeclaration>().Select(d => d.Declaration)
            .OrderBy(d => d.Id, StringComparer.Ordinal).ThenBy(d => d.Language, StringComparer.Ordinal)
            .ToImmutableArray();

        var loaded = editions.ToImmutable();
        return new SiteContent(config, slugs, structures, loaded, declarations)
        {
            Versions = VersionLoader.Load(siteRoot, config, structures, loaded, diagnostics),
            Ledgers = LedgerLoader.Load(siteRoot, config, diagnostics),
            Updated = ContentDate.Of(siteRoot, config.Languages),
            Topics = TopicLoader.Taxonomy(siteRoot, config, diagnostics),
            TopicAssignments = TopicLoader.Assignments(siteRoot, config, slugs, diagnostics),
        };
    }

    /// <summary>The structure of each charter folder (a folder without a valid structure.yml is reported and left out).</summary>
    public static ImmutableDictionary<string, Structure> LoadStructures(string siteRoot, SiteConfig config, DiagnosticBag diagnostics, LoadCache? cache = null)
    {
        var contentRoot = Path.Combine(siteRoot, ContentFolder);
        var result = new ConcurrentDictionary<string, Structure>(StringComparer.Ordinal);
        if (!Directory.Exists(contentRoot)) return ImmutableDictionary<string, Structure>.Empty;
        var folders = Directory.EnumerateDirectories(contentRoot).Select(Path.GetFileName).OfType<string>()
            .Where(name => name != DeclarationsFolder).Order(StringComparer.Ordinal).ToList();
        Parallel.ForEach(folders, slug =>
        {
            var display = $"{ContentFolder}/{slug}";
            if (!IsValidId(slug))
            {
                diagnostics.Error(Codes.InvalidValue, SourceLocation.File(display), $"the folder name '{slug}' cannot be a URL slug",
                    "use lower-case letters, digits and hyphens");
                return;
            }
            var path = Path.Combine(contentRoot, slug, StructureLoader.FileName);
            if (!File.Exists(path))
            {
                diagnostics.Error(Codes.MissingSection, SourceLocation.File(display),
                    $"the charter '{slug}' has no {StructureLoader.FileName}",
                    $"describe its kinds of unit and its parts in {display}/{StructureLoader.FileName} (see content/README.md, \"Structure\"), or run 'charter new' for a start");
                return;
            }
            if (StructureLoader.Load(path, $"{display}/{StructureLoader.FileName}", config.Limits, diagnostics, cache) is { } structure) result[slug] = structure;
        });
        return result.ToImmutableDictionary(StringComparer.Ordinal);
    }

    private static List<ContentFile> Discover(string siteRoot, SiteConfig config, ImmutableDictionary<string, Structure> structures, DiagnosticBag diagnostics)
    {
        var contentRoot = Path.Combine(siteRoot, ContentFolder);
        var result = new List<ContentFile>();
        if (!Directory.Exists(contentRoot))
        {
            diagnostics.Error(Codes.MissingSection, SourceLocation.File(ContentFolder), "the site has no content/ folder",
                "create content/ with one folder per charter (see content/README.md)");
            return result;
        }
        // The unit folders of each charter's structure, once per charter rather than once per file (at 100 charters,
        // making them for each of ~4,000 files was half of this walk).
        var unitFolders = structures.ToDictionary(s => s.Key,
            s => s.Value.Kinds.Values.SelectMany(k => k.Children).Select(c => c.Folder).OfType<string>().ToHashSet(StringComparer.Ordinal), StringComparer.Ordinal);
        foreach (var full in Directory.EnumerateFiles(contentRoot, "*.md", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            var relative = RelativePath.Of(siteRoot, full);
            var match = TranslatedName().Match(Path.GetFileName(full));
            if (!match.Success) continue; // README.md, ERRATA.md, GLOSSARY.md: documentation, not published
            var name = match.Groups["name"].Value;
            var language = match.Groups["lang"].Value;
            if (!config.Languages.Contains(language))
            {
                if (SiteConfigLoader.IsLanguageCode(language))
                    diagnostics.Error(Codes.UnknownLanguage, SourceLocation.File(relative),
                        $"'{language}' is not one of the site's languages ({string.Join(", ", config.Languages)})",
                        "rename the file, or add the language to 'languages' in charter.yml");
                continue;
            }
            var parts = RelativePath.Of(contentRoot, full).Split('/');
            if (parts is [DeclarationsFolder, _])
            {
                result.Add(new(relative, full, Role.Declaration, "", name, "", language));
                continue;
            }
            if (parts.Length < 2 || !structures.TryGetValue(parts[0], out var structure)) continue; // its folder's problem is reported
            var slug = parts[0];
            var folders = unitFolders[slug];
            ContentFile? file = parts switch
            {
                [_, _] when name == MetaFile => new(relative, full, Role.Meta, slug, name, "", language),
                [_, _] when structure.Parts.Any(p => p.Id == name) => new(relative, full, Role.Part, slug, name, name, language),
                [_, var folder, _] when folders.Contains(folder) => new(relative, full, Role.FolderUnit, slug, name, folder, language),
                _ => null,
            };
            if (file is null)
            {
                diagnostics.Warning(Codes.UnknownFile, SourceLocation.File(relative), "this file is not part of the charter and is not published",
                    $"a charter folder holds charter.{{lang}}.md, the parts of its structure.yml ({string.Join(", ", structure.Parts.Select(p => p.Id))})"
                    + (folders.Count > 0 ? $" and the folders {string.Join(", ", folders.Select(f => f + "/"))}" : ""));
                continue;
            }
            result.Add(file);
        }
        return result;
    }

    private static byte[]? Read(ContentFile file, Limits limits, DiagnosticBag diagnostics) =>
        SourceReader.Read(file.FullPath, file.RelativePath, limits, diagnostics);

    /// <summary>
    /// A file through the cache: not read when its digest (<paramref name="digest"/>, serve's) is its kept bytes', and
    /// parsed again only when its bytes (or the structure it is read with) changed.
    /// </summary>
    private static LoadedFile? LoadFile(ContentFile file, Limits limits, string limitsKey, Structure? structure, LoadCache cache, byte[]? digest,
        DiagnosticBag diagnostics)
    {
        // The record's fields (path, role, charter, names, language) and the limits; the entry checks the structure's text.
        // The limits are in the key: a file kept under a larger size limit is read again, and refused if it is now too large.
        var key = file.CacheKey(limitsKey);
        var entry = digest is null ? null : cache.FindByDigest(key, digest, structure?.File.Text);
        if (entry is null)
        {
            if (Read(file, limits, diagnostics) is not { } bytes) return null;
            entry = cache.Find(key, bytes, structure?.File.Text);
            if (entry is null)
            {
                var own = new DiagnosticBag();
                entry = new LoadCache.Entry(bytes, structure?.File.Text, LoadFile(file, bytes, limits, structure, own), own.Sorted());
                cache.Keep(key, entry);
            }
        }
        foreach (var diagnostic in entry.Diagnostics) diagnostics.Add(diagnostic);
        return entry.Item;
    }

    private static LoadedFile? LoadFile(ContentFile file, byte[] bytes, Limits limits, Structure? structure, DiagnosticBag diagnostics)
    {
        var text = FrontMatter.Decode(bytes, file.RelativePath, diagnostics);
        if (text is null) return null;
        var parsed = FrontMatter.Parse(new SourceFile(file.RelativePath, text), limits, diagnostics);
        if (parsed is null) return null;
        LoadedFile? result = file.Role switch
        {
            Role.Declaration => new LoadedDeclaration(ReadDeclaration(parsed, file.Language, diagnostics)),
            Role.Meta => new LoadedMeta(ReadCharterMeta(parsed, diagnostics)),
            Role.Part => ReadPart(parsed, file, structure!, diagnostics),
            Role.FolderUnit => ReadFolderUnit(parsed, file, structure!, diagnostics),
            _ => null,
        };
        parsed.Fields.ReportUnknown();
        return result;
    }

    private static LoadedUnit? ReadPart(ParsedFile parsed, ContentFile file, Structure structure, DiagnosticBag diagnostics)
    {
        var part = structure.Parts.First(p => p.Id == file.Name);
        if (!structure.Kinds.TryGetValue(part.Kind, out var kind)) return null;
        var position = structure.Parts.IndexOf(part) + 1;
        return new LoadedUnit(UnitReader.ReadFile(parsed, kind, structure, new UnitReader.Place(part.Id, null, null, "", position, true), diagnostics));
    }

    /// <summary>A file of a folder (principles/01-dignite.fr.md): a unit of the kind the folder's owner lists there.</summary>
    private static LoadedUnit? ReadFolderUnit(ParsedFile parsed, ContentFile file, Structure structure, DiagnosticBag diagnostics)
    {
        var (owner, child) = structure.Kinds.Values.SelectMany(k => k.Children.Select(c => (Kind: k, Child: c))).First(x => x.Child.Folder == file.Owner);
        var part = structure.Parts.FirstOrDefault(p => p.Kind == owner.Name)?.Id ?? file.Owner;
        var named = parsed.Fields.String("kind");
        var kindName = named ?? child.Kinds[0];
        if (!child.Kinds.Contains(kindName))
        {
            diagnostics.Error(structure.Kinds.ContainsKey(kindName) ? Codes.StructureViolation : Codes.UnknownKind, parsed.Fields.LocationOf("kind")!,
                $"a file of {file.Owner}/ cannot be a '{kindName}'", $"the structure allows: {string.Join(", ", child.Kinds)}");
            return null;
        }
        var kind = structure.Kinds[kindName];
        // Its position is settled by its number field; files are read in any order.
        return new LoadedUnit(UnitReader.ReadFile(parsed, kind, structure, new UnitReader.Place(part, null, null, "", 0, true), diagnostics));
    }

    private static CharterMeta ReadCharterMeta(ParsedFile p, DiagnosticBag diagnostics)
    {
        var f = p.Fields;
        return new CharterMeta(
            f.String("title", true) ?? "", f.String("short_title", true) ?? "", f.String("organization", true) ?? "",
            f.String("year", true) ?? "", f.String("citation", true) ?? "", f.String("description", true) ?? "",
            f.String("place"), p.Body, p.File)
        {
            Facts = ReadFacts(f, diagnostics),
        };
    }

    /// <summary>status, adopted, adopted_by, version, licence (an SPDX id of <see cref="Licence.Known"/>, or any name with licence_url).</summary>
    private static DocumentFacts ReadFacts(FieldReader f, DiagnosticBag diagnostics)
    {
        var status = f.String("status");
        if (status is not null && !DocumentFacts.Statuses.Contains(status))
        {
            diagnostics.Error(Codes.InvalidValue, f.LocationOf("status")!, $"status '{status}' is not known", $"write one of: {string.Join(", ", DocumentFacts.Statuses)}");
            status = null;
        }
        PartialDate? adopted = null;
        if (f.String("adopted") is { } raw && (adopted = PartialDate.Parse(raw)) is null)
            diagnostics.Error(Codes.InvalidValue, f.LocationOf("adopted")!, $"adopted '{raw}' is not a date",
                "write it as YYYY, YYYY-MM or YYYY-MM-DD, to the precision the source gives (adopted: 2022-10)");
        Licence? licence = null;
        var url = f.String("licence_url");
        if (f.String("licence") is { } id)
        {
            if (Licence.Known.TryGetValue(id, out var known)) licence = new Licence(id, known.Name, url ?? known.Url);
            else if (url is not null && UrlPolicy.IsAllowed(url)) licence = new Licence(id, id, url);
            else diagnostics.Error(Codes.InvalidValue, f.LocationOf("licence")!, $"licence '{id}' is not a licence Charter knows",
                $"use an SPDX id ({string.Join(", ", Licence.KnownIds)}), or give the licence's address in 'licence_url'");
        }
        else if (url is not null)
            diagnostics.Error(Codes.MissingField, f.LocationOf("licence_url")!, "licence_url without licence", "name the licence in 'licence:'");
        return new DocumentFacts(status, adopted, f.String("adopted_by"), f.String("version"), licence);
    }

    private static Declaration ReadDeclaration(ParsedFile p, string language, DiagnosticBag diagnostics)
    {
        var f = p.Fields;
        var id = f.String("id", true) ?? "";
        if (id.Length > 0 && !IsValidId(id))
            diagnostics.Error(Codes.InvalidValue, f.LocationOf("id") ?? f.Location, $"id '{id}' is not valid", "use lower-case letters, digits and hyphens");
        var type = f.String("type", true) ?? DeclarationTypes.Declaration;
        if (!DeclarationTypes.All.Contains(type))
            diagnostics.Error(Codes.InvalidValue, f.Location, $"type '{type}' is not known", "write 'type: declaration' or 'type: framework'");
        var excerpt = f.String("excerpt") ?? ExcerptKinds.Summary;
        if (!ExcerptKinds.All.Contains(excerpt))
            diagnostics.Error(Codes.InvalidValue, f.Location, $"excerpt '{excerpt}' is not known", "write 'quote', 'summary' or 'full'");
        var url = f.String("url");
        if (url is not null && !(UrlPolicy.IsAllowed(url) && Uri.TryCreate(UrlPolicy.Normalise(url), UriKind.Absolute, out var absolute)
                                 && absolute.Scheme is "http" or "https"))
        {
            diagnostics.Error(Codes.UnsafeUrl, f.LocationOf("url")!, $"url '{url}' is not an http(s) address",
                "write the full address of the original document, e.g. 'url: https://…', or leave the field out");
            url = null;
        }
        var gender = f.String("gender");
        if (gender is not null && !Genders.All.Contains(gender))
        {
            diagnostics.Error(Codes.InvalidValue, f.LocationOf("gender")!, $"gender '{gender}' is not known",
                "write 'gender: m' or 'gender: f' (the grammatical gender of the title's main noun), or 'n' for neuter");
            gender = null;
        }
        return new Declaration(id, language, type, f.String("title", true) ?? "", f.String("issuer", true) ?? "",
            f.String("year", true) ?? "", excerpt, url, p.Body, p.File, gender, f.Bool("plural") ?? false, f.String("symbol"));
    }
}
