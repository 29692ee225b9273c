using System.Collections.Immutable;
using Charter.Core.Model;

namespace Charter.Tests.Support;

/// <summary>
/// Reading the generic model the way the tests of the real charter (and of the mini fixture, which has its shape)
/// talk about it: parts by id, the principles folder, and the fields its structure.yml gives each kind.
/// </summary>
public static class EditionView
{
    public static Unit? Part(this CharterEdition e, string id) => e.Parts.GetValueOrDefault(id);
    public static ImmutableArray<Unit> Principles(this CharterEdition e) => e.Folder("principles");
    public static Unit? Vision(this CharterEdition e) => e.Part("vision");
    public static Unit? Commitments(this CharterEdition e) => e.Part("commitments");
    public static Unit? Timeline(this CharterEdition e) => e.Part("timeline");

    public static string? Title(this Unit u) => u.TextField("title");
    public static string? Heading(this Unit u) => u.TextField("heading");
    public static string? Theme(this Unit u) => u.TextField("theme");
    public static int? NumberField(this Unit u) => u.Field("number")?.Number;
    public static YearMonth? Date(this Unit u) => u.Field("date")?.Date;
    public static string? Concerns(this Unit u) => u.TextField("concerns");
    public static MarkdownText? Prose(this Unit u, string key) => u.Field(key)?.Markdown;
    public static ImmutableArray<string> Items(this Unit u, string key) => u.Field(key)?.Items ?? [];
}
