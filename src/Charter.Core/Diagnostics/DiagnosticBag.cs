using System.Collections.Concurrent;

namespace Charter.Core.Diagnostics;

/// <summary>
/// Collects every problem of a build (stages never stop at the first one). Thread-safe, because loading
/// and rendering run in parallel; <see cref="Sorted"/> gives a stable order for output.
/// </summary>
public sealed class DiagnosticBag
{
    private readonly ConcurrentQueue<Diagnostic> _items = new();

    // The recordings open in this flow of execution (Parallel.For and tasks started inside carry it), innermost first.
    private static readonly AsyncLocal<Recording?> Open = new();

    public void Add(Diagnostic diagnostic)
    {
        _items.Enqueue(diagnostic);
        for (var r = Open.Value; r is not null; r = r.Outer)
            if (r.Bag == this) r.Items.Enqueue(diagnostic);
    }

    /// <summary>
    /// Also keeps, until disposed, what this code and what it runs in parallel report, and nothing of what other work
    /// running at the same time reports (serve keeps a charter's warnings with its pages, to report them again when the
    /// pages are reused).
    /// </summary>
    public Recording Record() => Open.Value = new Recording(this, Open.Value);

    public sealed class Recording : IDisposable
    {
        internal Recording(DiagnosticBag bag, Recording? outer) => (Bag, Outer) = (bag, outer);

        internal DiagnosticBag Bag { get; }
        internal Recording? Outer { get; }
        internal ConcurrentQueue<Diagnostic> Items { get; } = new();

        /// <summary>What was reported while it was open, in the order it came.</summary>
        public IReadOnlyList<Diagnostic> Recorded => [.. Items];

        public void Dispose() => Open.Value = Outer;
    }

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
