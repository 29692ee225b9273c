using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace Charter.Search.Tests;

/// <summary>
/// The registry of search languages against the genuine lunr-languages plugins and search.js: every
/// entry is checked here, so adding one needs no new test (only its corpus cases elsewhere).
/// </summary>
public class SearchLanguagesTests
{
    /// <summary>Every registry code, and one the registry does not hold (the fallback).</summary>
    public static TheoryData<string> Codes()
    {
        var data = new TheoryData<string>();
        foreach (var language in SearchLanguages.All)
        {
            data.Add(language.Code);
        }

        data.Add("el");
        return data;
    }

    /// <summary>The registry's lunr-languages (Snowball) codes.</summary>
    public static TheoryData<string> SnowballCodes()
    {
        var data = new TheoryData<string>();
        foreach (var language in SearchLanguages.All.Where(l => l.CreatePipeline() is SnowballPipeline))
        {
            data.Add(language.Code);
        }

        return data;
    }

    private static LunrLanguagesPlugin Plugin(string code) =>
        ((SnowballPipeline)SearchLanguages.Find(code)!.CreatePipeline()).Plugin;

    [Theory]
    [MemberData(nameof(Codes))]
    public void Pipelines_are_those_search_js_sets_up_with_the_genuine_lunr_files(string code)
    {
        var language = SearchLanguages.For(code);
        var answer = LunrOracle.Run(new JsonObject { ["op"] = "pipelines", ["lang"] = code })[0]!;
        Assert.Equal(answer["index"]!.AsArray().Select(n => n!.GetValue<string>()), language.IndexPipeline);
        Assert.Equal(answer["search"]!.AsArray().Select(n => n!.GetValue<string>()), language.SearchPipeline);
        if (language.CreatePipeline() is SnowballPipeline snowball)
        {
            Assert.Equal(answer["wordCharacters"]!.GetValue<string>(), snowball.Plugin.WordCharacters);
        }
    }

    [Theory]
    [MemberData(nameof(SnowballCodes))]
    public void Stop_words_are_those_of_the_genuine_plugin(string code)
    {
        var source = File.ReadAllText(Path.Combine(RepoPaths.NodeModules, "lunr-languages", $"lunr.{code}.js"));
        var match = Regex.Match(source, $@"lunr\.{code}\.stopWordFilter = lunr\.generateStopWordFilter\('([^']*)'\.split\(' '\)\)");
        Assert.True(match.Success, $"no stop word list in lunr.{code}.js");
        Assert.Equal(match.Groups[1].Value.Split(' ').Order(StringComparer.Ordinal), Plugin(code).StopWords.Order(StringComparer.Ordinal));

        // And genuine lunr drops each of them, as ours does.
        var words = Plugin(code).StopWords.ToArray();
        Assert.All(LunrOracle.Pipeline(code, words), Assert.Null);
        Assert.All(words, w => Assert.Null(LunrPipeline.For(code).Run(w)));
    }

    [Theory]
    [MemberData(nameof(SnowballCodes))]
    public void A_lunr_languages_language_loads_the_support_script_then_its_plugin(string code)
    {
        var language = SearchLanguages.Find(code)!;
        Assert.Equal(["lunr.stemmer.support.js", $"lunr.{code}.js"], language.Scripts);
        Assert.Equal(["lunr.min.js", "lunr.stemmer.support.js", $"lunr.{code}.js"], language.BrowserScripts);
    }

    [Fact]
    public void English_and_the_fallback_load_lunr_alone()
    {
        Assert.Empty(SearchLanguages.Find("en")!.Scripts);
        Assert.Equal(["lunr.min.js"], SearchLanguages.Find("en")!.BrowserScripts);
        Assert.Empty(SearchLanguages.Fallback.Scripts);
        Assert.Equal(["lunr.min.js"], SearchLanguages.Fallback.BrowserScripts);
        Assert.Equal(["trimmer-unicode"], SearchLanguages.Fallback.SearchPipeline);
    }

    [Theory]
    [InlineData("fr", "fr")]
    [InlineData("fr-FR", "fr")]
    [InlineData("FR_ca", "fr")]
    [InlineData("en-GB", "en")]
    [InlineData("es", "es")]
    [InlineData("es-ES", "es")]
    [InlineData("ES_mx", "es")]
    public void Find_goes_by_the_primary_subtag(string tag, string code)
    {
        Assert.Equal(code, SearchLanguages.Find(tag)?.Code);
        Assert.Same(SearchLanguages.Find(tag), SearchLanguages.For(tag));
        Assert.False(SearchLanguages.For(tag).IsFallback);
    }

    [Theory]
    [InlineData("el")]
    [InlineData("de")]
    [InlineData("fra")]
    [InlineData("")]
    public void A_language_outside_the_registry_gets_the_fallback(string tag)
    {
        Assert.Null(SearchLanguages.Find(tag));
        Assert.Same(SearchLanguages.Fallback, SearchLanguages.For(tag));
        Assert.True(SearchLanguages.For(tag).IsFallback);
        Assert.DoesNotContain(SearchLanguages.Fallback, SearchLanguages.All);
    }

    [Fact]
    public void Spanish_is_lunr_es_without_its_opt_in_accent_folding()
    {
        var spanish = SearchLanguages.Find("es")!;
        Assert.Equal(["trimmer-es", "stopWordFilter-es", "stemmer-es"], spanish.IndexPipeline);
        Assert.Equal(["trimmer-es", "stemmer-es"], spanish.SearchPipeline);
        Assert.Equal(["lunr.stemmer.support.js", "lunr.es.js"], spanish.Scripts);
        Assert.Equal(["en", "fr", "es"], SearchLanguages.All.Select(l => l.Code));
    }

    [Fact]
    public void Codes_are_unique_and_lower_case()
    {
        var codes = SearchLanguages.All.Select(l => l.Code).ToList();
        Assert.Equal(codes.Distinct().Count(), codes.Count);
        Assert.All(codes, c => Assert.Matches("^[a-z]{2,3}$", c));
    }
}
