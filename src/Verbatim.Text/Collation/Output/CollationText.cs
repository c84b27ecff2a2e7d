using System.Text;

namespace Verbatim.Text.Collation.Output;

/// <summary>
/// The alignment table for a terminal: a row per witness, each column as wide as its widest
/// token, "-" for a gap, "*" over a column where the witnesses differ; long tables are cut
/// into bands of columns that fit the width, each band headed by its first column's number.
/// </summary>
public static class CollationText
{
    public static string Write(CollationResult collation, int width = 100, bool segments = false)
    {
        var rows = collation.Rows(segments).Select(r => r.Select(s => s.Length == 0 ? "-" : s).ToList()).ToList();
        var count = rows.Count == 0 ? 0 : rows[0].Count;
        var firstColumns = segments ? collation.SegmentStarts() : [.. Enumerable.Range(0, count)];
        var marks = firstColumns.Select(c => !collation.Agrees(c)).ToList();
        var nameWidth = collation.Witnesses.Max(w => w.Name.Length);
        var output = new StringBuilder();
        for (var first = 0; first < count;)
        {
            var last = first;
            var used = nameWidth + 2;
            while (last < count && (last == first || used + ColumnWidth(rows, last) + 1 <= width))
                used += ColumnWidth(rows, last++) + 1;
            output.Append(' ', nameWidth).Append("  ").Append($"[{first + 1}]").AppendLine();
            output.Append(' ', nameWidth + 2);
            for (var c = first; c < last; c++)
                output.Append((marks[c] ? "*" : " ").PadRight(ColumnWidth(rows, c) + 1));
            output.AppendLine();
            for (var w = 0; w < rows.Count; w++)
            {
                var line = new StringBuilder(collation.Witnesses[w].Name.PadRight(nameWidth)).Append("  ");
                for (var c = first; c < last; c++)
                    line.Append(rows[w][c].PadRight(ColumnWidth(rows, c) + 1));
                output.AppendLine(line.ToString().TrimEnd(' '));
            }
            output.AppendLine();
            first = last;
        }
        return output.ToString();
    }

    private static int ColumnWidth(List<List<string>> rows, int column) => rows.Max(r => r[column].Length);
}
