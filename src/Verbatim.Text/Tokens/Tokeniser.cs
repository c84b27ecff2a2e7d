using System.Globalization;
using Verbatim.Text.Normalisation;

namespace Verbatim.Text.Tokens;

/// <summary>
/// Splits a text into words and numbers, over its normal form, with offsets mapped back to the
/// original. A word is a run of letters, digits and combining marks; an apostrophe (after
/// typographic folding, every kind of apostrophe is "'") stays inside a word when letters stand on
/// both sides ("don't", "Ilyich's"), so a closing quote mark is not part of the word; a '.' or ','
/// stays inside a number when digits stand on both sides ("1,000", "7.3"). Everything else is a
/// separator: punctuation, hyphens and dashes, spaces.
/// </summary>
public static class Tokeniser
{
    public static TokenisedText Tokenise(string text, NormalisationLayers layers = NormalisationLayers.All) =>
        Tokenise(Normaliser.Normalise(text, layers));

    public static TokenisedText Tokenise(NormalisedText normalised)
    {
        ArgumentNullException.ThrowIfNull(normalised);
        var text = normalised.Text;
        var tokens = new List<Token>();
        var i = 0;
        while (i < text.Length)
        {
            if (!IsWordCharacter(text[i]))
            {
                i++;
                continue;
            }
            var start = i;
            while (i < text.Length && (IsWordCharacter(text[i]) || JoinsInsideWord(text, i)))
                i++;
            var original = normalised.ToOriginal(TextRange.FromBounds(start, i));
            tokens.Add(new Token(tokens.Count, text[start..i], original.Start, original.Length));
        }
        return new TokenisedText(normalised, tokens);
    }

    private static bool IsWordCharacter(char c)
    {
        // ASCII has no combining marks, so its letters and digits are its word characters; asking
        // for the Unicode category of every space and comma is what took the time.
        if (char.IsAscii(c))
            return char.IsAsciiLetterOrDigit(c);
        if (char.IsLetterOrDigit(c))
            return true;
        var category = CharUnicodeInfo.GetUnicodeCategory(c);
        return category is UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark
            or UnicodeCategory.EnclosingMark;
    }

    private static bool JoinsInsideWord(string text, int at)
    {
        if (at == 0 || at + 1 >= text.Length)
            return false;
        var (before, c, after) = (text[at - 1], text[at], text[at + 1]);
        return c switch
        {
            '\'' or '\u2019' => char.IsLetter(before) && char.IsLetter(after),
            '.' or ',' => char.IsDigit(before) && char.IsDigit(after),
            _ => false,
        };
    }
}
