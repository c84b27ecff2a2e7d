using System.Text.RegularExpressions;
using System.Xml;
using System.Xml.Linq;
using Verbatim.Formats.Common;
using Verbatim.Model;
using Verbatim.Reading;

namespace Verbatim.Formats.Tei;

/// <summary>
/// Reads a TEI P5 letter (as the Arthur Schnitzler correspondence edition encodes them): who wrote
/// to whom, when and where from correspDesc, the witnesses' archival identifiers, the printings,
/// the edition itself, and the text of the letter with the editors' notes taken out of it.
/// </summary>
public sealed partial class TeiReader : IDocumentReader, IReadsDeclaredEncoding
{
    public const string FormatName = "tei";
    public const string Namespace = "http://www.tei-c.org/ns/1.0";
    private const string XmlNamespace = "http://www.w3.org/XML/1998/namespace";

    // The root start tag follows the XML declaration and a few processing instructions.
    private const int DetectWindow = 4096;

    [GeneratedRegex(@"<(?:[\w.-]+:)?TEI[\s>/]")]
    private static partial Regex RootTag();

    [GeneratedRegex(@"(?<!\d)\d{4}(?!\d)")]
    private static partial Regex Years();

    public string Format => FormatName;

    public double Detect(SourceInput input)
    {
        if (input.Text is null)
            return 0;
        var head = input.Text.AsSpan(0, Math.Min(input.Text.Length, DetectWindow));
        return RootTag().IsMatch(head) && head.Contains(Namespace, StringComparison.Ordinal) ? 0.9 : 0;
    }

    public ReadResult Read(SourceInput input)
    {
        if (input.Text is { } text && NestingDepth.Check(text, input.FileName, html: false) is { } tooDeep)
            return ReadResult.Failed(tooDeep);
        using var reader = XmlInput.Open(input);
        try
        {
            return ReadXml(input.FileName, reader);
        }
        catch (XmlException exception)
        {
            return ReadResult.Failed(XmlInput.Malformed(exception, input.FileName));
        }
    }

    /// <summary>"Mamroth, Fedor" as "Fedor Mamroth"; a name without exactly one comma as written.</summary>
    internal static string NaturalOrder(string name)
    {
        var comma = name.IndexOf(',', StringComparison.Ordinal);
        if (comma <= 0 || comma != name.LastIndexOf(',') || comma == name.Length - 1)
            return name;
        return $"{name[(comma + 1)..].Trim()} {name[..comma].Trim()}";
    }

    private static ReadResult ReadXml(string fileName, XmlReader reader)
    {
        if (reader.MoveToContent() != XmlNodeType.Element || reader.LocalName != "TEI" || reader.NamespaceURI != Namespace)
        {
            var line = (IXmlLineInfo)reader;
            var found = reader.NodeType == XmlNodeType.Element ? $"<{reader.Name}> in namespace '{reader.NamespaceURI}'" : "no element";
            return ReadResult.Failed(new Diagnostic($"not a TEI P5 document: the root is {found}", fileName,
                line.HasLineInfo() ? line.LineNumber : null, line.HasLineInfo() ? line.LinePosition : null));
        }

        var xmlId = reader.GetAttribute("id", XmlNamespace);
        TeiHeader? header = null;
        XElement? body = null;
        XElement? back = null;
        var top = reader.Depth;
        if (!reader.IsEmptyElement)
        {
            reader.Read();
            while (!reader.EOF && !(reader.NodeType == XmlNodeType.EndElement && reader.Depth == top))
            {
                if (reader.NodeType != XmlNodeType.Element)
                {
                    reader.Read();
                    continue;
                }
                switch (reader.LocalName)
                {
                    case "teiHeader" when header is null:
                        header = TeiHeaderReader.Read(reader);
                        reader.Read();
                        break;
                    case "text" when body is null:
                        (body, back) = ReadText(reader);
                        break;
                    default:
                        reader.Skip();
                        break;
                }
            }
        }
        // What follows the letter is not read, but a file broken there is still a broken file.
        while (reader.Read())
        {
        }

        var document = Build(fileName, xmlId, header, body);
        return ReadResult.Of(body is null ? document : document with { Mentions = TeiMentions.Read(body, back) });
    }

    /// <summary>From &lt;text&gt; to past its end; only &lt;body&gt; and &lt;back&gt; (its indexes of names) are loaded.</summary>
    private static (XElement? Body, XElement? Back) ReadText(XmlReader reader)
    {
        XElement? body = null;
        XElement? back = null;
        if (reader.IsEmptyElement)
        {
            reader.Read();
            return (null, null);
        }
        var depth = reader.Depth;
        reader.Read();
        while (!reader.EOF && !(reader.NodeType == XmlNodeType.EndElement && reader.Depth == depth))
        {
            if (reader.NodeType == XmlNodeType.Element && reader.LocalName == "body" && body is null)
            {
                using (var subtree = reader.ReadSubtree())
                    body = XElement.Load(subtree, LoadOptions.SetLineInfo);
                reader.Read();
            }
            else if (reader.NodeType == XmlNodeType.Element && reader.LocalName == "back" && back is null)
            {
                using (var subtree = reader.ReadSubtree())
                    back = XElement.Load(subtree);
                reader.Read();
            }
            else if (reader.NodeType == XmlNodeType.Element)
                reader.Skip();
            else
                reader.Read();
        }
        reader.Read();
        return (body, back);
    }

    private static Document Build(string fileName, string? xmlId, TeiHeader? header, XElement? body)
    {
        var warnings = new List<Diagnostic>();
        void Warn(string message) => warnings.Add(new Diagnostic(message, fileName));

        if (header is null)
        {
            Warn("no <teiHeader>: nothing is known of the letter but its text");
            header = new TeiHeader();
        }
        warnings.AddRange(header.Warnings.Select(w => new Diagnostic(w, fileName)));

        var sent = header.Actions.FirstOrDefault(a => a.Type == "sent");
        if (!header.HasCorrespDesc)
            Warn("no <correspDesc>: sender, addressee and date of sending are not stated");
        else if (sent is null)
            Warn("<correspDesc> has no <correspAction type=\"sent\">: the date of writing is not stated");

        var authors = Authors(header, sent, Warn);
        var addressees = header.Actions.Where(a => a.Type == "received").SelectMany(a => a.People).Select(Person).ToList();
        var written = Written(sent, Warn);

        var title = header.Title ?? header.OtherTitle ?? header.SeriesTitle;
        if (header.Title is null)
            Warn("no <title level=\"a\"> in <titleStmt>");
        title ??= Path.GetFileNameWithoutExtension(fileName);

        // Letters by the same people on the same day are told apart by the edition's own key. Where
        // only a range is known, its first day names the letter; the written field holds the range.
        var id = DocumentIds.For(authors, written?.Date ?? written?.NotBefore, addressees, title);
        if (!string.IsNullOrWhiteSpace(xmlId))
            id += "-" + DocumentIds.Slug(xmlId);
        else
            Warn("the <TEI> element has no xml:id: the document id may not be unique");

        var (blocks, notes, links, bodyWarnings) = body is null
            ? ([], [], [], [])
            : TeiBodyReader.Read(body, fileName);
        if (body is null)
            Warn("no <text><body>: the letter has no text");
        warnings.AddRange(bodyWarnings);

        return new Document
        {
            Id = id,
            Title = title,
            Kind = KindOf(header),
            Language = header.Language,
            Authors = authors,
            Addressees = addressees,
            Written = written,
            Published = header.Published,
            Source = Edition(header),
            Transcribers = header.Transcribers,
            Rights = header.Licence,
            ArchivalRefs = header.Witnesses.Select(w => Archival(w, authors)).OfType<ArchivalRef>().ToList(),
            Body = blocks,
            Notes = notes,
            Links = links,
            Header = header.Fields,
            Origin = new SourceInfo(FormatName, fileName),
            Warnings = warnings,
        };
    }

    private static PersonRef Person(TeiName name)
    {
        var natural = NaturalOrder(name.Text);
        return new PersonRef(natural, Ref: name.Ref, Text: natural == name.Text ? null : name.Text);
    }

    private static List<PersonRef> Authors(TeiHeader header, TeiCorrespAction? sent, Action<string> warn)
    {
        if (header.Authors.Count == 0)
            return sent?.People.Select(Person).ToList() ?? [];
        var authors = new List<PersonRef>();
        foreach (var author in header.Authors)
        {
            if (author.Text.Length > 0)
            {
                authors.Add(Person(author));
                continue;
            }
            // An author given by key only: the sender with that key names the person.
            var named = sent?.People.FirstOrDefault(p => p.Ref == author.Ref && p.Text.Length > 0);
            if (named is not null)
            {
                warn($"<author ref=\"{author.Ref}\"> has no name; named from <correspAction type=\"sent\">");
                authors.Add(Person(named));
            }
            else
            {
                warn($"<author> without a name{(author.Ref is null ? "" : $" (ref {author.Ref})")}");
                authors.Add(new PersonRef(author.Ref ?? "unknown", Ref: author.Ref));
            }
        }
        return authors;
    }

    private static DateSpan? Written(TeiCorrespAction? sent, Action<string> warn)
    {
        if (sent is null)
            return null;
        var date = sent.Dates.FirstOrDefault();
        var place = sent.Places.FirstOrDefault();
        if (date is null && place is null)
            return null;

        // A letter written over several days (from/to) was begun not before its first day and
        // finished not after its last: the bounds are the same, and the header keeps which was said.
        var notBefore = date?.NotBefore ?? date?.From;
        var notAfter = date?.NotAfter ?? date?.To;
        foreach (var value in new[] { date?.When, notBefore, notAfter })
        {
            if (value is not null && !XmlInput.IsoDate().IsMatch(value))
                warn($"date '{value}' in <correspAction type=\"sent\"> is not an ISO date (YYYY, YYYY-MM or YYYY-MM-DD)");
        }
        // The attributes are the edition's normalised reading of the date's words; where the words
        // name years and an attribute's year is not among them, one of the two is wrong.
        var textYears = date is null ? [] : Years().Matches(date.Text).Select(m => m.Value).ToHashSet();
        foreach (var value in new[] { date?.When, notBefore, notAfter })
        {
            if (textYears.Count > 0 && value is { Length: >= 4 } && !textYears.Contains(value[..4]))
                warn($"date of sending: '{value}' but its text says \"{date!.Text}\"");
        }
        var basis = date?.When ?? notBefore ?? notAfter;
        var (certainty, uncertainPart) = DateDoubt.Of(date?.Text, date?.Cert, date?.Precision);
        return new DateSpan
        {
            Date = date?.When,
            NotBefore = notBefore,
            NotAfter = notAfter,
            Precision = XmlInput.PrecisionOf(basis),
            Mode = "written",
            Place = place?.Text is { Length: > 0 } placeText ? placeText : null,
            PlaceRef = place?.Ref,
            Evidence = date?.Evidence,
            Certainty = certainty,
            UncertainPart = uncertainPart,
            From = "correspDesc",
            Text = date?.Text is { Length: > 0 } text ? text : null,
        };
    }

    // The first witness is the one the edition transcribes; its object type says what was sent.
    private static DocumentKind KindOf(TeiHeader header)
    {
        var type = header.Witnesses.Select(w => w.ObjectType).FirstOrDefault(t => t is not null)?.ToLowerInvariant();
        return type switch
        {
            null => header.HasCorrespDesc ? DocumentKind.Letter : DocumentKind.Other,
            _ when type.Contains("telegram", StringComparison.Ordinal) => DocumentKind.Telegram,
            _ when type.Contains("brief", StringComparison.Ordinal) || type.Contains("karte", StringComparison.Ordinal)
                || type.Contains("letter", StringComparison.Ordinal) || type.Contains("card", StringComparison.Ordinal) => DocumentKind.Letter,
            _ => DocumentKind.Other,
        };
    }

    private static ArchivalRef? Archival(TeiWitness witness, IReadOnlyList<PersonRef> authors)
    {
        if (witness.Identifier.Count == 0)
            return null;
        var numbers = witness.Identifier.Where(p => p.Name == "idno").Select(p => p.Value).ToList();
        return new ArchivalRef
        {
            Country = witness.Part("country"),
            Settlement = witness.Part("settlement"),
            Repository = witness.Part("repository"),
            Idno = numbers.Count == 0 ? null : string.Join("; ", numbers),
            Form = FormOf(witness, authors),
            Text = witness.IdentifierText(),
        };
    }

    /// <summary>
    /// What the witness is. A copy is a copy whatever made it; a typed letter signed by hand is a
    /// typescript; only then does the hand decide.
    /// </summary>
    /// <remarks>
    /// Autograph claims the author's own hand. The edition names a hand's writer (handNote/@corresp)
    /// only now and then; where it names one of the letter's authors the claim is the edition's.
    /// An unnamed hand may be a secretary's, a relative's or a telegraph clerk's, so a letter in it
    /// is a manuscript, and no more is claimed.
    /// </remarks>
    private static ArchivalForm? FormOf(TeiWitness witness, IReadOnlyList<PersonRef> authors)
    {
        var form = witness.ObjectForm?.ToLowerInvariant() ?? "";
        if (form.Contains("abschrift", StringComparison.Ordinal) || form.Contains("kopie", StringComparison.Ordinal)
            || form.Contains("durchschlag", StringComparison.Ordinal) || form.Contains("copy", StringComparison.Ordinal))
            return ArchivalForm.Copy;
        if (witness.TypeMedia.Any(m => m is "druck"))
            return ArchivalForm.Printed;
        if (witness.TypeMedia.Any(m => m is "schreibmaschine" or "maschinell"))
            return ArchivalForm.Typescript;
        if (witness.Hands.Count == 0)
            return null;
        var authorRefs = authors.Select(a => a.Ref).OfType<string>().ToHashSet();
        var byAuthor = witness.Hands.Any(h => h.Corresp?.Split(' ', StringSplitOptions.RemoveEmptyEntries).Any(authorRefs.Contains) == true);
        return byAuthor ? ArchivalForm.Autograph : ArchivalForm.Manuscript;
    }

    private static SourceEdition? Edition(TeiHeader header)
    {
        if (header.SeriesTitle is null && header.Publisher is null && header.Handle is null)
            return null;
        var imprint = string.Join(" ", new[] { header.PubPlace, header.PubDate }.Where(s => !string.IsNullOrEmpty(s)));
        var publisher = string.Join(", ", new[] { header.Publisher, imprint }.Where(s => !string.IsNullOrEmpty(s)));
        return new SourceEdition
        {
            Collection = header.SeriesTitle,
            Publisher = header.Publisher,
            Place = header.PubPlace,
            Year = TeiBibl.YearOf(header.PubDate),
            Date = header.PubDate is { Length: 10 } day && XmlInput.IsoDate().IsMatch(day) ? day : null,
            Url = header.Handle,
            Text = string.Join(". ", new[] { header.SeriesTitle, publisher, header.Handle }.Where(s => !string.IsNullOrEmpty(s))),
        };
    }
}
