using Verbatim.Model;

namespace Verbatim.Formats.Compilation;

/// <summary>One paragraph placed in an item, with the block type its place gave it.</summary>
/// <param name="InImprint">Part of a printer's imprint that runs over several paragraphs.</param>
internal sealed record ItemBlock(BlockType Type, PageParagraph Paragraph, bool InImprint = false);

/// <summary>The paragraphs of one item of the page, in page order, before its facts are read.</summary>
internal sealed class ItemDraft(bool unassigned = false)
{
    /// <summary>The lines before the first item: kept, so no line of the page is lost.</summary>
    public bool Unassigned { get; } = unassigned;

    public List<ItemBlock> Blocks { get; } = [];
    public List<Diagnostic> Warnings { get; } = [];

    public void Add(BlockType type, PageParagraph paragraph, bool inImprint = false) => Blocks.Add(new ItemBlock(type, paragraph, inImprint));
}

/// <summary>
/// Splits a compilation page into items by general signals, never by position or wording of one page:
/// <list type="bullet">
/// <item>a closer (a "Source:", "Courtesy:" or "Available at" line, a shelfmark, an attribution
/// "Name (YEAR)", a printer's imprint, a "Paper presented at …" note) ends an item's body; further
/// closers, editor's notes in brackets and translator lines after it stay with that item;</item>
/// <item>after a closer, a run of short lines followed by prose (or by a byline, dateline, address
/// or salutation) opens the next item: its last line that is not a caption is the title, the
/// caption-like lines before it belong to the closed item;</item>
/// <item>anywhere, a short line followed by a byline, dateline, address or salutation, or printed
/// twice, opens an item, and "No. N" opens one;</item>
/// <item>inside an item, other short lines are headings; prose after a closer that no title
/// follows means the closer was not the item's last line, and the item goes on.</item>
/// </list>
/// Every paragraph lands in exactly one item; the paragraphs before the first title land in an
/// unassigned part.
/// </summary>
internal sealed class ItemSplitter
{
    private readonly IReadOnlyList<PageParagraph> _paragraphs;
    private readonly string? _fileName;
    private readonly List<ItemDraft> _items = [];
    private ItemDraft? _current;
    private ItemDraft? _unassigned;
    private bool _afterCloser;

    private ItemSplitter(IReadOnlyList<PageParagraph> paragraphs, string? fileName)
    {
        _paragraphs = paragraphs;
        _fileName = fileName;
    }

    public static List<ItemDraft> Split(IReadOnlyList<PageParagraph> paragraphs, string? fileName)
    {
        var splitter = new ItemSplitter(paragraphs, fileName);
        splitter.Run();
        foreach (var item in splitter._items)
            QuoteAttributedBody(item);
        return splitter._items;
    }

    private int Count => _paragraphs.Count;

    private void Run()
    {
        var i = 0;
        while (i < Count)
        {
            var p = _paragraphs[i];
            if (p.Kind == ParagraphKind.Number)
            {
                i = OpenNumberedItem(i);
                continue;
            }

            // The page's start behaves as the end of an item: a title followed by prose opens one.
            var openingContext = _afterCloser || _current is null;
            if (p.Kind == ParagraphKind.Short && FindStart(i, openingContext) is { } start)
            {
                i = OpenItem(start);
                continue;
            }

            if (_current is null)
            {
                AddUnassigned(p);
                i++;
                continue;
            }

            if (_afterCloser)
            {
                if (p.IsCloser || p.Kind is ParagraphKind.Editorial or ParagraphKind.Translator)
                {
                    i = AddCloser(i);
                    continue;
                }
                if (p.Kind == ParagraphKind.Short)
                {
                    _current.Add(BlockType.Caption, p);
                    i++;
                    continue;
                }
                if (StrongStartAt(i + 1))
                {
                    // A paragraph between two items with no title of its own: it cannot open an
                    // item, and the closed item is the nearer one.
                    _current.Add(BlockType.Caption, p);
                    _current.Warnings.Add(new Diagnostic(
                        "a paragraph between this item's closing lines and the next item's title is kept with this item as a caption",
                        _fileName, p.FirstLine));
                    i++;
                    continue;
                }
                _afterCloser = false;
            }

            if (p.IsCloser)
            {
                i = AddCloser(i);
                _afterCloser = true;
                continue;
            }
            if ((p.NameLine || p.Kind == ParagraphKind.DatedSignature) && EndsBodyAt(i + 1))
            {
                _current.Add(BlockType.Signature, p);
                i++;
                continue;
            }
            _current.Add(BodyType(p), p);
            i++;
        }
    }

    private sealed record Start(int RunStart, int RunEnd, int Title);

    /// <summary>
    /// Whether the run of short lines beginning at <paramref name="i"/> opens an item, and which of
    /// them is its title. <paramref name="afterCloser"/>: prose after the run is enough.
    /// </summary>
    private Start? FindStart(int i, bool afterCloser)
    {
        // Captions, a title and its repeat are a few lines; a longer run of short lines is a list
        // or verse, and bounding it keeps the split linear in the page's length.
        const int MaxRun = 8;
        var end = i;
        while (end < Count && end - i <= MaxRun && _paragraphs[end].Kind == ParagraphKind.Short)
            end++;
        if (end - i > MaxRun)
            return null;
        var next = end < Count ? _paragraphs[end].Kind : (ParagraphKind?)null;
        var repeated = FirstRepeated(i, end);
        var opens = next is ParagraphKind.Byline or ParagraphKind.Dateline or ParagraphKind.Address or ParagraphKind.Salutation
            || repeated >= 0
            || (afterCloser && next is ParagraphKind.Prose or ParagraphKind.Quote or ParagraphKind.List);
        if (!opens)
            return null;

        var title = repeated;
        if (title < 0)
        {
            // Captions of the closed item's pictures come first; the title is the line nearest the text.
            title = end - 1;
            for (var k = end - 1; k >= i; k--)
            {
                if (!_paragraphs[k].CaptionLike)
                {
                    title = k;
                    break;
                }
            }
        }
        return new Start(i, end, title);
    }

    private int FirstRepeated(int start, int end)
    {
        for (var a = start; a < end; a++)
        {
            for (var b = a + 1; b < end; b++)
            {
                if (_paragraphs[a].Line == _paragraphs[b].Line)
                    return a;
            }
        }
        return -1;
    }

    /// <summary>An item opens at <paramref name="i"/> by a signal stronger than "prose follows".</summary>
    private bool StrongStartAt(int i)
        => i < Count && (_paragraphs[i].Kind == ParagraphKind.Number
            || (_paragraphs[i].Kind == ParagraphKind.Short && FindStart(i, afterCloser: false) is not null));

    /// <summary>Whether the body of the current item ends before <paramref name="i"/> (for a signature).</summary>
    private bool EndsBodyAt(int i)
        => i >= Count
            || _paragraphs[i].IsCloser
            || _paragraphs[i].Kind is ParagraphKind.Editorial or ParagraphKind.Translator
            || StrongStartAt(i);

    private int OpenItem(Start start)
    {
        var title = _paragraphs[start.Title];
        for (var k = start.RunStart; k < start.Title; k++)
        {
            var p = _paragraphs[k];
            if (_current is null)
                AddUnassigned(p);
            else
                _current.Add(_afterCloser || p.CaptionLike ? BlockType.Caption : BlockType.Heading, p);
        }

        _current = new ItemDraft();
        _items.Add(_current);
        _afterCloser = false;
        _current.Add(BlockType.Title, title);
        for (var k = start.Title + 1; k < start.RunEnd; k++)
        {
            var p = _paragraphs[k];
            var type = p.Line == title.Line ? BlockType.Title : p.CaptionLike ? BlockType.Caption : BlockType.Heading;
            _current.Add(type, p);
        }
        return ReadHead(start.RunEnd);
    }

    private int OpenNumberedItem(int i)
    {
        _current = new ItemDraft();
        _items.Add(_current);
        _afterCloser = false;
        _current.Add(BlockType.Heading, _paragraphs[i]);
        i++;
        // The line under "No. N" is the item's title whatever its punctuation ("… towards J. Stalin:").
        if (i < Count && IsTitleUnderNumber(_paragraphs[i]))
        {
            _current.Add(BlockType.Title, _paragraphs[i]);
            i++;
        }
        return ReadHead(i);
    }

    private static bool IsTitleUnderNumber(PageParagraph p)
        => p.Kind is ParagraphKind.Short or ParagraphKind.Prose
            && p.LastLine - p.FirstLine < 3
            && ParagraphClassifier.WordCount(p.Line) <= 30;

    /// <summary>Bylines, datelines, addresses, salutations and captions between a title and the text.</summary>
    private int ReadHead(int i)
    {
        while (i < Count)
        {
            var p = _paragraphs[i];
            BlockType? type = p.Kind switch
            {
                ParagraphKind.Byline => BlockType.Byline,
                ParagraphKind.Dateline => BlockType.Dateline,
                ParagraphKind.Address => BlockType.Address,
                ParagraphKind.Salutation => BlockType.Salutation,
                ParagraphKind.Short when p.CaptionLike => BlockType.Caption,
                _ => null,
            };
            if (type is null)
                break;
            _current!.Add(type.Value, p);
            i++;
        }
        return i;
    }

    /// <summary>Adds the closer at <paramref name="i"/>; an imprint takes the paragraphs that finish its sentence.</summary>
    private int AddCloser(int i)
    {
        var p = _paragraphs[i];
        _current!.Add(CloserType(p), p, inImprint: p.Kind == ParagraphKind.Imprint);
        i++;
        if (p.Kind != ParagraphKind.Imprint)
            return i;
        // An imprint broken over paragraphs ("Printed by the" / "Example Press Ltd.," / "London, 1 May 1950.")
        // runs on until its sentence ends.
        const int MaxImprintParagraphs = 6;
        var first = i - 1;
        while (i < Count && i - first < MaxImprintParagraphs
            && !EndsSentence(_paragraphs[i - 1].Line)
            && !_paragraphs[i].IsCloser
            && ParagraphClassifier.WordCount(_paragraphs[i].Line) <= 12)
        {
            _current.Add(BlockType.Source, _paragraphs[i], inImprint: true);
            i++;
        }
        return i;
    }

    private static bool EndsSentence(string line) => line.TrimEnd()[^1] is '.' or '!' or '?';

    private static BlockType CloserType(PageParagraph p) => p.Kind switch
    {
        ParagraphKind.Shelfmark => BlockType.Shelfmark,
        ParagraphKind.Attribution => BlockType.Attribution,
        ParagraphKind.Editorial or ParagraphKind.Translator => BlockType.Editorial,
        _ => BlockType.Source,
    };

    // Inside a text, a short line in title case may as well be a heading as a caption: only alt
    // text is surely a caption there.
    private static BlockType BodyType(PageParagraph p) => p.Kind switch
    {
        _ when p.AltText => BlockType.Caption,
        ParagraphKind.Quote => BlockType.Quote,
        ParagraphKind.List => BlockType.List,
        ParagraphKind.Dateline => BlockType.Dateline,
        ParagraphKind.DatedSignature => BlockType.Signature,
        ParagraphKind.Editorial or ParagraphKind.Translator => BlockType.Editorial,
        ParagraphKind.Byline => BlockType.Byline,
        ParagraphKind.Short => BlockType.Heading,
        _ => BlockType.P,
    };

    private void AddUnassigned(PageParagraph p)
    {
        if (_unassigned is null)
        {
            _unassigned = new ItemDraft(unassigned: true);
            _items.Insert(0, _unassigned);
        }
        _unassigned.Add(p.IsCloser ? CloserType(p) : BodyType(p), p);
    }

    // An attribution under the text says whose words the whole text is: its paragraphs are quotations.
    private static void QuoteAttributedBody(ItemDraft item)
    {
        var attribution = item.Blocks.FindIndex(b => b.Type == BlockType.Attribution);
        for (var k = 0; k < attribution; k++)
        {
            if (item.Blocks[k].Type == BlockType.P)
                item.Blocks[k] = item.Blocks[k] with { Type = BlockType.Quote };
        }
    }
}
