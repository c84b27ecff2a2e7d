using System.Globalization;
using CsvHelper;

namespace Verbatim.Text.Collation.Output;

/// <summary>The alignment table as RFC 4180 CSV: a row per witness, its siglum first, then a cell per column ("" for a gap).</summary>
public static class CollationCsv
{
    public static string Write(CollationResult collation, bool segments = false)
    {
        using var text = new StringWriter(CultureInfo.InvariantCulture);
        using (var csv = CsvWriter.Create(text, new CsvWriterOptions(), false))
        {
            var rows = collation.Rows(segments);
            for (var w = 0; w < rows.Count; w++)
                csv.WriteRecord([collation.Witnesses[w].Name, .. rows[w]]);
        }
        return text.ToString();
    }
}
