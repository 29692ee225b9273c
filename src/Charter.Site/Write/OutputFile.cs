namespace Charter.Site.Write;

/// <summary>A file of the built site, as a path relative to the output folder and its content.</summary>
public sealed record OutputFile(string Path, byte[] Content);
