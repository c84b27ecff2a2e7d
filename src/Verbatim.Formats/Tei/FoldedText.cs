using System.Text;

namespace Verbatim.Formats.Tei;

/// <summary>
/// Builds one block's text from TEI content, folding white space as it goes so that a position
/// taken mid-way (where a note stood) is already an offset in the final text.
/// </summary>
/// <remarks>
/// The result is a fixed point of <see cref="Common.Whitespace.Collapse"/>: no white space at either
/// end, no run of two, and "\n" only where the source put an &lt;lb/&gt;. White space in XML text,
/// its line breaks included, is layout of the file and folds to one space.
/// </remarks>
internal sealed class FoldedText
{
    private readonly StringBuilder _text = new();
    private bool _pendingSpace;
    private bool _pendingBreak;

    /// <summary>The length of the text so far; white space not yet followed by a letter is not counted.</summary>
    public int Length => _text.Length;

    public bool IsEmpty => _text.Length == 0;

    /// <summary>Where the next letter appended will stand: past the space or break pending before it.</summary>
    public int NextStart => _text.Length > 0 && (_pendingSpace || _pendingBreak) ? _text.Length + 1 : _text.Length;

    public void Append(string text)
    {
        foreach (var c in text)
        {
            if (char.IsWhiteSpace(c))
            {
                _pendingSpace = true;
                continue;
            }
            Flush();
            _text.Append(c);
        }
    }

    public void Space() => _pendingSpace = true;

    public void Break() => _pendingBreak = true;

    public override string ToString() => _text.ToString();

    // A break swallows the spaces around it, as Whitespace.Collapse does; neither is written at the
    // start of the text nor, since only a following letter writes it, at its end.
    private void Flush()
    {
        if (_text.Length > 0)
        {
            if (_pendingBreak)
                _text.Append('\n');
            else if (_pendingSpace)
                _text.Append(' ');
        }
        _pendingSpace = _pendingBreak = false;
    }
}
