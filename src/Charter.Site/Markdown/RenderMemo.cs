using System.Collections.Concurrent;

namespace Charter.Site.Markdown;

/// <summary>
/// Rendered Markdown kept from one build to the next (charter serve), so that a change to one file renders only
/// the texts it touched. A rendering depends on the text, its language and the answers the page gave to its
/// questions (where does ref:X point, which note is [^2]); the memo records those answers with the result and
/// reuses the result only when the page, asked the same questions again, answers the same. So a declaration
/// that is renamed or removed, or notes renumbered, render again without the memo having to know why.
/// Thread-safe; entries not used by a build are dropped by <see cref="Sweep"/>.
/// </summary>
internal sealed class RenderMemo
{
    private sealed record Question(bool IsNote, string Argument, int Citation, object? Answer);

    private sealed record Variant(IReadOnlyList<Question> Questions, RenderedText Result)
    {
        public int LastUsed;
    }

    private readonly ConcurrentDictionary<(string Markdown, string Language), ConcurrentQueue<Variant>> _entries = new();
    private int _generation;

    /// <summary>The variants kept per text: one per page language is the usual case.</summary>
    private const int MaxVariants = 4;

    public RenderedText Render(string markdown, MarkdownContext context, Func<string, MarkdownContext, RenderedText> render)
    {
        var variants = _entries.GetOrAdd((markdown, context.Language), _ => new ConcurrentQueue<Variant>());
        foreach (var variant in variants)
        {
            if (!variant.Questions.All(q => Equals(q.Answer, q.IsNote ? context.ResolveNote(q.Argument, q.Citation) : context.ResolveReference(q.Argument))))
                continue;
            variant.LastUsed = _generation;
            return variant.Result;
        }

        // One rendering runs on one thread, so a plain list records its questions.
        var questions = new List<Question>();
        var recording = context with
        {
            ResolveReference = id => Record(questions, false, id, 0, context.ResolveReference(id)),
            ResolveNote = (label, citation) => Record(questions, true, label, citation, context.ResolveNote(label, citation)),
        };
        var result = render(markdown, recording);
        variants.Enqueue(new Variant([.. questions], result) { LastUsed = _generation });
        while (variants.Count > MaxVariants) variants.TryDequeue(out _);
        return result;
    }

    private static T Record<T>(List<Question> questions, bool isNote, string argument, int citation, T answer)
    {
        questions.Add(new Question(isNote, argument, citation, answer));
        return answer;
    }

    /// <summary>After a build: drops what it did not use, and starts counting the next one.</summary>
    public void Sweep()
    {
        var current = _generation;
        foreach (var (key, variants) in _entries)
        {
            var kept = variants.Where(v => v.LastUsed == current).ToList();
            if (kept.Count == 0) _entries.TryRemove(key, out _);
            else if (kept.Count < variants.Count) _entries[key] = new ConcurrentQueue<Variant>(kept);
        }
        Interlocked.Increment(ref _generation);
    }
}
