using Charter.Core.Diagnostics;

namespace Charter.Core.Model;

/// <summary>A content file as read from disk: its site-relative path and its text.</summary>
public sealed record SourceFile(string Path, string Text)
{
    // Where each line starts, found on first use: the loader and the resolver ask the location of every field and every
    // text of every file, and counting the lines before each one again made that quadratic in a file's length (11% of a
    // serve rebuild at 100 charters). Computed from Text alone, so two threads that race to it store equal arrays.
    private int[]? _lineStarts;

    // A copy (`with`) starts without the index, which belongs to the text it was made from.
    private SourceFile(SourceFile original)
    {
        Path = original.Path;
        Text = original.Text;
    }

    /// <summary>The 1-based line and column of a character offset in the file.</summary>
    public SourceLocation LocationOf(int offset)
    {
        offset = Math.Clamp(offset, 0, Text.Length);
        var starts = _lineStarts ??= LineStarts(Text);
        // The last line starting at or before the offset (a newline belongs to the line it ends).
        var found = Array.BinarySearch(starts, offset);
        var line = found >= 0 ? found : ~found - 1;
        return new SourceLocation(Path, line + 1, offset - starts[line] + 1);
    }

    private static int[] LineStarts(string text)
    {
        var starts = new List<int>(text.Length / 40 + 1) { 0 };
        for (var at = text.IndexOf('\n'); at >= 0; at = text.IndexOf('\n', at + 1)) starts.Add(at + 1);
        return [.. starts];
    }

    // Equal when path and text are: the line index is derived from the text and takes no part.
    public bool Equals(SourceFile? other) => other is not null && Path == other.Path && Text == other.Text;

    public override int GetHashCode() => HashCode.Combine(Path, Text);

    /// <summary>
    /// Where a whole word (an id) is first written at or after a location — an item of a list, found from the list's
    /// field; the location itself when it is not there.
    /// </summary>
    public SourceLocation Find(string word, SourceLocation from)
    {
        int offset = 0;
        for (int line = 1; line < from.Line && offset < Text.Length; line++)
            offset = Text.IndexOf('\n', offset) is var n and >= 0 ? n + 1 : Text.Length;
        offset = Math.Min(offset + from.Column - 1, Text.Length);
        var m = System.Text.RegularExpressions.Regex.Match(Text[offset..], $@"(?<![\w-]){System.Text.RegularExpressions.Regex.Escape(word)}(?![\w-])");
        return m.Success ? LocationOf(offset + m.Index) : from;
    }
}

/// <summary>
/// Markdown written by an editor, with where it starts in its file, so that a problem found later
/// (an unknown reference, say) can be reported at its own line.
/// </summary>
public sealed record MarkdownText(string Source, SourceFile File, int Offset)
{
    public SourceLocation Location => File.LocationOf(Offset);

    /// <summary>The location of <paramref name="needle"/> inside this text, searched in the raw file from where the text starts.</summary>
    public SourceLocation Locate(string needle)
    {
        var at = File.Text.IndexOf(needle, Offset, StringComparison.Ordinal);
        return at < 0 ? Location : File.LocationOf(at);
    }

    public bool IsEmpty => string.IsNullOrWhiteSpace(Source);
}
