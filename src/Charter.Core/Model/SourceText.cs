using Charter.Core.Diagnostics;

namespace Charter.Core.Model;

/// <summary>A content file as read from disk: its site-relative path and its text.</summary>
public sealed record SourceFile(string Path, string Text)
{
    /// <summary>The 1-based line and column of a character offset in the file.</summary>
    public SourceLocation LocationOf(int offset)
    {
        offset = Math.Clamp(offset, 0, Text.Length);
        int line = 1, lineStart = 0;
        for (int i = 0; i < offset; i++)
        {
            if (Text[i] == '\n') { line++; lineStart = i + 1; }
        }
        return new SourceLocation(Path, line, offset - lineStart + 1);
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
