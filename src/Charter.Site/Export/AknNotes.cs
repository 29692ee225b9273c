using Charter.Core.Resolve;

namespace Charter.Site.Export;

/// <summary>The notes of a unit's file, numbered as its page numbers them: in the order of first citation in the file's texts.</summary>
internal static class AknNotes
{
    public static List<string> Order(ResolvedUnit file)
    {
        var order = new List<string>();
        foreach (var unit in file.DescendantsAndSelf().Where(u => u == file || !u.Unit.OwnFile))
            foreach (var label in Resolver.NoteLabels(unit.Unit.Text))
                if (file.Unit.Notes.ContainsKey(label) && !order.Contains(label)) order.Add(label);
        return order;
    }
}
