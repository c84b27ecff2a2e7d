using System.Xml.Linq;

namespace Verbatim.Text.Collation.Output;

/// <summary>
/// The collation as TEI P5 parallel segmentation (Guidelines 12.2.3): the text where every
/// witness agrees stands as it is; where they differ, an <c>app</c> holds one <c>rdg</c> per
/// distinct reading with the witnesses that read it (<c>wit="#A #C"</c>); an empty <c>rdg</c>
/// is a witness that is silent there. Segments, not single columns, are the unit.
/// </summary>
public static class TeiParallelSegmentation
{
    private static readonly XNamespace Tei = "http://www.tei-c.org/ns/1.0";

    public static XDocument Write(CollationResult collation, string title)
    {
        var segments = collation.Segments();
        var witnesses = collation.Witnesses;
        var paragraph = new XElement(Tei + "p");
        var count = segments.Count == 0 ? 0 : segments[0].Count;
        for (var s = 0; s < count; s++)
        {
            var readings = Enumerable.Range(0, witnesses.Count).GroupBy(w => segments[w][s], StringComparer.Ordinal).ToList();
            if (s > 0)
                paragraph.Add(" ");
            if (readings.Count == 1)
            {
                paragraph.Add(readings[0].Key);
                continue;
            }
            paragraph.Add(new XElement(Tei + "app", readings.Select(r => new XElement(Tei + "rdg",
                new XAttribute("wit", string.Join(' ', r.Select(w => "#" + witnesses[w].Name))),
                r.Key.Length == 0 ? null : r.Key))));
        }
        var listWit = new XElement(Tei + "listWit", witnesses.Select(w => new XElement(Tei + "witness", new XAttribute(XNamespace.Xml + "id", w.Name), w.Name)));
        return new XDocument(
            new XElement(Tei + "TEI",
                new XElement(Tei + "teiHeader",
                    new XElement(Tei + "fileDesc",
                        new XElement(Tei + "titleStmt", new XElement(Tei + "title", title)),
                        new XElement(Tei + "publicationStmt", new XElement(Tei + "p", "Collated by Verbatim.")),
                        new XElement(Tei + "sourceDesc", listWit)),
                    new XElement(Tei + "encodingDesc",
                        new XElement(Tei + "variantEncoding", new XAttribute("method", "parallel-segmentation"), new XAttribute("location", "internal")))),
                new XElement(Tei + "text", new XElement(Tei + "body", paragraph))));
    }
}
