using System.Xml.Linq;
using Verbatim.Model;

namespace Verbatim.Formats.DublinCore;

/// <summary>
/// A document as simple Dublin Core in OAI-PMH's oai_dc container, the one format every harvester
/// reads. Each element says one thing of the document as written: who wrote it (creator), who
/// translated or transcribed it (contributor), when it was written (date, in the Extended Date/Time
/// Format so that the source's doubt is kept: "1896-02-05?", "1890-09~", "1911-06-05/1911-06-12"),
/// the edition it was taken from (publisher, and source with its volume and pages as the edition
/// cites them), the originals in archives (source, by shelfmark), earlier printings and the
/// compilation it is part of (relation), rights, language and the addresses it is found at
/// (identifier).
/// </summary>
public static class OaiDcWriter
{
    public static readonly XNamespace OaiDc = "http://www.openarchives.org/OAI/2.0/oai_dc/";
    public static readonly XNamespace Dc = "http://purl.org/dc/elements/1.1/";
    private static readonly XNamespace Xsi = "http://www.w3.org/2001/XMLSchema-instance";

    public const string SchemaLocation = "http://www.openarchives.org/OAI/2.0/oai_dc.xsd";

    /// <param name="identifiers">Where the document is found: its page, its OAI identifier.</param>
    /// <param name="rights">The rights statement where the document states none of its own.</param>
    /// <param name="relatedAddress">The address of another document of the archive by its id (the compilation a part is of).</param>
    public static XElement Write(Document document, IEnumerable<string> identifiers, string? rights, Func<string, string> relatedAddress)
    {
        ArgumentNullException.ThrowIfNull(document);
        ArgumentNullException.ThrowIfNull(identifiers);
        ArgumentNullException.ThrowIfNull(relatedAddress);
        var elements = new List<XElement> { Element("title", document.Title) };
        elements.AddRange(document.Authors.Select(a => Element("creator", a.Name)));
        elements.AddRange(document.Translators.Concat(document.Transcribers).Distinct(StringComparer.Ordinal).Select(c => Element("contributor", c)));
        if (Description(document) is { } description)
            elements.Add(Element("description", description));
        if (document.Written is { } written && Edtf(written) is { } date)
            elements.Add(Element("date", date));
        if (document.Source?.Publisher is { Length: > 0 } publisher)
            elements.Add(Element("publisher", publisher));
        elements.Add(Element("type", "Text"));
        elements.Add(Element("type", DocumentKinds.Name(document.Kind)));
        elements.AddRange(identifiers.Select(i => Element("identifier", i)));
        if (document.Source?.Text is { Length: > 0 } edition)
            elements.Add(Element("source", edition));
        if (document.PrintedFrom is { Length: > 0 } printedFrom)
            elements.Add(Element("source", "Printed from " + printedFrom));
        elements.AddRange(document.ArchivalRefs.Select(r => Element("source", r.Form is { } form ? $"{r.Text} ({form.ToString().ToLowerInvariant()})" : r.Text)));
        if (document.Language is { Length: > 0 } language)
            elements.Add(Element("language", language));
        elements.AddRange(document.Published.Select(p => Element("relation", p.Text)));
        if (document.PartOf is { } compilation)
            elements.Add(Element("relation", relatedAddress(compilation)));
        if ((document.Rights ?? rights) is { Length: > 0 } statement)
            elements.Add(Element("rights", statement));
        return new XElement(OaiDc + "dc",
            new XAttribute(XNamespace.Xmlns + "oai_dc", OaiDc),
            new XAttribute(XNamespace.Xmlns + "dc", Dc),
            new XAttribute(XNamespace.Xmlns + "xsi", Xsi),
            new XAttribute(Xsi + "schemaLocation", $"{OaiDc} {SchemaLocation}"),
            elements);
    }

    /// <summary>"Letter from A to B, copy to C": who the document went to, which Dublin Core has no element for.</summary>
    private static string? Description(Document document)
    {
        if (document.Addressees.Count == 0)
            return null;
        static string Names(IReadOnlyList<PersonRef> people)
            => people.Count == 1 ? people[0].Name : $"{string.Join(", ", people.Take(people.Count - 1).Select(p => p.Name))} and {people[^1].Name}";
        var from = document.Authors.Count == 0 ? "" : " from " + Names(document.Authors);
        var copies = document.CopiesTo.Count == 0 ? "" : ", copy to " + Names(document.CopiesTo);
        var kind = DocumentKinds.Name(document.Kind);
        return $"{char.ToUpperInvariant(kind[0])}{kind[1..]}{from} to {Names(document.Addressees)}{copies}";
    }

    /// <summary>The date of writing in the Extended Date/Time Format (ISO 8601-2): "?" where the source doubts it, "~" where it gives it as about right, an interval where only bounds are known.</summary>
    public static string? Edtf(DateSpan written)
    {
        ArgumentNullException.ThrowIfNull(written);
        var qualifier = written.Certainty switch
        {
            DateCertainty.Uncertain => "?",
            DateCertainty.Approximate => "~",
            _ => "",
        };
        // In an interval each known end carries the doubt; an open end is "..".
        string End(string? date) => date is null ? ".." : date + qualifier;
        return written.Date is { } date ? date + qualifier
            : written.NotBefore is null && written.NotAfter is null ? null
            : $"{End(written.NotBefore)}/{End(written.NotAfter)}";
    }

    private static XElement Element(string name, string value) => new(Dc + name, value);
}
