using System.Text.Json;
using System.Text.Json.Nodes;
using Jint;

namespace Charter.Search.Tests;

/// <summary>
/// The genuine lunr.js 2.3.9 and lunr-languages 1.22.0 (tests/js/node_modules), with the theme's
/// search.js, run by Jint inside the test process. <see cref="Serialize"/> is what
/// <see cref="LunrIndex.Serialize"/> must equal byte for byte; other tests (the lead's, on the
/// real content) can call it the same way.
/// </summary>
public static class LunrOracle
{
    private static readonly Lock Gate = new();
    private static Engine? _engine;

    /// <summary>JSON.stringify of the index genuine lunr builds for these documents.</summary>
    public static string Serialize(string language, IReadOnlyList<SearchDocument> documents) =>
        Run(SerializeRequest(language, documents))[0]!.GetValue<string>();

    /// <summary>Each word lower-cased, then through the language's index pipeline; null when dropped.</summary>
    public static string?[] Pipeline(string language, IReadOnlyList<string> words) =>
        Run(new JsonObject { ["op"] = "pipeline", ["lang"] = language, ["words"] = ToArray(words) })[0]!
            .AsArray().Select(n => n?.GetValue<string>()).ToArray();

    /// <summary>The language's bare lunr stemmer on each word.</summary>
    public static string[] Stem(string language, IReadOnlyList<string> words) =>
        Run(new JsonObject { ["op"] = "stem", ["lang"] = language, ["words"] = ToArray(words) })[0]!
            .AsArray().Select(n => n!.GetValue<string>()).ToArray();

    /// <summary>Runs requests (see oracle.js) in one call; returns one answer per request.</summary>
    public static JsonArray Run(params JsonObject[] requests)
    {
        string input = new JsonArray(requests.Select(r => (JsonNode)r).ToArray()).ToJsonString();
        string output;
        lock (Gate)
        {
            var engine = _engine ??= CreateEngine();
            output = engine.Invoke(engine.Evaluate("CharterOracle.run"), input).AsString();
        }

        return JsonNode.Parse(output)!.AsArray();
    }

    internal static JsonObject SerializeRequest(string language, IReadOnlyList<SearchDocument> documents) => new()
    {
        ["op"] = "serialize",
        ["lang"] = language,
        ["docs"] = new JsonArray(documents.Select(d => (JsonNode)new JsonArray(d.Ref, d.Title, d.Text)).ToArray()),
    };

    internal static JsonArray ToArray(IEnumerable<string> strings) =>
        new(strings.Select(s => (JsonNode)JsonValue.Create(s)).ToArray());

    private static Engine CreateEngine()
    {
        var engine = new Engine(options => options.Strict(false));
        foreach (var path in RepoPaths.OracleScripts)
        {
            if (!File.Exists(path))
            {
                throw new FileNotFoundException(
                    $"{path} is missing: run scripts/ensure-search-deps.sh (the test project's build does).", path);
            }

            engine.Execute(File.ReadAllText(path), Path.GetFileName(path));
        }

        return engine;
    }
}
