namespace Verbatim.Storage.Files;

/// <summary>
/// Writes a folder whole or not at all: it is built beside its target and renamed into place
/// when whole, so a failure leaves nothing half-written and a reader never finds a part of it.
/// The target must not exist, or be an empty folder: nothing is written over what someone keeps.
/// </summary>
public static class NewFolder
{
    /// <param name="fill">Writes the folder's contents into the folder it is given.</param>
    /// <exception cref="IOException">The target holds something.</exception>
    public static void Write(string target, Action<string> fill, string what)
    {
        ArgumentNullException.ThrowIfNull(fill);
        var full = Path.GetFullPath(target);
        if (File.Exists(full) || Directory.Exists(full) && Directory.EnumerateFileSystemEntries(full).Any())
            throw new IOException($"{full} already exists and is not an empty folder; {what} is written into a new one");
        var building = $"{full}.partial-{Guid.NewGuid():N}";
        try
        {
            Directory.CreateDirectory(building);
            fill(building);
            if (Directory.Exists(full))
                Directory.Delete(full);
            Directory.Move(building, full);
        }
        finally
        {
            if (Directory.Exists(building))
                Directory.Delete(building, recursive: true);
        }
    }
}
