using Charter.Core.Caching;
using Charter.Core.Diagnostics;

namespace Charter.Core.Load;

/// <summary>
/// What the previous load of the same site read (charter serve): each content file's and structure.yml's bytes, what they parsed to
/// and the diagnostics they gave. A file whose bytes are unchanged is not parsed again; its diagnostics are
/// reported again, so a warning does not vanish on the next save. Files no longer seen are forgotten.
/// Comparing bytes rather than file times: an edit within the same clock tick, or a file restored with its old
/// time, is still seen. Its lifecycle is every build memory's (<see cref="IBuildMemory"/>).
/// </summary>
public sealed class LoadCache : IBuildMemory
{
    internal sealed record Entry(byte[] Bytes, string? StructureText, LoadedFile? Item, IReadOnlyList<Diagnostic> Diagnostics)
    {
        /// <summary>The SHA-256 of <see cref="Bytes"/>, which serve's digest of the site (taken before the build) is compared with.</summary>
        public byte[] Digest { get; } = System.Security.Cryptography.SHA256.HashData(Bytes);
    }

    /// <summary>A structure.yml as last read: its bytes, the structure (null if it had errors) and its diagnostics.</summary>
    internal sealed record StructureEntry(byte[] Bytes, Model.Structure? Structure, IReadOnlyList<Diagnostic> Diagnostics);

    private readonly Kept<string, Entry> _files = new(StringComparer.Ordinal);
    private readonly Kept<string, StructureEntry> _structures = new(StringComparer.Ordinal);

    /// <summary>How many files the last load took from the cache (for tests and timing reports).</summary>
    public int Reused => _files.Reused;

    /// <summary>The file as last parsed, if its bytes and the structure.yml it was read with are the same.</summary>
    internal Entry? Find(string key, byte[] bytes, string? structureText) =>
        _files.TryReuse(key, entry => entry.Bytes.AsSpan().SequenceEqual(bytes) && string.Equals(entry.StructureText, structureText, StringComparison.Ordinal),
            out var entry) ? entry : null;

    /// <summary>
    /// The file as last parsed, if the digest of its bytes taken at the start of this build is the kept bytes' and the
    /// structure.yml is the same: the file is then not read again (serve read every file once already, for its digest).
    /// </summary>
    internal Entry? FindByDigest(string key, byte[] digest, string? structureText) =>
        _files.TryReuse(key, entry => entry.Digest.AsSpan().SequenceEqual(digest) && string.Equals(entry.StructureText, structureText, StringComparison.Ordinal),
            out var entry) ? entry : null;

    internal void Keep(string key, Entry entry) => _files.Keep(key, entry);

    /// <summary>The structure as last read, if the file's bytes are the same (a hundred charters' structures took 80–150 ms to parse at every rebuild).</summary>
    internal StructureEntry? FindStructure(string key, byte[] bytes) =>
        _structures.TryReuse(key, entry => entry.Bytes.AsSpan().SequenceEqual(bytes), out var entry) ? entry : null;

    internal void KeepStructure(string key, StructureEntry entry) => _structures.Keep(key, entry);

    public void Begin()
    {
        _files.Begin();
        _structures.Begin();
    }

    public void End(bool success)
    {
        _files.End(success);
        _structures.End(success);
    }
}
