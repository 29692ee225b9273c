using Charter.Core.Diagnostics;
using Charter.Site.Text;
using Charter.Tests.Support;
using static Charter.Tests.Support.DiagnosticAssert;

namespace Charter.Tests.Render;

/// <summary>
/// Issue 19: a declaration's page gives its official symbol where it has one, and each backlink quotes the passage
/// that cites it (the sentence holding the link, or the unit's first sentence when it cites the text as a whole).
/// </summary>
[Collection(RealSiteCollection.Name)]
public class DeclarationPageTests(RealSiteFixture real)
{
    [Fact]
    public void The_quote_is_the_sentence_that_holds_the_link()
    {
        const string markdown = "Nous agissons. Nous suivons le [Pacte *mondial*](ref:gcm) avec soin. Puis autre chose.";
        const string text = "Nous agissons. Nous suivons le Pacte mondial avec soin. Puis autre chose.";
        Assert.Equal("… Nous suivons le Pacte mondial avec soin. …", Excerpt.Of(text, markdown, "gcm"));
        // Cited as a whole (no link in the text): the first sentence.
        Assert.Equal("Nous agissons. …", Excerpt.Of(text, markdown, "other"));
        Assert.Null(Excerpt.Of("  ", null, "gcm"));
    }

    [Fact]
    public void A_long_sentence_is_cut_around_the_link()
    {
        var words = Enumerable.Range(1, 80).Select(i => $"mot{i}").ToList();
        var text = string.Join(' ', words.Take(60)) + " le Pacte " + string.Join(' ', words.Skip(60)) + ".";
        var markdown = string.Join(' ', words.Take(60)) + " le [Pacte](ref:gcm) " + string.Join(' ', words.Skip(60)) + ".";
        var quote = Excerpt.Of(text, markdown, "gcm")!;
        Assert.Contains("Pacte", quote);
        Assert.StartsWith("… ", quote);
        Assert.EndsWith(" …", quote);
        Assert.True(quote.Split(' ').Length <= 34, quote);
    }

    [Theory]
    [InlineData("fr", "Cote officielle", "Pactes mondiaux")]
    [InlineData("en", "Official symbol", "Global Compacts")]
    [InlineData("es", "Signatura oficial", "Pactos Mundiales")]
    public void The_compact_for_migration_gives_its_symbol_and_quotes_each_citing_passage(string lang, string label, string quoted)
    {
        var page = real.Page($"{lang}/declarations/global-compact-migration/index.html");
        var facts = page.QuerySelectorAll("dl.facts > div").Select(d => (d.QuerySelector("dt")!.TextContent, d.QuerySelector("dd")!.TextContent)).ToList();
        Assert.Contains((label, "A/RES/73/195"), facts);
        var items = page.QuerySelectorAll(".cited-by li");
        Assert.Equal(5, items.Length);
        Assert.All(items, li => Assert.False(string.IsNullOrWhiteSpace(li.QuerySelector("blockquote.cited-quote")?.TextContent), li.TextContent));
        Assert.Contains(items, li => li.QuerySelector("blockquote")!.TextContent.Contains(quoted, StringComparison.OrdinalIgnoreCase));
        // A text without a symbol shows no such line.
        var other = real.Page($"{lang}/declarations/gaziantep-2019/index.html");
        Assert.DoesNotContain(other.QuerySelectorAll("dl.facts dt"), dt => dt.TextContent == label);
    }

    [Fact]
    public void A_passage_citing_two_texts_is_quoted_on_each_ones_page_around_its_own_link()
    {
        // Commitment 3.2 names the 2030 Agenda in its first sentence and the Global Compacts in its second.
        string Quote(string declaration) => real.Page($"fr/declarations/{declaration}/index.html").QuerySelectorAll(".cited-by li")
            .Single(li => li.QuerySelector("a")!.GetAttribute("href")!.EndsWith("#c3-2", StringComparison.Ordinal))
            .QuerySelector("blockquote")!.TextContent.Trim();
        Assert.StartsWith("L’Agenda 2030", Quote("agenda-2030"));
        Assert.StartsWith("…", Quote("global-compact-migration"));
        Assert.Contains("Pactes sur les migrations", Quote("global-compact-migration"));
    }

    [Fact]
    public void A_symbol_that_differs_between_translations_is_an_error_at_the_translation()
    {
        using var site = new TempDir(Repo.Fixture("mini"));
        site.Replace("content/declarations/pact-future.fr.md", "year: 2022\n", "year: 2022\nsymbol: A/1\n");
        site.Replace("content/declarations/pact-future.en.md", "year: 2022\n", "year: 2022\nsymbol: A/2\n");
        var result = Builds.InMemory(site.Path);
        var error = Assert.Single(result.Errors(), d => d.Code == Codes.TranslationMismatch);
        Assert.Contains("symbol", error.Message);
    }
}
