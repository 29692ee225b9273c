using System.Collections.Immutable;
using Charter.Core.Model;
using Charter.Tests.Support;

namespace Charter.Tests.RealContent;

/// <summary>
/// The Lampedusa Charter as published: the counts the source text fixes (issue 3), both languages unit for
/// unit, and a clean build whose every page parses.
/// </summary>
[Collection(RealSiteCollection.Name)]
public class RealContentTests(RealSiteFixture real)
{
    public static TheoryData<string> Languages => new() { "fr", "en", "es" };

    [Fact]
    public void The_real_content_builds_without_errors_or_warnings()
    {
        Assert.True(real.Result.Success, real.Result.Printed());
        Assert.True(real.Result.Diagnostics.Count == 0, real.Result.Printed());
        Assert.Equal(["fr", "en", "es"], real.Languages);
        Assert.All(real.Result.Stats!.Completeness.Values, c => Assert.Equal(100, c.Percent));
    }

    [Theory]
    [MemberData(nameof(Languages))]
    public void Seven_principles_with_five_priorities_each(string language)
    {
        var principles = real.Edition(language).Principles();
        Assert.Equal(["p1", "p2", "p3", "p4", "p5", "p6", "p7"], principles.Select(p => p.Id));
        Assert.Equal([1, 2, 3, 4, 5, 6, 7], principles.Select(p => p.Ordinal));
        Assert.All(principles, p =>
        {
            Assert.Equal(5, p.Children.Length);
            Assert.All(p.Children, x => Assert.Equal("priority", x.Kind));
            Assert.False(string.IsNullOrWhiteSpace(p.Theme()), $"{p.Id} has no theme");
            Assert.NotNull(p.Text);
            Assert.All(p.Children, x => Assert.False(x.Text!.IsEmpty, $"{x.Id} has no text"));
        });
        var titles = principles.Select(p => p.Title()).ToList();
        Assert.Equal(language switch
            {
                "fr" => ["Dignité", "Équité", "Reconnaissance", "Participation", "Solidarité", "Communauté", "Résilience"],
                "es" => ["Dignidad", "Equidad", "Reconocimiento", "Participación", "Solidaridad", "Comunidad", "Resiliencia"],
                _ => ["Dignity", "Equity", "Recognition", "Participation", "Solidarity", "Community", "Resilience"],
            }, titles!);
    }

    [Theory]
    [MemberData(nameof(Languages))]
    public void Five_lists_of_commitments_and_calls_of_5_8_5_12_and_13_items(string language)
    {
        var lists = real.Edition(language).Commitments()!.Children;
        Assert.Equal([5, 8, 5, 12, 13], lists.Select(l => l.Children.Length));
        Assert.Equal(["commitment", "commitment", "commitment", "commitment", "call"], lists.Select(l => l.Children[0].Kind));
        Assert.All(lists.SelectMany(l => l.Children), i => Assert.False(i.Text!.IsEmpty, $"{i.Id} has no text"));
        if (language == "fr")
            Assert.Equal(["Reconnaissons", "Réaffirmons", "Approuvons", "Nous nous engageons à", "Appelons la communauté internationale à"],
                lists.Select(l => l.Heading()));
    }

    [Theory]
    [MemberData(nameof(Languages))]
    public void Twelve_milestones_in_date_order(string language)
    {
        var milestones = real.Edition(language).Timeline()!.Children;
        // The dates established for the drafting process (issue 3).
        Assert.Equal(
            ["2020-11", "2021-02", "2021-05", "2021-05", "2021-10", "2021-11", "2021-12", "2022-02", "2022-05", "2022-06", "2022-06", "2022-10"],
            milestones.Select(m => m.Date().ToString()));
        Assert.Equal(Enumerable.Range(1, 12).Select(i => $"m{i}"), milestones.Select(m => m.Id));
    }

    [Theory]
    [MemberData(nameof(Languages))]
    public void Ten_declarations_and_seven_frameworks(string language)
    {
        var documents = real.Content.Declarations.Where(d => d.Language == language).ToList();
        var declarations = documents.Where(d => d.Type == DeclarationTypes.Declaration).Select(d => d.Id).Order(StringComparer.Ordinal);
        var frameworks = documents.Where(d => d.Type == DeclarationTypes.Framework).Select(d => d.Id).Order(StringComparer.Ordinal);
        // The nine prior declarations the charter cites, and the 2020 statement as the tenth document.
        Assert.Equal(["africa-charter-2018", "cemr-2006", "charter-agenda-2011", "gaziantep-2019", "marrakech-2018",
                      "mayors-action-agenda-2021", "mc2cm", "migrants-day-2020", "rome-charter-2020", "uclg-manifesto-2019"], declarations);
        Assert.Equal(["agenda-2030", "global-compact-migration", "global-compact-refugees", "new-urban-agenda", "paris-agreement",
                      "uclg-pact-future", "un-action-agenda-idp"], frameworks);
        Assert.All(documents, d =>
        {
            Assert.False(string.IsNullOrWhiteSpace(d.Issuer), $"{d.Id} has no issuer");
            Assert.Matches(@"^\d{4}", d.Year);
            Assert.NotNull(d.Body);
        });
        // The statement is published whole.
        Assert.Equal(ExcerptKinds.Full, documents.Single(d => d.Id == "migrants-day-2020").Excerpt);
    }

    [Theory]
    [MemberData(nameof(Languages))]
    public void Seven_premises_and_every_section(string language)
    {
        var e = real.Edition(language);
        Assert.Equal(7, e.Vision()!.Children.Length);
        Assert.NotNull(e.Meta);
        Assert.Equal(1, e.Part("ambition")!.NumberField());
        Assert.Equal(2, e.Vision()!.NumberField());
        Assert.Equal(3, e.Part("principles")!.NumberField());
        Assert.Equal(4, e.Commitments()!.NumberField());
        Assert.NotNull(e.Part("co-creation"));
        Assert.NotNull(e.Part("acknowledgements"));
        Assert.NotEmpty(e.Part("acknowledgements")!.Items("contributors"));
        Assert.NotEmpty(e.Part("acknowledgements")!.Items("partners"));
    }

    /// <summary>Every unit of one language, as "kind id" strings, in reading order.</summary>
    private static List<string> Units(CharterEdition e) =>
    [
        .. (e.Meta is null ? [] : new[] { "charter" }),
        .. e.AllUnits().Select(u => $"{u.Kind} {u.Id} {u.Number} {string.Join(",", u.References)}"),
        .. e.AllUnits().SelectMany(u => u.Notes.Keys.Order(StringComparer.Ordinal).Select(n => $"note {u.Id}/{n}")),
        .. e.AllUnits().SelectMany(u => u.OrderedFields.Where(f => f.Value.Invariant is not null).Select(f => $"{u.Id}.{f.Key}={f.Value.Invariant}")),
    ];

    [Fact]
    public void Every_unit_exists_in_both_languages()
    {
        var fr = Units(real.Edition("fr"));
        Assert.True(fr.Count > 100, $"only {fr.Count} units: the comparison would prove little");
        var declarationsFr = real.Content.Declarations.Where(d => d.Language == "fr").Select(d => d.Id);
        foreach (var language in real.Languages.Skip(1))
        {
            var other = Units(real.Edition(language));
            Assert.Equal([], fr.Except(other));
            Assert.Equal([], other.Except(fr));
            Assert.Equal(fr, other);
            Assert.Equal(declarationsFr, real.Content.Declarations.Where(d => d.Language == language).Select(d => d.Id));
        }
    }

    [Fact]
    public void The_unit_comparison_notices_a_missing_unit()
    {
        // The test above must be able to fail: drop one priority from a copy and the two lists differ.
        var en = real.Edition("en");
        var principles = en.Principles().Select((p, i) => i == 3 ? p with { Children = p.Children.RemoveAt(4) } : p).ToImmutableArray();
        var lacking = en with { Folders = en.Folders.SetItem("principles", principles) };
        Assert.Equal(["priority p4-5 4.5 "], Units(real.Edition("fr")).Except(Units(lacking)));
    }

    [Fact]
    public void Page_count_is_as_expected()
    {
        // Per language: the language home; the charter's home, vision, principles index, 7 principles, commitments,
        // timeline, acknowledgements and side-by-side view (14); the declarations index and 17 documents; the topics
        // index and a page per topic; search.
        var perLanguage = 1 + 14 + 1 + 17 + 1 + real.Content.Topics.Length + 1;
        Assert.All(real.Languages, l => Assert.Equal(perLanguage, real.Result.Stats!.PagesPerLanguage[l]));
        // Plus, not indexed, the short addresses: /fr/2/ and /fr/2.3/ (7 + 35), /fr/v3/ (7 premises), /fr/c4-7/ (30
        // commitments and 13 calls), /fr/m9/ (12 milestones); and at the root index.html and 404.html.
        Assert.Equal(real.Languages.Count * (perLanguage + 7 + 35 + 7 + 30 + 13 + 12) + 2, real.HtmlPaths.Count());
    }

    [Fact]
    public void Every_page_parses_with_one_h1_a_language_a_canonical_and_hreflang_alternates()
    {
        var origin = real.Content.Config.BaseUrl;
        var problems = new List<string>();
        foreach (var path in real.HtmlPaths)
        {
            var (page, errors) = Html.ParseStrict(real.Files[path]);
            if (errors.Count > 0) problems.Add($"{path}: HTML errors {string.Join("; ", errors.Take(3))}");
            var h1 = page.QuerySelectorAll("h1").Length;
            if (h1 != 1) problems.Add($"{path}: {h1} h1");
            var lang = page.DocumentElement.Attr("lang");
            var expectedLang = path.Contains('/') ? path[..path.IndexOf('/')] : "fr";
            if (lang != expectedLang) problems.Add($"{path}: lang '{lang}'");
            if (string.IsNullOrWhiteSpace(page.Title)) problems.Add($"{path}: no title");
            // Duplicate ids make fragments (permalinks) ambiguous; HTML forbids them.
            var duplicates = page.QuerySelectorAll("[id]").GroupBy(e => e.Id).Where(g => g.Count() > 1).Select(g => g.Key).ToList();
            if (duplicates.Count > 0) problems.Add($"{path}: duplicate ids {string.Join(", ", duplicates.Take(5))}");
            var canonical = page.QuerySelectorAll("link[rel=canonical]").Select(l => l.Attr("href")).ToList();
            if (canonical.Count != 1 || !canonical[0].StartsWith(origin, StringComparison.Ordinal)) problems.Add($"{path}: canonical {string.Join(",", canonical)}");
            var alternates = page.QuerySelectorAll("link[rel=alternate][hreflang]").ToDictionary(l => l.Attr("hreflang"), l => l.Attr("href"));
            if (!alternates.Keys.Order().SequenceEqual(real.Languages.Append("x-default").Order())) problems.Add($"{path}: hreflang {string.Join(",", alternates.Keys)}");
            else if (path.StartsWith("fr/", StringComparison.Ordinal) && alternates["en"] != alternates["fr"].Replace("/fr/", "/en/"))
                problems.Add($"{path}: the English alternate {alternates["en"]} is not the same page");
        }
        Assert.True(problems.Count == 0, string.Join("\n", problems));
    }

    [Fact]
    public void Every_alternate_and_canonical_page_exists()
    {
        var origin = real.Content.Config.BaseUrl;
        var missing = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var path in real.HtmlPaths)
            foreach (var link in real.Page(path).QuerySelectorAll("link[rel=canonical], link[rel=alternate][hreflang]"))
            {
                var href = link.Attr("href");
                Assert.StartsWith(origin, href);
                var (file, _) = Html.Target("/" + href[origin.Length..]);
                if (!real.Exists(file)) missing.Add($"{path} → {href}");
            }
        Assert.True(missing.Count == 0, string.Join("\n", missing));
    }
}
