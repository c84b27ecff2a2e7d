using System.Text;

namespace Verbatim.Text.Collation.Output;

/// <summary>
/// The alignment table for a terminal: a row per witness, each column as wide as its widest
/// token, "-" for a gap, "*" over a column where the witnesses differ; long tables are cut
/// into bands of columns that fit the width, each band headed by its first column's number.
/// A column wider than the width (a long segment) is a band of its own, its readings wrapped
/// at spaces into blocks of lines, and no line is longer than the width.
/// </summary>
public static class CollationText
{
    // A terminal narrower than this still gets readable columns; its lines wrap as it wraps them.
    private const int NarrowestRoom = 20;

    public static string Write(CollationResult collation, int width = 100, bool segments = false)
    {
        var rows = collation.Rows(segments).Select(r => r.Select(s => s.Length == 0 ? "-" : s).ToList()).ToList();
        var count = rows.Count == 0 ? 0 : rows[0].Count;
        var firstColumns = segments ? collation.SegmentStarts() : [.. Enumerable.Range(0, count)];
        var marks = firstColumns.Select(c => !collation.Agrees(c)).ToList();
        var nameWidth = collation.Witnesses.Max(w => w.Name.Length);
        var room = Math.Max(NarrowestRoom, width - nameWidth - 2);
        var widths = Enumerable.Range(0, count).Select(c => Math.Min(room, rows.Max(r => r[c].Length))).ToList();
        var output = new StringBuilder();
        for (var first = 0; first < count;)
        {
            var last = first;
            var used = 0;
            while (last < count && (last == first || used + widths[last] + 1 <= room))
                used += widths[last++] + 1;
            output.Append(' ', nameWidth).Append("  ").Append($"[{first + 1}]").AppendLine();
            var marker = new StringBuilder().Append(' ', nameWidth + 2);
            for (var c = first; c < last; c++)
                marker.Append((marks[c] ? "*" : " ").PadRight(widths[c] + 1));
            output.AppendLine(marker.ToString().TrimEnd(' '));
            var blocks = rows.Select(row => Enumerable.Range(first, last - first).Select(c => Wrap(row[c], widths[c])).ToList()).ToList();
            var wrapped = blocks.Any(cells => cells.Any(lines => lines.Count > 1));
            for (var w = 0; w < rows.Count; w++)
            {
                var height = blocks[w].Max(lines => lines.Count);
                for (var l = 0; l < height; l++)
                {
                    var line = new StringBuilder((l == 0 ? collation.Witnesses[w].Name : "").PadRight(nameWidth)).Append("  ");
                    for (var c = first; c < last; c++)
                        line.Append((l < blocks[w][c - first].Count ? blocks[w][c - first][l] : "").PadRight(widths[c] + 1));
                    output.AppendLine(line.ToString().TrimEnd(' '));
                }
                // A blank line between witnesses shows where a wrapped row ends.
                if (wrapped && w < rows.Count - 1)
                    output.AppendLine();
            }
            output.AppendLine();
            first = last;
        }
        return output.ToString();
    }

    /// <summary>A reading in lines of at most <paramref name="width"/>: broken at spaces, a longer word cut.</summary>
    private static List<string> Wrap(string reading, int width)
    {
        var lines = new List<string>();
        var line = new StringBuilder();
        foreach (var word in reading.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            for (var rest = word; rest.Length > 0;)
            {
                if (line.Length > 0 && line.Length + 1 + rest.Length > width)
                {
                    lines.Add(line.ToString());
                    line.Clear();
                }
                if (line.Length > 0)
                    line.Append(' ');
                var piece = rest[..Math.Min(rest.Length, width)];
                line.Append(piece);
                rest = rest[piece.Length..];
            }
        }
        lines.Add(line.ToString());
        return lines;
    }
}
