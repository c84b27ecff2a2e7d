using System.Text.RegularExpressions;
using AngleSharp.Dom;
using Verbatim.Formats.Common;
using Verbatim.Formats.Mia;
using Verbatim.Formats.MiaText;
using Verbatim.Model;

namespace Verbatim.Formats.MiaHtml;

/// <summary>
/// Walks the parsed page in document order and fills a <see cref="MiaPage"/> the way the plain-text
/// reader fills it from the same page saved as text: headings before the body give the author and
/// title lines, "To:" lines and the <c>p.information</c> block give the header fields, footer
/// paragraphs give navigation lines, endnotes give the notes, and every other block of text is a
/// body paragraph.
/// </summary>
/// <remarks>
/// A block's type comes from its class where the archive's markup names one (salutation, closing,
/// sig, placedate, ...); inside a <c>blockquote</c> an unnamed block is a quotation; anywhere else
/// the plain-text reader's rules decide, so a page marked up with few classes still reads as its
/// text does. A block's line is the line of its element's start tag.
/// </remarks>
internal sealed partial class MiaHtmlLayout
{
    private readonly MiaPage _page;
    private readonly SourceLines _lines;
    private readonly InlineText _inline = new();

    // The open block elements, innermost on top. Every block boundary empties _inline, so the text in
    // it always belongs to the innermost open block.
    private readonly Stack<IElement> _open = new();

    private readonly List<(string Text, int? Line)> _top = [];
    private readonly HashSet<string> _markers = [];
    private bool _bodyStarted;
    private bool _inNotes;
    private bool _afterEndRule;
    private int _openQuotes;
    private int _openPre;

    [GeneratedRegex(@"^To:\s*(?<value>\S.*)$", RegexOptions.Singleline)]
    private static partial Regex ToLine();

    // A label typed as plain text inside the information block: one to four words and a colon.
    [GeneratedRegex(@"^(?<label>\p{Lu}[\p{L}]*(?:[ \\/][\p{L}]+){0,3}):\s*(?<value>\S.*)$", RegexOptions.Singleline)]
    private static partial Regex PlainLabel();

    [GeneratedRegex(@"^\[(?<n>\d+)\]\s*")]
    private static partial Regex NoteStart();

    [GeneratedRegex(@"\[(?<n>\d+)\]")]
    private static partial Regex Marker();

    [GeneratedRegex(@"^\[?(?<n>\d+)\]?$")]
    private static partial Regex MarkerText();

    [GeneratedRegex(@"^#(?:n|fn|note|bk|ftn|_ftn|edn|_edn)\w*?\d+$", RegexOptions.IgnoreCase)]
    private static partial Regex NoteHref();

    [GeneratedRegex(@"\b(?:backward|forward|index|contents|archive|next|previous|home)\b", RegexOptions.IgnoreCase)]
    private static partial Regex NavigationWord();

    public MiaHtmlLayout(MiaPage page, SourceLines lines)
    {
        _page = page;
        _lines = lines;
    }

    public void Read(IElement root)
    {
        // An explicit stack: a page nested thousands of elements deep must not exhaust the call stack.
        var stack = new Stack<(INode Node, bool Leaving)>();
        stack.Push((root, false));
        while (stack.Count > 0)
        {
            var (node, leaving) = stack.Pop();
            if (leaving)
            {
                Flush();
                Close(_open.Pop());
                continue;
            }
            switch (node)
            {
                case IText text:
                    if (_openPre > 0)
                        _inline.AppendPreformatted(text.Data);
                    else
                        _inline.Append(text.Data);
                    break;
                case IElement element:
                    Enter(element, stack);
                    break;
            }
        }
        Flush();
        FinishTop();
    }

    private void Enter(IElement element, Stack<(INode Node, bool Leaving)> stack)
    {
        if (HtmlClasses.IsHidden(element))
            return;
        if (element.LocalName == "br")
        {
            _inline.LineBreak();
            return;
        }
        if (element.LocalName == "hr")
        {
            Flush();
            _afterEndRule |= HtmlClasses.IsEndRule(element);
            return;
        }
        if (NoteMarker(element) is { } marker)
        {
            _inline.Append(marker);
            return;
        }
        if (HtmlClasses.IsBlock(element))
        {
            Flush();
            if (HtmlClasses.IsInformation(element))
            {
                ReadInformation(element);
                return;
            }
            if (HtmlClasses.IsNavigation(element) || LooksLikeNavigation(element))
            {
                ReadNavigation(element);
                return;
            }
            Open(element);
            stack.Push((element, true));
        }
        for (var i = element.ChildNodes.Length - 1; i >= 0; i--)
            stack.Push((element.ChildNodes[i], false));
    }

    private void Open(IElement element)
    {
        _open.Push(element);
        _openQuotes += element.LocalName == "blockquote" ? 1 : 0;
        _openPre += element.LocalName == "pre" ? 1 : 0;
    }

    private void Close(IElement element)
    {
        _openQuotes -= element.LocalName == "blockquote" ? 1 : 0;
        _openPre -= element.LocalName == "pre" ? 1 : 0;
    }

    /// <summary>
    /// A footnote marker whose link text is a bare number is written "[n]", as the text page and the
    /// builder's marker scan have it; a marker already in brackets is read as it stands.
    /// </summary>
    private static string? NoteMarker(IElement element)
    {
        var isMarker = (element.LocalName == "sup" && element.ClassList.Contains("anote"))
            || (element.LocalName == "a" && element.GetAttribute("href") is { } href && NoteHref().IsMatch(href));
        if (!isMarker)
            return null;
        var match = MarkerText().Match(Whitespace.CollapseToLine(element.TextContent));
        return match.Success && !match.Value.StartsWith('[') ? $"[{match.Groups["n"].Value}]" : null;
    }

    private void Flush()
    {
        var text = _inline.Take();
        if (string.IsNullOrWhiteSpace(text))
            return;
        var owner = _open.Count > 0 ? _open.Peek() : null;
        AddBlock(text, owner, _lines.LineOf(owner));
    }

    private void AddBlock(string text, IElement? owner, int? line)
    {
        if (!_bodyStarted)
        {
            if (ToLine().Match(text.TrimStart()) is { Success: true } to)
            {
                _page.Header.Add((new HeaderField("To", to.Groups["value"].Value.Trim()), line));
                return;
            }
            if (owner is not null && (HtmlClasses.IsHeading(owner) || owner.ClassList.Contains("title")))
            {
                _top.Add((text, line));
                return;
            }
        }

        var noteStart = NoteStart().Match(text);
        var isNote = owner is not null && HtmlClasses.IsNote(owner);
        if (noteStart.Success && (isNote || _afterEndRule || _markers.Contains(noteStart.Groups["n"].Value)))
        {
            _inNotes = true;
            _page.Notes.Add((noteStart.Groups["n"].Value, [text[noteStart.Length..]], line));
            return;
        }
        // As on the text page, everything after the first note belongs to the notes.
        if (_inNotes)
        {
            _page.Notes[^1].Paragraphs.Add(text);
            return;
        }

        _bodyStarted = true;
        foreach (Match marker in Marker().Matches(text))
            _markers.Add(marker.Groups["n"].Value);

        var named = owner is null ? null : HtmlClasses.TypeOf(owner);
        var quoted = _openQuotes > 0;
        var heading = owner is not null && HtmlClasses.IsHeading(owner);
        if (named is null && !quoted && !heading && IsContinuation(text))
        {
            var previous = _page.Body[^1];
            _page.Body[^1] = (previous.Type, previous.Text + " " + text.TrimStart(), previous.Line);
            return;
        }
        var type = named
            ?? (heading ? BlockType.Heading
            : quoted ? BlockType.Quote
            : MiaTextReader.Classify(text, _page.Body));
        _page.Body.Add((type, text, line));
    }

    /// <summary>
    /// A page break of the printed edition survives in the archive's transcriptions as a paragraph
    /// that stops mid-sentence and a next one indented with a no-break space; the text reader joins
    /// the two, and so does this one. HTML drops leading ASCII white space, so only the no-break
    /// space can mark the indent.
    /// </summary>
    private bool IsContinuation(string text)
        => _page.Body.Count > 0
            && char.IsWhiteSpace(text[0])
            && _page.Body[^1].Type == BlockType.P
            && !MiaTextReader.EndsSentence(_page.Body[^1].Text);

    /// <summary>
    /// Reads <c>p.information</c>: each label element (<c>span.info</c> "Written:") starts a field
    /// whose value runs to the next &lt;br&gt;, block boundary or label. A line without a label
    /// element is a field if it reads "Label: value", else the start of the body (where the text
    /// reader, which ends the header at the first line that is not a field, puts it too).
    /// </summary>
    private void ReadInformation(IElement information)
    {
        string? label = null;
        int? labelLine = null;
        var segmentLine = _lines.LineOf(information);
        var text = new InlineText();

        void EndSegment()
        {
            var value = text.Take();
            if (label is not null)
            {
                _page.Header.Add((new HeaderField(label, value.Trim()), labelLine));
            }
            else if (!string.IsNullOrWhiteSpace(value))
            {
                var plain = PlainLabel().Match(value.Trim());
                if (plain.Success)
                    _page.Header.Add((new HeaderField(plain.Groups["label"].Value, plain.Groups["value"].Value.Trim()), segmentLine));
                else
                    AddBlock(value, null, segmentLine);
            }
            label = null;
        }

        var stack = new Stack<INode>();
        for (var i = information.ChildNodes.Length - 1; i >= 0; i--)
            stack.Push(information.ChildNodes[i]);
        while (stack.Count > 0)
        {
            var node = stack.Pop();
            if (node is IText data)
            {
                if (text.Length == 0 && label is null && data.Data.Any(c => !InlineText.IsHtmlSpace(c)))
                    segmentLine = LineOfText(data.Data, segmentLine);
                text.Append(data.Data);
                continue;
            }
            if (node is not IElement element || HtmlClasses.IsHidden(element))
                continue;
            if (element.LocalName is "br" or "hr" || HtmlClasses.IsBlock(element))
            {
                EndSegment();
                segmentLine = _lines.LineOf(element);
                if (element.LocalName is "br" or "hr")
                    continue;
            }
            else if (LabelOf(element) is { } found)
            {
                EndSegment();
                label = found;
                labelLine = _lines.LineOf(element);
                continue;
            }
            else if (NoteMarker(element) is { } marker)
            {
                text.Append(marker);
                continue;
            }
            else if (text.Length == 0 && label is null)
            {
                segmentLine = _lines.LineOf(element) ?? segmentLine;
            }
            for (var i = element.ChildNodes.Length - 1; i >= 0; i--)
                stack.Push(element.ChildNodes[i]);
        }
        EndSegment();
    }

    // Text that is not inside an element of its own starts on the line of the element before it,
    // plus the line breaks before its first letter.
    private static int? LineOfText(string data, int? lineBefore)
    {
        if (lineBefore is not { } line)
            return null;
        foreach (var c in data)
        {
            if (!InlineText.IsHtmlSpace(c)) break;
            if (c == '\n') line++;
        }
        return line;
    }

    /// <summary>"Written" for <c>&lt;span class="info"&gt;Written:&lt;/span&gt;</c> (or a bold label).</summary>
    private static string? LabelOf(IElement element)
    {
        var isLabelElement = element.ClassList.Contains("info") || element.LocalName is "b" or "strong";
        if (!isLabelElement)
            return null;
        var text = Whitespace.CollapseToLine(element.TextContent);
        if (!text.EndsWith(':'))
            return null;
        var label = text[..^1].Trim();
        return label.Length > 0 && label.Split(' ').Length <= 4 ? label : null;
    }

    /// <summary>Each line of a footer (lines end at &lt;br&gt; and at block boundaries) is one navigation line.</summary>
    private void ReadNavigation(IElement navigation)
    {
        var text = new InlineText();
        void EndLine()
        {
            var line = Whitespace.CollapseToLine(text.Take());
            if (line.Length > 0)
                _page.Navigation.Add(line);
        }

        var stack = new Stack<INode>();
        stack.Push(navigation);
        while (stack.Count > 0)
        {
            var node = stack.Pop();
            if (node is IText data)
            {
                text.Append(data.Data);
                continue;
            }
            if (node is not IElement element || HtmlClasses.IsHidden(element))
                continue;
            if (element.LocalName is "br" or "hr" || HtmlClasses.IsBlock(element))
                EndLine();
            for (var i = element.ChildNodes.Length - 1; i >= 0; i--)
                stack.Push(element.ChildNodes[i]);
        }
        EndLine();
    }

    /// <summary>
    /// A paragraph of links and separators only ("Works Index | Volume 45 | ...") is navigation even
    /// without the footer class.
    /// </summary>
    private static bool LooksLikeNavigation(IElement element)
    {
        if (element.LocalName != "p")
            return false;
        var links = element.QuerySelectorAll("a[href]");
        if (links.Length == 0)
            return false;
        var all = Whitespace.CollapseToLine(element.TextContent);
        if (!NavigationWord().IsMatch(all))
            return false;
        var outsideLinks = new System.Text.StringBuilder();
        var stack = new Stack<INode>();
        stack.Push(element);
        while (stack.Count > 0)
        {
            var node = stack.Pop();
            if (node is IText data)
                outsideLinks.Append(data.Data);
            else if (node is IElement child && child.LocalName != "a" && !HtmlClasses.IsHidden(child))
            {
                foreach (var grandchild in child.ChildNodes)
                    stack.Push(grandchild);
            }
        }
        return outsideLinks.ToString().All(c => char.IsWhiteSpace(c) || "|·•<>[]-–—:".Contains(c));
    }

    /// <summary>As on the text page: the first top line is the author if it reads as a name; the rest are the title.</summary>
    private void FinishTop()
    {
        var top = _top.Where(t => !string.IsNullOrWhiteSpace(t.Text)).ToList();
        if (top.Count > 0 && PersonNames.LooksLikeName(top[0].Text))
        {
            _page.AuthorLine = top[0].Text;
            _page.AuthorLineNumber = top[0].Line;
            top.RemoveAt(0);
        }
        if (top.Count > 0)
            _page.TitleLine = string.Join(" ", top.Select(t => Whitespace.CollapseToLine(t.Text)));
    }
}
