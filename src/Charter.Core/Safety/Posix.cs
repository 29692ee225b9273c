using System.Runtime.InteropServices;

namespace Charter.Core.Safety;

/// <summary>
/// The file-system calls .NET does not offer, in one place: the type of a file (to refuse FIFOs and devices before
/// opening them), its stamp (serve's digests), and the atomic exchange of two folders (to swap a new site in). Linux only;
/// elsewhere each says "unknown" and its callers take the portable way.
/// </summary>
public static partial class Posix
{
    public const int RegularFile = 0x8000;
    private const int AtFdCwd = -100;

    // statx's buffer has the same layout on every Linux architecture (unlike struct stat): stx_mode is the
    // 16-bit field at offset 28.
    [LibraryImport("libc", EntryPoint = "statx", StringMarshalling = StringMarshalling.Utf8)]
    private static partial int StatX(int dirfd, string path, int flags, uint mask, Span<byte> buffer);

    [LibraryImport("libc", EntryPoint = "renameat2", StringMarshalling = StringMarshalling.Utf8)]
    private static partial int RenameAt2(int olddirfd, string oldpath, int newdirfd, string newpath, uint flags);

    private static bool _noStatX = !OperatingSystem.IsLinux();
    private static bool _noExchange = !OperatingSystem.IsLinux();

    /// <summary>
    /// statx of <paramref name="path"/> (symbolic links followed) into <paramref name="buffer"/>, asking for the fields of
    /// <paramref name="mask"/>: false when it failed (missing, no permission: reading the file says why) or statx is not there.
    /// </summary>
    private static bool TryStatX(string path, uint mask, Span<byte> buffer)
    {
        if (_noStatX) return false;
        try
        {
            return StatX(AtFdCwd, path, 0, mask, buffer) == 0;
        }
        catch (Exception e) when (e is DllNotFoundException or EntryPointNotFoundException)
        {
            _noStatX = true;
            return false;
        }
    }

    /// <summary>The S_IFMT bits of what the path leads to (symbolic links followed), or null when unknown.</summary>
    public static int? FileType(string path)
    {
        Span<byte> buffer = stackalloc byte[256];
        const uint StatXType = 0x1;
        return TryStatX(path, StatXType, buffer) ? BitConverter.ToUInt16(buffer[28..30]) & 0xF000 : null;
    }

    /// <summary>What statx says of a file: enough to tell that it was not written since (see SiteInputs).</summary>
    public readonly record struct Stamp(int Type, uint DevMajor, uint DevMinor, ulong Inode, ulong Size, long ModifiedSeconds, uint ModifiedNanoseconds,
        long ChangedSeconds, uint ChangedNanoseconds)
    {
        /// <summary>When the file's inode last changed (every write changes it; no call sets it back), as a UTC time.</summary>
        public DateTime Changed => DateTime.UnixEpoch.AddSeconds(ChangedSeconds).AddTicks(ChangedNanoseconds / 100);
    }

    /// <summary>The file's type, identity, size and times (symbolic links followed), or null when unknown.</summary>
    public static Stamp? StampOf(string path)
    {
        Span<byte> b = stackalloc byte[256];
        const uint Wanted = 0x1 | 0x40 | 0x80 | 0x100 | 0x200; // type, mtime, ctime, inode, size
        if (!TryStatX(path, Wanted, b) || (BitConverter.ToUInt32(b) & Wanted) != Wanted) return null;
        // Offsets of struct statx: mode 28, ino 32, size 40, ctime 96, mtime 112 (seconds, then nanoseconds), dev 136 and 140.
        return new Stamp(BitConverter.ToUInt16(b[28..]) & 0xF000, BitConverter.ToUInt32(b[136..]), BitConverter.ToUInt32(b[140..]),
            BitConverter.ToUInt64(b[32..]), BitConverter.ToUInt64(b[40..]), BitConverter.ToInt64(b[112..]), BitConverter.ToUInt32(b[120..]),
            BitConverter.ToInt64(b[96..]), BitConverter.ToUInt32(b[104..]));
    }

    /// <summary>What a file type is, for a diagnostic.</summary>
    public static string Describe(int type) => type switch
    {
        0x1000 => "a FIFO (named pipe)",
        0x2000 => "a character device",
        0x6000 => "a block device",
        0xC000 => "a socket",
        0x4000 => "a folder",
        _ => "a special file",
    };

    /// <summary>Swaps two folders in one atomic step (Linux 3.15+, on file systems that support it); false where it cannot.</summary>
    public static bool Exchange(string a, string b)
    {
        if (_noExchange) return false;
        const uint RenameExchange = 2;
        try
        {
            return RenameAt2(AtFdCwd, a, AtFdCwd, b, RenameExchange) == 0;
        }
        catch (Exception e) when (e is DllNotFoundException or EntryPointNotFoundException)
        {
            _noExchange = true;
            return false;
        }
    }
}
