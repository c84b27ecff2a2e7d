using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Unicode;

namespace Verbatim.EvidencePacks;

/// <summary>
/// data/report.html: the pack as a person reads it, one self-contained page without script: the
/// question, the summary, and each citation with its document, version, range, the words there
/// and the differences found. Every piece of text from the archive or the author is HTML-encoded.
/// </summary>
public static class PackReport
{
    private static readonly HtmlEncoder Encoder = HtmlEncoder.Create(UnicodeRanges.All);

    private const string Style = "body{font-family:Georgia,serif;max-width:48rem;margin:2rem auto;padding:0 1rem;line-height:1.5}"
        + "blockquote{white-space:pre-wrap;border-left:3px solid #999;margin:0.5rem 0;padding:0.25rem 0.75rem;background:#f7f7f4}"
        + "table{border-collapse:collapse}td,th{border:1px solid #ccc;padding:2px 6px;text-align:left;vertical-align:top}"
        + "dt{font-weight:bold}code{font-size:90%}section{border-top:1px solid #ddd;margin-top:1.5rem}";

    public static string Html(PackIndex index)
    {
        ArgumentNullException.ThrowIfNull(index);
        var html = new StringBuilder("<!DOCTYPE html>\n<html lang=\"en\">\n<head><meta charset=\"utf-8\"><title>Evidence: ")
            .Append(Encode(index.Question)).Append("</title>\n<style>").Append(Style).Append("</style></head>\n<body>\n<h1>")
            .Append(Encode(index.Question)).Append("</h1>\n");
        if (index.Summary.Length > 0)
            html.Append("<p class=\"summary\">").Append(Encode(index.Summary)).Append("</p>\n");
        html.Append("<p>").Append(Encode(index.Citations.Count.ToString(CultureInfo.InvariantCulture))).Append(" citations. ")
            .Append(Encode(PackIndex.TextDefinition)).Append(" Each cited version's files lie under <code>data/documents/ID/vN/</code>; ")
            .Append("<code>verbatim verify-pack</code> checks every digest and every range.</p>\n");
        foreach (var citation in index.Citations)
        {
            html.Append("<section id=\"citation-").Append(citation.Number).Append("\">\n<h2>").Append(citation.Number).Append(". ")
                .Append(Encode(citation.Kind)).Append(": ").Append(Encode(citation.Document)).Append("</h2>\n<dl>")
                .Append("<dt>Document</dt><dd>").Append(Encode(citation.Document)).Append("</dd>")
                .Append("<dt>Version</dt><dd>").Append(citation.Version).Append("</dd>")
                .Append("<dt>Characters</dt><dd>").Append(citation.Start).Append('–').Append(citation.End).Append(" (end excluded)</dd>")
                .Append("<dt>Source</dt><dd><code>").Append(Encode(citation.Source.Path)).Append("</code>, SHA-512 <code>").Append(citation.Source.Sha512).Append("</code></dd>")
                .Append("<dt>document.json</dt><dd><code>").Append(Encode(citation.DocumentJson.Path)).Append("</code>, SHA-512 <code>").Append(citation.DocumentJson.Sha512).Append("</code></dd>")
                .Append("</dl>\n");
            if (citation.Quotation is { } quotation)
                html.Append("<p>Quoted as:</p>\n<blockquote class=\"quotation\">").Append(Encode(quotation)).Append("</blockquote>\n");
            html.Append("<p>The document reads:</p>\n<blockquote class=\"quoted\">").Append(Encode(citation.Quoted)).Append("</blockquote>\n");
            // A witness compared with its collation's first reads as "quoted", that first one as "source".
            var (quoted, source) = citation.ComparedWith is { } other
                ? ("this witness reads", $"citation {other} reads")
                : ("quoted", "source");
            if (citation.ComparedWith is { } first)
                html.Append("<p>Compared word by word with <a href=\"#citation-").Append(first).Append("\">citation ").Append(first).Append("</a>, the first witness of its collation:</p>\n");
            if (citation.Differences.Count > 0)
            {
                html.Append("<table class=\"differences\"><thead><tr><th>difference</th><th>").Append(quoted).Append("</th><th>").Append(source).Append("</th><th>at</th></tr></thead><tbody>\n");
                foreach (var difference in citation.Differences)
                {
                    html.Append("<tr><td>").Append(Encode(difference.Type)).Append("</td><td>").Append(Encode(difference.Quoted))
                        .Append("</td><td>").Append(Encode(difference.Source)).Append("</td><td>").Append(citation.ComparedWith is null ? difference.Offset : difference.QuotedOffset).Append("</td></tr>\n");
                }
                html.Append("</tbody></table>\n");
            }
            else if (citation.Quotation is not null || citation.ComparedWith is not null)
            {
                html.Append("<p>No difference found.</p>\n");
            }
            html.Append("</section>\n");
        }
        return html.Append("</body>\n</html>\n").ToString();
    }

    private static string Encode(string text) => Encoder.Encode(text);
}
