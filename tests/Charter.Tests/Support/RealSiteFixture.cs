using System.Collections.Concurrent;
using System.Text.Json;
using AngleSharp.Html.Dom;
using Charter.Core.Diagnostics;
using Charter.Core.Load;
using Charter.Core.Model;
using Charter.Site.Build;

namespace Charter.Tests.Support;

/// <summary>
/// The real charter (content/ of the repository) built once per test run into a temp folder, shared by every
/// test of the "real site" collection. Pages are parsed on first use and cached.
/// </summary>
public sealed class RealSiteFixture : IDisposable
{
    private readonly TempDir _output = new();
    private readonly ConcurrentDictionary<string, IHtmlDocument> _pages = new(StringComparer.Ordinal);

    public RealSiteFixture()
    {
        Result = Builds.To(Repo.Root, OutputDir);
        Files = TempDir.Snapshot(OutputDir);
        var diagnostics = new DiagnosticBag();
        // The model, loaded on its own: tests derive what the pages must hold from the content, not from the output.
        Content = ContentLoader.Load(Repo.Root, diagnostics)
                  ?? throw new InvalidOperationException("the real content does not load:\n" + string.Join("\n", diagnostics.Sorted()));
    }

    public BuildResult Result { get; }
    public string OutputDir => Path.Combine(_output.Path, "public");
    public SortedDictionary<string, byte[]> Files { get; }
    public SiteContent Content { get; }
    public IReadOnlyList<string> Languages => Content.Config.Languages;
    public const string Slug = "lampedusa";

    public CharterEdition Edition(string language) => Content.Edition(Slug, language)!;

    public IEnumerable<string> HtmlPaths => Files.Keys.Where(p => p.EndsWith(".html", StringComparison.Ordinal));

    public bool Exists(string path) => Files.ContainsKey(path);

    public IHtmlDocument Page(string path) => _pages.GetOrAdd(path, p =>
    {
        Assert.True(Files.TryGetValue(p, out var bytes), $"the site has no page {p}");
        return Html.Parse(bytes);
    });

    public JsonDocument Json(string path)
    {
        Assert.True(Files.TryGetValue(path, out var bytes), $"the site has no file {path}");
        return JsonDocument.Parse(bytes);
    }

    public void Dispose() => _output.Dispose();
}

[CollectionDefinition(Name)]
public sealed class RealSiteCollection : ICollectionFixture<RealSiteFixture>
{
    public const string Name = "real site";
}
