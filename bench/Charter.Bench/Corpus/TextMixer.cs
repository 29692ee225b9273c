using System.Text;
using System.Text.RegularExpressions;

namespace Charter.Bench.Corpus;

/// <summary>
/// Makes new text out of the real charter's words: a paragraph's words are shuffled and a quarter of them
/// replaced by other words of the same language. Lengths, vocabulary and Markdown constructs (ref: links,
/// footnote markers, language spans) stay those of the real text, so rendering and search indexing do
/// realistic work, while every synthetic charter still reads differently.
/// </summary>
public sealed partial class TextMixer
{
    private const double ReplaceShare = 0.25;

    /// <summary>Markdown constructs that must travel as one piece: links (with spaces in their text), spans, footnote markers.</summary>
    [GeneratedRegex(@"\[[^\]\n]*\]\([^)\s]*\)|\[[^\]\n]*\]\{[^}\n]*\}|\[\^[^\]\s]+\]")]
    private static partial Regex Atomic();

    [GeneratedRegex(@"\n[ \t]*\n")]
    private static partial Regex ParagraphBreak();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Space();

    private readonly IReadOnlyList<string> _pool;

    /// <param name="texts">The real texts of one language, to draw replacement words from.</param>
    public TextMixer(IEnumerable<string> texts)
    {
        var words = new List<string>();
        foreach (var text in texts)
            foreach (var token in Tokens(text))
                if (IsPlainWord(token)) words.Add(token);
        // Sorted and de-duplicated so the pool does not depend on the order the texts came in.
        _pool = words.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        if (_pool.Count == 0) throw new InvalidOperationException("no words to mix: the real content is empty");
    }

    public int Vocabulary => _pool.Count;

    /// <summary>A new text with the paragraphs and lengths of <paramref name="source"/>.</summary>
    public string Mix(string? source, Rng rng)
    {
        if (string.IsNullOrWhiteSpace(source)) return "";
        var paragraphs = ParagraphBreak().Split(source.Trim()).Where(p => !string.IsNullOrWhiteSpace(p));
        return string.Join("\n\n", paragraphs.Select(p => MixParagraph(p, rng)));
    }

    private string MixParagraph(string paragraph, Rng rng)
    {
        var tokens = Tokens(paragraph).ToList();
        rng.Shuffle(tokens);
        for (int i = 0; i < tokens.Count; i++)
            if (IsPlainWord(tokens[i]) && rng.NextDouble() < ReplaceShare) tokens[i] = rng.Pick(_pool);

        // A paragraph must open on a word: a leading "-", "1." or "[^note]" would turn it into a list or a definition.
        var first = tokens.FindIndex(t => char.IsLetter(t[0]));
        if (first < 0) tokens.Insert(0, rng.Pick(_pool));
        else (tokens[0], tokens[first]) = (tokens[first], tokens[0]);
        tokens[0] = char.ToUpperInvariant(tokens[0][0]) + tokens[0][1..];
        var last = tokens[^1].TrimEnd('.', ',', ';', ':', '!', '?');
        tokens[^1] = (last.Length == 0 ? rng.Pick(_pool) : last) + ".";
        return string.Join(' ', tokens);
    }

    /// <summary>The whitespace-separated words of a text, with each Markdown construct (and what is glued to it) kept whole.</summary>
    public static IEnumerable<string> Tokens(string text)
    {
        // Hide the constructs behind placeholders without spaces, split on spaces, then put them back.
        var atoms = new List<string>();
        var hidden = Atomic().Replace(text, m =>
        {
            atoms.Add(m.Value);
            return $"\u0001{atoms.Count - 1}\u0002";
        });
        foreach (var piece in Space().Split(hidden))
        {
            if (piece.Length == 0) continue;
            if (!piece.Contains('\u0001')) { yield return piece; continue; }
            var restored = new StringBuilder();
            for (int i = 0; i < piece.Length; i++)
            {
                if (piece[i] != '\u0001') { restored.Append(piece[i]); continue; }
                var end = piece.IndexOf('\u0002', i);
                restored.Append(atoms[int.Parse(piece.AsSpan(i + 1, end - i - 1))]);
                i = end;
            }
            yield return restored.ToString();
        }
    }

    /// <summary>A word that carries no Markdown meaning, so it can be moved or replaced freely.</summary>
    private static bool IsPlainWord(string token) =>
        token.Length > 0 && token.IndexOfAny(['[', ']', '(', ')', '{', '}', '*', '_', '`', '#', '<', '>', '|', '\\', '\u0001']) < 0
        && !token.Contains("://", StringComparison.Ordinal);
}
