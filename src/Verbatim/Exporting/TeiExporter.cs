using Verbatim.Access;
using Verbatim.Archiving;
using Verbatim.Formats.Tei;
using Verbatim.Model;
using Verbatim.Searching;
using Verbatim.Storage.Files;

namespace Verbatim.Exporting;

/// <summary>
/// Every document the export's readers may see as a TEI P5 file of its own (ID.xml), at its head
/// version, written whole or not at all and never over a folder that holds something (NewFolder).
/// </summary>
public static class TeiExporter
{
    public static DocumentsExport Export(Archive archive, string folder, Visibility seen)
    {
        ArgumentNullException.ThrowIfNull(archive);
        ArgumentNullException.ThrowIfNull(seen);
        var (written, damaged) = (new List<string>(), new List<string>());
        var closed = 0;
        NewFolder.Write(folder, building =>
        {
            foreach (var id in archive.List(new WorkFilter()).Select(w => w.Id))
            {
                if (!seen.MaySee(id))
                {
                    closed++;
                    continue;
                }
                if (archive.ReadStored(id) is not { IsDamaged: false } stored)
                {
                    damaged.Add(id);
                    continue;
                }
                var document = DocumentJson.Deserialize(System.Text.Encoding.UTF8.GetString(stored.DocumentJson.Span))!;
                File.WriteAllBytes(Path.Combine(building, $"{id}.xml"), TeiWriter.ToBytes(document));
                written.Add(id);
            }
        }, "TEI");
        return new DocumentsExport(written, closed, [], damaged);
    }
}
