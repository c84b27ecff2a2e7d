using System.Text;

namespace Verbatim.Formats.MiaHtml;

/// <summary>
/// The rendered text of a run of inline content, by the HTML white-space rules: a run of ASCII white
/// space is one space and vanishes at the start and end of a line; a &lt;br&gt; is "\n". The no-break
/// space is not white space to HTML, so it is kept as a character (the builder folds it later).
/// </summary>
internal sealed class InlineText
{
    private readonly StringBuilder _text = new();
    private bool _pendingSpace;

    public int Length => _text.Length;

    public void Append(string data)
    {
        foreach (var c in data)
        {
            if (IsHtmlSpace(c))
            {
                _pendingSpace = true;
                continue;
            }
            if (_pendingSpace && _text.Length > 0 && _text[^1] != '\n')
                _text.Append(' ');
            _pendingSpace = false;
            _text.Append(c);
        }
    }

    /// <summary>Text of a &lt;pre&gt;: its line breaks are the author's, its spaces are folded later.</summary>
    public void AppendPreformatted(string data)
    {
        var lines = data.Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            if (i > 0) LineBreak();
            Append(lines[i]);
        }
    }

    public void LineBreak()
    {
        _pendingSpace = false;
        _text.Append('\n');
    }

    /// <summary>The text gathered so far, cleared; trailing white space was never written.</summary>
    public string Take()
    {
        var text = _text.ToString();
        _text.Clear();
        _pendingSpace = false;
        return text;
    }

    public static bool IsHtmlSpace(char c) => c is ' ' or '\t' or '\n' or '\f' or '\r';
}
