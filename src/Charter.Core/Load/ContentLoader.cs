using System.Collections.Concurrent;
using System.Collections.Immutable;
using System.Globalization;
using System.Text.RegularExpressions;
using Charter.Core.Diagnostics;
using Charter.Core.Model;
using Charter.Core.Safety;

namespace Charter.Core.Load;

/// <summary>
/// Stage 1, Load: reads <c>charter.yml</c> and every <c>content/**/NAME.{lang}.md</c> file (in parallel)
/// into the typed, immutable model. Problems become diagnostics; loading goes on past them so that the
/// editor sees every mistake at once.
/// </summary>
public static partial class ContentLoader
{
    public const string ContentFolder = "content";
    public const string DeclarationsFolder = "declarations";
    public const string PrinciplesFolder = "principles";

    /// <summary>The fixed files of a charter folder, by name.</summary>
    public static readonly ImmutableArray<string> CharterFiles =
        ["charter", "ambition", "co-creation", "vision", "principles", "commitments", "timeline", "acknowledgements"];

    [GeneratedRegex("^(?<name>[^.]+)\\.(?<lang>[A-Za-z-]+)\\.md$")]
    private static partial Regex TranslatedName();

    [GeneratedRegex("^[a-z0-9]+(-[a-z0-9]+)*$")]
    private static partial Regex IdPattern();

    public static bool IsValidId(string id) => IdPattern().IsMatch(id);

    private enum Role { Declaration, Principle, CharterFile }

    private sealed record ContentFile(string RelativePath, string FullPath, Role Role, string Slug, string Name, string Language);

    public static SiteContent? Load(string siteRoot, DiagnosticBag diagnostics, string? baseUrlOverride = null)
    {
        var config = SiteConfigLoader.Load(siteRoot, diagnostics, baseUrlOverride);
        return config is null ? null : Load(siteRoot, config, diagnostics);
    }

    /// <summary>Loads the content of a site whose charter.yml was already read (the build reads it first to start on the theme).</summary>
    public static SiteContent Load(string siteRoot, SiteConfig config, DiagnosticBag diagnostics, LoadCache? cache = null)
    {
        var files = Discover(siteRoot, config, diagnostics);
        var parsed = new ConcurrentDictionary<ContentFile, object>();
        cache?.Begin();
        Parallel.ForEach(files, file =>
        {
            try
            {
                var bytes = SourceReader.Read(file.FullPath, file.RelativePath, config.Limits, diagnostics);
                if (bytes is null) return;
                var item = cache is null ? LoadFile(file, bytes, config.Limits, diagnostics) : LoadFile(file, bytes, config.Limits, cache, diagnostics);
                if (item is not null) parsed[file] = item;
            }
            catch (Exception e) when (e is not OutOfMemoryException)
            {
                // Bad input should never get here: it is a bug of ours, said plainly, at the file it happened on.
                diagnostics.Error(Codes.Internal, SourceLocation.File(file.RelativePath),
                    $"internal error while loading this file: {e.GetType().Name}: {e.Message}", "this is a bug in Charter; please report it with this line");
            }
        });

        var slugs = files.Where(f => f.Role != Role.Declaration).Select(f => f.Slug).Distinct().Order(StringComparer.Ordinal).ToImmutableArray();
        // Each edition takes its files from one group, not from a scan of every file of the site (quadratic with 100 charters).
        var byEdition = files.Where(f => f.Role != Role.Declaration).ToLookup(f => (f.Slug, f.Language));
        var editions = ImmutableDictionary.CreateBuilder<(string, string), CharterEdition>();
        foreach (var slug in slugs)
        {
            foreach (var language in config.Languages)
            {
                var own = byEdition[(slug, language)];
                T? Part<T>(string name) where T : class => own
                    .Where(f => f.Role == Role.CharterFile && f.Name == name)
                    .Select(f => parsed.GetValueOrDefault(f) as T).FirstOrDefault();
                var principles = own
                    .Where(f => f.Role == Role.Principle)
                    .Select(f => parsed.GetValueOrDefault(f) as Principle).OfType<Principle>()
                    .OrderBy(p => p.Number).ThenBy(p => p.Id, StringComparer.Ordinal).ToImmutableArray();
                editions[(slug, language)] = new CharterEdition(slug, language,
                    Part<CharterMeta>("charter"), Part<Section>("ambition"), Part<CoCreation>("co-creation"),
                    Part<Vision>("vision"), Part<Section>("principles"), principles, Part<Commitments>("commitments"),
                    Part<Timeline>("timeline"), Part<Acknowledgements>("acknowledgements"));
            }
        }

        var declarations = files.Where(f => f.Role == Role.Declaration)
            .Select(f => parsed.GetValueOrDefault(f) as Declaration).OfType<Declaration>()
            .OrderBy(d => d.Id, StringComparer.Ordinal).ThenBy(d => d.Language, StringComparer.Ordinal)
            .ToImmutableArray();

        return new SiteContent(config, slugs, editions.ToImmutable(), declarations);
    }

    private static List<ContentFile> Discover(string siteRoot, SiteConfig config, DiagnosticBag diagnostics)
    {
        var contentRoot = Path.Combine(siteRoot, ContentFolder);
        var result = new List<ContentFile>();
        if (!Directory.Exists(contentRoot))
        {
            diagnostics.Error(Codes.MissingSection, SourceLocation.File(ContentFolder), "the site has no content/ folder",
                "create content/ with one folder per charter (see content/README.md)");
            return result;
        }
        foreach (var full in Directory.EnumerateFiles(contentRoot, "*.md", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            var relative = Path.GetRelativePath(siteRoot, full).Replace('\\', '/');
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
            var parts = Path.GetRelativePath(contentRoot, full).Replace('\\', '/').Split('/');
            ContentFile? file = parts switch
            {
                [DeclarationsFolder, _] => new(relative, full, Role.Declaration, "", name, language),
                [var slug, PrinciplesFolder, _] => new(relative, full, Role.Principle, slug, name, language),
                [var slug, _] when CharterFiles.Contains(name) => new(relative, full, Role.CharterFile, slug, name, language),
                _ => null,
            };
            if (file is null)
            {
                diagnostics.Warning(Codes.UnknownFile, SourceLocation.File(relative), "this file is not part of any charter and is not published",
                    $"a charter folder holds {string.Join(", ", CharterFiles.Select(f => f + ".{lang}.md"))} and principles/*.{{lang}}.md");
                continue;
            }
            if (file.Role != Role.Declaration && !IsValidId(file.Slug))
            {
                diagnostics.Error(Codes.InvalidValue, SourceLocation.File(relative), $"the folder name '{file.Slug}' cannot be a URL slug",
                    "use lower-case letters, digits and hyphens");
                continue;
            }
            result.Add(file);
        }
        return result;
    }

    /// <summary>A file through the cache: parsed again only when its bytes changed.</summary>
    private static object? LoadFile(ContentFile file, byte[] bytes, Limits limits, LoadCache cache, DiagnosticBag diagnostics)
    {
        var key = $"{file}\n{limits}"; // the record's fields (path, role, charter, name, language) and the limits it was read within
        var entry = cache.Find(key, bytes);
        if (entry is null)
        {
            var own = new DiagnosticBag();
            entry = new LoadCache.Entry(bytes, LoadFile(file, bytes, limits, own), own.Sorted());
            cache.Keep(key, entry);
        }
        foreach (var diagnostic in entry.Diagnostics) diagnostics.Add(diagnostic);
        return entry.Item;
    }

    private static object? LoadFile(ContentFile file, byte[] bytes, Limits limits, DiagnosticBag diagnostics)
    {
        var text = FrontMatter.Decode(bytes, file.RelativePath, diagnostics);
        if (text is null) return null;
        var parsed = FrontMatter.Parse(new SourceFile(file.RelativePath, text), limits, diagnostics);
        if (parsed is null) return null;
        var fields = parsed.Fields;
        object? result = file.Role switch
        {
            Role.Declaration => ReadDeclaration(parsed, file.Language, diagnostics),
            Role.Principle => ReadPrinciple(parsed, diagnostics),
            _ => file.Name switch
            {
                "charter" => ReadCharterMeta(parsed),
                "ambition" or "principles" => ReadSection(parsed, numbered: true),
                "co-creation" => new CoCreation(ReadSection(parsed, numbered: false), ReadIds(fields, "declarations", diagnostics)),
                "vision" => ReadVision(parsed, diagnostics),
                "commitments" => ReadCommitments(parsed, diagnostics),
                "timeline" => ReadTimeline(parsed, diagnostics),
                "acknowledgements" => ReadAcknowledgements(parsed),
                _ => null,
            },
        };
        fields.ReportUnknown();
        return result;
    }

    private static CharterMeta ReadCharterMeta(ParsedFile p)
    {
        var f = p.Fields;
        return new CharterMeta(
            f.String("title", true) ?? "", f.String("short_title", true) ?? "", f.String("organization", true) ?? "",
            f.String("year", true) ?? "", f.String("citation", true) ?? "", f.String("description", true) ?? "",
            f.String("place"), p.Body, p.File);
    }

    private static Section ReadSection(ParsedFile p, bool numbered)
    {
        var f = p.Fields;
        var number = numbered ? f.Int("number", true) : f.Int("number");
        return new Section(number, f.String("title", true) ?? "", f.String("headline"), p.Body, p.File);
    }

    private static Vision ReadVision(ParsedFile p, DiagnosticBag diagnostics)
    {
        var f = p.Fields;
        var section = ReadSection(p, numbered: true);
        var premises = f.List("premises", true)
            .Select((item, i) =>
            {
                var premise = new Premise(item.String("id") ?? $"v{i + 1}", i + 1, item.Markdown("text", true) ?? Empty(p.File),
                    ReadIds(item, "references", diagnostics));
                item.ReportUnknown();
                return premise;
            }).ToImmutableArray();
        return new Vision(section, f.Markdown("premises_intro"), premises);
    }

    private static Principle ReadPrinciple(ParsedFile p, DiagnosticBag diagnostics)
    {
        var f = p.Fields;
        var number = f.Int("number", true) ?? 0;
        var id = f.String("id", true) ?? $"p{number}";
        CheckId(id, f, diagnostics);
        var priorities = f.List("priorities", true).Select((item, i) =>
        {
            var priority = new Priority(item.String("id") ?? $"{id}-{i + 1}", i + 1,
                item.Markdown("text", true) ?? Empty(p.File), ReadIds(item, "references", diagnostics));
            item.ReportUnknown();
            return priority;
        }).ToImmutableArray();
        return new Principle(id, number, f.String("title", true) ?? "", f.String("theme", true) ?? "",
            p.Body, priorities, f.MarkdownMap("notes"), p.File);
    }

    private static Commitments ReadCommitments(ParsedFile p, DiagnosticBag diagnostics)
    {
        var f = p.Fields;
        var section = ReadSection(p, numbered: true);
        var lists = f.List("lists", true).Select((list, i) =>
        {
            var listId = list.String("id") ?? $"c{i + 1}";
            var kind = list.String("kind") ?? UnitKinds.Commitment;
            if (kind != UnitKinds.Commitment && kind != UnitKinds.Call)
                diagnostics.Error(Codes.InvalidValue, list.Location, $"kind '{kind}' is neither 'commitment' nor 'call'",
                    "write 'kind: commitment' or 'kind: call'");
            var items = list.List("items", true).Select((item, j) =>
            {
                var unit = new CommitmentItem(item.String("id") ?? $"{listId}-{j + 1}", j + 1,
                    item.Markdown("text", true) ?? Empty(p.File), ReadIds(item, "references", diagnostics));
                item.ReportUnknown();
                return unit;
            }).ToImmutableArray();
            var result = new CommitmentList(listId, i + 1, kind, list.String("heading", true) ?? "", items);
            list.ReportUnknown();
            return result;
        }).ToImmutableArray();
        return new Commitments(section, f.Markdown("lists_intro"), lists);
    }

    private static Timeline ReadTimeline(ParsedFile p, DiagnosticBag diagnostics)
    {
        var f = p.Fields;
        var milestones = f.List("milestones", true).Select((item, i) =>
        {
            var raw = item.String("date", true);
            var date = default(YearMonth);
            if (raw is not null && !TryParseYearMonth(raw, out date))
                diagnostics.Error(Codes.InvalidValue, item.Location, $"date '{raw}' is not a year and month",
                    "write it as YYYY-MM, e.g. 'date: 2021-05'");
            var milestone = new Milestone(item.String("id") ?? $"m{i + 1}", i + 1, date,
                item.Markdown("text", true) ?? Empty(p.File), item.String("concerns"));
            item.ReportUnknown();
            return milestone;
        }).ToImmutableArray();
        return new Timeline(f.String("title", true) ?? "", f.Markdown("intro"), milestones, p.File);
    }

    public static bool TryParseYearMonth(string raw, out YearMonth value)
    {
        value = default;
        var parts = raw.Split('-');
        if (parts.Length != 2
            || !int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var year)
            || !int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var month)
            || parts[0].Length != 4 || month is < 1 or > 12) return false;
        value = new YearMonth(year, month);
        return true;
    }

    private static Acknowledgements ReadAcknowledgements(ParsedFile p)
    {
        var f = p.Fields;
        return new Acknowledgements(ReadSection(p, numbered: false), f.String("contributors_intro"), f.StringList("contributors"),
            f.String("partners_intro"), f.StringList("partners"));
    }

    private static Declaration ReadDeclaration(ParsedFile p, string language, DiagnosticBag diagnostics)
    {
        var f = p.Fields;
        var id = f.String("id", true) ?? "";
        CheckId(id, f, diagnostics);
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
            f.String("year", true) ?? "", excerpt, url, p.Body, p.File, gender, f.Bool("plural") ?? false);
    }

    private static ImmutableArray<string> ReadIds(FieldReader f, string key, DiagnosticBag diagnostics)
    {
        var ids = f.StringList(key);
        foreach (var id in ids.Where(i => !IsValidId(i)))
            diagnostics.Error(Codes.InvalidValue, f.Location, $"'{id}' in '{key}' is not a valid id", "use lower-case letters, digits and hyphens");
        return ids;
    }

    private static void CheckId(string id, FieldReader f, DiagnosticBag diagnostics)
    {
        if (id.Length > 0 && !IsValidId(id))
            diagnostics.Error(Codes.InvalidValue, f.Location, $"id '{id}' is not valid", "use lower-case letters, digits and hyphens, e.g. 'p2'");
    }

    private static MarkdownText Empty(SourceFile file) => new("", file, 0);
}
