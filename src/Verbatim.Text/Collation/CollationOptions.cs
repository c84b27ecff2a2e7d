using System.Globalization;
using System.Text;

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

    /// <summary>Folds typographic variants: curly quotes and apostrophes, dashes, ligatures, NFC/NFKC forms.</summary>
    public bool FoldTypography { get; init; }

    /// <summary>The key a token is compared by.</summary>
    public string Key(string token)
    {
        var key = token;
        if (FoldTypography)
            key = FoldTypographic(key);
        if (IgnorePunctuation)
        {
            var letters = new string([.. key.Where(c => !char.IsPunctuation(c))]);
            if (letters.Length > 0)
                key = letters;
        }
        if (IgnoreCase)
            key = key.ToLower(CultureInfo.InvariantCulture);
        return key;
    }

    private static string FoldTypographic(string token)
    {
        // NFKC takes ligatures apart (ﬁ → fi) and makes compatibility forms plain; the rest are
        // the marks that typesetting varies and a reader does not.
        var builder = new StringBuilder(token.Normalize(NormalizationForm.FormKC));
        builder.Replace('\u2018', '\'').Replace('\u2019', '\'').Replace('\u201A', '\'').Replace('\u02BC', '\'')
            .Replace('\u201C', '"').Replace('\u201D', '"').Replace('\u201E', '"').Replace('\u00AB', '"').Replace('\u00BB', '"')
            .Replace('\u2013', '-').Replace('\u2014', '-').Replace('\u2012', '-').Replace('\u2212', '-');
        return builder.ToString();
    }
}
