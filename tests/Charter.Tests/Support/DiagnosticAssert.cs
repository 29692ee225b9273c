using Charter.Core.Diagnostics;
using Charter.Site.Build;

namespace Charter.Tests.Support;

/// <summary>Assertions on diagnostics that name the exact code and place, with the whole list in the failure message.</summary>
public static class DiagnosticAssert
{
    /// <summary>The build failed with exactly one error, this one; returns it for further checks on its message.</summary>
    public static Diagnostic SingleError(BuildResult result, string code, string path, int line, int? column = null)
    {
        Assert.False(result.Success, "the build succeeded, but an error was expected:\n" + result.Printed());
        var errors = result.Errors().ToList();
        Assert.True(errors.Count == 1, $"expected exactly one error, got {errors.Count}:\n" + result.Printed());
        AssertAt(errors[0], Severity.Error, code, path, line, column);
        return errors[0];
    }

    /// <summary>The one diagnostic with this code.</summary>
    public static Diagnostic Single(BuildResult result, string code)
    {
        var found = result.Diagnostics.Where(d => d.Code == code).ToList();
        Assert.True(found.Count == 1, $"expected one {code}, got {found.Count}:\n" + result.Printed());
        return found[0];
    }

    public static void AssertAt(Diagnostic d, Severity severity, string code, string path, int line, int? column = null)
    {
        var where = $"{path}:{line}" + (column is { } c ? $":{c}" : "");
        var actual = $"{d.Location.Path}:{d.Location.Line}" + (column is null ? "" : $":{d.Location.Column}");
        Assert.True(d.Severity == severity && d.Code == code && actual == where,
            $"expected {severity} {code} at {where}, got: {d}");
    }
}
