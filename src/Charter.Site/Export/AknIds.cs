using System.Globalization;

namespace Charter.Site.Export;

/// <summary>
/// eIds after the Akoma Ntoso Naming Convention 1.0: the eId of the nearest ancestor that has one, "__", the element's
/// abbreviation and "_" its number — <c>sec_3__art_2__para_3</c>. Units are numbered by their own number among their
/// siblings (the {n} of structure.yml, the same in every language, so an eId names the same unit in every expression);
/// elements that have no number of their own (hcontainer, notes, lists the export makes) by their count under their
/// parent, in reading order. An eId already given takes a further "_2", so none is given twice.
/// </summary>
public sealed class AknIds
{

    private readonly HashSet<string> _given = new(StringComparer.Ordinal);
    private readonly Dictionary<(string Prefix, string Element), int> _counts = [];

    public static string Abbreviation(string element) => Core.Model.AknElements.Abbreviation(element);

    /// <summary>The eId of an element numbered <paramref name="number"/> under <paramref name="prefix"/> (null: counted).</summary>
    public string Next(string prefix, string element, int? number = null)
    {
        var key = (prefix, element);
        var n = number ?? (_counts[key] = _counts.GetValueOrDefault(key) + 1);
        var id = (prefix.Length == 0 ? "" : prefix + "__") + Abbreviation(element) + "_" + n.ToString(CultureInfo.InvariantCulture);
        return Give(id);
    }

    /// <summary>An eId as it is (a preamble's), made unique.</summary>
    public string Give(string id)
    {
        var unique = id;
        for (var k = 2; !_given.Add(unique); k++) unique = id + "_" + k.ToString(CultureInfo.InvariantCulture);
        return unique;
    }
}
