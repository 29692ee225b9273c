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
        // One pass of the parser: its events are kept as the depth is checked, and the node tree is built from them.
        var (events, tooDeep, failure) = Events(text, limits.YamlDepth);
        if (tooDeep is not null) return tooDeep;
        var parser = new Replay(events, failure);
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

    /// <summary>
    /// The parser's events up to the end, or up to where it failed (the failure is kept, to be thrown where the node
    /// tree reaches it: an error the tree finds earlier, a duplicate key, is reported first, as it always was).
    /// </summary>
    private static (List<ParsingEvent> Events, Result? TooDeep, Exception? Failure) Events(string text, int limit)
    {
        var parser = new Parser(new StringReader(text));
        var events = new List<ParsingEvent>();
        int depth = 0;
        try
        {
            while (parser.MoveNext())
            {
                var current = parser.Current!;
                switch (current)
                {
                    case MappingStart or SequenceStart when ++depth > limit:
                        return (events, new Result(null, new(Codes.LimitExceeded, (int)Math.Min(current.Start.Index, text.Length),
                            $"the YAML is nested more than {limit} levels deep",
                            "flatten the structure; if it is meant, raise 'yaml_depth' under 'limits:' in charter.yml")), null);
                    case MappingEnd or SequenceEnd:
                        depth--;
                        break;
                }
                events.Add(current);
            }
        }
        catch (Exception e) when (e is YamlException or InvalidOperationException)
        {
            return (events, null, e);
        }
        return (events, null, null);
    }

    /// <summary>YamlDotNet prefixes messages with its own "(Line: x, Col: y, Idx: z) - (…): "; we print our own position.</summary>
    private static string Clean(YamlException e)
    {
        var message = e.InnerException?.Message ?? e.Message;
        var dash = message.LastIndexOf("): ", StringComparison.Ordinal);
        return (dash >= 0 ? message[(dash + 3)..] : message).Trim();
    }

    /// <summary>
    /// The events read, given again to YamlDotNet's node tree; then the parser's failure, if it failed. YamlDotNet's
    /// scanner throws InvalidOperationException, with no position, on some malformed input (an unclosed '[' followed
    /// by more lines); remembering where the last event ended gives the place.
    /// </summary>
    private sealed class Replay(List<ParsingEvent> events, Exception? failure) : IParser
    {
        private int _next;

        public Mark LastEnd { get; private set; } = Mark.Empty;
        public ParsingEvent Current => _next > 0 && _next <= events.Count ? events[_next - 1] : null!;

        public bool MoveNext()
        {
            if (Current is { } current) LastEnd = current.End;
            if (_next < events.Count)
            {
                _next++;
                return true;
            }
            _next = events.Count + 1;
            if (failure is not null) System.Runtime.ExceptionServices.ExceptionDispatchInfo.Throw(failure);
            return false;
        }
    }
}
