using System.Diagnostics;
using System.Text.Json.Nodes;

namespace Charter.Tests.Support;

/// <summary>
/// Citation.js, real parsers of BibTeX (as biblatex and as classic BibTeX), RIS and CSL-JSON, run by Node.js on files
/// (tests/cite-js/parse-back.js): what a reference manager would understand of the citation downloads, as CSL items.
/// </summary>
public static class CiteParsers
{
    public sealed record Request(string Path, string Format);

    /// <summary>Parses every file in one Node.js process; for each, the items read, or the parser's error.</summary>
    public static List<JsonObject> Run(IEnumerable<Request> requests)
    {
        var start = new ProcessStartInfo("node")
        {
            RedirectStandardInput = true, RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false,
            StandardInputEncoding = new System.Text.UTF8Encoding(false), StandardOutputEncoding = System.Text.Encoding.UTF8,
        };
        start.ArgumentList.Add(Path.Combine(Repo.Root, "tests", "cite-js", "parse-back.js"));
        using var process = Process.Start(start) ?? throw new InvalidOperationException("node did not start");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        var input = new JsonArray(requests.Select(r => (JsonNode)new JsonObject { ["path"] = r.Path, ["format"] = r.Format }).ToArray());
        process.StandardInput.Write(input.ToJsonString());
        process.StandardInput.Close();
        if (!process.WaitForExit(60_000))
        {
            process.Kill();
            throw new TimeoutException("the citation parsers took more than a minute");
        }
        if (process.ExitCode != 0) throw new InvalidOperationException("the citation parsers failed: " + stderr.Result);
        return JsonNode.Parse(stdout.Result)!.AsArray().Select(a => a!.AsObject()).ToList();
    }

    /// <summary>The one item a file holds, failing with the parser's error when it could not be read.</summary>
    public static JsonObject Single(JsonObject answer, string what)
    {
        Assert.True(answer["error"] is null, $"{what} does not parse: {answer["error"]}");
        var items = answer["items"]!.AsArray();
        Assert.True(items.Count == 1, $"{what} holds {items.Count} items, not one");
        return items[0]!.AsObject();
    }
}
