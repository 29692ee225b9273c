using System.Text;

namespace Charter.Search.Tests;

/// <summary>
/// SerializeUtf8 encodes the index from the builder's chunks, not from a string: its bytes must be those of the
/// string Serialize gives, UTF-8 encoded — with accents, characters outside the BMP (a surrogate pair that may fall
/// across two chunks) and an index large enough to span many chunks.
/// </summary>
public class Utf8SerializeTests
{
    [Theory]
    [InlineData("fr")]
    [InlineData("en")]
    [InlineData("es")]
    public void The_bytes_are_the_utf8_of_the_string(string language)
    {
        var words = new[] { "dignité", "mobilité", "𝔄𝔫𝔫𝔢𝔵𝔢", "ciudad", "🏙️ville", "niño", "accueil", "Zażółć", "solidarité" };
        // Corpora of several sizes, so that the builder's chunk boundaries fall in many places, a pair among them.
        for (var size = 380; size < 420; size += 3)
        {
            var documents = Enumerable.Range(0, size).Select(i => new SearchDocument(
                $"doc-{i}-{words[i % words.Length]}",
                $"{words[i % words.Length]} {i}",
                string.Join(' ', Enumerable.Range(0, 60).Select(j => words[(i * 7 + j) % words.Length] + (j % 5 == 0 ? $"{i}x{j}" : ""))))).ToList();
            var text = LunrIndex.Serialize(language, documents);
            Assert.True(text.Length > 100_000, $"the index should span many chunks: {text.Length} characters");
            Assert.Contains("\uD835", text); // a surrogate pair made it into the index
            Assert.True(Encoding.UTF8.GetBytes(text).AsSpan().SequenceEqual(LunrIndex.SerializeUtf8(language, documents)), $"{size} documents");
        }
    }
}
