using Xunit.Abstractions;

namespace Charter.Search.Tests;

/// <summary>
/// Our pipelines (lower-casing, trimmer, stop words, accent folding, stemmer) against lunr's on
/// every word of Debian's word lists (French, Spanish, English). Every word goes through genuine
/// lunr in V8 (Node.js: all 536,000 words in seconds); a regular sample also goes through Jint,
/// which interprets the Snowball stemmers too slowly for whole lists (~0.2 ms a word). The bare
/// stemmers are compared too, on every lower-cased word, stop words included: Lucene.Net's
/// Snowball stemmers against lunr-languages', lunr's Porter variant against our port.
/// </summary>
public class StemmerAgreementTests(ITestOutputHelper output)
{
    private const string French = "/usr/share/dict/french";
    private const string Spanish = "/usr/share/dict/spanish";
    private const string English = "/usr/share/dict/american-english";
    private const int JintSampleStep = 100;

    internal static string[] Words(string path) =>
        File.ReadAllLines(path).Where(w => w.Length > 0).ToArray();

    private static string? Ours(LunrPipeline pipeline, string word) => pipeline.Run(JsText.ToLowerCase(word));

    private void Compare(string language, string path, string?[] lunr, string[] words)
    {
        var pipeline = LunrPipeline.For(language);
        var mismatches = new List<string>();
        for (int i = 0; i < words.Length; i++)
        {
            var ours = Ours(pipeline, words[i]);
            if (ours != lunr[i])
            {
                mismatches.Add($"{words[i]}: lunr {lunr[i] ?? "(dropped)"}, ours {ours ?? "(dropped)"}");
            }
        }

        output.WriteLine($"{language}: {words.Length} words of {path} compared, {mismatches.Count} mismatches");
        Assert.True(mismatches.Count == 0, string.Join("\n", mismatches.Take(30)));
    }

    private static string?[] PipelineInLunr(string language, string[] words) =>
        NodeOracle.Run(new System.Text.Json.Nodes.JsonObject { ["op"] = "pipeline", ["lang"] = language, ["words"] = LunrOracle.ToArray(words) })[0]!
            .AsArray().Select(n => n?.GetValue<string>()).ToArray();

    private static string[] StemmerInLunr(string language, string[] words) =>
        NodeOracle.Run(new System.Text.Json.Nodes.JsonObject { ["op"] = "stem", ["lang"] = language, ["words"] = LunrOracle.ToArray(words) })[0]!
            .AsArray().Select(n => n!.GetValue<string>()).ToArray();

    [Fact]
    public void French_pipeline_agrees_with_lunr_languages_on_every_word_of_wfrench()
    {
        var words = Words(French);
        Compare("fr", French, PipelineInLunr("fr", words), words);
    }

    [Fact]
    public void Spanish_pipeline_agrees_with_lunr_languages_on_every_word_of_wspanish()
    {
        var words = Words(Spanish);
        Compare("es", Spanish, PipelineInLunr("es", words), words);
    }

    [Fact]
    public void English_pipeline_agrees_with_lunr_on_every_word_of_wamerican()
    {
        var words = Words(English);
        Compare("en", English, PipelineInLunr("en", words), words);
    }

    [Theory]
    [InlineData("fr", French)]
    [InlineData("es", Spanish)]
    public void Lucene_Snowball_stemmer_agrees_with_lunr_languages_stemmer_on_every_word(string language, string path)
    {
        // The bare stemmer, so that stop words (dropped by the pipeline) and, in French, accented
        // words (folded by the pipeline) are stemmed as well.
        var words = Words(path).Select(JsText.ToLowerCase).ToArray();
        var lunr = StemmerInLunr(language, words);
        var pipeline = (SnowballPipeline)LunrPipeline.For(language);
        var mismatches = new List<string>();
        for (int i = 0; i < words.Length; i++)
        {
            var ours = pipeline.Stem(words[i]);
            if (ours != lunr[i])
            {
                mismatches.Add($"{words[i]}: lunr {lunr[i]}, Lucene {ours}");
            }
        }

        output.WriteLine($"{language} stemmer: {words.Length} words of {path} compared, {mismatches.Count} mismatches");
        Assert.True(mismatches.Count == 0, string.Join("\n", mismatches.Take(30)));
    }

    [Fact]
    public void English_stemmer_agrees_with_lunr_stemmer_on_every_word_of_wamerican()
    {
        // The bare stemmer too, so that stop words (dropped by the pipeline) are stemmed as well.
        var words = Words(English).Select(JsText.ToLowerCase).ToArray();
        var lunr = StemmerInLunr("en", words);
        var mismatches = words.Where((w, i) => LunrEnglishStemmer.Stem(w) != lunr[i])
            .Select(w => $"{w}: ours {LunrEnglishStemmer.Stem(w)}").ToList();
        output.WriteLine($"en stemmer: {words.Length} words compared, {mismatches.Count} mismatches");
        Assert.True(mismatches.Count == 0, string.Join("\n", mismatches.Take(30)));
    }

    [Theory]
    [InlineData("fr", French)]
    [InlineData("es", Spanish)]
    [InlineData("en", English)]
    public void Pipelines_agree_with_lunr_in_Jint_on_a_sample_of_the_word_lists(string language, string path)
    {
        var words = Words(path).Where((_, i) => i % JintSampleStep == 0).ToArray();
        Compare(language, path + $" (one word in {JintSampleStep}, Jint)", LunrOracle.Pipeline(language, words), words);
    }
}
