namespace Verbatim.Text.Normalisation;

/// <summary>
/// The layers of normalisation, each optional. Whatever subset is chosen, they run in the order of
/// their values: NFC first (so later layers see composed letters), then typography, case, and
/// transliteration last (so it sees straight apostrophes and one case of each letter).
/// </summary>
[Flags]
public enum NormalisationLayers
{
    None = 0,
    Nfc = 1,
    Typography = 2,
    Case = 4,
    Transliteration = 8,

    /// <summary>What comparison of words uses: every layer.</summary>
    All = Nfc | Typography | Case | Transliteration,
}
