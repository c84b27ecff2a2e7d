using System.Globalization;
using System.Text;

namespace Verbatim.Storage.Catalog;

/// <summary>A word of a user's query as the full-text index compares it: folded, and a prefix where it ended in "*".</summary>
public sealed record SearchWord(string Folded, bool Prefix)
{
    public bool Matches(string foldedToken) => Prefix ? foldedToken.StartsWith(Folded, StringComparison.Ordinal) : foldedToken == Folded;
}

/// <summary>
/// Words as the catalog's FTS5 tokenizer (unicode61, remove_diacritics 2) reads them: runs of
/// letters, digits and private-use characters, compared without case or diacritics. Snippets are
/// made outside SQLite and must mark what its index matched.
/// </summary>
public static class SearchWords
{
    /// <summary>The folded words of a text.</summary>
    public static IReadOnlyList<string> Split(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var words = new List<string>();
        foreach (var (start, length) in Spans(text, 0, text.Length))
            words.Add(Fold(text.AsSpan(start, length)));
        return words;
    }

    /// <summary>Where each word of text[start..end) lies.</summary>
    public static IEnumerable<(int Start, int Length)> Spans(string text, int start, int end)
    {
        ArgumentNullException.ThrowIfNull(text);
        var i = start;
        while (i < end)
        {
            while (i < end && !IsWordCharacter(text, i))
                i++;
            var first = i;
            while (i < end && IsWordCharacter(text, i))
                i += char.IsHighSurrogate(text[i]) && i + 1 < end ? 2 : 1;
            if (i > first)
                yield return (first, i - first);
        }
    }

    /// <summary>Lower case, no diacritics: a word as the index keeps it.</summary>
    public static string Fold(ReadOnlySpan<char> word)
    {
        var decomposed = word.ToString().Normalize(NormalizationForm.FormD);
        var folded = new StringBuilder(decomposed.Length);
        foreach (var c in decomposed)
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) != UnicodeCategory.NonSpacingMark)
                folded.Append(char.ToLowerInvariant(c));
        }
        return folded.ToString();
    }

    private static bool IsWordCharacter(string text, int i)
    {
        // Combining marks stay inside the word they follow, as unicode61 keeps them.
        var category = CharUnicodeInfo.GetUnicodeCategory(text, i);
        return category is UnicodeCategory.UppercaseLetter or UnicodeCategory.LowercaseLetter or UnicodeCategory.TitlecaseLetter
            or UnicodeCategory.ModifierLetter or UnicodeCategory.OtherLetter or UnicodeCategory.DecimalDigitNumber
            or UnicodeCategory.LetterNumber or UnicodeCategory.OtherNumber or UnicodeCategory.PrivateUse
            or UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark;
    }
}
