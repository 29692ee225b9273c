using System.Text;

namespace Charter.Search;

/// <summary>
/// Builds a lunr.js 2.3.9 index at build time and serializes it exactly as
/// <c>JSON.stringify(builder.build())</c> does in the browser, so that
/// <c>lunr.Index.load(JSON.parse(json))</c> gives the index lunr itself would have built.
/// </summary>
/// <remarks>
/// The index has two fields, in this order: "title", boosted by <see cref="TitleBoost"/>, and
/// "text"; documents are referenced by <see cref="SearchDocument.Ref"/>; b = 0.75, k1 = 1.2 and
/// no metadata are lunr's defaults. The pipeline of each language is <see cref="SearchLanguages"/>'
/// (described on <see cref="LunrPipeline"/>); the tokenizer is <see cref="LunrTokenizer"/>.
/// <para>
/// What is reproduced, since the output must be byte-identical: the order in which terms get
/// their <c>_index</c> (first appearance), BM25 scores computed in the same floating-point
/// order and rounded with <c>Math.round(score * 1000) / 1000</c>, idf counting a document once
/// per field that holds the term (lunr.idf does), terms sorted by UTF-16 code units, posting
/// keys in ECMAScript property order (array-index refs first, ascending), numbers and strings
/// formatted as JSON.stringify does, and the empty term that lunr keeps when a trimmer
/// reduces a token such as "«" or "–" to nothing.
/// </para>
/// <para>
/// One difference is possible in principle: idf uses <see cref="Math.Log(double)"/>, which may
/// differ from a browser's Math.log in the last bit; that could change a rounded score only if
/// the score landed within ~1e-11 of a rounding boundary. The oracle tests compare with lunr run
/// by Jint (whose Math.log is .NET's) and with Node.js (V8).
/// </para>
/// </remarks>
public static class LunrIndex
{
    /// <summary>The lunr version written into the index; the browser must load the same one.</summary>
    public const string LunrVersion = "2.3.9";

    /// <summary>The boosted field.</summary>
    public const string TitleField = "title";

    /// <summary>The body field.</summary>
    public const string TextField = "text";

    /// <summary>The boost of <see cref="TitleField"/> (lunr's <c>builder.field('title', { boost: 10 })</c>).</summary>
    public const int TitleBoost = 10;

    private const double K1 = 1.2;
    private const double B = 0.75;
    private const int FieldCount = 2;

    private sealed class Term(string value, int index)
    {
        public readonly string Value = value;
        public readonly int Index = index;
        public readonly List<int>?[] Docs = new List<int>?[FieldCount];
        public double Idf = double.NaN;

        // Scratch state while one field of one document is tokenized.
        public int CurrentFieldRef = -1;
        public int Frequency;
    }

    /// <summary>
    /// Serializes the lunr index of <paramref name="documents"/> for <paramref name="language"/>
    /// ("fr", "es", "en", "es-ES", …), with the pipeline <see cref="SearchLanguages.For"/> gives
    /// (the fallback for a language the registry does not hold).
    /// </summary>
    /// <exception cref="ArgumentException">Two documents share a ref, or a ref is null.</exception>
    public static string Serialize(string language, IReadOnlyList<SearchDocument> documents)
    {
        ArgumentNullException.ThrowIfNull(language);
        return Serialize(SearchLanguages.For(language), documents);
    }

    /// <summary>Serializes the lunr index of <paramref name="documents"/> with the pipeline of <paramref name="language"/>.</summary>
    /// <exception cref="ArgumentException">Two documents share a ref, or a ref is null.</exception>
    public static string Serialize(SearchLanguage language, IReadOnlyList<SearchDocument> documents) => Json(language, documents).ToString();

    /// <summary>
    /// The same index as <see cref="Serialize(string, IReadOnlyList{SearchDocument})"/>, as the UTF-8 bytes of its JSON,
    /// encoded from the builder's chunks: the index of a large site is megabytes, and as a string first it was one
    /// more copy of them, a large-object one, only to be encoded.
    /// </summary>
    public static byte[] SerializeUtf8(string language, IReadOnlyList<SearchDocument> documents)
    {
        ArgumentNullException.ThrowIfNull(language);
        var json = Json(SearchLanguages.For(language), documents);
        var pieces = Pieces(json);
        long count = 0;
        foreach (var piece in pieces) count += Encoding.UTF8.GetByteCount(piece.Span);
        var bytes = new byte[count];
        var at = 0;
        foreach (var piece in pieces) at += Encoding.UTF8.GetBytes(piece.Span, bytes.AsSpan(at));
        return bytes;
    }

    /// <summary>
    /// The builder's chunks, cut so that no surrogate pair is split between two of them (a pair that straddles a
    /// boundary becomes a piece of its own): each piece then encodes alone as it would within the whole string.
    /// </summary>
    private static List<ReadOnlyMemory<char>> Pieces(StringBuilder json)
    {
        var pieces = new List<ReadOnlyMemory<char>>();
        char? carried = null;
        foreach (var chunk in json.GetChunks())
        {
            var rest = chunk;
            if (rest.IsEmpty) continue;
            if (carried is { } high)
            {
                pieces.Add(new[] { high, rest.Span[0] });
                rest = rest[1..];
                carried = null;
            }
            if (!rest.IsEmpty && char.IsHighSurrogate(rest.Span[^1]))
            {
                carried = rest.Span[^1];
                rest = rest[..^1];
            }
            pieces.Add(rest);
        }
        if (carried is { } last) pieces.Add(new[] { last });
        return pieces;
    }

    private static StringBuilder Json(SearchLanguage language, IReadOnlyList<SearchDocument> documents)
    {
        ArgumentNullException.ThrowIfNull(language);
        ArgumentNullException.ThrowIfNull(documents);

        var pipeline = language.CreatePipeline();
        int documentCount = documents.Count;

        // Refs: unique, and their order as ECMAScript orders the keys of an object.
        var refs = new string[documentCount];
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (int d = 0; d < documentCount; d++)
        {
            var r = documents[d]?.Ref ?? throw new ArgumentException($"Document {d} has no ref.", nameof(documents));
            if (!seen.Add(r))
            {
                throw new ArgumentException($"Two documents have the ref \"{r}\".", nameof(documents));
            }

            refs[d] = r;
        }

        var keyRank = KeyRanks(refs, out bool ranksFollowDocumentOrder);

        // Token → term (null when the pipeline drops it), so each distinct token is processed once.
        var tokenCache = new Dictionary<string, Term?>(StringComparer.Ordinal);
        var tokenLookup = tokenCache.GetAlternateLookup<ReadOnlySpan<char>>();
        var terms = new Dictionary<string, Term>(StringComparer.Ordinal);
        var termsInOrder = new List<Term>();

        // Per field ref (document d, field f is d * 2 + f): its length and its terms with their frequencies.
        int fieldRefCount = documentCount * FieldCount;
        var fieldLengths = new int[fieldRefCount];
        var entryStart = new int[fieldRefCount + 1];
        var entries = new List<(Term Term, int Frequency)>();
        var touched = new List<Term>();
        var fieldLengthSums = new long[FieldCount];

        for (int d = 0; d < documentCount; d++)
        {
            var doc = documents[d];
            for (int f = 0; f < FieldCount; f++)
            {
                int fieldRef = d * FieldCount + f;
                entryStart[fieldRef] = entries.Count;
                string? text = f == 0 ? doc.Title : doc.Text;
                string lower = text is null ? string.Empty : JsText.ToLowerCase(text);
                int length = 0;
                int start = 0;
                for (int i = 0; i <= lower.Length; i++)
                {
                    if (i < lower.Length && !LunrTokenizer.IsSeparator(lower[i]))
                    {
                        continue;
                    }

                    if (i > start)
                    {
                        var span = lower.AsSpan(start, i - start);
                        if (!tokenLookup.TryGetValue(span, out var term))
                        {
                            var token = span.ToString();
                            var value = pipeline.Run(token);
                            if (value != null && !terms.TryGetValue(value, out term))
                            {
                                term = new Term(value, termsInOrder.Count);
                                terms.Add(value, term);
                                termsInOrder.Add(term);
                            }

                            tokenCache.Add(token, term);
                        }

                        if (term != null)
                        {
                            length++;
                            if (term.CurrentFieldRef != fieldRef)
                            {
                                term.CurrentFieldRef = fieldRef;
                                term.Frequency = 0;
                                touched.Add(term);
                                (term.Docs[f] ??= []).Add(d);
                            }

                            term.Frequency++;
                        }
                    }

                    start = i + 1;
                }

                foreach (var term in touched)
                {
                    entries.Add((term, term.Frequency));
                }

                touched.Clear();
                fieldLengths[fieldRef] = length;
                fieldLengthSums[f] += length;
            }
        }

        entryStart[fieldRefCount] = entries.Count;

        var averageFieldLength = new double[FieldCount];
        for (int f = 0; f < FieldCount; f++)
        {
            averageFieldLength[f] = (double)fieldLengthSums[f] / documentCount;
        }

        var json = new StringBuilder(4096 + entries.Count * 16 + terms.Count * 48);
        json.Append("{\"version\":");
        JsText.AppendJsonString(json, LunrVersion);
        json.Append(",\"fields\":[\"").Append(TitleField).Append("\",\"").Append(TextField).Append("\"],\"fieldVectors\":[");

        // Field vectors, in the order lunr created them: per document, title then text.
        var vector = new List<(int Index, double Score)>();
        for (int fieldRef = 0; fieldRef < fieldRefCount; fieldRef++)
        {
            int d = fieldRef / FieldCount, f = fieldRef % FieldCount;
            double fieldLength = fieldLengths[fieldRef];
            double fieldBoost = f == 0 ? TitleBoost : 1;
            const double docBoost = 1;
            vector.Clear();
            for (int e = entryStart[fieldRef]; e < entryStart[fieldRef + 1]; e++)
            {
                var (term, tf) = entries[e];
                double idf = term.Idf;
                if (double.IsNaN(idf))
                {
                    idf = term.Idf = Idf(term, documentCount);
                }

                double score = idf * ((K1 + 1) * tf) / (K1 * (1 - B + B * (fieldLength / averageFieldLength[f])) + tf);
                score *= fieldBoost;
                score *= docBoost;
                // Math.round(score * 1000) / 1000, kept as thousandths until it is written.
                vector.Add((term.Index, JsText.Round(score * 1000)));
            }

            vector.Sort(static (a, b) => a.Index.CompareTo(b.Index));

            if (fieldRef > 0)
            {
                json.Append(',');
            }

            json.Append("[\"").Append(f == 0 ? TitleField : TextField).Append('/');
            JsText.AppendJsonStringContent(json, refs[d]);
            json.Append("\",[");
            for (int i = 0; i < vector.Count; i++)
            {
                if (i > 0)
                {
                    json.Append(',');
                }

                json.Append(vector[i].Index).Append(',');
                JsText.AppendThousandths(json, vector[i].Score);
            }

            json.Append("]]");
        }

        json.Append("],\"invertedIndex\":[");

        var sortedTerms = termsInOrder.ToArray();
        Array.Sort(sortedTerms, static (a, b) => string.CompareOrdinal(a.Value, b.Value));
        int[] orderBuffer = new int[Math.Max(documentCount, 1)];
        for (int t = 0; t < sortedTerms.Length; t++)
        {
            var term = sortedTerms[t];
            if (t > 0)
            {
                json.Append(',');
            }

            json.Append('[');
            JsText.AppendJsonString(json, term.Value);
            json.Append(",{\"_index\":").Append(term.Index);
            for (int f = 0; f < FieldCount; f++)
            {
                json.Append(",\"").Append(f == 0 ? TitleField : TextField).Append("\":{");
                var docs = term.Docs[f];
                if (docs != null)
                {
                    int n = docs.Count;
                    docs.CopyTo(orderBuffer);
                    if (!ranksFollowDocumentOrder)
                    {
                        Array.Sort(orderBuffer, 0, n, Comparer<int>.Create((a, b) => keyRank[a].CompareTo(keyRank[b])));
                    }

                    for (int i = 0; i < n; i++)
                    {
                        if (i > 0)
                        {
                            json.Append(',');
                        }

                        JsText.AppendJsonString(json, refs[orderBuffer[i]]);
                        json.Append(":{}");
                    }
                }

                json.Append('}');
            }

            json.Append("}]");
        }

        json.Append("],\"pipeline\":[");
        var labels = pipeline.SearchPipelineLabels;
        for (int i = 0; i < labels.Count; i++)
        {
            if (i > 0)
            {
                json.Append(',');
            }

            JsText.AppendJsonString(json, labels[i]);
        }

        json.Append("]}");
        return json;
    }

    // lunr.idf: documentsWithTerm counts the documents of each field (a document that has the term
    // in its title and its text counts twice).
    private static double Idf(Term term, int documentCount)
    {
        int documentsWithTerm = 0;
        foreach (var docs in term.Docs)
        {
            documentsWithTerm += docs?.Count ?? 0;
        }

        double x = (documentCount - documentsWithTerm + 0.5) / (documentsWithTerm + 0.5);
        return Math.Log(1 + Math.Abs(x));
    }

    // The rank of each document's ref among the keys of an object: array indices first, by value,
    // then the other keys in insertion (document) order.
    private static int[] KeyRanks(string[] refs, out bool followsDocumentOrder)
    {
        int n = refs.Length;
        var order = new int[n];
        var isIndex = new bool[n];
        var values = new uint[n];
        for (int d = 0; d < n; d++)
        {
            order[d] = d;
            isIndex[d] = JsText.IsArrayIndex(refs[d], out values[d]);
        }

        Array.Sort(order, (a, b) =>
        {
            if (isIndex[a] != isIndex[b])
            {
                return isIndex[a] ? -1 : 1;
            }

            return isIndex[a] ? values[a].CompareTo(values[b]) : a.CompareTo(b);
        });

        var rank = new int[n];
        followsDocumentOrder = true;
        for (int r = 0; r < n; r++)
        {
            rank[order[r]] = r;
            followsDocumentOrder &= order[r] == r;
        }

        return rank;
    }
}
