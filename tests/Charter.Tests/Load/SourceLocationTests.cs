using Charter.Core.Diagnostics;
using Charter.Core.Model;
using CsCheck;

namespace Charter.Tests.Load;

/// <summary>
/// SourceFile.LocationOf answers from an index of line starts made once per file; it must say what counting the
/// newlines before the offset says, for any text and any offset (those outside the text clamped to it).
/// </summary>
public class SourceLocationTests
{
    private static (int Line, int Column) Counted(string text, int offset)
    {
        offset = Math.Clamp(offset, 0, text.Length);
        int line = 1, start = 0;
        for (var i = 0; i < offset; i++)
            if (text[i] == '\n') { line++; start = i + 1; }
        return (line, offset - start + 1);
    }

    [Fact]
    public void Every_offset_has_the_line_and_column_that_counting_gives()
    {
        var texts = Gen.OneOf<string>("a", "\n", "\r\n", "é", "  ", "---\n").Array[0, 60].Select(string.Concat);
        Gen.Select(texts, Gen.Int[-3, 400]).Sample((text, offset) =>
        {
            var file = new SourceFile("content/x.fr.md", text);
            var at = file.LocationOf(offset);
            return (at.Line, at.Column) == Counted(text, offset) && at.Path == "content/x.fr.md";
        });
    }

    [Fact]
    public void A_copy_with_another_text_answers_for_its_own_text()
    {
        var file = new SourceFile("a.md", "one\ntwo\nthree");
        Assert.Equal(3, file.LocationOf(9).Line);
        var other = file with { Text = "x\n\n\n\n\n\n\n\n\nyz" };
        Assert.Equal(new SourceLocation("a.md", 10, 2), other.LocationOf(11));
        Assert.Equal(file, new SourceFile("a.md", "one\ntwo\nthree"));
    }
}
