using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Xml;
using System.Xml.Linq;
using Verbatim.Formats.Common;
using Verbatim.Formats.Tei;
using Verbatim.Model;

namespace Verbatim.Formats.Cmif;

/// <summary>What a CMIF file says of itself: who made the list, where it is published, under which licence.</summary>
/// <param name="Url">Where the file itself can be fetched (CMIF's publicationStmt/idno type="url").</param>
public sealed record CmifFile(string Title, string Editor, string Publisher, string Url, DateTimeOffset Date)
{
    public string? EditorEmail { get; init; }
    public string Licence { get; init; } = "https://creativecommons.org/licenses/by/4.0/";

    /// <summary>The edition a letter without a source edition is described in: the archive itself.</summary>
    public string ArchiveBibl { get; init; } = "Verbatim archive";
}

/// <summary>The letters written as CMIF 1.0, valid against the CMIF RELAX NG schema and its Schematron rules.</summary>
/// <remarks>
/// CMIF describes a letter by a sender and at least one addressee; a document without either is
/// not written and is counted in <see cref="CmifExport.Skipped"/>. CMIF has no action for a copy,
/// so copies are not written. Each source edition is one &lt;bibl&gt;, its xml:id a UUID made from
/// its text, so the same archive gives the same file.
/// </remarks>
public static class CmifWriter
{
    private static readonly XNamespace Tei = TeiReader.Namespace;
    private static readonly XNamespace Xml = "http://www.w3.org/XML/1998/namespace";

    public static CmifExport Build(CmifFile file, IEnumerable<Document> documents)
    {
        var bibls = new Dictionary<string, string>(StringComparer.Ordinal);
        var letters = new List<XElement>();
        var skipped = new List<string>();
        foreach (var document in documents)
        {
            if (document.Authors.Count == 0 || document.Addressees.Count == 0)
            {
                skipped.Add(document.Id);
                continue;
            }
            var biblText = document.Source?.Text is { Length: > 0 } text ? text : file.ArchiveBibl;
            if (!bibls.TryGetValue(biblText, out var biblId))
                bibls[biblText] = biblId = UuidOf(biblText);
            letters.Add(Letter(document, biblId));
        }

        var editor = new XElement(Tei + "editor", file.Editor);
        if (file.EditorEmail is { Length: > 0 } email)
            editor.Add(new XElement(Tei + "email", email));
        var header = new XElement(Tei + "teiHeader",
            new XElement(Tei + "fileDesc",
                new XElement(Tei + "titleStmt", new XElement(Tei + "title", file.Title), editor),
                // CMIF fixes this order: publisher, idno, date, availability.
                new XElement(Tei + "publicationStmt",
                    new XElement(Tei + "publisher", file.Publisher),
                    new XElement(Tei + "idno", new XAttribute("type", "url"), file.Url),
                    new XElement(Tei + "date", new XAttribute("when", file.Date.ToString("yyyy-MM-dd'T'HH:mm:ssK", CultureInfo.InvariantCulture))),
                    new XElement(Tei + "availability",
                        new XElement(Tei + "licence", new XAttribute("target", file.Licence), file.Licence))),
                new XElement(Tei + "sourceDesc",
                    bibls.Count == 0
                        ? [Bibl(file.ArchiveBibl, UuidOf(file.ArchiveBibl))]
                        : bibls.Select(b => Bibl(b.Key, b.Value)))),
            new XElement(Tei + "profileDesc", letters));
        var tei = new XElement(Tei + "TEI", header,
            new XElement(Tei + "text", new XElement(Tei + "body", new XElement(Tei + "p"))));
        return new CmifExport(new XDocument(new XDeclaration("1.0", "UTF-8", null), tei), letters.Count, skipped);
    }

    public static void Write(XDocument cmif, Stream output)
    {
        using var writer = XmlWriter.Create(output, new XmlWriterSettings { Indent = true, Encoding = new UTF8Encoding(false) });
        cmif.Save(writer);
    }

    private static XElement Bibl(string text, string id)
        => new(Tei + "bibl", new XAttribute("type", "print"), new XAttribute(Xml + "id", id), text);

    private static XElement Letter(Document document, string biblId)
    {
        var sent = new XElement(Tei + "correspAction", new XAttribute("type", "sent"), document.Authors.Select(Name));
        if (document.Written is { } written)
        {
            if (Dating(written) is { } date)
                sent.Add(date);
            if (written.Place is { Length: > 0 } place)
                sent.Add(new XElement(Tei + "placeName", Ref(written.PlaceRef), place));
        }
        var received = new XElement(Tei + "correspAction", new XAttribute("type", "received"), document.Addressees.Select(Name));
        return new XElement(Tei + "correspDesc",
            new XAttribute("n", document.Id),
            new XAttribute("source", "#" + biblId),
            sent, received);
    }

    private static XElement Name(PersonRef person)
        => new(Tei + (person.Role == "organisation" ? "orgName" : "persName"), Ref(person.Ref), person.Name);

    private static XAttribute? Ref(string? reference)
        => reference is { Length: > 0 } && Uri.TryCreate(reference, UriKind.Absolute, out _) ? new XAttribute("ref", reference) : null;

    /// <summary>A date CMIF can hold: @when, or the bounds of a range; null when the letter is undated.</summary>
    /// <remarks>
    /// A value that is not an ISO date is left out: CMIF's dating attributes take nothing else. A date
    /// the source doubts or gives as about right is cert="low", the one degree of doubt CMIF has.
    /// </remarks>
    private static XElement? Dating(DateSpan written)
    {
        var cert = written.Certainty is null ? null : new XAttribute("cert", "low");
        if (IsoDate(written.Date) is { } when)
            return new XElement(Tei + "date", new XAttribute("when", when), cert);
        var notBefore = IsoDate(written.NotBefore);
        var notAfter = IsoDate(written.NotAfter);
        if (notBefore is null && notAfter is null)
            return null;
        var date = new XElement(Tei + "date", cert);
        if (notBefore is not null)
            date.Add(new XAttribute("notBefore", notBefore));
        if (notAfter is not null)
            date.Add(new XAttribute("notAfter", notAfter));
        return date;
    }

    private static string? IsoDate(string? value)
        => value is not null && XmlInput.IsoDate().IsMatch(value) ? value : null;

    private static string UuidOf(string text)
    {
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(text));
        // Marked as a name-based UUID (version 5 layout, variant 1) so that validators take it for one.
        hash[6] = (byte)((hash[6] & 0x0F) | 0x50);
        hash[8] = (byte)((hash[8] & 0x3F) | 0x80);
        var hex = Convert.ToHexStringLower(hash.AsSpan(0, 16));
        // An xml:id is an XML name, which cannot start with a digit; the UUID follows a prefix.
        return $"bibl-{hex[..8]}-{hex[8..12]}-{hex[12..16]}-{hex[16..20]}-{hex[20..32]}";
    }
}

/// <param name="Letters">How many letters were written.</param>
/// <param name="Skipped">The ids of documents that are not letters CMIF can describe (no sender or no addressee).</param>
public sealed record CmifExport(XDocument Xml, int Letters, IReadOnlyList<string> Skipped);
