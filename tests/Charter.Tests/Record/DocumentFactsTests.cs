using System.Text.Json;
using Charter.Core.Diagnostics;
using Charter.Tests.Support;
using static Charter.Tests.Support.DiagnosticAssert;

namespace Charter.Tests.Record;

/// <summary>
/// The charter as a document of record: the facts its metadata states (status, adoption, version, licence) and the
/// content's last change are on its pages, in JSON-LD and in charter.json; facts it does not state appear nowhere.
/// </summary>
[Collection(ProcessEnvironment.Name)]
public class DocumentFactsTests
{
    private const string Meta = "content/lampedusa/charter.fr.md";

    [Fact]
    public void The_real_charter_states_its_adoption_on_its_pages_in_json_ld_and_in_charter_json()
    {
        using var site = TempDir.RealSite();
        var build = Builds.InMemory(site.Path);
        build.AssertSucceeded();

        var home = Html.Parse(build.File("es/lampedusa/index.html"));
        var record = home.QuerySelector("dl.record")!;
        Assert.Equal("aprobado", record.QuerySelector(".record-status dd")!.TextContent);
        Assert.Equal("octubre de 2022, Daejeon", record.QuerySelector(".record-adopted dd")!.TextContent);
        Assert.Equal("2022-10", record.QuerySelector(".record-adopted time")!.GetAttribute("datetime"));
        Assert.Equal("Consejo Mundial de CGLU", record.QuerySelector(".record-adopted_by dd")!.TextContent);
        // Not stated by the source, so not stated at all.
        Assert.Null(record.QuerySelector(".record-licence"));
        Assert.Null(record.QuerySelector(".record-version"));

        var line = Html.Parse(build.File("fr/lampedusa/principles/2/index.html")).QuerySelector(".record-line")!.TextContent;
        Assert.Equal("Charte de Lampedusa · Statut\u202F: adopté · Adoption\u202F: octobre 2022, Daejeon", line);

        using var ld = JsonDocument.Parse(home.QuerySelector("script[type='application/ld+json']")!.TextContent);
        Assert.Equal("2022-10", ld.RootElement.GetProperty("legislationDate").GetString());
        Assert.Equal("https://schema.org/InForce", ld.RootElement.GetProperty("legislationLegalForce").GetString());
        Assert.Equal("Daejeon", ld.RootElement.GetProperty("locationCreated").GetProperty("name").GetString());
        Assert.False(ld.RootElement.TryGetProperty("license", out _));
        Assert.False(ld.RootElement.TryGetProperty("dateModified", out _)); // a copy outside git: the sources say nothing of it

        using var json = JsonDocument.Parse(build.File("en/charter.json"));
        Assert.Equal("adopted", json.RootElement.GetProperty("status").GetString());
        Assert.Equal("2022-10", json.RootElement.GetProperty("adopted").GetString());
        Assert.Equal("UCLG World Council", json.RootElement.GetProperty("adopted_by").GetString());
        Assert.False(json.RootElement.TryGetProperty("licence", out _));
    }

    [Fact]
    public void A_licence_a_version_and_the_content_date_are_shown_when_the_sources_give_them()
    {
        using var site = TempDir.RealSite();
        foreach (var l in new[] { "fr", "en", "es" })
            site.Replace($"content/lampedusa/charter.{l}.md", "status: adopted\n", "status: adopted\nversion: \"1.0\"\nlicence: CC-BY-4.0\n");
        Environment.SetEnvironmentVariable("SOURCE_DATE_EPOCH", "1764547200"); // 2025-12-01 00:00 UTC
        Charter.Site.Build.BuildResult build;
        try { build = Builds.InMemory(site.Path); }
        finally { Environment.SetEnvironmentVariable("SOURCE_DATE_EPOCH", null); }
        build.AssertSucceeded();
        var record = Html.Parse(build.File("fr/lampedusa/index.html")).QuerySelector("dl.record")!;
        var licence = record.QuerySelector(".record-licence a")!;
        Assert.Equal("CC BY 4.0", licence.TextContent);
        Assert.Equal("https://creativecommons.org/licenses/by/4.0/", licence.GetAttribute("href"));
        Assert.Equal("1.0", record.QuerySelector(".record-version dd")!.TextContent);
        Assert.Equal("1er décembre 2025", record.QuerySelector(".record-updated dd")!.TextContent);
        using var json = JsonDocument.Parse(build.File("fr/charter.json"));
        Assert.Equal("2025-12-01", json.RootElement.GetProperty("updated").GetString());
        Assert.Equal("CC-BY-4.0", json.RootElement.GetProperty("licence").GetProperty("id").GetString());
    }

    [Theory]
    [InlineData("status: adopted", "status: approved", "status 'approved' is not known")]
    [InlineData("adopted: 2022-10", "adopted: 2022-13", "adopted '2022-13' is not a date")]
    [InlineData("adopted: 2022-10", "adopted: octobre 2022", "adopted 'octobre 2022' is not a date")]
    [InlineData("status: adopted", "status: adopted\nlicence: GPL-9", "licence 'GPL-9' is not a licence Charter knows")]
    public void A_fact_that_cannot_be_read_is_an_error_at_its_line(string find, string replace, string message)
    {
        using var site = TempDir.RealSite();
        site.Replace(Meta, find, replace);
        var error = Assert.Single(Builds.InMemory(site.Path).Errors());
        Assert.Equal((Codes.InvalidValue, Meta), (error.Code, error.Location.Path));
        Assert.Contains(message, error.Message);
    }

    [Fact]
    public void A_translation_that_states_other_facts_is_an_error()
    {
        using var site = TempDir.RealSite();
        site.Replace("content/lampedusa/charter.es.md", "adopted: 2022-10", "adopted: 2022-11");
        var error = SingleError(Builds.InMemory(site.Path), Codes.TranslationMismatch, "content/lampedusa/charter.es.md", 1);
        Assert.Contains("adopted 2022-11", error.Message);
        Assert.Contains("adopted 2022-10", error.Message);
    }
}
