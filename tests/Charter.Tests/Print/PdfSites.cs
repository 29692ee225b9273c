using System.Text;
using Charter.Site.Build;
using Charter.Site.Print;
using Charter.Tests.Support;
using UglyToad.PdfPig;

namespace Charter.Tests.Print;

/// <summary>
/// The real site and the articles fixture built once with their PDFs (in memory: WeasyPrint takes seconds per
/// document), shared by the PDF tests. The engine is Debian's WeasyPrint, which the test project's build installs
/// (scripts/ensure-weasyprint.sh).
/// </summary>
public sealed class PdfSites
{
    public static readonly PdfSettings Engine = new(PdfSettings.DefaultEngine, TimeSpan.FromMinutes(5));

    public PdfSites()
    {
        var real = Task.Run(() => Build(Repo.Root));
        Articles = Build(Repo.Fixture("articles"));
        Real = real.GetAwaiter().GetResult();
    }

    public BuildResult Real { get; }
    public BuildResult Articles { get; }

    public static BuildResult Build(string root)
    {
        var result = SiteBuilder.Build(new BuildOptions(root, Path.Combine(root, "public"), WriteOutput: false) { Pdf = Engine });
        result.AssertSucceeded();
        return result;
    }

    public static PdfDocument Open(BuildResult build, string path) => PdfDocument.Open(build.File(path));

    public static string Text(BuildResult build, string path) => Encoding.UTF8.GetString(build.File(path));
}

[CollectionDefinition("pdf")]
public sealed class PdfCollection : ICollectionFixture<PdfSites>;
