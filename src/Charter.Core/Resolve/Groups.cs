namespace Charter.Core.Resolve;

/// <summary>
/// The units search results can be narrowed to "in": those of a citable kind with a page of its own that holds
/// citable units (a principle and its priorities, a chapter and its articles). Read from the structure, not named.
/// </summary>
public static class Groups
{
    public static bool IsGroup(ResolvedUnit unit) => unit.Kind.Citable && unit.HasPage && unit.Children.Any(c => c.Kind.Citable);

    /// <summary>Each unit's nearest group, itself included, by unit id (units in no group are absent).</summary>
    public static Dictionary<string, ResolvedUnit> Of(ResolvedEdition edition)
    {
        var result = new Dictionary<string, ResolvedUnit>(StringComparer.Ordinal);
        void Walk(ResolvedUnit unit, ResolvedUnit? group)
        {
            if (IsGroup(unit)) group = unit;
            if (group is not null) result[unit.Id] = group;
            foreach (var child in unit.Children) Walk(child, group);
        }
        foreach (var part in edition.Parts) Walk(part, null);
        return result;
    }
}
