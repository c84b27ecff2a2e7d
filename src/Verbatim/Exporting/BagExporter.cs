using Verbatim.Access;
using Verbatim.Archiving;
using Verbatim.Searching;
using Verbatim.Storage.Bagit;

namespace Verbatim.Exporting;

/// <summary>What an export to a bag wrote and left out.</summary>
/// <param name="Documents">The ids written, in the bag's order.</param>
/// <param name="Closed">Asked for (or found) but not open to the export's readers: left out.</param>
/// <param name="Unknown">Asked for by id and not in the archive.</param>
/// <param name="Damaged">Left out because the store does not hold them soundly (audit names the damage).</param>
public sealed record BagExport(IReadOnlyList<string> Documents, int Closed, IReadOnlyList<string> Unknown, IReadOnlyList<string> Damaged);

/// <summary>
/// Documents of the archive as a BagIt bag for deposit or transfer: for each, under
/// data/ID/, the source as it was received (source/NAME, byte for byte) and its document.json, at
/// the head version. The bag's SHA-512 manifests let the receiver check every byte; `verbatim
/// ingest` of the bag takes the sources back and leaves the derived files.
/// </summary>
public static class BagExporter
{
    /// <summary>The folder of a document's payload that holds what was received; what stands beside it is derived from it.</summary>
    public const string SourceFolder = "source";

    /// <param name="ids">The documents to write; null for every document <paramref name="seen"/> admits.</param>
    /// <param name="seen">The documents the export may hold: those its readers may see.</param>
    /// <param name="organization">bag-info.txt's Source-Organization.</param>
    public static BagExport Export(Archive archive, string folder, IReadOnlyList<string>? ids, Visibility seen, string organization, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(archive);
        ArgumentNullException.ThrowIfNull(seen);
        var wanted = ids ?? [.. archive.List(new WorkFilter()).Select(w => w.Id)];
        var (written, unknown, damaged) = (new List<string>(), new List<string>(), new List<string>());
        var closed = 0;
        var payload = new List<BagFile>();
        foreach (var id in wanted.Distinct(StringComparer.Ordinal))
        {
            if (!seen.MaySee(id))
            {
                closed++;
                continue;
            }
            if (archive.ReadStored(id) is not { } stored)
            {
                unknown.Add(id);
                continue;
            }
            if (stored.IsDamaged)
            {
                damaged.Add(id);
                continue;
            }
            payload.Add(new BagFile($"{id}/{SourceFolder}/{Path.GetFileName(stored.SourceFileName ?? "source")}", stored.Source));
            payload.Add(new BagFile($"{id}/document.json", stored.DocumentJson));
            written.Add(id);
        }
        BagWriter.Write(folder, payload,
        [
            new("Source-Organization", organization),
            new("External-Description", $"{written.Count} documents of a Verbatim archive: for each, data/ID/{SourceFolder}/ holds the source as received and data/ID/document.json what Verbatim read from it (head version)."),
            new("Bag-Software-Agent", "Verbatim"),
        ], today);
        return new BagExport(written, closed, unknown, damaged);
    }
}
