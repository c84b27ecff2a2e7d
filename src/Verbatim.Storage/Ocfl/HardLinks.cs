using System.Runtime.InteropServices;

namespace Verbatim.Storage.Ocfl;

/// <summary>Hard links where the file system has them: a new version shares, not copies, earlier content.</summary>
internal static partial class HardLinks
{
    [LibraryImport("libc", EntryPoint = "link", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    private static partial int Link(string existing, string created);

    public static void LinkOrCopy(string existing, string created)
    {
        if (OperatingSystem.IsLinux() && Link(existing, created) == 0)
            return;
        File.Copy(existing, created);
    }
}
