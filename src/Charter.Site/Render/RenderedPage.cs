namespace Charter.Site.Render;

/// <summary>A page to render: the template, the page metadata and the template's own data.</summary>
public sealed record PageSpec(string Path, string Template, PageVm Page, EquatableMap Data);
