using System.Globalization;

namespace Verbatim.Text.Normalisation;

/// <summary>
/// Folds typographic variants to their plain forms: curly and angled quotes to straight ones,
/// every dash and the minus sign to '-', the ellipsis character (and the Urdu full stop that some
/// pages type three times as one) to "...", the Latin ligatures to their letters, every Unicode
/// space separator to ' '. Soft hyphens, zero-width characters and byte-order marks vanish: they
/// are invisible in print and must not split or join words.
/// </summary>
internal static class TypographicFolding
{
    public static void Fold(string input, MappedTextBuilder output)
    {
        for (var i = 0; i < input.Length; i++)
        {
            var c = input[i];
            var folded = FoldOne(c);
            if (folded is null)
                output.Append(c, i, i + 1);
            else
                output.Append(folded, i, i + 1);
        }
    }

    /// <summary>The folded form, "" for a character that vanishes, null for one left as it is.</summary>
    internal static string? FoldOne(char c) => c switch
    {
        '\u2018' or '\u2019' or '\u201A' or '\u201B' or '\u2032' or '\u02BC' or '\u0060' or '\u00B4' => "'",
        '\u201C' or '\u201D' or '\u201E' or '\u201F' or '\u00AB' or '\u00BB' or '\u2033' or '\u2039' or '\u203A' => "\"",
        '\u2010' or '\u2011' or '\u2012' or '\u2013' or '\u2014' or '\u2015' or '\u2212' or '\u2E3A' or '\u2E3B' => "-",
        '\u2026' => "...",
        '\u06D4' => ".",
        '\uFB00' => "ff",
        '\uFB01' => "fi",
        '\uFB02' => "fl",
        '\uFB03' => "ffi",
        '\uFB04' => "ffl",
        '\uFB05' or '\uFB06' => "st",
        '\u00AD' or '\u200B' or '\u200C' or '\u200D' or '\u2060' or '\uFEFF' => "",
        ' ' => null,
        // The only ASCII character folded is the grave accent, above; asking every other one for its category is slow.
        _ when char.IsAscii(c) => null,
        _ when CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.SpaceSeparator => " ",
        _ => null,
    };
}
