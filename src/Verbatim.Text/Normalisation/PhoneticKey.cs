using System.Text;

namespace Verbatim.Text.Normalisation;

/// <summary>
/// A key under which the spellings of one transliterated name meet. Transliterations of one
/// Russian name differ mostly in their vowels (Volodicheva, Volodichiva), in a dropped or swapped
/// unstressed vowel (Volodcheva, Volidicheva), in doubled letters (Polittburo) and in the spelling
/// of a sound by different schemes (Politbureau, w for v, tch for ch, tz for ts). The key is therefore the
/// name's consonant skeleton: every layer of normalisation (so Cyrillic and Latin spellings meet),
/// letters only, the scheme differences folded, then every vowel after the first letter dropped
/// and every run of one consonant collapsed. The first letter stays even when it is a vowel, so
/// Ulyanova and Lyanova stay apart.
/// </summary>
public static class PhoneticKey
{
    private static readonly (string From, string To)[] SpellingFolds =
    [
        ("tsch", "ch"),
        ("tz", "ts"),
        ("tch", "ch"),
        ("ph", "f"),
        ("ck", "k"),
        ("w", "v"),
        ("x", "ks"),
        ("q", "k"),
        ("j", "y"),
    ];

    public static string Of(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        var letters = new StringBuilder(name.Length);
        foreach (var c in Normaliser.Normalise(name).Text)
        {
            if (char.IsLetter(c))
                letters.Append(c);
        }
        foreach (var (from, to) in SpellingFolds)
            letters.Replace(from, to);

        var key = new StringBuilder(letters.Length);
        for (var i = 0; i < letters.Length; i++)
        {
            var c = letters[i];
            if (i > 0 && IsVowel(c))
                continue;
            if (key.Length > 0 && key[^1] == c)
                continue;
            key.Append(c);
        }
        return key.ToString();
    }

    /// <summary>A name without letters has an empty key and is the same as nothing.</summary>
    public static bool SameName(string a, string b)
    {
        var key = Of(a);
        return key.Length > 0 && key == Of(b);
    }

    private static bool IsVowel(char c) => c is 'a' or 'e' or 'i' or 'o' or 'u' or 'y';
}
