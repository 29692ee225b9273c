using System.Collections.Immutable;
using System.Globalization;

namespace Charter.Core.Model;

/// <summary>
/// A charter as a document of record, as far as its source or a reliable reference says: its status, when, where and by
/// whom it was adopted, its version and the licence of its text. Every fact is optional: one that is not known is left
/// out, never guessed. The language-independent ones (status, date, version, licence) are the same in every translation.
/// </summary>
public sealed record DocumentFacts(string? Status, PartialDate? Adopted, string? AdoptedBy, string? Version, Licence? Licence)
{
    public static readonly DocumentFacts None = new(null, null, null, null, null);

    public static readonly ImmutableArray<string> Statuses = ["draft", "adopted", "amended"];
}

/// <summary>A date known to the year, the month or the day ("2022", "2022-10", "2022-10-11").</summary>
public readonly record struct PartialDate(int Year, int? Month, int? Day)
{
    public static PartialDate? Parse(string text)
    {
        var parts = text.Trim().Split('-');
        if (parts.Length is < 1 or > 3 || parts[0].Length != 4 || parts.Skip(1).Any(p => p.Length != 2)) return null;
        if (!parts.All(p => p.All(char.IsAsciiDigit))) return null;
        var year = int.Parse(parts[0], CultureInfo.InvariantCulture);
        int? month = parts.Length > 1 ? int.Parse(parts[1], CultureInfo.InvariantCulture) : null;
        int? day = parts.Length > 2 ? int.Parse(parts[2], CultureInfo.InvariantCulture) : null;
        if (month is < 1 or > 12) return null;
        if (day is { } d && (d < 1 || d > DateTime.DaysInMonth(year, month!.Value))) return null;
        return new PartialDate(year, month, day);
    }

    /// <summary>ISO 8601 to its precision: 2022, 2022-10, 2022-10-11.</summary>
    public override string ToString() =>
        Day is { } d ? $"{Year:D4}-{Month:D2}-{d:D2}" : Month is { } m ? $"{Year:D4}-{m:D2}" : $"{Year:D4}";
}

/// <summary>A licence of the text: an SPDX id with its name and address, or a licence of the publisher's own at an address.</summary>
public sealed record Licence(string Id, string Name, string Url)
{
    /// <summary>The Creative Commons licences, by SPDX id: a charter names one with 'licence: CC-BY-4.0'.</summary>
    public static readonly ImmutableDictionary<string, (string Name, string Url)> Known = new Dictionary<string, (string, string)>
    {
        ["CC-BY-4.0"] = ("CC BY 4.0", "https://creativecommons.org/licenses/by/4.0/"),
        ["CC-BY-SA-4.0"] = ("CC BY-SA 4.0", "https://creativecommons.org/licenses/by-sa/4.0/"),
        ["CC-BY-NC-4.0"] = ("CC BY-NC 4.0", "https://creativecommons.org/licenses/by-nc/4.0/"),
        ["CC-BY-NC-SA-4.0"] = ("CC BY-NC-SA 4.0", "https://creativecommons.org/licenses/by-nc-sa/4.0/"),
        ["CC-BY-ND-4.0"] = ("CC BY-ND 4.0", "https://creativecommons.org/licenses/by-nd/4.0/"),
        ["CC-BY-NC-ND-4.0"] = ("CC BY-NC-ND 4.0", "https://creativecommons.org/licenses/by-nc-nd/4.0/"),
        ["CC0-1.0"] = ("CC0 1.0", "https://creativecommons.org/publicdomain/zero/1.0/"),
    }.ToImmutableDictionary(StringComparer.Ordinal);

    /// <summary>Their ids in a stable order, for messages and schemas (a dictionary's order changes from one run to the next).</summary>
    public static readonly ImmutableArray<string> KnownIds = [.. Known.Keys.Order(StringComparer.Ordinal)];
}
