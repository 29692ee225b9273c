using System.Collections.Immutable;
using Charter.Core.Diagnostics;
using Charter.Core.Model;

namespace Charter.Core.Load;

/// <summary>
/// Reads a charter's <c>structure.yml</c> (content/README.md, "Structure"): its kinds, each completed from the kind it
/// <c>extends</c>, and its parts. Every kind named anywhere must be defined; every problem is a diagnostic at its line.
/// </summary>
public static class StructureLoader
{
    public const string FileName = "structure.yml";

    private static readonly string[] Numberings = ["arabic", "roman", "upper-roman", "alpha", "upper-alpha", "none"];

    /// <param name="cache">Serve's: the structure as last read, while the file's bytes are the same (its diagnostics given again).</param>
    public static Structure? Load(string path, string displayPath, Limits limits, DiagnosticBag diagnostics, LoadCache? cache = null)
    {
        // Its own bag: whether this file had errors cannot be told from the shared one, which other threads (the
        // theme, other charters' structures) add to meanwhile.
        var own = new DiagnosticBag();
        var bytes = SourceReader.Read(path, displayPath, limits, own);
        var key = $"{displayPath}\n{limits}";
        var entry = bytes is null ? null : cache?.FindStructure(key, bytes);
        if (entry is null)
        {
            var text = bytes is null ? null : FrontMatter.Decode(bytes, displayPath, own);
            var structure = text is null ? null : Read(new SourceFile(displayPath, text), limits, own);
            entry = new LoadCache.StructureEntry(bytes ?? [], own.HasErrors ? null : structure, own.Sorted());
            if (bytes is not null) cache?.KeepStructure(key, entry);
        }
        foreach (var d in entry.Diagnostics) diagnostics.Add(d);
        return entry.Structure;
    }

    /// <summary>A structure from its text (a starter site's, before it is written).</summary>
    public static Structure? Parse(string text, string displayPath, Limits limits, DiagnosticBag diagnostics)
    {
        var own = new DiagnosticBag();
        var structure = Read(new SourceFile(displayPath, text), limits, own);
        foreach (var d in own.Sorted()) diagnostics.Add(d);
        return own.HasErrors ? null : structure;
    }

    private static Structure? Read(SourceFile file, Limits limits, DiagnosticBag diagnostics)
    {
        var root = FrontMatter.ParseYaml(file, limits, diagnostics);
        if (root is null) return null;

        var raw = new Dictionary<string, FieldReader>(StringComparer.Ordinal);
        if (root.Mapping("kinds") is { } kindsMap)
        {
            foreach (var name in kindsMap.Names())
                if (kindsMap.Mapping(name) is { } kind) raw[name] = kind;
        }
        else diagnostics.Error(Codes.MissingField, root.Location, "missing required field 'kinds'", "list the kinds of unit of the charter under 'kinds:'");

        var kinds = new Dictionary<string, KindDef>(StringComparer.Ordinal);
        KindDef? Resolve(string name, ImmutableHashSet<string> seen)
        {
            if (kinds.TryGetValue(name, out var done)) return done;
            if (!raw.TryGetValue(name, out var f)) return null;
            KindDef? parent = null;
            if (f.String("extends") is { } baseName)
            {
                if (seen.Contains(baseName))
                    diagnostics.Error(Codes.InvalidValue, f.LocationOf("extends")!, $"kind '{name}' extends itself through '{baseName}'", "break the cycle of 'extends'");
                else if (!raw.ContainsKey(baseName))
                    diagnostics.Error(Codes.UnknownKind, f.LocationOf("extends")!, $"kind '{name}' extends '{baseName}', which is not a kind of this structure",
                        $"use one of: {string.Join(", ", raw.Keys)}");
                else parent = Resolve(baseName, seen.Add(name));
            }
            var kind = Read(name, f, parent, diagnostics);
            kinds[name] = kind;
            return kind;
        }
        foreach (var name in raw.Keys) Resolve(name, [name]);

        var parts = ImmutableArray.CreateBuilder<PartDef>();
        foreach (var part in root.List("parts", required: true))
        {
            var id = part.String("id", required: true) ?? "";
            var kind = part.String("kind", required: true) ?? "";
            if (id.Length > 0 && !ContentLoader.IsValidId(id))
                diagnostics.Error(Codes.InvalidValue, part.LocationOf("id")!, $"part id '{id}' is not valid", "use lower-case letters, digits and hyphens: it names the part's file");
            if (kind.Length > 0 && !kinds.ContainsKey(kind))
                diagnostics.Error(Codes.UnknownKind, part.LocationOf("kind")!, $"unknown kind '{kind}'", $"use one of: {string.Join(", ", kinds.Keys)}");
            if (parts.Any(p => p.Id == id))
                diagnostics.Error(Codes.DuplicateId, part.Location, $"the part '{id}' is listed twice", "list each part once");
            parts.Add(new PartDef(id, kind, part.Location));
            part.ReportUnknown();
        }

        // Every kind a child list names must exist; a kind that holds itself (directly or not) would never end.
        foreach (var kind in kinds.Values)
            foreach (var child in kind.Children)
                foreach (var k in child.Kinds.Where(k => !kinds.ContainsKey(k)))
                    diagnostics.Error(Codes.UnknownKind, child.At, $"kind '{kind.Name}' lists '{k}' under '{child.Name}', which is not a kind of this structure",
                        $"use one of: {string.Join(", ", kinds.Keys)}");
        // Where AKN elements may stand is judged only on an otherwise sound structure (a part of an unknown kind would
        // make its kind's preamble or attachment look misplaced).
        if (!diagnostics.HasErrors) CheckAkn(kinds, parts, diagnostics);
        var akn = ReadAknDocument(root, diagnostics);
        root.ReportUnknown();
        return new Structure(kinds.ToImmutableDictionary(StringComparer.Ordinal), parts.ToImmutable(), file) { Akn = akn };
    }

    private static KindDef Read(string name, FieldReader f, KindDef? parent, DiagnosticBag diagnostics)
    {
        f.String("extends");
        var (singular, plural) = f.LocalizedPair("name");
        var fields = (parent?.Fields ?? ImmutableDictionary<string, FieldDef>.Empty).ToBuilder();
        if (f.Mapping("fields") is { } map)
            foreach (var key in map.Names())
            {
                var spec = map.String(key) ?? "";
                var required = spec.EndsWith('!');
                var typeName = spec.TrimEnd('!');
                if (!Enum.TryParse<FieldType>(typeName, ignoreCase: true, out var type) || typeName.Any(char.IsUpper))
                {
                    diagnostics.Error(Codes.InvalidValue, map.LocationOf(key)!, $"field type '{typeName}' is not known",
                        "use text, markdown, number, date, refs, link or list, with '!' when the field is required");
                    continue;
                }
                fields[key] = new FieldDef(key, type, required, fields.TryGetValue(key, out var inherited) ? inherited.Order : fields.Count);
            }
        var numbering = f.String("numbering") ?? parent?.Numbering ?? "arabic";
        if (!Numberings.Contains(numbering))
            diagnostics.Error(Codes.InvalidValue, f.LocationOf("numbering")!, $"numbering '{numbering}' is not known", $"use one of: {string.Join(", ", Numberings)}");
        var text = f.String("text") ?? parent?.Text ?? "text";
        var headings = (parent?.Headings ?? ImmutableDictionary<string, LocalizedText>.Empty).ToBuilder();
        if (f.Mapping("headings") is { } h)
            foreach (var key in h.Names()) headings[key] = h.Localized(key);
        var children = f.Has("children") ? ReadChildren(f, diagnostics) : parent?.Children ?? [];
        var kind = new KindDef(name,
            singular.IsEmpty ? parent?.Singular ?? LocalizedText.Empty : singular, plural.IsEmpty ? parent?.Plural ?? LocalizedText.Empty : plural,
            fields.ToImmutable(), text,
            f.String("id") ?? parent?.IdPattern ?? "", f.String("number") ?? parent?.NumberPattern ?? "{n}", numbering,
            Or(f.Localized("label"), parent?.Label), Or(f.Localized("cite"), parent?.Cite), Or(f.Localized("nav"), parent?.Nav),
            f.String("page") ?? parent?.Page, f.String("template") ?? parent?.Template,
            f.Bool("citable") ?? parent?.Citable ?? true, f.Bool("searchable") ?? parent?.Searchable ?? true,
            f.Bool("toc") ?? parent?.Toc ?? false, f.String("short") ?? parent?.Short, f.String("heading") ?? parent?.HeadingFrom,
            f.Bool("show_number") ?? parent?.ShowNumber ?? true, headings.ToImmutable(), children, f.Location);
        var settings = (parent?.SettingsAt ?? ImmutableDictionary<string, SourceLocation>.Empty).ToBuilder();
        foreach (var key in f.Names()) if (f.KeyLocation(key) is { } at) settings[key] = at;
        kind = kind with { SettingsAt = settings.ToImmutable(), Akn = f.String("akn") ?? parent?.Akn ?? AknElements.Hcontainer,
            Topics = f.Bool("topics") ?? parent?.Topics ?? false };
        if (!AknElements.All.Contains(kind.Akn))
            diagnostics.Error(Codes.InvalidValue, f.LocationOf("akn")!, $"'{kind.Akn}' is not an Akoma Ntoso element a kind can be written as",
                $"use one of: {string.Join(", ", AknElements.All)}");
        CheckPlaceholders(f, "id", kind.IdPattern, ["n", "parent", "part"], diagnostics);
        CheckPlaceholders(f, "number", kind.NumberPattern, ["n", "parent", "part"], diagnostics);
        CheckPlaceholders(f, "page", kind.Page, ["n", "id"], diagnostics);
        CheckPlaceholders(f, "short", kind.Short, ["number", "n", "id"], diagnostics);
        var distinct = kind.IdPattern.Length == 0 || kind.IdPattern.Contains("{part}") || kind.IdPattern.Contains("{n}") || kind.IdPattern.Contains("{parent}");
        if (!distinct) diagnostics.Error(Codes.InvalidValue, f.LocationOf("id")!, $"the id pattern '{kind.IdPattern}' would give every {name} the same id",
            "include {n} (its number), {parent} (its parent's id) or {part} (its part's id)");
        f.ReportUnknown();
        return kind;
    }

    /// <summary>
    /// The document-level places of AKN hold only what the schema lets them: a preamble is a part and holds recitals,
    /// a recital lies in a preamble and holds text only, an attachment is a part.
    /// </summary>
    private static void CheckAkn(Dictionary<string, KindDef> kinds, ImmutableArray<PartDef>.Builder parts, DiagnosticBag diagnostics)
    {
        var partKinds = parts.Select(p => p.Kind).ToHashSet(StringComparer.Ordinal);
        foreach (var kind in kinds.Values)
        {
            var at = kind.AtSetting("akn");
            if (kind.AknPlace is AknPlace.Preamble or AknPlace.Attachment && !partKinds.Contains(kind.Name))
                diagnostics.Error(Codes.InvalidValue, at, $"kind '{kind.Name}' is written as an AKN {kind.Akn}, but it is not a part of the charter",
                    "give 'akn: " + kind.Akn + "' to a kind listed under 'parts', or write this kind as 'akn: hcontainer'");
            if (kind.AknPlace == AknPlace.Recital && !kind.Children.IsEmpty)
                diagnostics.Error(Codes.InvalidValue, at, $"kind '{kind.Name}' is written as an AKN recital, which holds text only, but it lists units under it",
                    "write it as 'akn: hcontainer', or move its units elsewhere");
            foreach (var child in kind.Children)
                foreach (var name in child.Kinds.Where(kinds.ContainsKey))
                {
                    var isRecital = kinds[name].AknPlace == AknPlace.Recital;
                    if ((kind.AknPlace == AknPlace.Preamble) != isRecital)
                        diagnostics.Error(Codes.InvalidValue, kinds[name].AtSetting("akn"),
                            isRecital ? $"kind '{name}' is written as an AKN recital, but '{kind.Name}', which lists it, is not a preamble"
                                      : $"kind '{name}' is listed in the preamble '{kind.Name}', which holds recitals only",
                            isRecital ? $"give '{kind.Name}' the AKN preamble, or write '{name}' as 'akn: hcontainer'" : $"write '{name}' as an AKN recital");
                }
        }
    }

    /// <summary>The charter's top-level <c>akn: { document, name, country }</c>, each with its default.</summary>
    private static AknDocument ReadAknDocument(FieldReader root, DiagnosticBag diagnostics)
    {
        if (root.Mapping("akn") is not { } akn) return AknDocument.Default;
        var type = akn.String("document") ?? AknDocument.Default.Type;
        if (!AknDocument.Types.Contains(type))
            diagnostics.Error(Codes.InvalidValue, akn.LocationOf("document")!, $"'{type}' is not an Akoma Ntoso document type the export writes",
                $"use one of: {string.Join(", ", AknDocument.Types)}");
        var name = akn.String("name") ?? AknDocument.Default.Name;
        var country = akn.String("country") ?? AknDocument.Default.Country;
        foreach (var (key, value) in new[] { ("name", name), ("country", country) })
            if (!System.Text.RegularExpressions.Regex.IsMatch(value, "^[a-z0-9][a-z0-9-]*$"))
                diagnostics.Error(Codes.InvalidValue, akn.LocationOf(key)!, $"'{value}' cannot be part of an FRBR IRI",
                    "use lower-case letters, digits and hyphens (a country: its ISO 3166-1 code, such as 'fr', or 'int')");
        akn.ReportUnknown();
        return new AknDocument(type, name, country);
    }

    /// <summary>A pattern may use only the placeholders it can be filled with: a misspelt one would be printed as it is.</summary>
    private static void CheckPlaceholders(FieldReader f, string key, string? pattern, string[] allowed, DiagnosticBag diagnostics)
    {
        if (!f.Has(key) || pattern is null) return;
        foreach (System.Text.RegularExpressions.Match m in System.Text.RegularExpressions.Regex.Matches(pattern, @"\{([^{}]*)\}"))
            if (!allowed.Contains(m.Groups[1].Value))
                diagnostics.Error(Codes.InvalidValue, f.LocationOf(key)!, $"'{m.Value}' cannot be filled in a '{key}' pattern",
                    $"use {string.Join(", ", allowed.Select(a => "{" + a + "}"))}");
    }

    private static LocalizedText Or(LocalizedText own, LocalizedText? inherited) => own.IsEmpty ? inherited ?? LocalizedText.Empty : own;

    private static ImmutableArray<ChildDef> ReadChildren(FieldReader f, DiagnosticBag diagnostics)
    {
        var result = ImmutableArray.CreateBuilder<ChildDef>();
        foreach (var c in f.List("children"))
        {
            var key = c.String("key");
            var folder = c.String("folder");
            if ((key is null) == (folder is null))
                diagnostics.Error(Codes.InvalidValue, c.Location, "a child list names either a 'key' (units in the front matter) or a 'folder' (one file each)",
                    "write '- { key: priorities, kinds: [priority] }' or '- { folder: principles, kinds: [principle] }'");
            var kinds = c.StringList("kinds", required: true);
            result.Add(new ChildDef(key, folder, kinds, c.Int("count"), c.String("order"), c.Bool("toc") ?? false, c.Localized("heading"), c.Location));
            c.ReportUnknown();
        }
        return result.ToImmutable();
    }
}
