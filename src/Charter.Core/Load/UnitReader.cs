using System.Collections.Immutable;
using Charter.Core.Diagnostics;
using Charter.Core.Model;

namespace Charter.Core.Load;

/// <summary>
/// Reads a unit, and the units listed in it, from a YAML mapping (a file's front matter or an entry of a list),
/// as its kind in the charter's structure says: its fields by type, its text, its references, its children — whose
/// kind may be chosen with <c>kind:</c> among those its parent allows. Ids and numbers come from the kind's patterns
/// unless the content gives them.
/// </summary>
public static class UnitReader
{
    /// <summary>Where a unit sits: its part, its parent (null for a part or a file of its own), its position among siblings.</summary>
    public sealed record Place(string PartId, Unit? Parent, string? ParentId, string ParentNumber, int Position, bool OwnFile);

    /// <summary>A unit that is a file: a part, or a file of a folder. Its body is its text where its kind says so.</summary>
    public static Unit ReadFile(ParsedFile file, KindDef kind, Structure structure, Place place, DiagnosticBag diagnostics)
    {
        var unit = Read(file.Fields, kind, structure, place, file.Body, diagnostics);
        if (!kind.TextIsBody && file.Body is { } body && !body.IsEmpty)
            diagnostics.Warning(Codes.UnknownField, body.Location, $"a {kind.Name} has no body: this text is not published",
                $"put it in the '{kind.Text}' field, or remove it");
        return unit;
    }

    /// <summary>
    /// A unit written in full outside its file (a unit an amendment record says a version removed), read as its kind
    /// reads it; its text is its 'text' field whatever its kind's text is (a record has no body).
    /// </summary>
    public static Unit ReadEntry(FieldReader f, KindDef kind, Structure structure, Place place, DiagnosticBag diagnostics) =>
        Read(f, kind, structure, place, kind.TextIsBody ? f.Markdown("text") : null, diagnostics);

    /// <summary>
    /// Only the fields a mapping gives, read as the kind types them (an amendment record's earlier wording of a unit),
    /// with its text under 'text' whatever its kind's text is; nothing is required.
    /// </summary>
    public static (ImmutableDictionary<string, FieldValue> Fields, MarkdownText? Text) ReadGiven(FieldReader f, KindDef kind, DiagnosticBag diagnostics)
    {
        var fields = ImmutableDictionary.CreateBuilder<string, FieldValue>(StringComparer.Ordinal);
        foreach (var def in kind.OrderedFields.Where(d => d.Key != "number" && d.Key != kind.Text && f.Has(d.Key)))
            if (ReadField(f, def with { Required = false }, diagnostics) is { } value) fields[def.Key] = value with { Order = def.Order };
        var text = kind.Text == "none" ? null : f.Markdown("text");
        f.ReportUnknown();
        return (fields.ToImmutable(), text);
    }

    private static Unit Read(FieldReader f, KindDef kind, Structure structure, Place place, MarkdownText? body, DiagnosticBag diagnostics)
    {
        f.String("kind"); // read by the parent, which chose the kind
        var fields = ImmutableDictionary.CreateBuilder<string, FieldValue>(StringComparer.Ordinal);
        foreach (var def in kind.OrderedFields)
            if (ReadField(f, def, diagnostics) is { } value) fields[def.Key] = value with { Order = def.Order };

        var ordinal = fields.TryGetValue("number", out var own) && own.Number is { } given ? given : place.Position;
        var n = Format(ordinal, kind.Numbering);
        var id = f.String("id") ?? Fill(kind.IdPattern, ordinal.ToString(System.Globalization.CultureInfo.InvariantCulture), place.ParentId ?? "", place.PartId);
        if (id.Length == 0)
            diagnostics.Error(Codes.MissingField, f.Location, "missing required field 'id'", $"add 'id:' (a {kind.Name} has no id pattern in structure.yml)");
        else if (!ContentLoader.IsValidId(id))
            diagnostics.Error(Codes.InvalidValue, f.LocationOf("id") ?? f.Location, $"id '{id}' is not valid", "use lower-case letters, digits and hyphens, e.g. 'p2'");
        // A kind with a number field is numbered only when the content gives it (a section without one: co-creation).
        var number = kind.Fields.ContainsKey("number") && !fields.ContainsKey("number") ? "" : Fill(kind.NumberPattern, n, place.ParentNumber, place.PartId);

        // "body": the file's Markdown body; "none": no text of its own (a list of commitments); else a required field.
        var text = kind.TextIsBody ? body : kind.Text == "none" ? null : f.Markdown(kind.Text, required: true);
        var references = ReadIds(f, "references", diagnostics);
        var notes = place.OwnFile ? f.MarkdownMap("notes") : ImmutableDictionary<string, MarkdownText>.Empty;

        var children = ImmutableArray.CreateBuilder<Unit>();
        var lists = ImmutableDictionary.CreateBuilder<string, SourceLocation>(StringComparer.Ordinal);
        var self = new Unit(kind.Name, id, ordinal, number, fields.ToImmutable(), text, references, [], notes, f.File, f.Location, place.OwnFile);
        foreach (var child in kind.Children.Where(c => c.Key is not null))
        {
            var items = f.List(child.Key!, required: child.Count is > 0);
            if (f.LocationOf(child.Key!) is { } listAt) lists[child.Key!] = f.KeyLocation(child.Key!) ?? listAt;
            for (int i = 0; i < items.Count; i++)
            {
                var item = items[i];
                var childKind = ChooseKind(item, child, structure, diagnostics);
                if (childKind is null) continue;
                children.Add(Read(item, childKind, structure, new Place(place.PartId, self, id, number, i + 1, false), null, diagnostics) with { ListKey = child.Key });
            }
        }
        f.ReportUnknown();
        return self with { Children = children.ToImmutable(), ListsAt = lists.ToImmutable() };
    }

    /// <summary>The kind of a listed unit: the list's own, or one it allows that the unit names with <c>kind:</c>.</summary>
    private static KindDef? ChooseKind(FieldReader item, ChildDef child, Structure structure, DiagnosticBag diagnostics)
    {
        var named = item.String("kind");
        if (named is null) return structure.Kinds.GetValueOrDefault(child.Kinds[0]);
        if (!structure.Kinds.ContainsKey(named))
        {
            diagnostics.Error(Codes.UnknownKind, item.LocationOf("kind")!, $"unknown kind '{named}'", $"use one of: {string.Join(", ", child.Kinds)}");
            return null;
        }
        if (!child.Kinds.Contains(named))
        {
            diagnostics.Error(Codes.StructureViolation, item.LocationOf("kind")!, $"a {named} cannot be listed under '{child.Name}'",
                $"under '{child.Name}' the structure allows: {string.Join(", ", child.Kinds)}");
            return null;
        }
        return structure.Kinds[named];
    }

    private static FieldValue? ReadField(FieldReader f, FieldDef def, DiagnosticBag diagnostics)
    {
        if (!f.Has(def.Key))
        {
            if (def.Required) f.String(def.Key, required: true); // reports it
            return null;
        }
        var at = f.LocationOf(def.Key)!;
        switch (def.Type)
        {
            case FieldType.Text:
            case FieldType.Link:
                return f.String(def.Key, def.Required) is { } text ? new FieldValue(def.Type, at) { Text = text } : null;
            case FieldType.Markdown:
                return f.Markdown(def.Key, def.Required) is { } md ? new FieldValue(def.Type, at) { Markdown = md } : null;
            case FieldType.Number:
                return f.Int(def.Key, def.Required) is { } number ? new FieldValue(def.Type, at) { Number = number } : null;
            case FieldType.Date:
                var raw = f.String(def.Key, def.Required);
                if (raw is null) return null;
                if (TryParseYearMonth(raw, out var date)) return new FieldValue(def.Type, at) { Date = date };
                diagnostics.Error(Codes.InvalidValue, at, $"{def.Key} '{raw}' is not a year and month", $"write it as YYYY-MM, e.g. '{def.Key}: 2021-05'");
                return null;
            case FieldType.Refs:
                return new FieldValue(def.Type, at) { Items = ReadIds(f, def.Key, diagnostics) };
            case FieldType.List:
                return new FieldValue(def.Type, at) { Items = f.StringList(def.Key, def.Required) };
        }
        return null;
    }

    public static bool TryParseYearMonth(string raw, out YearMonth value)
    {
        value = default;
        var parts = raw.Split('-');
        if (parts.Length != 2 || parts[0].Length != 4
            || !int.TryParse(parts[0], System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var year)
            || !int.TryParse(parts[1], System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var month)
            || month is < 1 or > 12) return false;
        value = new YearMonth(year, month);
        return true;
    }

    private static ImmutableArray<string> ReadIds(FieldReader f, string key, DiagnosticBag diagnostics)
    {
        var ids = f.StringList(key);
        foreach (var id in ids.Where(i => !ContentLoader.IsValidId(i)))
            diagnostics.Error(Codes.InvalidValue, f.LocationOf(key) ?? f.Location, $"'{id}' in '{key}' is not a valid id", "use lower-case letters, digits and hyphens");
        return ids;
    }

    /// <summary>Fills a pattern: {n}, {parent} and {part}.</summary>
    public static string Fill(string pattern, string n, string parent, string part) =>
        pattern.Replace("{n}", n, StringComparison.Ordinal).Replace("{parent}", parent, StringComparison.Ordinal).Replace("{part}", part, StringComparison.Ordinal);

    /// <summary>A number as the kind's numbering writes it: 4, iv, IV, d, D.</summary>
    public static string Format(int n, string numbering) => numbering switch
    {
        "roman" => Roman(n).ToLowerInvariant(),
        "upper-roman" => Roman(n),
        "alpha" => Alpha(n),
        "upper-alpha" => Alpha(n).ToUpperInvariant(),
        "none" => "",
        _ => n.ToString(System.Globalization.CultureInfo.InvariantCulture),
    };

    private static string Roman(int n)
    {
        if (n <= 0 || n >= 4000) return n.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var values = new[] { 1000, 900, 500, 400, 100, 90, 50, 40, 10, 9, 5, 4, 1 };
        var symbols = new[] { "M", "CM", "D", "CD", "C", "XC", "L", "XL", "X", "IX", "V", "IV", "I" };
        var result = new System.Text.StringBuilder();
        for (int i = 0; i < values.Length; i++)
            while (n >= values[i]) { result.Append(symbols[i]); n -= values[i]; }
        return result.ToString();
    }

    private static string Alpha(int n)
    {
        var result = "";
        for (; n > 0; n = (n - 1) / 26) result = (char)('a' + (n - 1) % 26) + result;
        return result;
    }
}
