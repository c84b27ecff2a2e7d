using System.Text;
using System.Text.RegularExpressions;
using Verbatim.Model;

namespace Verbatim.Formats.Common;

/// <summary>Reads personal names as pages print them: "V. I.   Lenin", "L.D. Trotsky", "J. V. STALIN".</summary>
public static partial class PersonNames
{
    [GeneratedRegex(@"\b(\p{Lu})\.(?=\p{Lu})")]
    private static partial Regex GluedInitial();

    private static readonly string[] Honorifics =
        ["Comrade", "Comrades", "Com.", "Esteemed", "Dear", "Respected", "Mr.", "Mrs.", "Prof.", "Dr."];

    /// <summary>
    /// The name with white space folded, glued initials spaced ("L.D." to "L. D.") and an all-capital
    /// word lowered to title case ("STALIN" to "Stalin"); <see cref="PersonRef.Text"/> keeps the
    /// source's form where it differs.
    /// </summary>
    public static PersonRef Read(string text, string? role = null, string? reference = null)
    {
        var source = Whitespace.CollapseToLine(text).Trim().TrimEnd(',', ':', ';', '!', '.').Trim();
        if (source.EndsWith(" ", StringComparison.Ordinal)) source = source.TrimEnd();
        var name = GluedInitial().Replace(source, "$1. ");
        var (honorific, remainder) = SplitHonorific(name);
        name = string.Join(' ', remainder.Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(TitleCaseShouted));
        // Keep the full stop of a trailing initial ("M.V.") that TrimEnd removed.
        if (Regex.IsMatch(name, @"(^|\s)\p{Lu}$") && text.TrimEnd().EndsWith('.'))
            name += ".";
        var original = Whitespace.CollapseToLine(text).Trim();
        return new PersonRef(name, role ?? honorific, reference, original == name ? null : original);
    }

    /// <summary>The surname: the last word that is not an initial.</summary>
    public static string Surname(string name)
    {
        var words = name.Split([' ', '\u00A0'], StringSplitOptions.RemoveEmptyEntries);
        for (var i = words.Length - 1; i >= 0; i--)
        {
            var word = words[i].Trim('.', ',', '(', ')');
            if (word.Length > 1 && !word.EndsWith('.'))
                return word;
        }
        return words.Length > 0 ? words[^1].Trim('.') : name;
    }

    /// <summary>Whether a line looks like a personal name: at most five words, each an initial or capitalised.</summary>
    public static bool LooksLikeName(string line)
    {
        var words = Whitespace.CollapseToLine(line).Replace(".", ". ").Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (words.Length is 0 or > 5)
            return false;
        var hasSurname = false;
        foreach (var word in words)
        {
            if (!char.IsUpper(word[0]))
                return false;
            if (word.Length > 2 && !word.EndsWith('.'))
                hasSurname = true;
        }
        return hasSurname;
    }

    private static (string? Honorific, string Remainder) SplitHonorific(string name)
    {
        foreach (var honorific in Honorifics)
        {
            if (name.StartsWith(honorific + " ", StringComparison.OrdinalIgnoreCase))
                return (honorific.TrimEnd('.'), name[(honorific.Length + 1)..].Trim());
        }
        return (null, name);
    }

    private static string TitleCaseShouted(string word)
    {
        var letters = word.Count(char.IsLetter);
        if (letters < 2 || word.Any(char.IsLower))
            return word;
        var builder = new StringBuilder(word.Length);
        var startOfWord = true;
        foreach (var c in word)
        {
            builder.Append(startOfWord ? c : char.ToLowerInvariant(c));
            startOfWord = !char.IsLetter(c);
        }
        return builder.ToString();
    }
}
