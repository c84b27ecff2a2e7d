using System.Globalization;
using System.Xml;
using System.Xml.Linq;
using Verbatim.Formats.Common;
using Verbatim.Model;

namespace Verbatim.Formats.Tei;

/// <summary>
/// Turns a letter's &lt;body&gt; into blocks and notes: the letter's own words in reading order, the
/// notes out of the text with the offset where each stood.
/// </summary>
/// <remarks>
/// The text is the reading text: what the writer left standing. Deletions (&lt;del&gt;) are left out
/// and additions kept, so that a quotation of the letter as sent is found in it; markup of form
/// (&lt;hi&gt;, &lt;c&gt;, &lt;rs&gt;, &lt;unclear&gt;, &lt;supplied&gt;) gives its text and nothing else.
/// </remarks>
internal sealed class TeiBodyReader
{
    private readonly string _fileName;
    private readonly List<RawBlock> _blocks = [];
    private readonly List<RawNote> _notes = [];
    private readonly List<Diagnostic> _warnings = [];
    private readonly List<RawLink> _links = [];

    // The block loose text goes into; null once a block-level element has closed it.
    private RawBlock? _open;

    private TeiBodyReader(string fileName) => _fileName = fileName;

    private enum Area
    {
        Text,
        Opener,
        Closer,
        Image,
    }

    private sealed class RawBlock(BlockType type, int? line, int index)
    {
        public BlockType Type { get; } = type;
        public int? Line { get; } = line;
        public int Index { get; } = index;
        public FoldedText Text { get; } = new();
    }

    private sealed record RawNote(RawBlock? Block, int Position, string Text, string? Type);

    /// <summary>A pointer at a position of a block's text, or of the text of the note numbered <see cref="Note"/>.</summary>
    private sealed record RawLink(RawBlock? Block, int? Note, int Position, string Target, string? Type, string? Subtype, string? Text);

    public static (List<Block> Blocks, List<Note> Notes, List<Link> Links, List<Diagnostic> Warnings) Read(XElement body, string fileName)
    {
        var reader = new TeiBodyReader(fileName);
        reader.Children(body, Area.Text);
        var (blocks, notes, links) = reader.Finish();
        return (blocks, notes, links, reader._warnings);
    }

    private void Children(XElement container, Area area)
    {
        foreach (var node in container.Nodes())
            Node(node, area);
        _open = null;
    }

    private void Node(XNode node, Area area)
    {
        if (node is not XElement element)
        {
            Loose(node, area);
            return;
        }
        switch (element.Name.LocalName)
        {
            case "div":
                _open = null;
                // A picture postcard's printed side is captions throughout, whatever it holds.
                Children(element, element.Attribute("type")?.Value == "image" || area == Area.Image ? Area.Image : Area.Text);
                break;
            case "opener":
                _open = null;
                Children(element, Area.Opener);
                break;
            case "closer":
                _open = null;
                Children(element, Area.Closer);
                break;
            case "postscript" or "floatingText" or "body" or "group":
                _open = null;
                Children(element, area == Area.Image ? Area.Image : Area.Text);
                break;
            case "ab" when TypedBlock(element) is { } kind:
                Single(element, kind);
                break;
            case "p" or "ab":
                Paragraph(element, area == Area.Image ? BlockType.Caption : BlockType.P);
                break;
            case "seg" when area == Area.Opener:
                Single(element, element.Attribute("type")?.Value == "letterhead" ? BlockType.Heading : BlockType.P);
                break;
            case "seg":
                Single(element, LooseType(area));
                break;
            case "dateline":
                Single(element, BlockType.Dateline);
                break;
            case "salute":
                Single(element, area == Area.Closer ? BlockType.Closing : BlockType.Salutation);
                break;
            case "signed":
                Single(element, BlockType.Signature);
                break;
            case "address":
                Single(element, BlockType.Address);
                break;
            case "head":
                Single(element, BlockType.Heading);
                break;
            case "quote" or "cit":
                Single(element, BlockType.Quote);
                break;
            case "list":
                Single(element, BlockType.List);
                break;
            case "table":
                Single(element, LooseType(area));
                break;
            case "lg":
                Verse(element, area);
                break;
            default:
                Loose(element, area);
                break;
        }
    }

    // <ab type="closing">: a block whose kind TeiWriter names, where TEI has no element for it in that place.
    private static BlockType? TypedBlock(XElement element) =>
        element.Attribute("type")?.Value is { } type && Enum.TryParse<BlockType>(type, ignoreCase: true, out var kind) && TeiWriter.KindName(kind) == type ? kind : null;

    private static BlockType LooseType(Area area) => area switch
    {
        Area.Closer => BlockType.Closing,
        Area.Image => BlockType.Caption,
        _ => BlockType.P,
    };

    // Text, inline elements and notes standing between blocks: white space and markers that hold no
    // text do not open a block of their own.
    private void Loose(XNode node, Area area)
    {
        if (_open is null)
        {
            switch (node)
            {
                case XText text when string.IsNullOrWhiteSpace(text.Value):
                    return;
                case XElement element when Silent(element):
                    return;
                case XElement { Name.LocalName: "note" } note:
                    AddNote(note);
                    return;
            }
            Open(LooseType(area), node);
        }
        Inline(node, _open!.Text, inNote: false);
    }

    private void Single(XElement element, BlockType type)
    {
        _open = null;
        Open(type, element);
        foreach (var node in element.Nodes())
            Inline(node, _open!.Text, inNote: false);
        _open = null;
    }

    /// <summary>
    /// A paragraph; a salute that opens it or a signature (or salute) that ends it is a block of its
    /// own, as the markup says, while one inside the running text stays in it.
    /// </summary>
    private void Paragraph(XElement paragraph, BlockType type)
    {
        var nodes = paragraph.Nodes().ToList();
        var first = nodes.FindIndex(n => !Silent(n));
        var last = nodes.FindLastIndex(n => !Silent(n) && n is not XElement { Name.LocalName: "note" });
        var lead = first >= 0 && nodes[first] is XElement { Name.LocalName: "salute" } ? first : -1;
        var trail = last > lead && nodes[last] is XElement { Name.LocalName: "signed" or "salute" } ? last : -1;

        _open = null;
        var middleStart = 0;
        if (lead >= 0)
        {
            Run(BlockType.Salutation, nodes[lead], nodes.Take(lead + 1));
            middleStart = lead + 1;
        }
        var middleEnd = trail >= 0 ? trail : nodes.Count;
        Run(type, paragraph, nodes.Skip(middleStart).Take(middleEnd - middleStart));
        if (trail >= 0)
        {
            var trailType = nodes[trail] is XElement { Name.LocalName: "signed" } ? BlockType.Signature : BlockType.Closing;
            Run(trailType, nodes[trail], nodes.Skip(trail));
        }
        _open = null;
    }

    private void Run(BlockType type, XNode start, IEnumerable<XNode> nodes)
    {
        Open(type, start);
        foreach (var node in nodes)
            Inline(node, _open!.Text, inNote: false);
        _open = null;
    }

    // Nodes that hold no text of the letter and mark no place in it. Markers are empty in valid TEI;
    // one that is not (an <anchor> wrapped around words) still holds words.
    private static bool Silent(XNode node) => node switch
    {
        XText text => string.IsNullOrWhiteSpace(text.Value),
        XElement element => element.Name.LocalName is "pb" or "anchor" or "handShift" or "lb" or "space" or "milestone" or "cb"
            && !element.Nodes().Any(),
        _ => true,
    };

    /// <summary>A poem is one block per stanza, its lines kept as line breaks.</summary>
    private void Verse(XElement group, Area area)
    {
        if (!group.Elements().Any(e => e.Name.LocalName == "lg"))
        {
            Single(group, LooseType(area));
            return;
        }
        _open = null;
        foreach (var node in group.Nodes())
        {
            if (node is XElement { Name.LocalName: "lg" } stanza)
                Verse(stanza, area);
            else
                Loose(node, area);
        }
        _open = null;
    }

    private void Open(BlockType type, XNode at)
    {
        var block = new RawBlock(type, LineOf(at), _blocks.Count);
        _blocks.Add(block);
        _open = block;
    }

    private void Inline(XNode node, FoldedText into, bool inNote)
    {
        switch (node)
        {
            case XText text:
                into.Append(text.Value);
                break;
            case XElement element:
                InlineElement(element, into, inNote);
                break;
        }
    }

    private void InlineElement(XElement element, FoldedText into, bool inNote)
    {
        switch (element.Name.LocalName)
        {
            case "note" when !inNote:
                AddNote(element);
                return;
            // Struck out by the writer: not part of the text as it was left. A substitution keeps its
            // added reading the same way, since its <del> is left out and its <add> read. An editor's
            // note on the struck words is still a note, standing where the deletion stood.
            case "del":
                if (!inNote)
                {
                    foreach (var note in element.Descendants().Where(e => e.Name.LocalName == "note"
                        && !e.Ancestors().TakeWhile(a => a != element).Any(a => a.Name.LocalName == "note")))
                        AddNote(note);
                }
                return;
            case "lb":
                into.Break();
                return;
            case "space":
                if (element.Attribute("dim")?.Value == "vertical")
                    into.Break();
                else
                    into.Space();
                return;
            case "figure" or "graphic":
                return;
            // Illegible or left out: the place is marked, as editions print it, so that no words run together.
            case "gap":
                into.Append("[…]");
                return;
            case "c" when element.IsEmpty:
                var rendition = element.Attribute("rendition")?.Value;
                if (TeiCharacters.ForEmpty(rendition, element.Attribute("n")?.Value) is { } character)
                    into.Append(character);
                else
                    Warn($"empty <c> with unknown rendition '{rendition}' left out", element);
                return;
            // A pointer (to a diary entry, another letter) is a link; only words it holds are text.
            case "ref" or "ptr":
                if (element.Attribute("target")?.Value is { Length: > 0 } target)
                {
                    var words = Whitespace.CollapseToLine(element.Value).Trim();
                    _links.Add(new RawLink(inNote ? null : _open, inNote ? _notes.Count : null, words.Length == 0 ? into.Length : into.NextStart, target,
                        element.Attribute("type")?.Value, element.Attribute("subtype")?.Value, words.Length == 0 ? null : words));
                }
                foreach (var child in element.Nodes())
                    Inline(child, into, inNote);
                return;
            case "choice":
                var reading = element.Elements().FirstOrDefault(e => e.Name.LocalName is "sic" or "orig" or "abbr")
                    ?? element.Elements().FirstOrDefault();
                if (reading is not null)
                    InlineElement(reading, into, inNote);
                return;
            // Inside one block these are its lines (a poem's, an address's, a table's rows, a note's paragraphs).
            case "p" or "l" or "addrLine" or "row" or "item" or "lg" or "ab" or "head":
                into.Break();
                foreach (var child in element.Nodes())
                    Inline(child, into, inNote);
                into.Break();
                return;
            // Table cells, and segments set side by side (left and right on one line), are apart.
            case "cell" or "seg":
                into.Space();
                foreach (var child in element.Nodes())
                    Inline(child, into, inNote);
                into.Space();
                return;
            default:
                foreach (var child in element.Nodes())
                    Inline(child, into, inNote);
                return;
        }
    }

    private void AddNote(XElement note)
    {
        var text = new FoldedText();
        foreach (var child in note.Nodes())
            Inline(child, text, inNote: true);
        var block = _open ?? (_blocks.Count > 0 ? _blocks[^1] : null);
        _notes.Add(new RawNote(block, block?.Text.Length ?? 0, text.ToString(), note.Attribute("type")?.Value));
    }

    private (List<Block> Blocks, List<Note> Notes, List<Link> Links) Finish()
    {
        var kept = _blocks.Select(b => (Raw: b, Text: b.Text.ToString())).Where(b => b.Text.Length > 0).ToList();
        var blocks = Blocks.Build(kept.Select(k => (k.Raw.Type, k.Text, k.Raw.Line)));
        if (blocks.Count != kept.Count || blocks.Where((b, i) => b.Text != kept[i].Text).Any())
            throw new InvalidOperationException("TEI block text changed when folded again; note offsets would be wrong");

        var start = new Dictionary<RawBlock, int>();
        for (var i = 0; i < kept.Count; i++)
            start[kept[i].Raw] = blocks[i].Start;

        int OffsetOf(RawBlock? block, int position)
        {
            if (block is null)
                return 0;
            if (start.TryGetValue(block, out var blockStart))
                return blockStart + Math.Min(position, block.Text.Length);
            // The block holds no text: what stood in it stood after everything before it.
            var i = kept.FindLastIndex(k => k.Raw.Index < block.Index);
            return i < 0 ? 0 : blocks[i].Start + blocks[i].Text.Length;
        }

        static string Number(int index) => (index + 1).ToString(CultureInfo.InvariantCulture);
        var notes = _notes.Select((note, i) => new Note(Number(i), note.Text, [OffsetOf(note.Block, note.Position)], note.Type)).ToList();
        var links = _links.Select(link => link.Note is { } n
            ? new Link(link.Target, link.Type, link.Subtype, link.Position, Number(n), link.Text)
            : new Link(link.Target, link.Type, link.Subtype, OffsetOf(link.Block, link.Position), Text: link.Text)).ToList();
        return (blocks, notes, links);
    }

    private void Warn(string message, XNode at)
    {
        var info = (IXmlLineInfo)at;
        _warnings.Add(info.HasLineInfo()
            ? new Diagnostic(message, _fileName, info.LineNumber, info.LinePosition)
            : new Diagnostic(message, _fileName));
    }

    private static int? LineOf(XNode node)
        => node is IXmlLineInfo info && info.HasLineInfo() ? info.LineNumber : null;
}
