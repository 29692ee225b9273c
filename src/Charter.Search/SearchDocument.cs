namespace Charter.Search;

/// <summary>
/// One searchable unit: <paramref name="Ref"/> is the short key that comes back from the browser
/// search (an index into the language's documents.json), <paramref name="Title"/> is indexed in
/// the boosted "title" field and <paramref name="Text"/> (plain text) in the "text" field.
/// </summary>
public sealed record SearchDocument(string Ref, string Title, string Text);
