using System.Text.RegularExpressions;
using Charter.Site.Text;
using CsCheck;

namespace Charter.Tests.Render;

/// <summary>
/// Excerpt.Of picks a long sentence's words where they lie instead of splitting the sentence into strings; for any
/// text (spaces doubled, at the ends, no-break spaces, sentence marks anywhere) it must give what splitting gave.
/// </summary>
public class ExcerptTests
{
    /// <summary>The excerpt as it was made before (commit 8afe019): the sentence split on spaces, then joined again.</summary>
    private static string? BySplitting(string text, string? markdown, string id)
    {
        if (string.IsNullOrWhiteSpace(text)) return null;
        var at = 0;
        if (markdown is not null)
            foreach (Match m in Regex.Matches(markdown, @"\[(?<words>[^\]]+)\]\(ref:(?<id>[^)\s]+)\)"))
                if (m.Groups["id"].Value == id)
                {
                    var words = Regex.Replace(m.Groups["words"].Value, "[*_`]", "").Trim();
                    if (words.Length > 0 && text.IndexOf(words, StringComparison.Ordinal) is >= 0 and var found) at = found;
                    break;
                }
        var start = 0;
        for (var i = Math.Min(at, text.Length) - 1; i > 0; i--)
            if (text[i] == ' ' && ".!?".Contains(text[i - 1])) { start = i + 1; break; }
        var end = text.Length;
        for (var i = at; i < text.Length - 1; i++)
            if (".!?".Contains(text[i]) && text[i + 1] == ' ') { end = i + 1; break; }
        var sentence = text[start..end].Trim();
        var all = sentence.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (all.Length <= 32) return (start > 0 ? "… " : "") + sentence + (end < text.Length ? " …" : "");
        var wordIndex = text[start..Math.Max(start, at)].Split(' ', StringSplitOptions.RemoveEmptyEntries).Length;
        var from = Math.Clamp(wordIndex - 32 / 3, 0, all.Length - 32);
        return (start > 0 || from > 0 ? "… " : "") + string.Join(' ', all.Skip(from).Take(32)) + " …";
    }

    [Fact]
    public void Any_text_gives_the_excerpt_that_splitting_gave()
    {
        // Sentence marks are rare, so that many sentences are longer than an excerpt's 32 words.
        var pieces = Gen.Frequency(
            (40, Gen.OneOf<string>("mot ", "a ", "Pacte ", "  ", " ", "é\u00A0", "\u202F; ", "mot\n", "x")),
            (1, Gen.OneOf<string>(". ", "! ", "?", ".")));
        var texts = pieces.Array[0, 300].Select(string.Concat);
        Gen.Select(texts, Gen.Bool).Sample((text, linked) =>
        {
            // The link's words: "Pacte" where the text has it, else words that are not in it.
            var markdown = linked ? text.Replace("Pacte", "[Pacte](ref:gcm)") : "[ailleurs](ref:gcm) " + text;
            var expected = BySplitting(text, markdown, "gcm");
            var actual = Excerpt.Of(text, markdown, "gcm");
            return expected == actual && BySplitting(text, null, "gcm") == Excerpt.Of(text, null, "gcm");
        }, iter: 3000);
    }

    [Fact]
    public void The_first_link_to_a_text_places_a_long_sentences_quote()
    {
        // Sixty words, a link to the same text at the 5th and the 50th: the quote is around the first.
        var words = Enumerable.Range(1, 60).Select(i => i == 5 ? "Pacte" : i == 50 ? "Cadre" : $"m{i}").ToList();
        var text = string.Join(' ', words) + ".";
        var markdown = text.Replace("Pacte", "[Pacte](ref:gcm)").Replace("Cadre", "[*Cadre*](ref:gcm)");
        var quote = Excerpt.Of(text, markdown, "gcm")!;
        Assert.StartsWith("m1 m2 m3 m4 Pacte", quote);
        Assert.DoesNotContain("Cadre", quote);
        Assert.Equal(BySplitting(text, markdown, "gcm"), quote);
        // Asked again for the second link's words alone (another Markdown text): the quote moves to them.
        Assert.Contains("Cadre", Excerpt.Of(text, text.Replace("Cadre", "[Cadre](ref:gcm)"), "gcm"));
    }
}
