namespace Verbatim.Archiving;

/// <summary>Which files some process on this machine holds open for writing, as Linux's /proc tells.</summary>
/// <remarks>
/// Every process's descriptors are links in <c>/proc/PID/fd</c>, with their open flags in
/// <c>/proc/PID/fdinfo</c>. Processes of other users are not readable and are passed over, as is
/// everything where there is no /proc: the inbox's second rule (a file unchanged for a while)
/// still holds there.
/// </remarks>
internal static class OpenFiles
{
    // O_ACCMODE and O_RDONLY of open(2): the access mode is the flags' lowest two bits.
    private const int AccessMode = 3;
    private const int ReadOnly = 0;

    /// <summary>Those of <paramref name="paths"/> (full paths) that some process holds open for writing.</summary>
    public static HashSet<string> ForWriting(IReadOnlyCollection<string> paths)
    {
        var found = new HashSet<string>(StringComparer.Ordinal);
        if (paths.Count == 0 || !Directory.Exists("/proc"))
            return found;
        var asked = paths.ToHashSet(StringComparer.Ordinal);
        foreach (var process in SafeEnumerate("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(process), out _))
                continue;
            foreach (var descriptor in SafeEnumerate(Path.Combine(process, "fd")))
            {
                string? target;
                try
                {
                    target = new FileInfo(descriptor).LinkTarget;
                }
                catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
                {
                    continue;
                }
                if (target is null || !asked.Contains(target) || found.Contains(target))
                    continue;
                if (OpenForWriting(Path.Combine(process, "fdinfo", Path.GetFileName(descriptor))))
                    found.Add(target);
            }
        }
        return found;
    }

    private static bool OpenForWriting(string fdinfo)
    {
        try
        {
            foreach (var line in File.ReadLines(fdinfo))
            {
                if (line.StartsWith("flags:", StringComparison.Ordinal))
                    return (Convert.ToInt32(line["flags:".Length..].Trim(), 8) & AccessMode) != ReadOnly;
            }
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException or FormatException)
        {
            // The process closed it or ended while being looked at.
        }
        return false;
    }

    private static IEnumerable<string> SafeEnumerate(string folder)
    {
        try
        {
            return Directory.GetFileSystemEntries(folder);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            return [];
        }
    }
}
