using System.Runtime.InteropServices;
using System.Text;
using Microsoft.Win32.SafeHandles;

namespace Verbatim.Parsing;

/// <summary>
/// Files whose names are not valid UTF-8. A Linux file name is bytes; .NET decodes it into a
/// string with U+FFFD for each byte it cannot read, and that string names no file, so such a file
/// could be listed but never opened. Its name's bytes are found again in its folder, the file is
/// opened by them, and the name is kept in a form that can be read back to the bytes: valid UTF-8
/// as it is, every other byte (and '%') as %XX.
/// </summary>
public static class UndecodableFileNames
{
    /// <summary>The file's bytes and the name it is kept under, for a path that names no file because its name's bytes are not UTF-8; null for any other path.</summary>
    public static (byte[] Bytes, string KeptName)? Read(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        var name = Path.GetFileName(path);
        if (!name.Contains('\uFFFD', StringComparison.Ordinal) || File.Exists(path) || !OperatingSystem.IsLinux())
            return null;
        var folder = Path.GetDirectoryName(Path.GetFullPath(path))!;
        var raw = NamesIn(folder).Where(n => Decoded(n) == name).ToList();
        // Two names that decode alike cannot be told apart by the path given.
        if (raw.Count != 1)
            return null;
        var fullPath = Encoding.UTF8.GetBytes(folder + "/").Concat(raw[0]).Append((byte)0).ToArray();
        var descriptor = Open(fullPath, OpenReadOnly | OpenCloseOnExec);
        if (descriptor < 0)
            return null;
        using var handle = new SafeFileHandle(descriptor, ownsHandle: true);
        using var stream = new FileStream(handle, FileAccess.Read);
        using var bytes = new MemoryStream();
        stream.CopyTo(bytes);
        return (bytes.ToArray(), Escaped(raw[0]));
    }

    /// <summary>The name as it is kept: valid UTF-8 as it is, any other byte and '%' as %XX.</summary>
    public static string Escaped(ReadOnlySpan<byte> name)
    {
        var kept = new StringBuilder();
        var decoder = new UTF8Encoding(false, throwOnInvalidBytes: true);
        var i = 0;
        while (i < name.Length)
        {
            var length = SequenceLength(name[i]);
            var valid = length > 0 && i + length <= name.Length && IsValid(decoder, name.Slice(i, length));
            if (valid && !(length == 1 && name[i] == (byte)'%'))
                kept.Append(decoder.GetString(name.Slice(i, length)));
            else
            {
                kept.Append('%').Append(name[i].ToString("X2", System.Globalization.CultureInfo.InvariantCulture));
                length = 1;
            }
            i += length;
        }
        return kept.ToString();
    }

    private static bool IsValid(UTF8Encoding decoder, ReadOnlySpan<byte> sequence)
    {
        try
        {
            decoder.GetCharCount(sequence);
            return true;
        }
        catch (DecoderFallbackException)
        {
            return false;
        }
    }

    private static int SequenceLength(byte first) => first switch
    {
        < 0x80 => 1,
        >= 0xC2 and < 0xE0 => 2,
        >= 0xE0 and < 0xF0 => 3,
        >= 0xF0 and < 0xF5 => 4,
        _ => 0,
    };

    private static string Decoded(byte[] name) => Encoding.UTF8.GetString(name);

    /// <summary>The bytes of every name in a folder, by readdir(3).</summary>
    private static List<byte[]> NamesIn(string folder)
    {
        var names = new List<byte[]>();
        var directory = OpenDirectory(folder);
        if (directory == IntPtr.Zero)
            return names;
        try
        {
            for (var entry = ReadDirectory(directory); entry != IntPtr.Zero; entry = ReadDirectory(directory))
            {
                // struct dirent on Linux (glibc, 64-bit): d_ino 8, d_off 8, d_reclen 2, d_type 1, then d_name.
                var name = entry + 19;
                var length = 0;
                while (Marshal.ReadByte(name, length) != 0)
                    length++;
                var bytes = new byte[length];
                Marshal.Copy(name, bytes, 0, length);
                names.Add(bytes);
            }
        }
        finally
        {
            _ = CloseDirectory(directory);
        }
        return names;
    }

    private const int OpenReadOnly = 0;
    private const int OpenCloseOnExec = 0x80000;

    [DllImport("libc", EntryPoint = "opendir", CharSet = CharSet.Ansi)]
    private static extern IntPtr OpenDirectory(string path);

    [DllImport("libc", EntryPoint = "readdir")]
    private static extern IntPtr ReadDirectory(IntPtr directory);

    [DllImport("libc", EntryPoint = "closedir")]
    private static extern int CloseDirectory(IntPtr directory);

    [DllImport("libc", EntryPoint = "open")]
    private static extern int Open(byte[] path, int flags);
}
