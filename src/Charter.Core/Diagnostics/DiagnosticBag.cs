using System.Collections.Concurrent;

namespace Charter.Core.Diagnostics;

/// <summary>
/// Collects every problem of a build (stages never stop at the first one). Thread-safe, because loading
/// and rendering run in parallel; <see cref="Sorted"/> gives a stable order for output.
/// </summary>
public sealed class DiagnosticBag
{
    private readonly ConcurrentQueue<Diagnostic> _items = new();

    public void Add(Diagnostic diagnostic) => _items.Enqueue(diagnostic);

    public void Error(string code, SourceLocation at, string message, string? hint = null) =>
        Add(new Diagnostic(Severity.Error, code, at, message, hint));

    public void Warning(string code, SourceLocation at, string message, string? hint = null) =>
        Add(new Diagnostic(Severity.Warning, code, at, message, hint));

    public bool HasErrors => _items.Any(d => d.Severity == Severity.Error);

    /// <summary>Whether an error was already reported in this file (site-relative path).</summary>
    public bool HasErrorIn(string path) => _items.Any(d => d.Severity == Severity.Error && d.Location.Path == path);
    public int ErrorCount => _items.Count(d => d.Severity == Severity.Error);
    public int WarningCount => _items.Count(d => d.Severity == Severity.Warning);

    /// <summary>All diagnostics sorted by file, line, column, then code: the same input always prints the same lines.</summary>
    public IReadOnlyList<Diagnostic> Sorted() => _items
        .Distinct()
        .OrderBy(d => d.Location.Path, StringComparer.Ordinal)
        .ThenBy(d => d.Location.Line)
        .ThenBy(d => d.Location.Column)
        .ThenBy(d => d.Code, StringComparer.Ordinal)
        .ThenBy(d => d.Message, StringComparer.Ordinal)
        .ToList();
}
