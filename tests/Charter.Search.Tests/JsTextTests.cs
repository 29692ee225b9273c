using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;

namespace Charter.Search.Tests;

/// <summary>The ECMAScript semantics the serializer relies on, against V8.</summary>
public class JsTextTests
{
    [Fact]
    public void ToLowerCase_matches_V8_on_every_code_point_and_on_the_contextual_cases()
    {
        var strings = new List<string>();
        for (int cp = 0; cp <= 0x10FFFF; cp++)
        {
            if (cp is >= 0xD800 and <= 0xDFFF)
            {
                continue;
            }

            // Every BMP code point; beyond it, the planes that have cased letters.
            // Characters newer than .NET's Unicode tables are left out: a browser's lower-casing
            // of them depends on its own ICU version anyway.
            if ((cp <= 0xFFFF || cp is >= 0x10400 and <= 0x1E95F)
                && Rune.GetUnicodeCategory(new Rune(cp)) != UnicodeCategory.OtherNotAssigned)
            {
                strings.Add(char.ConvertFromUtf32(cp));
            }
        }

        strings.AddRange(
        [
            "ΟΔΟΣ", "ΟΔΟΣ.", "ΟΔΟΣ. ΑΒ", "ΑΣ'Α", "ΑΣ’Α", "Σ", "ΑΣ", "ΣΑ", "Α.Σ", "ΑΣ\u0301", "ΑΣ\u0301Β",
            "ΑΣ-Β", "1Σ", "ʰΣ", "ΑʰΣ", "ΑΣʰ", "ǅΣ", "İSTANBUL", "Iİ", "ΆΣ Σ ΣΣ ΑΣΣ",
        ]);

        var answer = NodeOracle.Run(new JsonObject { ["op"] = "lower", ["strings"] = LunrOracle.ToArray(strings) })[0]!.AsArray();
        var mismatches = new List<string>();
        for (int i = 0; i < strings.Count; i++)
        {
            string expected = answer[i]!.GetValue<string>();
            string actual = JsText.ToLowerCase(strings[i]);
            if (expected != actual)
            {
                mismatches.Add($"{Hex(strings[i])}: V8 {Hex(expected)}, ours {Hex(actual)}");
            }
        }

        Assert.True(mismatches.Count == 0, $"{mismatches.Count} mismatches:\n" + string.Join("\n", mismatches.Take(40)));
    }

    private static string Hex(string s) => string.Join(" ", s.EnumerateRunes().Select(r => "U+" + r.Value.ToString("X4", CultureInfo.InvariantCulture)));

    [Fact]
    public void Scores_are_rounded_and_written_as_JSON_stringify_does()
    {
        var random = new Random(2022);
        var numbers = new List<double> { 0, 0.0004999, 0.0005, 0.0015, 1.0005, 2.5, 1e-7, 123456.789, 1e11 + 0.0015, 1e12 - 0.001, 1e12 + 0.125, 1e15, 1e21, 1.5e22 };
        for (int k = 0; k < 20000; k++)
        {
            numbers.Add(k / 7.0);
            numbers.Add(random.NextDouble() * Math.Pow(10, random.Next(-4, 6)));
        }

        var answer = NodeOracle.Run(new JsonObject
        {
            ["op"] = "roundedJson",
            ["numbers"] = new JsonArray(numbers.Select(n => (JsonNode)JsonValue.Create(n)).ToArray()),
        })[0]!.GetValue<string>();

        var sb = new StringBuilder("[");
        for (int i = 0; i < numbers.Count; i++)
        {
            if (i > 0)
            {
                sb.Append(',');
            }

            JsText.AppendThousandths(sb, JsText.Round(numbers[i] * 1000));
        }

        OracleIndexTests.AssertSameJson(answer, sb.Append(']').ToString());
    }

    [Theory]
    [InlineData(0.0, "0")]
    [InlineData(1.0, "1")]
    [InlineData(0.001, "0.001")]
    [InlineData(1.234, "1.234")]
    [InlineData(12.5, "12.5")]
    [InlineData(1e-7, "1e-7")]
    [InlineData(1.5e-7, "1.5e-7")]
    [InlineData(0.000001, "0.000001")]
    [InlineData(1e21, "1e+21")]
    [InlineData(123456789012345680000.0, "123456789012345680000")]
    [InlineData(-2.5, "-2.5")]
    public void Numbers_are_written_as_ECMAScript_writes_them(double value, string expected)
    {
        var sb = new StringBuilder();
        JsText.AppendNumber(sb, value);
        Assert.Equal(expected, sb.ToString());
    }

    [Theory]
    [InlineData("a\"b\\c", "\"a\\\"b\\\\c\"")]
    [InlineData("\u0001\b\f\n\r\t\u001f", "\"\\u0001\\b\\f\\n\\r\\t\\u001f\"")]
    [InlineData("é « » 🌍 \u2028", "\"é « » 🌍 \u2028\"")]
    public void Strings_are_written_as_JSON_stringify_writes_them(string value, string expected)
    {
        var sb = new StringBuilder();
        JsText.AppendJsonString(sb, value);
        Assert.Equal(expected, sb.ToString());
    }

    [Fact]
    public void Lone_surrogates_are_escaped_as_well_formed_JSON_stringify_does()
    {
        var sb = new StringBuilder();
        JsText.AppendJsonString(sb, "a" + '\uD800' + "b" + '\uDC00' + "🌍" + '\uDBFF');
        Assert.Equal("\"a\\ud800b\\udc00🌍\\udbff\"", sb.ToString());
    }

    [Theory]
    [InlineData("0", true)]
    [InlineData("42", true)]
    [InlineData("4294967294", true)]
    [InlineData("4294967295", false)]
    [InlineData("01", false)]
    [InlineData("-1", false)]
    [InlineData("1.5", false)]
    [InlineData("", false)]
    [InlineData("p2-3", false)]
    public void Array_index_keys_are_recognised(string key, bool isIndex) =>
        Assert.Equal(isIndex, JsText.IsArrayIndex(key, out _));
}
