namespace Verbatim.Text.Reuse;

/// <summary>
/// The part of a long text worth tokenising to align a quotation with it: the characters around
/// the places where its words were found, so that checking a quotation against a long document
/// costs no more than against a short one.
/// </summary>
public static class TextWindow
{
    /// <summary>
    /// Characters read on each side: the words alignment may add around the places found
    /// (<see cref="ReuseOptions.Margin"/> words and a quotation's edges), at well over an average
    /// word's length each.
    /// </summary>
    public const int Margin = 1000;

    /// <summary>From <paramref name="margin"/> characters (<see cref="Margin"/> unless given) before the first place to as far after the last, widened to white space on both sides so that no word is cut.</summary>
    public static (int Start, int End) Around(string text, int first, int last, int margin = Margin)
    {
        ArgumentNullException.ThrowIfNull(text);
        var start = Math.Clamp(first - margin, 0, text.Length);
        var end = Math.Clamp(last + margin, start, text.Length);
        while (start > 0 && !char.IsWhiteSpace(text[start - 1]))
            start--;
        while (end < text.Length && !char.IsWhiteSpace(text[end]))
            end++;
        return (start, end);
    }
}
