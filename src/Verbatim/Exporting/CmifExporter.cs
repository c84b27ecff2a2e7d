using Verbatim.Access;
using Verbatim.Archiving;
using Verbatim.Formats.Cmif;
using Verbatim.Model;

namespace Verbatim.Exporting;

/// <summary>The archive's letters as one CMIF file, in the order of their dates (undated last), then of their ids.</summary>
public static class CmifExporter
{
    /// <param name="seen">The documents the export may hold: those its readers may see.</param>
    public static CmifExport Export(Archive archive, CmifFile file, Visibility seen)
        => CmifWriter.Build(file, archive.Documents()
            .Where(d => seen.MaySee(d.Id))
            // A compilation's letters are its parts, each a document of its own.
            .Where(d => d.Kind != DocumentKind.Compilation)
            .OrderBy(d => DocumentDates.SortDate(d) is null)
            .ThenBy(d => DocumentDates.SortDate(d), StringComparer.Ordinal)
            .ThenBy(d => d.Id, StringComparer.Ordinal));
}
