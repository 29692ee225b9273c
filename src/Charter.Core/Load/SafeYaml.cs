using Charter.Core.Diagnostics;
using Charter.Core.Model;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;
using YamlDotNet.RepresentationModel;

namespace Charter.Core.Load;

/// <summary>
/// The one way Charter reads YAML (front matter, charter.yml, UI strings): the events are read once to check the
/// nesting depth before YamlDotNet builds its node tree, whose building and walking recurse once per level — a file
/// nested 50,000 levels deep would overflow the stack and kill the process, which no catch can stop.
/// </summary>
public static class SafeYaml
{
    /// <summary>Why a YAML text could not be read: a diagnostic code, where (an offset in the text), what and what to do.</summary>
    public sealed record Problem(string Code, int Offset, string Message, string Hint)
    {
        /// <summary>Reports it in <paramref name="file"/>, whose YAML starts at <paramref name="yamlStart"/>.</summary>
        public void Report(SourceFile file, int yamlStart, DiagnosticBag diagnostics) =>
            diagnostics.Error(Code, file.LocationOf(yamlStart + Offset), Message, Hint);
    }

    /// <summary>What reading gave: the root node (null for an empty text), or the problem.</summary>
    public sealed record Result(YamlNode? Root, Problem? Problem = null);

    public static Result Load(string text, Limits limits)
    {
        if (CheckDepth(text, limits.YamlDepth) is { } tooDeep) return tooDeep;
        var parser = new TrackingParser(new Parser(new StringReader(text)));
        try
        {
            var stream = new YamlStream();
            stream.Load(parser);
            return new Result(stream.Documents.Count == 0 ? null : stream.Documents[0].RootNode);
        }
        catch (YamlException e)
        {
            return new Result(null, new(Codes.YamlSyntax, (int)Math.Min(e.Start.Index, text.Length), $"YAML syntax error: {Clean(e)}",
                "check indentation, and quote values that contain ': ' or start with a special character"));
        }
        catch (InvalidOperationException)
        {
            return new Result(null, new(Codes.YamlSyntax, (int)Math.Min(parser.LastEnd.Index, text.Length),
                "YAML syntax error: the YAML cannot be read from here on", "look here and just after for an unclosed '[', '{' or quote"));
        }
    }

    private static Result? CheckDepth(string text, int limit)
    {
        var parser = new TrackingParser(new Parser(new StringReader(text)));
        int depth = 0;
        try
        {
            while (parser.MoveNext())
            {
                switch (parser.Current)
                {
                    case MappingStart or SequenceStart when ++depth > limit:
                        return new Result(null, new(Codes.LimitExceeded, (int)Math.Min(parser.Current.Start.Index, text.Length),
                            $"the YAML is nested more than {limit} levels deep",
                            "flatten the structure; if it is meant, raise 'yaml_depth' under 'limits:' in charter.yml"));
                    case MappingEnd or SequenceEnd:
                        depth--;
                        break;
                }
            }
        }
        catch (Exception e) when (e is YamlException or InvalidOperationException)
        {
            return null; // a syntax error: Load reports it, with its place
        }
        return null;
    }

    /// <summary>YamlDotNet prefixes messages with its own "(Line: x, Col: y, Idx: z) - (…): "; we print our own position.</summary>
    private static string Clean(YamlException e)
    {
        var message = e.InnerException?.Message ?? e.Message;
        var dash = message.LastIndexOf("): ", StringComparison.Ordinal);
        return (dash >= 0 ? message[(dash + 3)..] : message).Trim();
    }

    /// <summary>
    /// YamlDotNet's scanner throws InvalidOperationException, with no position, on some malformed input (an
    /// unclosed '[' followed by more lines); remembering where the last event it read ended gives the place.
    /// </summary>
    private sealed class TrackingParser(IParser inner) : IParser
    {
        public Mark LastEnd { get; private set; } = Mark.Empty;
        public ParsingEvent Current => inner.Current!;

        public bool MoveNext()
        {
            if (inner.Current is { } current) LastEnd = current.End;
            return inner.MoveNext();
        }
    }
}
