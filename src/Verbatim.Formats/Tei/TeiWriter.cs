using System.Globalization;
using System.Xml;
using System.Xml.Linq;
using Verbatim.Model;

namespace Verbatim.Formats.Tei;

/// <summary>
/// A document as a TEI P5 file, valid against tei_all: the header carries every field Verbatim
/// has (title, authors and their roles, translators and transcribers, the source edition with
/// its volume and pages, the archival shelfmarks and the form of each witness, the publication
/// history, rights, language, and the correspondence: sender, addressees, copies, place and date
/// with its certainty), and the body its blocks, with footnotes as notes at their anchors.
/// </summary>
/// <remarks>
/// The body keeps a letter's frame as TEI does: the blocks before the first paragraph that open
/// a letter (a letterhead, an address, a dateline, a salutation) in &lt;opener&gt;, those after
/// the last that close it (a closing, a signature, a dateline, an address) in &lt;closer&gt;.
/// A block of a kind TEI has no place for between them is an &lt;ab&gt; typed by its kind, which
/// the TEI reader reads back as that kind. A line break in a block is &lt;lb/&gt;.
/// </remarks>
public static class TeiWriter
{
    public static readonly XNamespace Tei = "http://www.tei-c.org/ns/1.0";
    private static readonly XNamespace Xml = XNamespace.Xml;

    private static readonly BlockType[] Openers = [BlockType.Heading, BlockType.Address, BlockType.Dateline, BlockType.Salutation];
    private static readonly BlockType[] Closers = [BlockType.Closing, BlockType.Signature, BlockType.Dateline, BlockType.Address];

    /// <summary>The document's TEI, as UTF-8 bytes with an XML declaration.</summary>
    public static byte[] ToBytes(Document document)
    {
        using var stream = new MemoryStream();
        using (var writer = XmlWriter.Create(stream, new XmlWriterSettings { Indent = true, Encoding = new System.Text.UTF8Encoding(false) }))
            Write(document).Save(writer);
        return stream.ToArray();
    }

    public static XDocument Write(Document document)
    {
        ArgumentNullException.ThrowIfNull(document);
        var tei = new XElement(Tei + "TEI",
            document.Language is { Length: > 0 } language ? new XAttribute(Xml + "lang", language) : null,
            Header(document),
            new XElement(Tei + "text", Body(document), Back(document)));
        return new XDocument(new XDeclaration("1.0", "UTF-8", null), tei);
    }

    private static XElement Header(Document document) => new(Tei + "teiHeader",
        new XElement(Tei + "fileDesc",
            new XElement(Tei + "titleStmt",
                new XElement(Tei + "title", new XAttribute("level", "a"), document.Title),
                document.Authors.Select(a => new XElement(Tei + "author", Ref(a.Ref), a.Name)),
                document.Translators.Select(t => Responsibility("translation", t)),
                document.Transcribers.Select(t => Responsibility("transcription", t))),
            new XElement(Tei + "publicationStmt",
                new XElement(Tei + "publisher", "Verbatim"),
                new XElement(Tei + "idno", new XAttribute("type", "verbatim"), document.Id),
                document.Rights is { Length: > 0 } rights
                    ? new XElement(Tei + "availability", new XElement(Tei + "licence", Uri.IsWellFormedUriString(rights, UriKind.Absolute) ? new XAttribute("target", rights) : null, rights))
                    : null),
            SourceDesc(document)),
        ProfileDesc(document));

    private static XElement Responsibility(string what, string name) => new(Tei + "respStmt", new XElement(Tei + "resp", what), new XElement(Tei + "persName", name));

    private static XAttribute? Ref(string? reference) => reference is { Length: > 0 } && Uri.IsWellFormedUriString(reference, UriKind.RelativeOrAbsolute) ? new XAttribute("ref", reference) : null;

    private static XElement SourceDesc(Document document)
    {
        var parts = new List<object>();
        if (document.Source is { } source)
        {
            parts.Add(new XElement(Tei + "bibl", new XAttribute("type", "source-edition"),
                source.Collection is { } collection ? new XElement(Tei + "title", collection) : null,
                source.Publisher is { } publisher ? new XElement(Tei + "publisher", publisher) : null,
                source.Place is { } place ? new XElement(Tei + "pubPlace", place) : null,
                source.Date is { } date ? new XElement(Tei + "date", new XAttribute("when", date), date)
                    : source.Year is { } year ? new XElement(Tei + "date", new XAttribute("when", year.ToString("D4", CultureInfo.InvariantCulture)), year.ToString(CultureInfo.InvariantCulture)) : null,
                source.Volume is { } volume ? new XElement(Tei + "biblScope", new XAttribute("unit", "volume"), volume) : null,
                source.Issue is { } issue ? new XElement(Tei + "biblScope", new XAttribute("unit", "issue"), issue) : null,
                source.Pages is { } pages ? new XElement(Tei + "biblScope", new XAttribute("unit", "page"), pages) : null,
                source.Url is { } url && Uri.IsWellFormedUriString(url, UriKind.Absolute) ? new XElement(Tei + "ref", new XAttribute("target", url), url) : null,
                new XElement(Tei + "note", new XAttribute("type", "as-printed"), source.Text)));
        }
        if (document.Published.Count > 0 || document.PrintedFrom is not null)
        {
            parts.Add(new XElement(Tei + "listBibl", new XAttribute("type", "publication-history"),
                document.Published.Select(p => new XElement(Tei + "bibl",
                    new XAttribute("type", p.First ? "first-publication" : "publication"),
                    p.Extent == PublicationExtent.Part ? new XAttribute("subtype", "in-part") : null,
                    p.Year is { } year ? new XElement(Tei + "date", new XAttribute("when", year.ToString("D4", CultureInfo.InvariantCulture)), year.ToString(CultureInfo.InvariantCulture)) : null,
                    p.In is { } title ? new XElement(Tei + "title", title) : null,
                    new XElement(Tei + "note", new XAttribute("type", "as-printed"), p.Text))),
                document.PrintedFrom is { } from ? new XElement(Tei + "bibl", new XAttribute("type", "printed-from"), from) : null));
        }
        parts.AddRange(document.ArchivalRefs.Select(Witness));
        if (parts.Count == 0)
            parts.Add(new XElement(Tei + "p", "The source states no edition and no original."));
        return new XElement(Tei + "sourceDesc", parts);
    }

    private static XElement Witness(ArchivalRef archival)
    {
        var shelfmark = new[] { ("fond", archival.Fond), ("opis", archival.Opis), ("delo", archival.Delo), ("issue", archival.Issue), ("folios", archival.Folios) }
            .Where(p => p.Item2 is { Length: > 0 }).ToList();
        var identifier = new XElement(Tei + "msIdentifier",
            archival.Country is { } country ? new XElement(Tei + "country", country) : null,
            archival.Settlement is { } settlement ? new XElement(Tei + "settlement", settlement) : null,
            archival.Repository is { } repository ? new XElement(Tei + "repository", repository) : null,
            archival.Idno is { } idno ? new XElement(Tei + "idno", idno) : null,
            shelfmark.Select(p => new XElement(Tei + "altIdentifier", new XAttribute("type", p.Item1), new XElement(Tei + "idno", p.Item2))),
            archival.Repository is null && archival.Idno is null && shelfmark.Count == 0 ? new XElement(Tei + "idno", new XAttribute("type", "as-printed"), archival.Text) : null);
        return new XElement(Tei + "msDesc",
            identifier,
            archival.Form is { } form
                ? new XElement(Tei + "physDesc", new XElement(Tei + "objectDesc", new XAttribute("form", form.ToString().ToLowerInvariant()), new XElement(Tei + "p", archival.Text)))
                : new XElement(Tei + "p", archival.Text));
    }

    private static XElement? ProfileDesc(Document document)
    {
        var language = document.Language is { Length: > 0 } tag
            ? new XElement(Tei + "langUsage", new XElement(Tei + "language", new XAttribute("ident", tag), tag))
            : null;
        var written = document.Written;
        var hasCorrespondence = document.Authors.Count + document.Addressees.Count + document.CopiesTo.Count > 0 || written is not null;
        var correspondence = hasCorrespondence
            ? new XElement(Tei + "correspDesc",
                new XElement(Tei + "correspAction", new XAttribute("type", "sent"),
                    document.Authors.Select(Person),
                    written?.Place is { } place ? new XElement(Tei + "placeName", Ref(written.PlaceRef), place) : null,
                    written is null ? null : Date(written)),
                document.Addressees.Count > 0 ? new XElement(Tei + "correspAction", new XAttribute("type", "received"), document.Addressees.Select(Person)) : null,
                document.CopiesTo.Count > 0 ? new XElement(Tei + "correspAction", new XAttribute("type", "received"), new XAttribute("subtype", "copy"), document.CopiesTo.Select(Person)) : null)
            : null;
        return language is null && correspondence is null ? null : new XElement(Tei + "profileDesc", language, correspondence);
    }

    private static XElement Person(PersonRef person) => new(Tei + "persName", Ref(person.Ref), person.Role is { } role ? new XAttribute("role", role) : null, person.Name);

    private static XElement? Date(DateSpan written)
    {
        if (written.Date is null && written.NotBefore is null && written.NotAfter is null && written.Text is null)
            return null;
        return new XElement(Tei + "date",
            written.Date is { } when ? new XAttribute("when", when) : null,
            written.NotBefore is { } notBefore ? new XAttribute("notBefore", notBefore) : null,
            written.NotAfter is { } notAfter ? new XAttribute("notAfter", notAfter) : null,
            written.Certainty == DateCertainty.Uncertain ? new XAttribute("cert", "low") : null,
            written.Certainty == DateCertainty.Approximate ? new XAttribute("precision", "low") : null,
            written.Evidence is { } evidence ? new XAttribute("evidence", evidence) : null,
            written.Text ?? written.Date ?? $"{written.NotBefore}–{written.NotAfter}");
    }

    private static XElement Body(Document document)
    {
        var marks = new Marks(NotesByOffset(document), KnownNames(document));
        var blocks = document.Body;
        var first = 0;
        while (first < blocks.Count && Openers.Contains(blocks[first].Type))
            first++;
        var last = blocks.Count;
        while (last > first && Closers.Contains(blocks[last - 1].Type))
            last--;
        var body = new XElement(Tei + "body");
        if (first > 0)
            body.Add(new XElement(Tei + "opener", blocks.Take(first).Select(b => Framed(b, marks, closing: false))));
        body.Add(blocks.Skip(first).Take(last - first).Select(b => Middle(b, marks)));
        // TEI wants something between a letter's frame: a letter of frame only has an empty block there.
        if (first == last)
            body.Add(new XElement(Tei + "ab"));
        if (last < blocks.Count)
            body.Add(new XElement(Tei + "closer", blocks.Skip(last).Select(b => Framed(b, marks, closing: true))));
        return body;
    }

    private static XElement Framed(Block block, Marks marks, bool closing) => block.Type switch
    {
        // No name is marked in a letterhead or an address: the TEI reader reads a name element
        // there as a field of its own, apart from the words around it.
        BlockType.Heading => new XElement(Tei + "seg", new XAttribute("type", "letterhead"), Content(block, marks with { Names = [] })),
        BlockType.Address => new XElement(Tei + "address", Lines(block).Select(line => new XElement(Tei + "addrLine", Content(line, marks with { Names = [] })))),
        BlockType.Dateline => new XElement(Tei + "dateline", Content(block, marks)),
        BlockType.Salutation or BlockType.Closing => new XElement(Tei + "salute", Content(block, marks)),
        BlockType.Signature => new XElement(Tei + "signed", Content(block, marks)),
        _ => throw new InvalidOperationException($"a {block.Type} block in the {(closing ? "closer" : "opener")}"),
    };

    private static XElement Middle(Block block, Marks marks) => block.Type switch
    {
        BlockType.P => new XElement(Tei + "p", Content(block, marks)),
        BlockType.Quote => new XElement(Tei + "quote", Content(block, marks)),
        BlockType.List => new XElement(Tei + "list", Lines(block).Select(line => new XElement(Tei + "item", Content(line, marks)))),
        _ => new XElement(Tei + "ab", new XAttribute("type", KindName(block.Type)), Content(block, marks)),
    };

    // A block of lines (an address, a list) as one block per line, each at its own offset.
    private static IEnumerable<Block> Lines(Block block)
    {
        var start = block.Start;
        foreach (var line in block.Text.Split('\n'))
        {
            yield return block with { Text = line, Start = start };
            start += line.Length + 1;
        }
    }

    /// <summary>The block kind's name as document.json writes it ("salutation", "shelfmark").</summary>
    public static string KindName(BlockType type) => type.ToString().ToLowerInvariant();

    /// <summary>What is marked in a block's text: the notes by the offset of their anchor, and the names the document knows.</summary>
    private sealed record Marks(IReadOnlyDictionary<int, List<Note>> NotesAt, IReadOnlyList<KnownName> Names);

    /// <summary>A name as its words stand in the text, the TEI element that marks it, and its key.</summary>
    private sealed record KnownName(string Words, XName Element, string? Key);

    // A block's text with <lb/> for each line break, each known name marked and each note placed at its anchor.
    private static IEnumerable<object> Content(Block block, Marks marks)
    {
        var nodes = new List<object>();
        var text = block.Text;
        var from = 0;
        var places = marks.NotesAt.Keys.Where(k => k >= block.Start && k <= block.Start + text.Length).Order().Select(k => k - block.Start).ToList();
        foreach (var place in places.Append(text.Length).Distinct())
        {
            AddLines(nodes, text[from..place], marks.Names);
            from = place;
            if (marks.NotesAt.TryGetValue(block.Start + place, out var notes))
                nodes.AddRange(notes.Select(n => NoteElement(n, marks)));
        }
        // Mixed content must not be indented: the indenting writer puts white space (which a reader
        // reads as a space of the text) between elements it meets before any text, and an empty
        // text first tells it the content is mixed.
        if (nodes is [XElement, ..])
            nodes.Insert(0, new XText(""));
        return nodes;
    }

    private static void AddLines(List<object> nodes, string text, IReadOnlyList<KnownName> names)
    {
        var lines = text.Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            if (i > 0)
                nodes.Add(new XElement(Tei + "lb"));
            if (lines[i].Length > 0)
                nodes.AddRange(Named(lines[i], names));
        }
    }

    /// <summary>The text with every whole-word occurrence of a known name marked, the longest name first where two overlap.</summary>
    private static IEnumerable<object> Named(string text, IReadOnlyList<KnownName> names)
    {
        var found = new List<(int Start, KnownName Name)>();
        foreach (var name in names)
        {
            for (var at = text.IndexOf(name.Words, StringComparison.Ordinal); at >= 0; at = text.IndexOf(name.Words, at + 1, StringComparison.Ordinal))
            {
                var end = at + name.Words.Length;
                var whole = (at == 0 || !char.IsLetterOrDigit(text[at - 1])) && (end == text.Length || !char.IsLetterOrDigit(text[end]));
                if (whole && !found.Exists(f => at < f.Start + f.Name.Words.Length && f.Start < end))
                    found.Add((at, name));
            }
        }
        var from = 0;
        foreach (var (start, name) in found.OrderBy(f => f.Start))
        {
            if (start > from)
                yield return new XText(text[from..start]);
            yield return new XElement(name.Element, name.Key is { } key ? new XAttribute("ref", key) : null, name.Words);
            from = start + name.Words.Length;
        }
        if (from < text.Length)
            yield return new XText(text[from..]);
    }

    /// <summary>
    /// The names the document knows (those its source marked, and its people) as their words
    /// stand, longest first. A form that begins in lower case ("sie", "ihr Mann") is left out:
    /// which of its occurrences is the name only the source's own markup could tell.
    /// </summary>
    private static List<KnownName> KnownNames(Document document)
    {
        static XName ElementOf(NameKind kind) => Tei + kind switch
        {
            NameKind.Place => "placeName",
            NameKind.Organisation => "orgName",
            _ => "persName",
        };
        // TEI's @ref is a URI ("#pmb2121", an authority's address): a key with white space in it is not one.
        static string? Key(string? reference) => reference is { Length: > 0 } r && !r.Any(char.IsWhiteSpace) ? r : null;
        var names = document.Mentions.Select(m => new KnownName(m.Form ?? m.Name, ElementOf(m.Kind), Key(m.Ref ?? m.Authority)))
            .Concat(document.Authors.Concat(document.Addressees).Concat(document.CopiesTo).Select(p => new KnownName(p.Name, Tei + "persName", Key(p.Ref))));
        return [.. names.Where(n => n.Words.Length >= 2 && char.IsUpper(n.Words[0]))
            .DistinctBy(n => n.Words, StringComparer.Ordinal)
            .OrderByDescending(n => n.Words.Length)];
    }

    private static readonly Dictionary<int, List<Note>> NoNotes = [];

    private static XElement NoteElement(Note note, Marks marks) => new(Tei + "note",
        new XAttribute("n", note.N),
        new XAttribute("place", "foot"),
        note.Type is { Length: > 0 } type ? new XAttribute("type", type) : null,
        Content(new Block(BlockType.P, note.Text, -1), marks with { NotesAt = NoNotes }));

    // Each note at its first anchor (a note anchored in the space between two blocks goes at the end of the first).
    private static Dictionary<int, List<Note>> NotesByOffset(Document document)
    {
        var ends = document.Body.Select(b => b.Start + b.Text.Length).ToList();
        var placed = new Dictionary<int, List<Note>>();
        foreach (var note in document.Notes.Where(n => n.Anchors.Count > 0))
        {
            var anchor = note.Anchors[0];
            var inside = document.Body.Any(b => anchor >= b.Start && anchor <= b.Start + b.Text.Length);
            var at = inside ? anchor : ends.Where(e => e <= anchor).DefaultIfEmpty(ends.Count > 0 ? ends[0] : 0).Max();
            if (!placed.TryGetValue(at, out var list))
                placed[at] = list = [];
            list.Add(note);
        }
        return placed;
    }

    private static XElement? Back(Document document)
    {
        var unplaced = document.Notes.Where(n => n.Anchors.Count == 0).ToList();
        return unplaced.Count == 0 ? null : new XElement(Tei + "back", new XElement(Tei + "div", new XAttribute("type", "notes"), unplaced.Select(n => NoteElement(n, new Marks(NoNotes, KnownNames(document))))));
    }
}
