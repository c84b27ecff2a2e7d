using System.Buffers;
using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text;

namespace Verbatim.Text.Normalisation;

/// <summary>
/// Normalises text in layers (see <see cref="NormalisationLayers"/>), keeping for every layer a map
/// back to the original offsets. Pure: the same text and layers give the same result.
/// </summary>
public static class Normaliser
{
    public static NormalisedText Normalise(string text, NormalisationLayers layers = NormalisationLayers.All)
    {
        ArgumentNullException.ThrowIfNull(text);
        return FoldsOneCharacterAtATime(text, layers) ? FoldWithoutCyrillic(text) : LayerByLayer(text, layers);
    }

    /// <summary>Each layer asked for, one after the other: for a text <see cref="FoldsOneCharacterAtATime"/> does not hold for.</summary>
    internal static NormalisedText LayerByLayer(string text, NormalisationLayers layers)
    {
        var result = NormalisedText.Identity(text);
        if (layers.HasFlag(NormalisationLayers.Nfc))
            result = Apply(result, ComposeNfc);
        if (layers.HasFlag(NormalisationLayers.Typography))
            result = Apply(result, TypographicFolding.Fold);
        if (layers.HasFlag(NormalisationLayers.Case))
            result = Apply(result, FoldCase);
        if (layers.HasFlag(NormalisationLayers.Transliteration))
            result = Apply(result, Transliteration.Transliterate);
        result.Layers = layers;
        return result;
    }

    /// <summary>
    /// Whether every layer asked for can be applied in one pass, one character at a time: all of
    /// them, on a text already in NFC with no Cyrillic letter. NFC and transliteration then change
    /// nothing, and typography and case fold one character at a time, so folding each character
    /// and lower-casing what it folds to gives what the layers give one after the other, map
    /// included. Most texts are such, and one pass is several times faster.
    /// </summary>
    internal static bool FoldsOneCharacterAtATime(string text, NormalisationLayers layers) =>
        layers == NormalisationLayers.All && !text.AsSpan().ContainsAnyInRange('\u0400', '\u04FF') && text.IsNormalized(NormalizationForm.FormC);

    /// <summary>
    /// The one pass for a text <see cref="FoldsOneCharacterAtATime"/> holds for: the first
    /// <c>length</c> characters of <paramref name="folded"/> are the normal form, and
    /// <paramref name="sources"/>[k] is the original character folded character k came from, or
    /// <paramref name="sources"/> is null where every character folded to exactly one (character k
    /// came from character k), as in most texts: an ellipsis character, a ligature or a soft
    /// hyphen is what changes the length. Both arrays are rented from
    /// <see cref="ArrayPool{T}.Shared"/>; the caller returns them.
    /// </summary>
    // Compiled optimised at the first call: a one-off run over an archive otherwise spends much of
    // its time in this loop's unoptimised first compilation.
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    internal static int FoldEachCharacter(ReadOnlySpan<char> text, out char[] folded, out int[]? sources)
    {
        folded = ArrayPool<char>.Shared.Rent(Math.Max(16, text.Length));
        sources = null;
        var length = 0;
        for (var i = 0; i < text.Length;)
        {
            // ASCII other than the grave accent folds by lower-casing alone, one character to one,
            // so a stretch of it is folded at once; it is most of most texts.
            var plain = text[i..].IndexOfAnyExcept(PlainAscii);
            plain = plain < 0 ? text.Length - i : plain;
            if (plain > 0)
            {
                sources = Reserve(ref folded, sources, length, length + plain, text.Length);
                Ascii.ToLower(text.Slice(i, plain), folded.AsSpan(length, plain), out _);
                if (sources is not null)
                {
                    for (var k = 0; k < plain; k++)
                        sources[length + k] = i + k;
                }
                (length, i) = (length + plain, i + plain);
                continue;
            }
            var expansion = TypographicFolding.FoldOne(text[i]);
            var piece = expansion is null ? [text[i]] : expansion.AsSpan();
            if (sources is null && piece.Length != 1)
            {
                // The first character that does not fold to one: the places so far were their own.
                sources = ArrayPool<int>.Shared.Rent(folded.Length);
                for (var k = 0; k < length; k++)
                    sources[k] = k;
            }
            sources = Reserve(ref folded, sources, length, length + piece.Length, text.Length);
            foreach (var c in piece)
            {
                if (sources is not null)
                    sources[length] = i;
                folded[length++] = char.ToLowerInvariant(c);
            }
            i++;
        }
        return length;
    }

    private static readonly SearchValues<char> PlainAscii = SearchValues.Create(
        [.. Enumerable.Range(0, 128).Select(c => (char)c).Where(c => TypographicFolding.FoldOne(c) is null)]);

    /// <summary>
    /// The normal form of characters that fold one to one (<see cref="FoldEachCharacter"/> gives
    /// no sources for them): the key of a word whose text's normal form was not kept.
    /// </summary>
    internal static string FoldOneToOne(ReadOnlySpan<char> text)
    {
        var length = FoldEachCharacter(text, out var folded, out var sources);
        try
        {
            return sources is null ? new string(folded, 0, length) : throw new ArgumentException("The characters do not fold one to one.", nameof(text));
        }
        finally
        {
            ArrayPool<char>.Shared.Return(folded);
            if (sources is not null)
                ArrayPool<int>.Shared.Return(sources);
        }
    }

    /// <summary>Makes room for <paramref name="needed"/> characters (and their sources, where kept); returns the sources.</summary>
    private static int[]? Reserve(ref char[] folded, int[]? sources, int used, int needed, int textLength)
    {
        if (needed <= folded.Length)
            return sources;
        var size = Math.Max(needed, folded.Length + textLength / 8);
        folded = Grown(folded, used, size);
        return sources is null ? null : Grown(sources, used, size);
    }

    private static T[] Grown<T>(T[] rented, int used, int size)
    {
        var larger = ArrayPool<T>.Shared.Rent(size);
        rented.AsSpan(0, used).CopyTo(larger);
        ArrayPool<T>.Shared.Return(rented);
        return larger;
    }

    private static NormalisedText FoldWithoutCyrillic(string text)
    {
        var length = FoldEachCharacter(text, out var folded, out var sources);
        try
        {
            var starts = sources is null ? [.. Enumerable.Range(0, length)] : sources[..length];
            var ends = new int[length];
            for (var k = 0; k < length; k++)
                ends[k] = starts[k] + 1;
            return new NormalisedText(text, new string(folded, 0, length), starts, ends) { Layers = NormalisationLayers.All };
        }
        finally
        {
            ArrayPool<char>.Shared.Return(folded);
            if (sources is not null)
                ArrayPool<int>.Shared.Return(sources);
        }
    }

    private static NormalisedText Apply(NormalisedText current, Action<string, MappedTextBuilder> layer)
    {
        var builder = new MappedTextBuilder(current.Text.Length);
        layer(current.Text, builder);
        var (text, starts, ends) = builder.Build();
        return current.Then(text, starts, ends);
    }

    /// <summary>
    /// NFC one text element (grapheme cluster) at a time, so every composed character maps to the
    /// cluster it was composed from. Composition does not reach across a cluster boundary in any
    /// text Verbatim keeps (Hangul syllables are single clusters), so the result equals the NFC of
    /// the whole string; a test holds it to that.
    /// </summary>
    private static void ComposeNfc(string input, MappedTextBuilder output)
    {
        if (input.IsNormalized(NormalizationForm.FormC))
        {
            for (var i = 0; i < input.Length; i++)
                output.Append(input[i], i, i + 1);
            return;
        }
        var at = 0;
        while (at < input.Length)
        {
            var length = StringInfo.GetNextTextElementLength(input.AsSpan(at));
            var element = input.AsSpan(at, length);
            if (element.IsNormalized(NormalizationForm.FormC))
            {
                for (var i = 0; i < length; i++)
                    output.Append(element[i], at + i, at + i + 1);
            }
            else
            {
                output.Append(element.ToString().Normalize(NormalizationForm.FormC), at, at + length);
            }
            at += length;
        }
    }

    /// <summary>Per UTF-16 unit and invariant, so the fold never changes the length.</summary>
    private static void FoldCase(string input, MappedTextBuilder output)
    {
        for (var i = 0; i < input.Length; i++)
            output.Append(char.ToLowerInvariant(input[i]), i, i + 1);
    }
}
