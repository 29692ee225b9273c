using System.Text.Json;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using Charter.Core.Resolve;
using Charter.Tests.Support;

namespace Charter.Tests.Akn;

/// <summary>
/// Issue 17, part D: every charter in every language is an Akoma Ntoso 3.0 document that validates against the OASIS
/// schema, with its FRBR identity, every unit as an element with an eId after the naming convention, every reference
/// to a declaration as a ref and every note as an authorialNote; pages link it and charter.json lists it.
/// </summary>
[Collection(RealSiteCollection.Name)]
public partial class AknExportTests(RealSiteFixture real)
{
    private static XNamespace A => AknSchema.Ns;

    [GeneratedRegex(@"^[a-zA-Z]+(_\d+)?(__[a-zA-Z]+_\d+)*$")]
    private static partial Regex EIdPattern();

    [Fact]
    public void Every_export_of_the_real_site_validates_and_holds_every_unit_reference_and_note()
    {
        var exports = real.Files.Keys.Where(p => p.EndsWith(".akn.xml", StringComparison.Ordinal)).ToList();
        Assert.Equal(real.Languages.Select(l => $"{l}/lampedusa/lampedusa-{l}.akn.xml").Order(), exports.Order());
        foreach (var language in real.Languages)
        {
            var path = $"{language}/lampedusa/lampedusa-{language}.akn.xml";
            AknSchema.AssertValid(real.Files[path], path);
            var doc = XDocument.Load(new MemoryStream(real.Files[path]));
            var byEId = BodyElements(doc).ToDictionary(e => (string)e.Attribute("eId")!); // throws on a duplicate
            Assert.All(byEId.Keys, id => Assert.Matches(EIdPattern(), id));

            var mapping = doc.Descendants(AknSchema.Facts + "unit").ToDictionary(u => (string)u.Attribute("id")!, u => (string)u.Attribute("eId")!);
            var edition = real.Edition(language);
            foreach (var unit in edition.AllUnits())
            {
                Assert.True(mapping.TryGetValue(unit.Id, out var eId), $"{path}: unit {unit.Id} has no eId");
                var element = byEId[eId!];
                foreach (var declaration in Resolver.RefLinks(unit.Text).Concat(unit.References).Concat(unit.Fields.Values.Where(f => f.Type == Core.Model.FieldType.Refs).SelectMany(f => f.Items)))
                    Assert.True(element.Descendants(A + "ref").Any(r => ((string)r.Attribute("href")!).EndsWith($"/{language}/declarations/{declaration}/", StringComparison.Ordinal)),
                        $"{path}: {unit.Id} ({eId}) has no ref to {declaration}");
            }
            foreach (var file in edition.AllUnits().Where(u => !u.Notes.IsEmpty))
                foreach (var unit in file.DescendantsAndSelf().Where(u => u == file || !u.OwnFile))
                    foreach (var label in Resolver.NoteLabels(unit.Text))
                    {
                        var note = byEId[mapping[unit.Id]].Descendants(A + "authorialNote").FirstOrDefault();
                        Assert.True(note is not null, $"{path}: {unit.Id} cites note '{label}' but has no authorialNote");
                        Assert.Equal("bottom", (string?)note!.Attribute("placement"));
                        Assert.StartsWith(mapping[unit.Id] + "__authorialNote_", (string)note.Attribute("eId")!);
                        Assert.NotEmpty(note.Value);
                    }
        }
    }

    [Fact]
    public void Principle_two_priority_three_is_an_article_paragraph_with_its_number_text_and_permalink()
    {
        foreach (var language in real.Languages)
        {
            var doc = XDocument.Load(new MemoryStream(real.Files[$"{language}/lampedusa/lampedusa-{language}.akn.xml"]));
            var article = BodyElements(doc).Single(e => (string?)e.Attribute("eId") == "sec_3__art_2");
            Assert.Equal(A + "article", article.Name);
            Assert.Equal("2", article.Element(A + "num")!.Value);
            var paragraph = article.Elements(A + "paragraph").ElementAt(2);
            Assert.Equal("sec_3__art_2__para_3", (string)paragraph.Attribute("eId")!);
            Assert.Equal("2.3", paragraph.Element(A + "num")!.Value);
            var text = real.Edition(language).Folder("principles").Single(p => p.Id == "p2").Children[2].Text!.Source;
            Assert.StartsWith(string.Join(' ', text.Split((char[])[' ', '\n'], StringSplitOptions.RemoveEmptyEntries).Take(3)),
                paragraph.Element(A + "content")!.Value.Replace('\u00a0', ' ').Replace('\u202f', ' '));
            var unit = doc.Descendants(AknSchema.Facts + "unit").Single(u => (string)u.Attribute("id")! == "p2-3");
            Assert.Equal($"https://charter.example.org/{language}/lampedusa/principles/2/#p2-3", (string)unit.Attribute("url")!);
        }
        // French typography as on the pages: narrow no-break spaces before a colon and inside « », never a plain space.
        var fr = System.Text.Encoding.UTF8.GetString(real.Files["fr/lampedusa/lampedusa-fr.akn.xml"]);
        Assert.Contains("Pas une histoire de frontière\u202f:", fr);
        Assert.DoesNotContain(" :", fr);
        Assert.DoesNotContain("« ", fr);
    }

    [Fact]
    public void The_frbr_identity_carries_the_adoption_the_language_and_the_translation()
    {
        var fr = Identification("fr");
        var en = Identification("en");
        const string work = "/akn/int/statement/charter/2022-10/lampedusa";
        Assert.Equal(work, Value(fr, "FRBRWork", "FRBRuri"));
        Assert.Equal(work + "/fra@", Value(fr, "FRBRExpression", "FRBRuri"));
        Assert.Equal(work + "/eng@", Value(en, "FRBRExpression", "FRBRuri"));
        Assert.Equal(work + "/eng@/!main.xml", Value(en, "FRBRManifestation", "FRBRthis"));
        Assert.Equal("int", Value(fr, "FRBRWork", "FRBRcountry"));
        Assert.Equal("eng", (string)en.Descendants(A + "FRBRlanguage").Single().Attribute("language")!);
        var date = fr.Element(A + "FRBRWork")!.Element(A + "FRBRdate")!;
        Assert.Equal(("2022-10-01", "adoption"), ((string)date.Attribute("date")!, (string)date.Attribute("name")!));
        Assert.Empty(fr.Descendants(A + "FRBRtranslation"));
        var translation = en.Descendants(A + "FRBRtranslation").Single();
        Assert.Equal((work + "/fra@", "fra"), ((string)translation.Attribute("href")!, (string)translation.Attribute("fromLanguage")!));

        var doc = XDocument.Load(new MemoryStream(real.Files["es/lampedusa/lampedusa-es.akn.xml"]));
        var facts = doc.Descendants(AknSchema.Facts + "document").Single();
        Assert.Equal("adopted", facts.Element(AknSchema.Facts + "status")!.Value);
        Assert.Equal("2022-10", facts.Element(AknSchema.Facts + "adopted")!.Value); // to the precision the source gives
        Assert.Equal("Consejo Mundial de CGLU", facts.Element(AknSchema.Facts + "adoptedBy")!.Value);
        Assert.Equal("Daejeon", facts.Element(AknSchema.Facts + "place")!.Value);
        Assert.Null(facts.Element(AknSchema.Facts + "licence")); // not stated by the source, so not stated at all
        var adoption = doc.Descendants(A + "eventRef").Single();
        Assert.Equal(("2022-10-01", "#conseil-mondial-de-cglu"), ((string)adoption.Attribute("date")!, (string)adoption.Attribute("source")!));
    }

    [Fact]
    public void Pages_link_the_export_of_their_language_and_charter_json_lists_it()
    {
        foreach (var language in real.Languages)
        {
            var href = $"/{language}/lampedusa/lampedusa-{language}.akn.xml";
            var link = real.Page($"{language}/lampedusa/principles/2/index.html").QuerySelector("link[type='application/akn+xml']")!;
            Assert.Equal(("alternate", href), (link.GetAttribute("rel"), link.GetAttribute("href")));
            Assert.Null(link.GetAttribute("hreflang")); // not a translation of the page: search engines read hreflang alternates as pages
            using var json = JsonDocument.Parse(real.Files[$"{language}/lampedusa/charter.json"]);
            Assert.Equal(href, json.RootElement.GetProperty("akn").GetString());
            Assert.True(real.Files.ContainsKey(href[1..]));
        }
        // The site's own pages belong to no charter.
        Assert.Null(real.Page("fr/index.html").QuerySelector("link[type='application/akn+xml']"));
    }

    [Fact]
    public void The_articles_fixture_has_a_preamble_of_recitals_chapters_of_articles_and_an_annex()
    {
        var build = Builds.InMemory(Repo.Fixture("articles"));
        build.AssertSucceeded();
        foreach (var language in new[] { "fr", "en" })
        {
            var path = $"{language}/accueil/accueil-{language}.akn.xml";
            AknSchema.AssertValid(build.File(path), path);
            var doc = XDocument.Load(new MemoryStream(build.File(path)));
            var ids = BodyElements(doc).Select(e => (string)e.Attribute("eId")!).ToHashSet();
            Assert.Contains("preamble__rec_1", ids);
            Assert.Equal(A + "recital", BodyElements(doc).Single(e => (string?)e.Attribute("eId") == "preamble__rec_1").Name);
            Assert.Contains("hcontainer_1__chp_2__art_3__para_2", ids);
            Assert.Contains("preamble__rec_2__authorialNote_1", ids);
            var annex = doc.Descendants(A + "attachment").Single();
            Assert.Equal("att_1", (string)annex.Attribute("eId")!);
            Assert.Equal("annex", (string)annex.Element(A + "doc")!.Attribute("name")!);
            Assert.EndsWith("/!annex", annex.Descendants(A + "FRBRWork").Single().Element(A + "FRBRthis")!.Attribute("value")!.Value);
            Assert.Contains(annex.Descendants(A + "point"), p => ((string)p.Attribute("eId")!).StartsWith("att_1__point_", StringComparison.Ordinal));
        }
    }

    [Fact]
    public void The_validator_rejects_a_document_the_schema_does_not_allow()
    {
        var xml = System.Text.Encoding.UTF8.GetString(real.Files["fr/lampedusa/lampedusa-fr.akn.xml"]);
        var broken = Regex.Replace(xml, @"<FRBRWork>.*?</FRBRWork>", "", RegexOptions.Singleline);
        Assert.NotEmpty(AknSchema.Problems(System.Text.Encoding.UTF8.GetBytes(broken)));
        var twice = xml.Replace("eId=\"sec_3__art_2__para_3\"", "eId=\"sec_3__art_2__para_2\"");
        Assert.Contains(AknSchema.Problems(System.Text.Encoding.UTF8.GetBytes(twice)), p => p.Contains("eId", StringComparison.Ordinal) || p.Contains("unique", StringComparison.OrdinalIgnoreCase));
    }

    private XElement Identification(string language) =>
        XDocument.Load(new MemoryStream(real.Files[$"{language}/lampedusa/lampedusa-{language}.akn.xml"])).Descendants(A + "identification").First();

    private static string Value(XElement identification, string level, string element) =>
        (string)identification.Element(A + level)!.Element(A + element)!.Attribute("value")!;

    /// <summary>The elements of the text (not of the metadata) that have an eId.</summary>
    private static IEnumerable<XElement> BodyElements(XDocument doc) =>
        doc.Root!.Elements().Single().Elements().Where(e => e.Name.LocalName != "meta")
            .SelectMany(e => e.DescendantsAndSelf()).Where(e => e.Attribute("eId") is not null && e.Ancestors(A + "meta").All(_ => false));
}
