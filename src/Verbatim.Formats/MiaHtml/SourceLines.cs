namespace Verbatim.Formats.MiaHtml;

/// <summary>
/// Maps a character index of the received text to its 1-based line. AngleSharp's own line count is
/// 16-bit and wraps on long files; its character index does not.
/// </summary>
internal sealed class SourceLines
{
    private readonly string _text;
    private readonly List<int> _starts = [0];

    public SourceLines(string text)
    {
        _text = text;
        for (var i = text.IndexOf('\n'); i >= 0; i = text.IndexOf('\n', i + 1))
            _starts.Add(i + 1);
    }

    public int LineOf(int index)
    {
        var found = _starts.BinarySearch(Math.Clamp(index, 0, _text.Length));
        return found >= 0 ? found + 1 : ~found;
    }

    public int ColumnOf(int index)
    {
        var clamped = Math.Clamp(index, 0, _text.Length);
        return clamped - _starts[LineOf(clamped) - 1] + 1;
    }

    /// <summary>The line the element's start tag stands on; null where the parser made the element up.</summary>
    public int? LineOf(AngleSharp.Dom.IElement? element)
        => element?.SourceReference is { } reference ? LineOf(reference.Position.Index) : null;
}
