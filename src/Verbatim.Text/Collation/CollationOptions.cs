using Verbatim.Text.Normalisation;

namespace Verbatim.Text.Collation;

/// <summary>
/// What two tokens may differ in and still be one reading. The table always shows every token as
/// it stands; the options change only which tokens are aligned as the same.
/// </summary>
public sealed record CollationOptions
{
    public static readonly CollationOptions Exact = new();

    public bool IgnoreCase { get; init; }

    /// <summary>Drops punctuation from a token's key ("cat," reads as "cat"); a token of punctuation only keeps it.</summary>
    public bool IgnorePunctuation { get; init; }

    /// <summary>Folds typographic variants: Unicode composition, curly quotes and apostrophes, dashes, ligatures, ellipses.</summary>
    public bool FoldTypography { get; init; }

    /// <summary>Reads Cyrillic in Latin letters (BGN/PCGN without diacritics), so a transliterated witness aligns with the original.</summary>
    public bool Transliterate { get; init; }

    /// <summary>The key a token is compared by: the text engine's normalisation layers, then punctuation.</summary>
    public string Key(string token)
    {
        var layers = (FoldTypography ? NormalisationLayers.Nfc | NormalisationLayers.Typography : 0)
            | (IgnoreCase ? NormalisationLayers.Case : 0)
            | (Transliterate ? NormalisationLayers.Transliteration : 0);
        var key = layers == NormalisationLayers.None ? token : Normaliser.Normalise(token, layers).Text;
        if (IgnorePunctuation)
        {
            var letters = new string([.. key.Where(c => !char.IsPunctuation(c))]);
            if (letters.Length > 0)
                key = letters;
        }
        return key;
    }
}
