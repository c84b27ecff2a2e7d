using System.Text;
using System.Text.Encodings.Web;

namespace Verbatim.Text.Collation.Output;

/// <summary>
/// The alignment table as an HTML table to read down: a column per witness, a row per aligned
/// column (or segment), the rows where the witnesses differ marked <c>class="variant"</c>, a gap
/// shown as an empty cell marked <c>class="gap"</c>. Every token is HTML-encoded.
/// </summary>
public static class CollationHtml
{
    public static string Table(CollationResult collation, bool segments = false)
    {
        var encode = HtmlEncoder.Default;
        var rows = collation.Rows(segments);
        var count = rows.Count == 0 ? 0 : rows[0].Count;
        // A segment agrees exactly when its first column does.
        var firstColumns = segments ? collation.SegmentStarts() : [.. Enumerable.Range(0, count)];
        var html = new StringBuilder("<table class=\"collation\">\n<thead><tr><th scope=\"col\">#</th>");
        foreach (var witness in collation.Witnesses)
            html.Append("<th scope=\"col\">").Append(encode.Encode(witness.Name)).Append("</th>");
        html.Append("</tr></thead>\n<tbody>\n");
        for (var c = 0; c < count; c++)
        {
            var differs = !collation.Agrees(firstColumns[c]);
            html.Append(differs ? "<tr class=\"variant\">" : "<tr>").Append("<th scope=\"row\">").Append(c + 1).Append("</th>");
            foreach (var row in rows)
                html.Append(row[c].Length == 0 ? "<td class=\"gap\"></td>" : "<td>" + encode.Encode(row[c]) + "</td>");
            html.Append("</tr>\n");
        }
        return html.Append("</tbody>\n</table>\n").ToString();
    }

    /// <summary>A whole page around the table, for a file a browser opens directly.</summary>
    public static string Document(CollationResult collation, bool segments = false)
        => "<!DOCTYPE html>\n<html lang=\"en\">\n<head><meta charset=\"utf-8\"><title>Collation of "
            + HtmlEncoder.Default.Encode(string.Join(", ", collation.Witnesses.Select(w => w.Name)))
            + "</title>\n<style>table{border-collapse:collapse}td,th{border:1px solid #ccc;padding:2px 6px}tr.variant td{background:#fff3cd}td.gap{background:#eee}</style></head>\n<body>\n"
            + Table(collation, segments) + "</body>\n</html>\n";
}
