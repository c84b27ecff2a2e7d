using System.Runtime.InteropServices;

namespace Verbatim.Storage.Ocfl;

/// <summary>
/// An exclusive lock held on a directory itself (flock on Linux), not on a file inside it: no
/// file can be deleted or replaced to break it, and the kernel drops it when its holder exits,
/// however it ends. Locks of one process conflict like those of two.
/// </summary>
public sealed partial class DirectoryLock : IDisposable
{
    private const int LockExclusive = 2;
    private const int LockNonBlocking = 4;
    private const int WouldBlock = 11;

    [LibraryImport("libc", EntryPoint = "flock", SetLastError = true)]
    private static partial int Flock(int fd, int operation);

    private readonly int _descriptor;
    private readonly FileStream? _fallback;
    private int _released;

    private DirectoryLock(int descriptor, FileStream? fallback)
    {
        _descriptor = descriptor;
        _fallback = fallback;
    }

    /// <summary>The lock, or null where another holder has it now.</summary>
    /// <exception cref="IOException">The directory cannot be opened or locked for another reason.</exception>
    public static DirectoryLock? TryAcquire(string directory)
    {
        if (!OperatingSystem.IsLinux())
            return TryAcquireFile(Path.Combine(directory, ".directory-lock"));
        var descriptor = FileSystemDurability.OpenDirectory(directory);
        if (Flock(descriptor, LockExclusive | LockNonBlocking) == 0)
            return new DirectoryLock(descriptor, null);
        var error = Marshal.GetLastPInvokeError();
        _ = FileSystemDurability.Close(descriptor);
        return error == WouldBlock ? null : throw new IOException($"flock {directory} failed: errno {error}");
    }

    // Where directories cannot be locked, an exclusively opened file stands in for the directory.
    private static DirectoryLock? TryAcquireFile(string path)
    {
        try
        {
            return new DirectoryLock(-1, new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None));
        }
        catch (IOException) when (File.Exists(path))
        {
            return null;
        }
    }

    public void Dispose()
    {
        // A descriptor closed twice could close another file that took its number.
        if (Interlocked.Exchange(ref _released, 1) == 1)
            return;
        if (_fallback is not null)
            _fallback.Dispose();
        else
            _ = FileSystemDurability.Close(_descriptor);
    }
}
