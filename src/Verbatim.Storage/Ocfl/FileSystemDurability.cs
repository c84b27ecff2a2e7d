using System.Runtime.InteropServices;

namespace Verbatim.Storage.Ocfl;

/// <summary>
/// The few POSIX calls that make writes durable and replacements atomic, which .NET does not
/// expose: syncfs, fsync on a directory, and renameat2 with RENAME_EXCHANGE (Linux 3.15+).
/// </summary>
internal static partial class FileSystemDurability
{
    private const int AtFdCwd = -100;
    private const uint RenameExchange = 2;
    private const int ReadOnly = 0;
    private const int Directory = 0x10000;
    private const int CloseOnExec = 0x80000;

    [LibraryImport("libc", EntryPoint = "open", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    private static partial int Open(string path, int flags);

    [LibraryImport("libc", EntryPoint = "close", SetLastError = true)]
    internal static partial int Close(int fd);

    [LibraryImport("libc", EntryPoint = "fsync", SetLastError = true)]
    private static partial int Fsync(int fd);

    [LibraryImport("libc", EntryPoint = "syncfs", SetLastError = true)]
    private static partial int Syncfs(int fd);

    [LibraryImport("libc", EntryPoint = "renameat2", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    private static partial int RenameAt2(int oldDirFd, string oldPath, int newDirFd, string newPath, uint flags);

    private static bool Posix => OperatingSystem.IsLinux();

    /// <summary>Flushes every file and directory written on the file system that holds the path.</summary>
    public static void SyncFileSystem(string path)
    {
        if (!Posix) return;
        WithDirectory(path, fd => Syncfs(fd), "syncfs");
    }

    /// <summary>Makes a directory's entries (a rename into it, a new child) durable.</summary>
    public static void SyncDirectory(string path)
    {
        if (!Posix) return;
        WithDirectory(path, fd => Fsync(fd), "fsync");
    }

    /// <summary>
    /// Swaps two directories in one step: at every instant each path holds one whole tree.
    /// Where the call is missing (not Linux), falls back to two renames with a short window.
    /// </summary>
    public static void Exchange(string first, string second)
    {
        if (Posix)
        {
            if (RenameAt2(AtFdCwd, first, AtFdCwd, second, RenameExchange) == 0)
                return;
            var error = Marshal.GetLastPInvokeError();
            throw new IOException($"renameat2(RENAME_EXCHANGE) {first} <-> {second} failed: errno {error}");
        }
        var aside = second + ".old-" + Guid.NewGuid().ToString("N");
        System.IO.Directory.Move(second, aside);
        System.IO.Directory.Move(first, second);
        System.IO.Directory.Move(aside, first);
    }

    /// <summary>A descriptor of the directory, opened for reading; the caller closes it.</summary>
    internal static int OpenDirectory(string path)
    {
        var fd = Open(path, ReadOnly | Directory | CloseOnExec);
        if (fd < 0)
            throw new IOException($"open {path} failed: errno {Marshal.GetLastPInvokeError()}");
        return fd;
    }

    private static void WithDirectory(string path, Func<int, int> call, string name)
    {
        var fd = OpenDirectory(path);
        try
        {
            if (call(fd) != 0)
                throw new IOException($"{name} {path} failed: errno {Marshal.GetLastPInvokeError()}");
        }
        finally
        {
            _ = Close(fd);
        }
    }
}
