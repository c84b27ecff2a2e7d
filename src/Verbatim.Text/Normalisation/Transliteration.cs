namespace Verbatim.Text.Normalisation;

/// <summary>
/// Cyrillic to Latin by BGN/PCGN 1947 for Russian (the scheme of English-language atlases and
/// press: Krupskaya, Ulyanova, Yezhov), written without its diacritics and separators so that the
/// result is plain ASCII letters: "ё" is "e"/"ye" rather than "ë"/"yë", and the soft and hard signs
/// (BGN/PCGN's ’ and ”) vanish, since English editions drop them and a kept apostrophe would
/// change the word. As in BGN/PCGN, "е" and "ё" are "ye" at the start of a word and after a vowel,
/// "й", "ъ" or "ь". Ukrainian і, ї, є, ґ follow the Ukrainian BGN/PCGN values.
/// An upper-case letter gives a capitalised expansion ("Щ" is "Shch").
/// </summary>
internal static class Transliteration
{
    public static void Transliterate(string input, MappedTextBuilder output)
    {
        for (var i = 0; i < input.Length; i++)
        {
            var c = input[i];
            var lower = char.ToLowerInvariant(c);
            var latin = Latin(lower, i == 0 ? '\0' : char.ToLowerInvariant(input[i - 1]));
            if (latin is null)
            {
                output.Append(c, i, i + 1);
                continue;
            }
            if (c != lower && latin.Length > 0)
                latin = char.ToUpperInvariant(latin[0]) + latin[1..];
            output.Append(latin, i, i + 1);
        }
    }

    private static bool IsCyrillic(char c) => c is >= '\u0400' and <= '\u04FF';

    private static bool SoftensFollowingE(char previous) =>
        !IsCyrillic(previous) || "аеёиоуыэюяйъьіїє".Contains(previous, StringComparison.Ordinal);

    /// <summary>The Latin form of a lower-case letter, or null for a character that is not Cyrillic.</summary>
    private static string? Latin(char c, char previous) => c switch
    {
        'а' => "a",
        'б' => "b",
        'в' => "v",
        'г' => "g",
        'д' => "d",
        'е' or 'ё' => SoftensFollowingE(previous) ? "ye" : "e",
        'ж' => "zh",
        'з' => "z",
        'и' => "i",
        'й' => "y",
        'к' => "k",
        'л' => "l",
        'м' => "m",
        'н' => "n",
        'о' => "o",
        'п' => "p",
        'р' => "r",
        'с' => "s",
        'т' => "t",
        'у' => "u",
        'ф' => "f",
        'х' => "kh",
        'ц' => "ts",
        'ч' => "ch",
        'ш' => "sh",
        'щ' => "shch",
        'ъ' or 'ь' => "",
        'ы' => "y",
        'э' => "e",
        'ю' => "yu",
        'я' => "ya",
        'і' => "i",
        'ї' => "yi",
        'є' => "ye",
        'ґ' => "g",
        _ => null,
    };
}
