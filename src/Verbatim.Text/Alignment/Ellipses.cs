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
        // Only '…' folds to "..." by itself, and '.' and '۔' to one '.' each: a separator without
        // '…' and with fewer than three of the others holds no ellipsis. Most separators with a
        // full stop end a sentence, and need not be folded to tell.
        var separatorText = text.Original.AsSpan(start, Math.Max(0, end - start));
        if (!separatorText.Contains('\u2026') && separatorText.Count('.') + separatorText.Count('\u06D4') < Marker.Length)
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
