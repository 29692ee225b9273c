using Charter.Core.Model;

namespace Charter.Core.Load;

/// <summary>What a content file gave: one of the three things a content file can be.</summary>
public abstract record LoadedFile;

/// <summary>A charter's metadata (charter.{lang}.md).</summary>
public sealed record LoadedMeta(CharterMeta Meta) : LoadedFile;

/// <summary>A unit that is a file: a part of a charter or a file of one of its folders.</summary>
public sealed record LoadedUnit(Unit Unit) : LoadedFile;

/// <summary>A declaration or framework (declarations/NAME.{lang}.md).</summary>
public sealed record LoadedDeclaration(Declaration Declaration) : LoadedFile;
