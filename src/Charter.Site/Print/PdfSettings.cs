namespace Charter.Site.Print;

/// <summary>
/// How a build makes its PDFs: the engine (WeasyPrint: a path, or a command name looked up on PATH) and how long one
/// document may take. A build without settings makes no PDF and links none (the tests' in-memory builds).
/// </summary>
public sealed record PdfSettings(string Engine, TimeSpan Timeout)
{
    /// <summary>Names another engine command (tests point it at a missing file to see the build without one).</summary>
    public const string EngineVariable = "CHARTER_WEASYPRINT";

    public const string DefaultEngine = "weasyprint";

    /// <summary>The engine of the environment (<see cref="EngineVariable"/>, else weasyprint on PATH), two minutes a document.</summary>
    public static PdfSettings FromEnvironment() =>
        new(Environment.GetEnvironmentVariable(EngineVariable) is { Length: > 0 } engine ? engine : DefaultEngine, TimeSpan.FromMinutes(2));

    /// <summary>The engine's full path, or null when it is not installed.</summary>
    public string? Locate()
    {
        if (Engine.Contains('/')) return File.Exists(Engine) ? Path.GetFullPath(Engine) : null;
        foreach (var folder in (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries))
        {
            var candidate = Path.Combine(folder, Engine);
            if (File.Exists(candidate)) return candidate;
        }
        return null;
    }
}
