using System.Text;
using Charter.Core.Diagnostics;
using Charter.Core.Model;
using YamlDotNet.RepresentationModel;

namespace Charter.Core.Load;

/// <summary>A content file split into its YAML front matter (parsed) and its Markdown body.</summary>
public sealed record ParsedFile(SourceFile File, FieldReader Fields, MarkdownText? Body);

/// <summary>
/// Reads a content file: checks its encoding, splits the front matter from the body and parses the YAML,
/// turning every problem into a diagnostic at its place in the file.
/// </summary>
public static class FrontMatter
{
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>Decodes bytes as strict UTF-8; on failure reports where the first bad byte is.</summary>
    public static string? Decode(byte[] bytes, string path, DiagnosticBag diagnostics)
    {
        try
        {
            var text = StrictUtf8.GetString(bytes);
            return text.Length > 0 && text[0] == '\uFEFF' ? text[1..] : text;
        }
        catch (DecoderFallbackException e)
        {
            var bad = e.Index >= 0 ? e.Index : FirstInvalidUtf8(bytes);
            // Decode the valid prefix to turn the byte offset into a line and column.
            var prefix = StrictUtf8.GetString(bytes, 0, Math.Max(0, bad));
            var at = new SourceFile(path, prefix).LocationOf(prefix.Length);
            diagnostics.Error(Codes.InvalidUtf8, at, $"invalid UTF-8 byte 0x{bytes[bad]:X2}",
                "save the file as UTF-8");
            return null;
        }
    }

    private static int FirstInvalidUtf8(byte[] bytes)
    {
        for (int i = 1; i <= bytes.Length; i++)
        {
            try { StrictUtf8.GetString(bytes, 0, i); }
            catch (DecoderFallbackException) { return i - 1; }
        }
        return 0;
    }

    public static ParsedFile? Parse(SourceFile file, Limits limits, DiagnosticBag diagnostics)
    {
        var text = file.Text;
        if (string.IsNullOrWhiteSpace(text))
        {
            diagnostics.Error(Codes.EmptyFile, SourceLocation.File(file.Path), "the file is empty",
                "write front matter between two '---' lines, then the text");
            return null;
        }
        if (!StartsWithFence(text, 0, out var yamlStart))
        {
            diagnostics.Error(Codes.EmptyFile, SourceLocation.File(file.Path), "the file has no front matter",
                "start the file with a line '---', the fields, and another '---'");
            return null;
        }
        var (yamlEnd, bodyStart) = FindClosingFence(text, yamlStart);
        if (yamlEnd < 0)
        {
            diagnostics.Error(Codes.FrontMatterNotClosed, SourceLocation.File(file.Path),
                "the front matter is never closed", "add a line '---' after the last field");
            return null;
        }

        var yaml = text[yamlStart..yamlEnd];
        var loaded = SafeYaml.Load(yaml, limits);
        if (loaded.Problem is { } problem)
        {
            problem.Report(file, yamlStart, diagnostics);
            return null;
        }
        if (loaded.Root is not YamlMappingNode map)
        {
            diagnostics.Error(Codes.EmptyFile, file.LocationOf(yamlStart), "the front matter holds no fields",
                "write 'name: value' lines between the '---' lines");
            return null;
        }

        var body = bodyStart < text.Length ? text[bodyStart..] : "";
        var bodyText = string.IsNullOrWhiteSpace(body) ? null : MarkdownGuard.Check(new MarkdownText(body.Trim('\r', '\n'), file, bodyStart), limits, diagnostics);
        return new ParsedFile(file, new FieldReader(map, file, yamlStart, limits, diagnostics), bodyText);
    }

    /// <summary>Parses a whole file as YAML (charter.yml).</summary>
    public static FieldReader? ParseYaml(SourceFile file, Limits limits, DiagnosticBag diagnostics)
    {
        var loaded = SafeYaml.Load(file.Text, limits);
        if (loaded.Problem is { } problem)
        {
            problem.Report(file, 0, diagnostics);
            return null;
        }
        if (loaded.Root is YamlMappingNode map) return new FieldReader(map, file, 0, limits, diagnostics);
        diagnostics.Error(Codes.EmptyFile, SourceLocation.File(file.Path), "the file holds no fields", "write 'name: value' lines");
        return null;
    }

    private static bool StartsWithFence(string text, int at, out int next)
    {
        next = 0;
        if (!text.AsSpan(at).StartsWith("---")) return false;
        var end = text.IndexOf('\n', at);
        if (end < 0) return false;
        if (text.AsSpan(at + 3, end - at - 3).Trim().Length != 0) return false;
        next = end + 1;
        return true;
    }

    private static (int YamlEnd, int BodyStart) FindClosingFence(string text, int from)
    {
        int lineStart = from;
        while (lineStart < text.Length)
        {
            var lineEnd = text.IndexOf('\n', lineStart);
            var line = text.AsSpan(lineStart, (lineEnd < 0 ? text.Length : lineEnd) - lineStart).TrimEnd('\r');
            if (line.SequenceEqual("---") || line.SequenceEqual("..."))
                return (lineStart, lineEnd < 0 ? text.Length : lineEnd + 1);
            if (lineEnd < 0) break;
            lineStart = lineEnd + 1;
        }
        return (-1, -1);
    }
}
