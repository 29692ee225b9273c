namespace Charter.Core.Diagnostics;

public enum Severity { Error, Warning }

/// <summary>A place in a source file. Path is relative to the site root, with '/' separators; line and column are 1-based.</summary>
public sealed record SourceLocation(string Path, int Line, int Column)
{
    public static SourceLocation File(string path) => new(path, 1, 1);
    public override string ToString() => $"{Path}:{Line}:{Column}";
}

/// <summary>
/// One problem, printed in the compiler convention <c>path:line:col: error CODE: message</c>
/// so that editors and CI can jump to it.
/// </summary>
public sealed record Diagnostic(Severity Severity, string Code, SourceLocation Location, string Message, string? Hint = null)
{
    public override string ToString()
    {
        var kind = Severity == Severity.Error ? "error" : "warning";
        var text = Hint is null ? Message : $"{Message} ({Hint})";
        return $"{Location}: {kind} {Code}: {text}";
    }
}
