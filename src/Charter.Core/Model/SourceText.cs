using Charter.Core.Diagnostics;

namespace Charter.Core.Model;

/// <summary>A content file as read from disk: its site-relative path and its text.</summary>
public sealed record SourceFile(string Path, string Text)
{
    /// <summary>The 1-based line and column of a character offset in the file.</summary>
    public SourceLocation LocationOf(int offset)
    {
        offset = Math.Clamp(offset, 0, Text.Length);
        // Vectorised counts, not a loop over characters: the loader asks this of every field of every file.
        var before = Text.AsSpan(0, offset);
        var line = before.Count('\n') + 1;
        var lineStart = before.LastIndexOf('\n') + 1;
        return new SourceLocation(Path, line, offset - lineStart + 1);
    }

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
