using System.Globalization;
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
        if (layers == NormalisationLayers.All && !text.AsSpan().ContainsAnyInRange('\u0400', '\u04FF') && text.IsNormalized(NormalizationForm.FormC))
            return FoldWithoutCyrillic(text);
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
    /// Every layer in one pass, for a text already in NFC with no Cyrillic letter: NFC and
    /// transliteration then change nothing, and typography and case fold one character at a time,
    /// so folding each character and lower-casing what it folds to gives what the layers give one
    /// after the other, map included. Most texts are such, and one pass is several times faster.
    /// </summary>
    private static NormalisedText FoldWithoutCyrillic(string text)
    {
        var folded = new char[text.Length];
        var starts = new int[text.Length];
        var length = 0;
        for (var i = 0; i < text.Length; i++)
        {
            var expansion = TypographicFolding.FoldOne(text[i]);
            var piece = expansion is null ? [text[i]] : expansion.AsSpan();
            if (length + piece.Length > folded.Length)
            {
                Array.Resize(ref folded, folded.Length + text.Length / 8 + piece.Length);
                Array.Resize(ref starts, folded.Length);
            }
            foreach (var c in piece)
                (folded[length], starts[length++]) = (char.ToLowerInvariant(c), i);
        }
        var ends = new int[length];
        for (var k = 0; k < length; k++)
            ends[k] = starts[k] + 1;
        return new NormalisedText(text, new string(folded, 0, length), starts.Length == length ? starts : starts[..length], ends) { Layers = NormalisationLayers.All };
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
