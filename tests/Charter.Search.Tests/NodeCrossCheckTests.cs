using System.Text.Json.Nodes;

namespace Charter.Search.Tests;

/// <summary>The same comparisons with genuine lunr run by V8 (Node.js), the browsers' engine.</summary>
public class NodeCrossCheckTests
{
    [Fact]
    public void Serialized_indexes_are_byte_identical_to_lunr_in_V8()
    {
        var cases = OracleIndexTests.Cases().Select(row => ((string)row[0], (string)row[1])).ToList();
        var answers = NodeOracle.Run(cases.Select(c => LunrOracle.SerializeRequest(c.Item1, OracleIndexTests.Corpus(c.Item2))).ToArray());
        Assert.Equal(cases.Count, answers.Count);
        for (int i = 0; i < cases.Count; i++)
        {
            var (language, corpus) = cases[i];
            string actual = LunrIndex.Serialize(language, OracleIndexTests.Corpus(corpus));
            OracleIndexTests.AssertSameJson(answers[i]!.GetValue<string>(), actual);
        }
    }

    [Fact]
    public void Tokenizer_with_the_separator_of_search_js_cuts_where_ours_does()
    {
        var texts = Corpora.EdgeCases().SelectMany(d => new[] { d.Title, d.Text }).ToArray();
        var answer = NodeOracle.Run(new JsonObject { ["op"] = "tokenize", ["texts"] = LunrOracle.ToArray(texts) })[0]!.AsArray();
        for (int i = 0; i < texts.Length; i++)
        {
            var expected = answer[i]!.AsArray().Select(n => n!.GetValue<string>()).ToArray();
            Assert.Equal(expected, Tokenize(texts[i]));
        }
    }

    [Fact]
    public void Separator_characters_are_the_same_as_in_search_js()
    {
        var separators = NodeOracle.Run(new JsonObject { ["op"] = "separators" })[0]!.AsArray()
            .Select(n => n!.GetValue<int>()).ToHashSet();
        for (int c = 0; c <= 0xFFFF; c++)
        {
            Assert.True(separators.Contains(c) == LunrTokenizer.IsSeparator((char)c), $"U+{c:X4}");
        }

        Assert.Contains("var SEPARATOR = " + LunrTokenizer.SeparatorSource + ";", File.ReadAllText(RepoPaths.SearchJs));
    }

    internal static string[] Tokenize(string text)
    {
        var lower = JsText.ToLowerCase(text);
        var tokens = new List<string>();
        int start = 0;
        for (int i = 0; i <= lower.Length; i++)
        {
            if (i == lower.Length || LunrTokenizer.IsSeparator(lower[i]))
            {
                if (i > start)
                {
                    tokens.Add(lower[start..i]);
                }

                start = i + 1;
            }
        }

        return [.. tokens];
    }
}
