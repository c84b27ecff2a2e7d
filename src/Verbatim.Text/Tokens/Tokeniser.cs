using System.Buffers;
using System.Globalization;
using System.Runtime.CompilerServices;
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
    /// <summary>
    /// Texts longer than this are tokenised a piece at a time: the normal form's maps of a whole
    /// text of tens of megabytes took gigabytes, where the words kept take some 25 bytes each.
    /// </summary>
    public const int PieceCharacters = 1 << 20;

    public static TokenisedText Tokenise(string text, NormalisationLayers layers = NormalisationLayers.All) => Tokenise(text, layers, PieceCharacters);

    internal static TokenisedText Tokenise(string text, NormalisationLayers layers, int pieceCharacters)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (text.Length > pieceCharacters)
            return TokeniseByPieces(text, layers, pieceCharacters);
        return Normaliser.FoldsOneCharacterAtATime(text, layers) ? TokeniseFoldedCharacters(text) : Tokenise(Normaliser.LayerByLayer(text, layers));
    }

    /// <summary>
    /// The words of a long text, found a piece at a time and joined. Each piece ends after a run of
    /// white space: no layer of normalisation reaches across white space (a word's normal form
    /// depends on its own characters, transliteration on the letter before, which white space is
    /// not), so the pieces give the words, keys and offsets the whole text gives. A text without
    /// white space for a long stretch makes that piece longer.
    /// </summary>
    private static TokenisedText TokeniseByPieces(string text, NormalisationLayers layers, int pieceCharacters)
    {
        using var words = new TokenisedText.Builder(text.Length / 5);
        // Made once a piece keeps its normal form; until then every piece's is its original folded one to one.
        // Kept as written, room and all: made a string, it was a second copy of the text's normal
        // form while the first was still held.
        ArrayBufferWriter<char>? normalForm = null;
        for (var start = 0; start < text.Length;)
        {
            var end = PieceEnd(text, start, pieceCharacters);
            var piece = Tokenise(text[start..end], layers, int.MaxValue);
            if (normalForm is null && piece.KeepsNormalForm)
            {
                normalForm = new ArrayBufferWriter<char>(text.Length);
                normalForm.Write(Normaliser.FoldOneToOne(text.AsSpan(0, start)).AsSpan());
            }
            var normalFormStart = start;
            if (normalForm is not null)
            {
                normalFormStart = normalForm.WrittenCount;
                piece.AppendNormalForm(normalForm);
            }
            for (var w = 0; w < piece.Count; w++)
            {
                var (keyStart, keyEnd) = piece.KeyRangeOf(w);
                words.Add(piece.KeyHashes[w], normalFormStart + keyStart, normalFormStart + keyEnd, start + piece.StartOf(w), start + piece.EndOf(w));
            }
            start = end;
        }
        return new TokenisedText(text, layers, normalForm?.WrittenMemory, words);
    }

    private static int PieceEnd(string text, int start, int pieceCharacters)
    {
        if (text.Length - start <= pieceCharacters)
            return text.Length;
        var space = text.AsSpan(start + pieceCharacters).IndexOfAny(WhiteSpace);
        if (space < 0)
            return text.Length;
        var end = start + pieceCharacters + space;
        while (end < text.Length && char.IsWhiteSpace(text[end]))
            end++;
        return end;
    }

    private static readonly SearchValues<char> WhiteSpace = SearchValues.Create(
        [.. Enumerable.Range(0, char.MaxValue + 1).Select(c => (char)c).Where(char.IsWhiteSpace)]);

    public static TokenisedText Tokenise(NormalisedText normalised)
    {
        ArgumentNullException.ThrowIfNull(normalised);
        var text = normalised.Text;
        using var words = new TokenisedText.Builder(text.Length / 5);
        for (var at = 0; NextWord(text, ref at, out var start);)
        {
            var original = normalised.ToOriginal(TextRange.FromBounds(start, at));
            words.Add(text, start, at, original.Start, original.End);
        }
        return new TokenisedText(normalised, words);
    }

    /// <summary>
    /// The same words as <see cref="Tokenise(NormalisedText)"/> over the same normal form, without
    /// making that form's map for every character. Tokenising every text of an archive is where
    /// finding reuse spent most of its time, and the map was much of it.
    /// </summary>
    // Compiled optimised at the first call: a one-off run over an archive otherwise spends much of
    // its time in this loop's unoptimised first compilation.
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static TokenisedText TokeniseFoldedCharacters(string text)
    {
        var length = Normaliser.FoldEachCharacter(text, out var folded, out var sources);
        try
        {
            var span = folded.AsSpan(0, length);
            using var words = new TokenisedText.Builder(length / 5);
            for (var at = 0; NextWord(span, ref at, out var start);)
            {
                if (sources is null)
                    words.Add(span, start, at, start, at);
                else
                    words.Add(span, start, at, sources[start], sources[at - 1] + 1);
            }
            return new TokenisedText(text, NormalisationLayers.All, sources is null ? (ReadOnlyMemory<char>?)null : new string(span).AsMemory(), words);
        }
        finally
        {
            ArrayPool<char>.Shared.Return(folded);
            if (sources is not null)
                ArrayPool<int>.Shared.Return(sources);
        }
    }

    /// <summary>The next word at or after <paramref name="at"/>: false when none is left, else its start, with <paramref name="at"/> moved to its end.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static bool NextWord(ReadOnlySpan<char> text, ref int at, out int start)
    {
        while (at < text.Length && !IsWordCharacter(text[at]))
            at++;
        start = at;
        while (at < text.Length && (IsWordCharacter(text[at]) || JoinsInsideWord(text, at)))
            at++;
        return at > start;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
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

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static bool JoinsInsideWord(ReadOnlySpan<char> text, int at)
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
