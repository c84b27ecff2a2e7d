using Verbatim.Text.Normalisation;
using Verbatim.Text.Tokens;

namespace Verbatim.Text.Alignment;

/// <summary>
/// Where a text marks an omission: an ellipsis ("...", "…", "[...]", "۔۔۔") in the separator
/// between two words. Found in the typographically folded separator, so every way of typing one
/// counts, and located in the original, its square brackets included.
/// </summary>
internal static class Ellipses
{
    private const string Marker = "...";

    /// <summary>
    /// The original range of the ellipsis between word <paramref name="before"/> and the word
    /// after it (-1 for the text's start), or null when that separator holds none.
    /// </summary>
    public static TextRange? After(TokenisedText text, int before)
    {
        var start = before < 0 ? 0 : text.EndOf(before);
        var end = before + 1 < text.Count ? text.StartOf(before + 1) : text.Original.Length;
        // Only '.', '…' and '۔' fold into any part of "...", so a separator without one holds no ellipsis.
        if (end <= start || text.Original.AsSpan(start, end - start).IndexOfAny('.', '\u2026', '\u06D4') < 0)
            return null;
        var separator = Normaliser.Normalise(text.Original[start..end], NormalisationLayers.Typography);
        var at = separator.Text.IndexOf(Marker, StringComparison.Ordinal);
        if (at < 0)
            return null;
        var found = separator.ToOriginal(at, Marker.Length);
        var (from, to) = (start + found.Start, start + found.End);
        if (from > start && to < end && text.Original[from - 1] == '[' && text.Original[to] == ']')
            (from, to) = (from - 1, to + 1);
        return TextRange.FromBounds(from, to);
    }
}
