using Charter.Core.Diagnostics;
using Charter.Tests.Support;
using static Charter.Tests.Support.DiagnosticAssert;

namespace Charter.Tests.Akn;

/// <summary>A kind's AKN element is data of structure.yml: an unknown one, or one out of its place, is an error at its line.</summary>
public class AknStructureTests
{
    private const string Structure = "content/accueil/structure.yml";

    private static TempDir Site() => new(Repo.Fixture("articles"));

    /// <summary>The line of the last occurrence of a text in the structure.</summary>
    private static int LineOf(TempDir site, string text) =>
        site.Read(Structure).Split('\n').Select((l, i) => (l, i)).Last(x => x.l.Contains(text, StringComparison.Ordinal)).i + 1;

    [Fact]
    public void An_unknown_akn_element_is_an_error_at_its_line_that_lists_the_allowed_ones()
    {
        using var site = Site();
        site.Replace(Structure, "akn: article", "akn: articel");
        var error = SingleError(Builds.InMemory(site.Path), Codes.InvalidValue, Structure, LineOf(site, "akn: articel"));
        Assert.Contains("'articel' is not an Akoma Ntoso element", error.Message);
        Assert.Contains("article", error.Hint);
        Assert.Contains("hcontainer", error.Hint);
    }

    [Fact]
    public void A_recital_outside_a_preamble_is_an_error_at_its_akn_line()
    {
        using var site = Site();
        site.Replace(Structure, "akn: paragraph", "akn: recital");
        var error = SingleError(Builds.InMemory(site.Path), Codes.InvalidValue, Structure, LineOf(site, "akn: recital"));
        Assert.Contains("'article', which lists it, is not a preamble", error.Message);
    }

    [Fact]
    public void An_unknown_document_type_is_an_error_and_a_kind_without_akn_is_an_hcontainer()
    {
        using var site = Site();
        site.Replace(Structure, "document: statement", "document: act");
        SingleError(Builds.InMemory(site.Path), Codes.InvalidValue, Structure, LineOf(site, "document: act"));

        site.Replace(Structure, "document: act", "document: doc");
        site.Replace(Structure, "    akn: chapter\n", "");
        var build = Builds.InMemory(site.Path);
        build.AssertSucceeded();
        var xml = System.Text.Encoding.UTF8.GetString(build.File("fr/accueil/accueil-fr.akn.xml"));
        Assert.Contains("<doc name=\"charter\">", xml);
        Assert.Contains("<hcontainer eId=\"hcontainer_1__hcontainer_1\" name=\"chapter\">", xml);
        AknSchema.AssertValid(build.File("fr/accueil/accueil-fr.akn.xml"), "fr/accueil/accueil-fr.akn.xml");
    }
}
