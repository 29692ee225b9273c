namespace Charter.Site.Render;

/// <summary>A file of the built site, as a path relative to the output folder and its content.</summary>
public sealed record OutputFile(string Path, byte[] Content);

/// <summary>A page to render: the template, the page metadata and the template's own data.</summary>
public sealed record PageSpec(string Path, string Template, PageVm Page, EquatableMap Data);
