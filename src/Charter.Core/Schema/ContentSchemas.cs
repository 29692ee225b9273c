using System.Text.Json;
using System.Text.Json.Nodes;
using Charter.Core.Model;

namespace Charter.Core.Schema;

/// <summary>
/// JSON Schemas (draft 2020-12) of the front matter of every kind of content file of a site, made from each charter's
/// structure.yml, so that an editor running the YAML language server checks and completes a file as it is typed. They
/// describe what the loader reads, as the loader reads it: a field by its type, a unit's text, its references, its
/// notes, the units it lists (of the kinds its list allows, <c>kind:</c> naming any but the first), how many when the
/// structure fixes it. The loader stays the judge: it reports the same problems at their lines, and more (ids,
/// translations, references).
/// </summary>
public static class ContentSchemas
{
    public const string Folder = "schemas";
    private const string Dialect = "https://json-schema.org/draft/2020-12/schema";
    private const string IdRegex = "^[a-z0-9]+(-[a-z0-9]+)*$";

    /// <summary>
    /// The schema of the files of a folder, in a folder of the same name: a part may be named like a folder
    /// (principles.fr.md and principles/), and the two are different files.
    /// </summary>
    private const string FolderUnit = "unit.schema.json";

    /// <summary>Every schema of the site, by its path under <see cref="Folder"/> (declaration.schema.json, SLUG/PART.schema.json…).</summary>
    public static IReadOnlyList<(string Path, string Json)> For(IReadOnlyDictionary<string, Structure> structures)
    {
        var result = new List<(string, string)> { ("declaration.schema.json", Write(Declaration())) };
        foreach (var (slug, structure) in structures.OrderBy(s => s.Key, StringComparer.Ordinal))
        {
            result.Add(($"{slug}/charter.schema.json", Write(Meta(slug))));
            foreach (var part in structure.Parts)
                result.Add(($"{slug}/{part.Id}.schema.json", Write(File(structure, [part.Kind], $"{slug}: {part.Id}", folder: false))));
            foreach (var child in structure.Kinds.Values.SelectMany(k => k.Children).Where(c => c.Folder is not null)
                         .GroupBy(c => c.Folder!, StringComparer.Ordinal).Select(g => g.First()).OrderBy(c => c.Folder, StringComparer.Ordinal))
                result.Add(($"{slug}/{child.Folder}/{FolderUnit}", Write(File(structure, child.Kinds, $"{slug}: a file of {child.Folder}/", folder: true))));
        }
        return result;
    }

    /// <summary>The schema a content file's front matter follows, as a path relative to the site root; null for a file of no known role.</summary>
    public static string? SchemaOf(string contentPath, IReadOnlyDictionary<string, Structure> structures)
    {
        var parts = contentPath.Split('/');
        if (parts.Length < 3 || parts[0] != "content") return null;
        if (parts[1] == "declarations") return $"{Folder}/declaration.schema.json";
        if (!structures.TryGetValue(parts[1], out var structure)) return null;
        if (parts.Length > 3) return $"{Folder}/{parts[1]}/{parts[2]}/{FolderUnit}";
        var name = parts[2][..parts[2].IndexOf('.')];
        return name == "charter" || structure.Parts.Any(p => p.Id == name) ? $"{Folder}/{parts[1]}/{name}.schema.json" : null;
    }

    private static string Write(JsonObject schema) =>
        schema.ToJsonString(new JsonSerializerOptions { WriteIndented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }) + "\n";

    private static JsonObject Root(string title, string description) => new()
    {
        ["$schema"] = Dialect,
        ["title"] = title,
        ["description"] = description,
    };

    private static JsonObject Meta(string slug)
    {
        var schema = Root($"{slug}: charter.{{lang}}.md", "The charter's metadata; its Markdown body presents it.");
        schema["type"] = "object";
        schema["properties"] = new JsonObject
        {
            ["title"] = Scalar("The charter's full title."),
            ["short_title"] = Scalar("A short title, for the header and the tab."),
            ["organization"] = Scalar("Who adopted or publishes it."),
            ["year"] = new JsonObject { ["type"] = new JsonArray("string", "integer"), ["description"] = "The year it was adopted." },
            ["place"] = Scalar("Where it was adopted."),
            ["citation"] = Scalar("How it is cited; a unit's citation follows it (\"…, principle 2\")."),
            ["description"] = Scalar("One or two sentences, for the charter's home and search engines."),
            ["status"] = new JsonObject { ["enum"] = new JsonArray(DocumentFacts.Statuses.Select(t => (JsonNode)t).ToArray()), ["description"] = "Where the text stands, when the source says so." },
            ["adopted"] = new JsonObject { ["type"] = new JsonArray("string", "integer"), ["pattern"] = "^[0-9]{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12][0-9]|3[01]))?)?$", ["description"] = "When it was adopted, to the precision the source gives: YYYY, YYYY-MM or YYYY-MM-DD." },
            ["adopted_by"] = Scalar("Who adopted it (translated)."),
            ["version"] = Scalar("Its version, when the publisher numbers them."),
            ["licence"] = Scalar($"The licence of the text: an SPDX id ({string.Join(", ", Licence.KnownIds)}) or a name with licence_url."),
            ["licence_url"] = new JsonObject { ["type"] = "string", ["pattern"] = "^https?://", ["description"] = "The licence's address (needed for a licence Charter does not know)." },
        };
        schema["required"] = new JsonArray("title", "short_title", "organization", "year", "citation", "description");
        schema["additionalProperties"] = false;
        return schema;
    }

    private static JsonObject Declaration()
    {
        var schema = Root("content/declarations/{id}.{lang}.md", "A declaration or framework the charters cite; its Markdown body is its excerpt.");
        schema["type"] = "object";
        schema["properties"] = new JsonObject
        {
            ["id"] = Id("Its id, the same in every language; charters cite it with references: [id] or [text](ref:id)."),
            ["type"] = new JsonObject { ["enum"] = new JsonArray(DeclarationTypes.All.Select(t => (JsonNode)t).ToArray()) },
            ["title"] = Scalar("Its title, in this language."),
            ["issuer"] = Scalar("Who issued it."),
            ["year"] = new JsonObject { ["type"] = new JsonArray("string", "integer"), ["description"] = "Its year, or years (2015-2017)." },
            ["excerpt"] = new JsonObject { ["enum"] = new JsonArray(ExcerptKinds.All.Select(t => (JsonNode)t).ToArray()), ["description"] = "What the body is: a quote, a summary or the full text." },
            ["url"] = new JsonObject { ["type"] = "string", ["pattern"] = "^https?://", ["description"] = "The original document's address." },
            ["symbol"] = new JsonObject { ["type"] = "string", ["description"] = "The document's official symbol, where it has one (a UN document's A/RES/73/195)." },
            ["gender"] = new JsonObject { ["enum"] = new JsonArray(Genders.All.Select(t => (JsonNode)t).ToArray()), ["description"] = "The grammatical gender of the title's main noun (for agreement in the UI)." },
            ["plural"] = new JsonObject { ["type"] = "boolean", ["description"] = "Whether the title's main noun is plural." },
        };
        schema["required"] = new JsonArray("id", "type", "title", "issuer", "year");
        schema["additionalProperties"] = false;
        return schema;
    }

    /// <summary>A file of the charter: a unit of one of <paramref name="kinds"/> (a folder's files may name theirs with kind:).</summary>
    private static JsonObject File(Structure structure, IEnumerable<string> kinds, string title, bool folder)
    {
        var defs = new JsonObject();
        var schema = Root(title, string.Join("; ", kinds.Select(k => Describe(structure.Kinds[k]))));
        var choices = kinds.Select((k, i) => Unit(structure, k, ownFile: true, kindRequired: i > 0 && folder, defs)).ToList();
        if (choices.Count == 1) foreach (var (key, value) in choices[0]) schema[key] = value?.DeepClone();
        else schema["anyOf"] = new JsonArray(choices.Select(c => (JsonNode)c).ToArray());
        if (defs.Count > 0) schema["$defs"] = defs;
        return schema;
    }

    /// <summary>A unit of a kind; the units it lists are references to <paramref name="defs"/>, added as they are needed.</summary>
    private static JsonObject Unit(Structure structure, string kindName, bool ownFile, bool kindRequired, JsonObject defs)
    {
        var kind = structure.Kinds[kindName];
        var properties = new JsonObject
        {
            ["kind"] = new JsonObject { ["const"] = kindName, ["description"] = $"Its kind: {Describe(kind)}." },
            ["id"] = Id(kind.IdPattern.Length > 0 ? $"Its id; by default '{kind.IdPattern}'." : "Its id: lower-case letters, digits and hyphens."),
        };
        var required = new JsonArray();
        // A JsonNode, so that Add(JsonNode) is called, not Add<T>(T), which may serialize any T and which trimming cannot follow.
        void Require(string key) => required.Add((JsonNode)key);
        if (kindRequired) Require("kind");
        if (kind.IdPattern.Length == 0) Require("id");
        foreach (var field in kind.OrderedFields)
        {
            properties[field.Key] = Field(field);
            if (field.Required) Require(field.Key);
        }
        if (!kind.TextIsBody && kind.Text != "none")
        {
            properties[kind.Text] = new JsonObject { ["type"] = new JsonArray("string", "number"), ["description"] = "Its text, in Markdown." };
            Require(kind.Text);
        }
        properties["references"] = new JsonObject { ["type"] = "array", ["items"] = Id(null), ["description"] = "The declarations it cites, by id." };
        if (ownFile)
            properties["notes"] = new JsonObject
            {
                ["type"] = "object", ["additionalProperties"] = new JsonObject { ["type"] = new JsonArray("string", "number") },
                ["description"] = "The file's footnotes, 'label: text', cited as [^label] in its texts.",
            };
        foreach (var child in kind.Children.Where(c => c.Key is not null))
        {
            var items = child.Kinds.Select((k, i) => (JsonNode)new JsonObject { ["$ref"] = "#/$defs/" + Def(structure, k, kindRequired: i > 0, defs) }).ToArray();
            var list = new JsonObject
            {
                ["type"] = "array",
                ["items"] = items.Length == 1 ? items[0] : new JsonObject { ["anyOf"] = new JsonArray(items) },
                ["description"] = $"The {string.Join(" or ", child.Kinds.Select(k => structure.Kinds[k].Plural.In("en") ?? k))} it holds"
                    + (child.Kinds.Skip(1).Any() ? $" (kind: names any but a {child.Kinds[0]})" : "") + ".",
            };
            if (child.Count is { } count)
            {
                list["minItems"] = count;
                list["maxItems"] = count;
                Require(child.Key!);
            }
            properties[child.Key!] = list;
        }
        var unit = new JsonObject { ["type"] = "object", ["properties"] = properties, ["additionalProperties"] = false };
        if (required.Count != 0) unit["required"] = required;
        return unit;
    }

    /// <summary>The name under $defs of a listed unit of a kind (with kind: required when it is not its list's first kind).</summary>
    private static string Def(Structure structure, string kind, bool kindRequired, JsonObject defs)
    {
        var name = kindRequired ? kind + "-named" : kind;
        if (!defs.ContainsKey(name))
        {
            defs[name] = new JsonObject(); // taken before it is made: a kind may list itself
            defs[name] = Unit(structure, kind, ownFile: false, kindRequired, defs);
        }
        return name;
    }

    private static JsonObject Field(FieldDef field) => field.Type switch
    {
        FieldType.Text => Scalar("One line of text."),
        FieldType.Markdown => new JsonObject { ["type"] = new JsonArray("string", "number"), ["description"] = "Markdown." },
        FieldType.Number => new JsonObject { ["type"] = "integer", ["minimum"] = 0, ["description"] = "A whole number." },
        FieldType.Date => new JsonObject { ["type"] = "string", ["pattern"] = "^[0-9]{4}-(0[1-9]|1[0-2])$", ["description"] = "A year and month, YYYY-MM." },
        FieldType.Refs => new JsonObject { ["type"] = "array", ["items"] = Id(null), ["description"] = "Ids of declarations." },
        FieldType.Link => new JsonObject { ["type"] = "string", ["pattern"] = "^(ref:)?[a-z0-9]+(-[a-z0-9]+)*$", ["description"] = "ref:ID (a declaration), or the id of a unit of the charter." },
        FieldType.List => new JsonObject { ["type"] = "array", ["items"] = new JsonObject { ["type"] = new JsonArray("string", "number") }, ["description"] = "A list of lines." },
        _ => throw new ArgumentOutOfRangeException(nameof(field), field.Type, "a field type without a schema"),
    };

    private static JsonObject Scalar(string description) => new() { ["type"] = new JsonArray("string", "number"), ["description"] = description };

    private static JsonObject Id(string? description)
    {
        var id = new JsonObject { ["type"] = "string", ["pattern"] = IdRegex };
        if (description is not null) id["description"] = description;
        return id;
    }

    private static string Describe(KindDef kind) => kind.Singular.In("en") ?? kind.Name;
}
