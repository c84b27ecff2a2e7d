using System.IO.Compression;

namespace Verbatim.EvidencePacks;

/// <summary>
/// A pack sent as a .zip of its bag folder, unpacked into a folder of its own: at most
/// <c>maximumEntries</c> entries and <c>maximumBytes</c> unpacked (counted as written, not as
/// the zip declares), and no entry whose path leaves the folder.
/// </summary>
public static class PackUpload
{
    /// <returns>The unpacked bag's folder: the one holding bagit.txt, at the top or one folder down.</returns>
    /// <exception cref="InvalidDataException">The zip cannot be read, is too large, or an entry leaves the folder; what is named.</exception>
    public static string Unpack(Stream zip, string folder, long maximumBytes, int maximumEntries)
    {
        ArgumentNullException.ThrowIfNull(zip);
        var root = Path.GetFullPath(folder) + Path.DirectorySeparatorChar;
        Directory.CreateDirectory(root);
        using var archive = new ZipArchive(zip, ZipArchiveMode.Read);
        if (archive.Entries.Count > maximumEntries)
            throw new InvalidDataException($"the zip holds {archive.Entries.Count} entries; a pack sent here may hold at most {maximumEntries}");
        var written = 0L;
        foreach (var entry in archive.Entries)
        {
            var target = Path.GetFullPath(Path.Combine(root, entry.FullName));
            if (!target.StartsWith(root, StringComparison.Ordinal) || Path.IsPathRooted(entry.FullName))
                throw new InvalidDataException($"the zip's entry \"{entry.FullName}\" leaves the pack's folder");
            if (entry.FullName.EndsWith('/'))
            {
                Directory.CreateDirectory(target);
                continue;
            }
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            using var from = entry.Open();
            using var to = File.Create(target);
            var buffer = new byte[1 << 16];
            int read;
            while ((read = from.Read(buffer, 0, buffer.Length)) > 0)
            {
                written += read;
                if (written > maximumBytes)
                    throw new InvalidDataException($"the zip unpacks to more than {maximumBytes} bytes, more than a pack sent here may hold");
                to.Write(buffer, 0, read);
            }
        }
        if (File.Exists(Path.Combine(root, "bagit.txt")))
            return root.TrimEnd(Path.DirectorySeparatorChar);
        var inside = Directory.GetDirectories(root).Where(d => File.Exists(Path.Combine(d, "bagit.txt"))).ToList();
        return inside.Count == 1 ? inside[0] : throw new InvalidDataException("the zip holds no bag: no bagit.txt at its top or one folder down");
    }
}
