using System.Diagnostics;
using System.Text.Json.Nodes;

namespace Charter.Search.Tests;

/// <summary>
/// The same oracle (oracle.js after the genuine lunr files and search.js) run by Node.js, that
/// is by V8, the engine of the browsers the site is tested in. Jint implements ECMAScript in
/// .NET (its Math.log, toLowerCase and regular expressions are .NET's); this checks that V8
/// gives the same bytes.
/// </summary>
public static class NodeOracle
{
    private const string Runner = """
        const fs = require('fs'), vm = require('vm');
        const files = JSON.parse(process.argv[1]);
        const context = vm.createContext({});
        for (const file of files) vm.runInContext(fs.readFileSync(file, 'utf8'), context, { filename: file });
        const input = fs.readFileSync(0, 'utf8');
        context.__input = input;
        process.stdout.write(vm.runInContext('CharterOracle.run(__input)', context));
        """;

    /// <summary>Runs requests (see oracle.js) in one Node.js process; one answer per request.</summary>
    public static JsonArray Run(params JsonObject[] requests)
    {
        var start = new ProcessStartInfo("node")
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            StandardInputEncoding = new System.Text.UTF8Encoding(false),
            StandardOutputEncoding = System.Text.Encoding.UTF8,
        };
        start.ArgumentList.Add("-e");
        start.ArgumentList.Add(Runner);
        start.ArgumentList.Add(new JsonArray(RepoPaths.OracleScripts.Select(p => (JsonNode)JsonValue.Create(p)!).ToArray()).ToJsonString());

        using var process = Process.Start(start) ?? throw new InvalidOperationException("node did not start");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        process.StandardInput.Write(new JsonArray(requests.Select(r => (JsonNode)r).ToArray()).ToJsonString());
        process.StandardInput.Close();
        if (!process.WaitForExit(120_000))
        {
            process.Kill();
            throw new TimeoutException("node took more than two minutes");
        }

        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException("node failed: " + stderr.Result);
        }

        return JsonNode.Parse(stdout.Result)!.AsArray();
    }
}
