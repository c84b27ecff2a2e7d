using System.Globalization;
using System.Text;

namespace Verbatim.Storage.Bagit;

/// <summary>A file of a bag's payload: where it goes under data/ ('/' between folders) and its bytes.</summary>
public sealed record BagFile(string Path, ReadOnlyMemory<byte> Bytes);

/// <summary>
/// Writes a BagIt 1.0 bag (RFC 8493): the payload under data/, a SHA-512 payload manifest,
/// bagit.txt, bag-info.txt with its Payload-Oxum and Bagging-Date, and a SHA-512 tag manifest
/// over the three.
/// </summary>
/// <remarks>
/// The bag is built in a folder beside the target and renamed into place when whole, so a
/// failure leaves no half-written bag behind and a reader never finds one. The target must not
/// exist, or be an empty folder: a bag is never written over another.
/// </remarks>
public static class BagWriter
{
    /// <param name="info">bag-info.txt's lines after the ones written here (Payload-Oxum, Bagging-Date), in order.</param>
    /// <exception cref="IOException">The target holds something, or a payload path is not a plain relative path.</exception>
    public static void Write(string folder, IEnumerable<BagFile> payload, IReadOnlyList<KeyValuePair<string, string>> info, DateOnly baggingDate)
    {
        ArgumentNullException.ThrowIfNull(folder);
        ArgumentNullException.ThrowIfNull(payload);
        ArgumentNullException.ThrowIfNull(info);
        var target = System.IO.Path.GetFullPath(folder);
        if (File.Exists(target) || Directory.Exists(target) && Directory.EnumerateFileSystemEntries(target).Any())
            throw new IOException($"{target} already exists and is not an empty folder; a bag is written into a new one");
        var building = $"{target}.partial-{Guid.NewGuid():N}";
        try
        {
            Directory.CreateDirectory(building);
            var manifest = new StringBuilder();
            var (octets, files) = (0L, 0);
            var written = new HashSet<string>(StringComparer.Ordinal);
            foreach (var file in payload)
            {
                if (BagValidator.OutOfBag(file.Path) is { } why)
                    throw new IOException($"the payload path \"{file.Path}\" is {why}");
                if (file.Path.Split('/').Any(p => p is "" or "."))
                    throw new IOException($"the payload path \"{file.Path}\" has an empty or \".\" part");
                if (!written.Add(file.Path))
                    throw new IOException($"the payload path \"{file.Path}\" is given twice");
                var path = System.IO.Path.Combine(building, "data", file.Path.Replace('/', System.IO.Path.DirectorySeparatorChar));
                Directory.CreateDirectory(System.IO.Path.GetDirectoryName(path)!);
                File.WriteAllBytes(path, file.Bytes.ToArray());
                manifest.Append(Convert.ToHexStringLower(System.Security.Cryptography.SHA512.HashData(file.Bytes.Span))).Append("  ").Append(Escape("data/" + file.Path)).Append('\n');
                octets += file.Bytes.Length;
                files++;
            }
            Directory.CreateDirectory(System.IO.Path.Combine(building, "data"));
            var manifestName = $"manifest-{BagDigests.Sha512}.txt";
            WriteTagFile(building, "bagit.txt", "BagIt-Version: 1.0\nTag-File-Character-Encoding: UTF-8\n");
            var bagInfo = new StringBuilder();
            foreach (var (label, value) in info)
                bagInfo.Append(label).Append(": ").Append(value.ReplaceLineEndings(" ")).Append('\n');
            bagInfo.Append("Bagging-Date: ").Append(baggingDate.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)).Append('\n');
            bagInfo.Append("Payload-Oxum: ").Append(octets.ToString(CultureInfo.InvariantCulture)).Append('.').Append(files.ToString(CultureInfo.InvariantCulture)).Append('\n');
            WriteTagFile(building, "bag-info.txt", bagInfo.ToString());
            WriteTagFile(building, manifestName, manifest.ToString());
            var tagManifest = new StringBuilder();
            foreach (var tag in new[] { "bagit.txt", "bag-info.txt", manifestName })
                tagManifest.Append(BagDigests.Compute(BagDigests.Sha512, System.IO.Path.Combine(building, tag))).Append("  ").Append(tag).Append('\n');
            WriteTagFile(building, $"tagmanifest-{BagDigests.Sha512}.txt", tagManifest.ToString());
            if (Directory.Exists(target))
                Directory.Delete(target);
            Directory.Move(building, target);
        }
        finally
        {
            if (Directory.Exists(building))
                Directory.Delete(building, recursive: true);
        }
    }

    private static void WriteTagFile(string bag, string name, string text) => File.WriteAllText(System.IO.Path.Combine(bag, name), text, new UTF8Encoding(false));

    // BagIt 1.0 (section 2.1.3): a path's CR, LF and % are written %0D, %0A and %25.
    private static string Escape(string path) => path.Replace("%", "%25", StringComparison.Ordinal).Replace("\r", "%0D", StringComparison.Ordinal).Replace("\n", "%0A", StringComparison.Ordinal);
}
