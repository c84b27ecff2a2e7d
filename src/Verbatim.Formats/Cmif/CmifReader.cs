using System.Xml;
using System.Xml.Linq;
using Verbatim.Formats.Common;
using Verbatim.Formats.Tei;
using Verbatim.Model;
using Verbatim.Reading;

namespace Verbatim.Formats.Cmif;

/// <summary>
/// Reads a CMIF file (the Correspondence Metadata Interchange Format, a TEI header listing
/// letters): every &lt;correspDesc&gt; is one letter record, with its sender, addressees, date and
/// place, and the edition it is described in, but no text.
/// </summary>
/// <remarks>
/// Real CMIF files stray from the schema (fields out of order, a "forwarded" action, attributes it
/// does not know), and none of that hides who wrote to whom: the reader takes what it can name and
/// warns, located, where a letter lacks its sender or its date. A letter it cannot read at all is a
/// located warning on the first letter of the file; the other letters are still read.
/// </remarks>
public sealed class CmifReader : IDocumentReader, IReadsDeclaredEncoding
{
    public const string FormatName = "cmif";

    // A CMIF file's first letter follows a short header; a TEI letter's correspDesc does too, so
    // the window must reach past the header to tell them apart, and no further.
    private const int DetectWindow = 16384;

    private static readonly XNamespace Tei = TeiReader.Namespace;
    private static readonly XNamespace Xml = "http://www.w3.org/XML/1998/namespace";

    public string Format => FormatName;

    /// <summary>
    /// A TEI document whose header lists letters: a correspDesc pointing at a bibl of the file
    /// (@source="#..."), or more than one correspDesc. A TEI letter describes itself with one
    /// correspDesc and no @source.
    /// </summary>
    public double Detect(SourceInput input)
    {
        if (input.Text is null)
            return 0;
        var head = input.Text.AsSpan(0, Math.Min(input.Text.Length, DetectWindow));
        if (!head.Contains(TeiReader.Namespace, StringComparison.Ordinal))
            return 0;
        var first = head.IndexOf("<correspDesc", StringComparison.Ordinal);
        if (first < 0)
            return 0;
        var rest = head[(first + 1)..];
        var end = rest.IndexOf('>');
        var startTag = end < 0 ? rest : rest[..end];
        return startTag.Contains("source=\"#", StringComparison.Ordinal) || rest.Contains("<correspDesc", StringComparison.Ordinal)
            ? 0.95
            : 0;
    }

    public ReadResult Read(SourceInput input)
    {
        if (input.Text is { } text && NestingDepth.Check(text, input.FileName, html: false) is { } tooDeep)
            return ReadResult.Failed(tooDeep);
        XDocument xml;
        using (var reader = XmlInput.Open(input))
        {
            try
            {
                xml = XDocument.Load(reader, LoadOptions.SetLineInfo);
            }
            catch (XmlException exception)
            {
                return ReadResult.Failed(XmlInput.Malformed(exception, input.FileName));
            }
        }
        var root = xml.Root!;
        if (root.Name != Tei + "TEI")
            return ReadResult.Failed(new Diagnostic($"not a CMIF file: the root is <{root.Name.LocalName}> in namespace '{root.Name.NamespaceName}'", input.FileName, LineOf(root)));

        var file = FileFacts.Of(root);
        var letters = root.Descendants(Tei + "correspDesc").ToList();
        if (letters.Count == 0)
            return ReadResult.Failed(new Diagnostic("a CMIF file lists letters in <correspDesc>; this one has none", input.FileName, LineOf(root)));

        var documents = new List<Document>(letters.Count);
        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var letter in letters)
        {
            var document = Letter(input.FileName, file, letter);
            // Two letters of one file with the same people and day are told apart by their place in the file.
            var count = seen[document.Id] = seen.GetValueOrDefault(document.Id) + 1;
            if (count > 1)
                document = document with { Id = $"{document.Id}-{DocumentIds.Slug(letter.Attribute("key")?.Value ?? count.ToString(System.Globalization.CultureInfo.InvariantCulture))}" };
            documents.Add(document);
        }
        return new ReadResult(documents, []);
    }

    private static Document Letter(string fileName, FileFacts file, XElement letter)
    {
        var line = LineOf(letter);
        var warnings = new List<Diagnostic>();
        void Warn(string message, XElement at) => warnings.Add(new Diagnostic(message, fileName, LineOf(at)));

        var actions = letter.Elements(Tei + "correspAction").ToList();
        var sent = actions.FirstOrDefault(a => a.Attribute("type")?.Value == "sent");
        var received = actions.Where(a => a.Attribute("type")?.Value == "received").ToList();
        if (sent is null)
            Warn("<correspDesc> has no <correspAction type=\"sent\">: sender and date are not stated", letter);
        if (received.Count == 0)
            Warn("<correspDesc> has no <correspAction type=\"received\">: the addressee is not stated", letter);

        var authors = sent is null ? [] : People(sent);
        var addressees = received.SelectMany(People).ToList();
        var copies = actions.Where(a => a.Attribute("type")?.Value is not ("sent" or "received"))
            .SelectMany(a => People(a).Select(p => p with { Role = a.Attribute("type")?.Value }))
            .ToList();
        var written = sent is null ? null : Written(sent, Warn);

        var title = $"{Names(authors, "unknown")} to {Names(addressees, "unknown")}";
        var bibl = file.Bibl(letter.Attribute("source")?.Value);
        var header = new List<HeaderField> { new("file", file.Title ?? fileName) };
        foreach (var attribute in letter.Attributes())
            header.Add(new HeaderField("correspDesc/@" + attribute.Name.LocalName, attribute.Value));
        foreach (var action in actions)
            header.Add(new HeaderField(action.Attribute("type")?.Value ?? "correspAction", Describe(action)));

        return new Document
        {
            Id = DocumentIds.For(authors, written?.Date ?? written?.NotBefore, addressees, title),
            Title = title,
            Kind = DocumentKind.Letter,
            Authors = authors,
            Addressees = addressees,
            CopiesTo = copies,
            Written = written,
            Source = bibl is null && file.Title is null
                ? null
                : new SourceEdition
                {
                    Collection = file.Title,
                    Publisher = file.Publisher,
                    Url = letter.Attribute("ref")?.Value,
                    Text = Whitespace.CollapseToLine(bibl ?? file.Title!).Trim(),
                },
            Rights = file.Licence,
            Header = header,
            Origin = new SourceInfo(FormatName, fileName, line, EndLineOf(letter)),
            Warnings = warnings,
        };
    }

    private static List<PersonRef> People(XElement action)
        => [.. action.Elements()
            .Where(e => e.Name == Tei + "persName" || e.Name == Tei + "orgName")
            .Select(e =>
            {
                var text = Whitespace.CollapseToLine(e.Value).Trim();
                var natural = TeiReader.NaturalOrder(text);
                return new PersonRef(natural, e.Name.LocalName == "orgName" ? "organisation" : null, e.Attribute("ref")?.Value, natural == text ? null : text);
            })
            .Where(p => p.Name.Length > 0)];

    private static DateSpan? Written(XElement sent, Action<string, XElement> warn)
    {
        var date = sent.Element(Tei + "date");
        var place = sent.Element(Tei + "placeName");
        if (date is null && place is null)
            return null;
        string? Attribute(string name) => date?.Attribute(name)?.Value is { Length: > 0 } value ? value : null;
        var when = Attribute("when");
        var notBefore = Attribute("notBefore") ?? Attribute("from");
        var notAfter = Attribute("notAfter") ?? Attribute("to");
        foreach (var value in new[] { when, notBefore, notAfter })
        {
            if (value is not null && !XmlInput.IsoDate().IsMatch(value))
                warn($"date '{value}' is not an ISO date (YYYY, YYYY-MM or YYYY-MM-DD)", date!);
        }
        var basis = when ?? notBefore ?? notAfter;
        var placeText = place is null ? null : Whitespace.CollapseToLine(place.Value).Trim();
        var dateText = date is null ? null : Whitespace.CollapseToLine(date.Value).Trim() is { Length: > 0 } words ? words : null;
        var (certainty, uncertainPart) = DateDoubt.Of(dateText, Attribute("cert"), Attribute("precision"));
        return new DateSpan
        {
            Date = when,
            NotBefore = notBefore,
            NotAfter = notAfter,
            Precision = XmlInput.PrecisionOf(basis),
            Mode = "written",
            Place = placeText is { Length: > 0 } ? placeText : null,
            PlaceRef = place?.Attribute("ref")?.Value,
            Evidence = date?.Attribute("evidence")?.Value ?? date?.Attribute("cert")?.Value,
            Certainty = certainty,
            UncertainPart = uncertainPart,
            From = "correspDesc",
            Text = dateText,
        };
    }

    private static string Names(IReadOnlyList<PersonRef> people, string none)
        => people.Count == 0 ? none : string.Join(" and ", people.Select(p => p.Name));

    private static string Describe(XElement action)
        => string.Join("; ", action.Elements().Select(e =>
        {
            var text = Whitespace.CollapseToLine(e.Value).Trim();
            var attributes = string.Join(" ", e.Attributes().Select(a => $"{a.Name.LocalName}={a.Value}"));
            return attributes.Length == 0 ? $"{e.Name.LocalName}: {text}" : $"{e.Name.LocalName}: {text} ({attributes})".Replace(":  (", ": (", StringComparison.Ordinal);
        }));

    private static int? LineOf(XObject node) => node is IXmlLineInfo info && info.HasLineInfo() ? info.LineNumber : null;

    private static int? EndLineOf(XElement element)
        => element.DescendantNodes().LastOrDefault() is { } last ? LineOf(last) : LineOf(element);

    /// <summary>What the file's own header says of all its letters.</summary>
    private sealed record FileFacts(string? Title, string? Publisher, string? Licence, IReadOnlyDictionary<string, string> Bibls)
    {
        public static FileFacts Of(XElement root)
        {
            var fileDesc = root.Element(Tei + "teiHeader")?.Element(Tei + "fileDesc");
            var title = fileDesc?.Element(Tei + "titleStmt")?.Element(Tei + "title")?.Value;
            var publication = fileDesc?.Element(Tei + "publicationStmt");
            var publisher = publication?.Element(Tei + "publisher")?.Value;
            var licence = publication?.Descendants(Tei + "licence").FirstOrDefault();
            var bibls = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (var bibl in fileDesc?.Element(Tei + "sourceDesc")?.Elements(Tei + "bibl") ?? [])
            {
                if (bibl.Attribute(Xml + "id")?.Value is { } id)
                    bibls.TryAdd(id, bibl.Value);
            }
            return new FileFacts(
                Clean(title),
                Clean(publisher),
                licence?.Attribute("target")?.Value ?? Clean(licence?.Value),
                bibls);
        }

        /// <summary>The bibl a letter's @source ("#id") points at; the file's only bibl where it points at none.</summary>
        public string? Bibl(string? source)
        {
            if (source is { Length: > 1 } && source[0] == '#' && Bibls.TryGetValue(source[1..], out var text))
                return text;
            return Bibls.Count == 1 ? Bibls.Values.First() : null;
        }

        private static string? Clean(string? text) => text is null ? null : Whitespace.CollapseToLine(text).Trim() is { Length: > 0 } clean ? clean : null;
    }
}
