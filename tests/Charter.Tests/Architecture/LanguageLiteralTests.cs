using System.Text.RegularExpressions;
using Charter.Tests.Support;

namespace Charter.Tests.Architecture;

/// <summary>
/// Languages are data: what the code does for a language comes from its descriptor (the theme's i18n files) and the
/// search registry, never from a test of its code. English is the tool's own language (its messages, the schemas'
/// descriptions, the starter's fallback text), so "en" may name that; the content's languages may not be named.
/// </summary>
public class LanguageLiteralTests
{
    // The one place allowed to name lunr-languages codes: the registry of search pipelines.
    private static readonly string[] Descriptors = [Path.Combine("src", "Charter.Search", "SearchLanguages.cs")];

    [Fact]
    public void No_code_names_a_content_language()
    {
        var files = Directory.EnumerateFiles(Path.Combine(Repo.Root, "src"), "*.cs", SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}") && !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}"))
            .Where(f => !Descriptors.Contains(Path.GetRelativePath(Repo.Root, f)))
            .ToList();
        Assert.NotEmpty(files);

        // A language code in a string literal that the code acts on: "fr", "es", StartsWith("fr"… (comments are skipped).
        var literal = new Regex(@"^(?!\s*(//|///|\*)).*(""(fr|es|de|it|pt|ar)(-[A-Za-z0-9]+)?""|StartsWith\(""(fr|en|es))", RegexOptions.Multiline);
        var found = files.SelectMany(f => literal.Matches(File.ReadAllText(f)).Select(m => $"{Path.GetRelativePath(Repo.Root, f)}: {m.Value.Trim()}")).ToList();
        Assert.True(found.Count == 0, "language codes in code:\n" + string.Join("\n", found));
    }
}
