using System.Text.RegularExpressions;
using DiffPlex;
using DiffPlex.Model;

namespace Charter.Site.Render.Pages;

/// <summary>
/// A word-level redline of two wordings of a text: the runs they share, the words the later one deleted and those it
/// inserted, in reading order. Words, spaces and punctuation are compared as separate pieces, so that a changed word
/// is marked alone, not the sentence around it.
/// </summary>
public static partial class Redline
{
    [GeneratedRegex(@"\s+|[\p{L}\p{N}\p{M}’'\-]+|[^\s\p{L}\p{N}\p{M}]")]
    private static partial Regex Piece();

    private sealed class Pieces : IChunker
    {
        public static readonly Pieces Instance = new();
        public IReadOnlyList<string> Chunk(string text) => [.. Piece().Matches(text).Select(m => m.Value)];
    }

    public static EquatableList<RedlineSegmentVm> Of(string before, string after)
    {
        var diff = Differ.Instance.CreateDiffs(before, after, ignoreWhiteSpace: false, ignoreCase: false, Pieces.Instance);
        var segments = new List<RedlineSegmentVm>();
        void Add(string kind, IEnumerable<string> pieces)
        {
            var text = string.Concat(pieces);
            // The spaces around a change are shown, not marked: an underlined or struck space reads as a stray mark.
            if (kind != "same" && text.Trim().Length > 0 && text.Trim().Length < text.Length)
            {
                var start = text.Length - text.TrimStart().Length;
                var end = text.TrimEnd().Length;
                Add("same", [text[..start]]);
                Add(kind, [text[start..end]]);
                Add("same", [text[end..]]);
                return;
            }
            if (text.Length == 0) return;
            if (segments.Count > 0 && segments[^1].Kind == kind) segments[^1] = segments[^1] with { Text = segments[^1].Text + text };
            else segments.Add(new RedlineSegmentVm(kind, text));
        }
        var a = 0;
        foreach (DiffBlock block in diff.DiffBlocks)
        {
            Add("same", diff.PiecesOld.Skip(a).Take(block.DeleteStartA - a));
            Add("del", diff.PiecesOld.Skip(block.DeleteStartA).Take(block.DeleteCountA));
            Add("ins", diff.PiecesNew.Skip(block.InsertStartB).Take(block.InsertCountB));
            a = block.DeleteStartA + block.DeleteCountA;
        }
        Add("same", diff.PiecesOld.Skip(a));
        return Grouped(segments).ToEquatable();
    }

    /// <summary>
    /// Changes separated only by spaces read as one change: "all <del>in</del><ins>year</ins> <del>summer</del><ins>round</ins>"
    /// becomes "all <del>in summer</del><ins>year round</ins>", the earlier words struck together, then the later ones.
    /// </summary>
    private static List<RedlineSegmentVm> Grouped(List<RedlineSegmentVm> segments)
    {
        static bool Space(RedlineSegmentVm s) => s.Kind == "same" && string.IsNullOrWhiteSpace(s.Text);
        var result = new List<RedlineSegmentVm>();
        for (int i = 0; i < segments.Count; i++)
        {
            if (segments[i].Kind == "same") { result.Add(segments[i]); continue; }
            var end = i;
            while (end + 1 < segments.Count && (segments[end + 1].Kind != "same" || (Space(segments[end + 1]) && end + 2 < segments.Count && segments[end + 2].Kind != "same")))
                end++;
            var run = segments.GetRange(i, end - i + 1);
            var before = string.Concat(run.Where(s => s.Kind != "ins").Select(s => s.Text));
            var after = string.Concat(run.Where(s => s.Kind != "del").Select(s => s.Text));
            if (run.Any(s => s.Kind == "del")) result.Add(new RedlineSegmentVm("del", before));
            if (run.Any(s => s.Kind == "ins")) result.Add(new RedlineSegmentVm("ins", after));
            i = end;
        }
        return result;
    }

    /// <summary>A text all inserted (a unit a version added) or all deleted (one it removed).</summary>
    public static EquatableList<RedlineSegmentVm> Whole(string kind, string text) =>
        text.Length == 0 ? EquatableList<RedlineSegmentVm>.Empty : new EquatableList<RedlineSegmentVm>([new RedlineSegmentVm(kind, text)]);
}
