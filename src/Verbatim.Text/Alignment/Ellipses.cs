using System.Text.RegularExpressions;
using Verbatim.Text.Normalisation;
using Verbatim.Text.Tokens;

namespace Verbatim.Text.Alignment;

/// <summary>
/// Where a text marks an omission: an ellipsis ("...", "…", ". . .", "[...]", "[…]", "۔۔۔") in
/// the separator between two words, located in the original, its square brackets included.
/// </summary>
internal static partial class Ellipses
{
    /// <summary>
    /// The original range of the ellipsis between word <paramref name="before"/> and the word
    /// after it (-1 for the text's start), or null when that separator holds none.
    /// </summary>
    public static TextRange? After(TokenisedText text, int before)
    {
        ArgumentNullException.ThrowIfNull(text);
        var start = before < 0 ? 0 : text.EndOf(before);
        var end = before + 1 < text.Count ? text.StartOf(before + 1) : text.Original.Length;
        // A separator without '…' and with fewer than three dots holds no ellipsis. Most separators
        // with a full stop end a sentence, and need no search to tell.
        var separator = text.Original.AsSpan(start, Math.Max(0, end - start));
        if (!separator.Contains('\u2026') && separator.Count('.') + separator.Count('\u06D4') < 3)
            return null;
        foreach (var found in Ellipsis().EnumerateMatches(separator))
            return new TextRange(start + found.Index, found.Length);
        return null;
    }

    /// <summary>
    /// Three dots (full stops or Urdu ones, a single space allowed between them, as printers set
    /// them) or the one character '…', in square brackets or bare: an editor's "[...]" is one mark.
    /// </summary>
    [GeneratedRegex(@"\[(?:\u2026|[.\u06D4](?:[ \u00A0]?[.\u06D4]){2})\]|\u2026|[.\u06D4](?:[ \u00A0]?[.\u06D4]){2}")]
    private static partial Regex Ellipsis();
}
