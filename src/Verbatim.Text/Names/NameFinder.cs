using System.Text.RegularExpressions;
using Verbatim.Model;
using Verbatim.Text.Normalisation;

namespace Verbatim.Text.Names;

/// <summary>A name found in a document's text, and by which rule.</summary>
/// <param name="Rule">"comrade" (an address: "Comrade Stalin"), "initials" ("M. A. Volodcheva"),
/// "dictated" (a secretary's initials: "Dictated to M.V."), "organisation" (a known body: Politburo),
/// "known" (a surname the archive already knows).</param>
public sealed record FoundName(string Name, NameKind Kind, string Rule, int Start);

/// <summary>
/// Finds names of people and bodies in a text that marks none: forms of address, initials before a
/// surname, a secretary's initials after "Dictated to", the bodies of the Party, and surnames the
/// archive already knows from its letters' metadata, whatever their transliteration.
/// </summary>
/// <remarks>
/// A text found by an earlier rule is not found again by a later one; rules run in the order above.
/// A known surname is matched by its phonetic key (which keeps the first letter), so Volidicheva is found
/// where Volodcheva is known, and nothing else is guessed: a capitalised word is not a name.
/// </remarks>
public static partial class NameFinder
{
    // Bodies the seeds name in many spellings (Politbureau, Politburo, Polittburo, politbureau).
    private static readonly string[] KnownBodies = ["Politburo", "Orgburo", "Sovnarkom", "Comintern"];

    private static readonly HashSet<string> BodyKeys = [.. KnownBodies.Select(PhoneticKey.Of)];

    // Words that make a name a body's: the Party's bodies and their abbreviations, and the words
    // English and German letters address collective addressees by.
    private static readonly HashSet<string> BodyWords = new(StringComparer.OrdinalIgnoreCase)
    {
        "plenum", "committee", "committees", "bureau", "bureaus", "politbureau", "congress", "conference", "council",
        "commission", "presidium", "soviet", "soviets", "board", "secretariat", "collegium", "editors", "cc", "ccc",
        "rcp", "cpsu", "redaktion", "verlag", "direktion", "vorstand", "verein", "gesellschaft", "ausschuss", "komitee",
    };

    // Letter sequences that look like initials and are not: postscripts, the Central Committee.
    private static readonly HashSet<string> NotInitials = ["P.S.", "P.P.S.", "N.B.", "C.C.", "R.C.P.", "C.P.C."];

    // Capitalised words that follow initials and are not surnames: "M.V. March 6", "V.I. With ...".
    private static readonly HashSet<string> NotSurnames = new(StringComparer.Ordinal)
    {
        "January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December",
        "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday",
        "The", "This", "That", "These", "Those", "With", "And", "But", "For", "From", "After", "Before", "When", "While",
        "Not", "Also", "His", "Her", "Their", "Our", "Your", "Its", "Who", "Which", "What", "There", "Then", "Here",
    };

    private const string Surname = @"\p{Lu}[\p{Ll}]+(?:-\p{Lu}\p{Ll}+)?";

    [GeneratedRegex(@"\b[Cc]omrades?\s+(?<name>(?:\p{Lu}\.\s?){0,3}" + Surname + @")(?:\s+and\s+(?:[Cc]omrade\s+)?(?<name>(?:\p{Lu}\.\s?){0,3}" + Surname + "))?")]
    private static partial Regex Comrade();

    [GeneratedRegex(@"(?<![\p{L}.])(?<initials>(?:\p{Lu}\.\s?){1,3})(?<surname>" + Surname + ")")]
    private static partial Regex InitialsAndSurname();

    [GeneratedRegex(@"\b(?:[Dd]ictated|[Tt]aken down|[Ww]ritten down)\s+(?:to|by)\s+(?<initials>(?:\p{Lu}\.\s?){2,3})")]
    private static partial Regex Dictated();

    [GeneratedRegex(@"\b\p{L}{4,}\b")]
    private static partial Regex Words();

    [GeneratedRegex(@"\p{L}+")]
    private static partial Regex Letters();

    [GeneratedRegex(@"\b\p{Lu}\p{Ll}{2,}\b")]
    private static partial Regex CapitalisedWord();

    /// <summary>
    /// The key under which spellings of one surname meet: its phonetic key where that keeps three
    /// consonants or more; a shorter key (Lenin's "ln" is Leon's too) would join strangers, so a
    /// short surname is only ever itself, case aside.
    /// </summary>
    public static string SurnameKey(string surname)
    {
        var key = PhoneticKey.Of(surname);
        return key.Length >= 3 ? key : "=" + surname.ToLowerInvariant();
    }

    /// <summary>
    /// Whether a name is a body's ("Joint Plenum of the CC and CCC", "Editorial Board of Pravda",
    /// the Politburo in any spelling) rather than a person's.
    /// </summary>
    public static bool IsBody(string name)
    {
        foreach (Match word in Letters().Matches(name))
        {
            if (BodyWords.Contains(word.Value) || (word.Length >= 4 && BodyKeys.Contains(PhoneticKey.Of(word.Value))))
                return true;
        }
        return false;
    }

    /// <param name="knownSurnameKeys">Keys of surnames the archive knows (see <see cref="SurnameKey"/>).</param>
    public static IReadOnlyList<FoundName> Find(string text, IReadOnlySet<string> knownSurnameKeys)
    {
        var found = new List<FoundName>();
        // The surnames this text itself gives by address or initials are known in the rest of it.
        var known = new HashSet<string>(knownSurnameKeys, StringComparer.Ordinal);
        // The places taken never overlap, so in order of their starts their ends are in order too:
        // a place is free when the last one starting before its end has ended by its start. A long
        // text names thousands of people, and a scan of every place taken made its cost the square.
        var taken = new SortedSet<(int Start, int End)>();
        // (A view's Max is found in logarithmic time, its Count by walking it; an empty view's Max is (0, 0), which has ended.)
        bool Free(int start, int length) =>
            taken.GetViewBetween((int.MinValue, int.MinValue), (start + length - 1, int.MaxValue)).Max.End <= start;
        void Add(string name, NameKind kind, string rule, int start, int length)
        {
            found.Add(new FoundName(name, kind, rule, start));
            taken.Add((start, start + length));
        }

        foreach (var match in OneByOne(Comrade(), text))
        {
            foreach (Capture name in match.Groups["name"].Captures)
            {
                if (Free(name.Index, name.Length) && !NotSurnames.Contains(name.Value.Split(' ')[^1]))
                {
                    Add(Tidy(name.Value), NameKind.Person, "comrade", name.Index, name.Length);
                    known.Add(SurnameKey(name.Value.Split(' ')[^1]));
                }
            }
        }
        foreach (var match in OneByOne(InitialsAndSurname(), text))
        {
            var initials = match.Groups["initials"].Value.Replace(" ", "", StringComparison.Ordinal);
            if (NotInitials.Contains(initials) || NotSurnames.Contains(match.Groups["surname"].Value) || !Free(match.Index, match.Length))
                continue;
            Add(Tidy(match.Value), NameKind.Person, "initials", match.Index, match.Length);
            known.Add(SurnameKey(match.Groups["surname"].Value));
        }
        foreach (var match in OneByOne(Dictated(), text))
        {
            var initials = match.Groups["initials"];
            if (Free(initials.Index, initials.Length))
                Add(Tidy(initials.Value), NameKind.Person, "dictated", initials.Index, initials.Length);
        }
        // A word on its own is matched everywhere in the text: its key is made once for each
        // distinct word, and its string only where it is a name.
        var phonetic = new WordKeys(PhoneticKey.Of);
        foreach (var match in Words().EnumerateMatches(text))
        {
            if (BodyKeys.Contains(phonetic.Of(text.AsSpan(match.Index, match.Length))) && Free(match.Index, match.Length))
                Add(text.Substring(match.Index, match.Length), NameKind.Organisation, "organisation", match.Index, match.Length);
        }
        var surnames = new WordKeys(SurnameKey);
        var notSurnames = NotSurnames.GetAlternateLookup<ReadOnlySpan<char>>();
        foreach (var match in CapitalisedWord().EnumerateMatches(text))
        {
            var word = text.AsSpan(match.Index, match.Length);
            if (!notSurnames.Contains(word) && known.Contains(surnames.Of(word)) && Free(match.Index, match.Length))
                Add(word.ToString(), NameKind.Person, "known", match.Index, match.Length);
        }
        found.Sort((a, b) => a.Start.CompareTo(b.Start));
        return found;
    }

    /// <summary>The key of each distinct word, made once: a key is a whole normalisation of its word.</summary>
    private sealed class WordKeys(Func<string, string> make)
    {
        private readonly Dictionary<string, string> _keys = new(StringComparer.Ordinal);

        public string Of(ReadOnlySpan<char> word)
        {
            var lookup = _keys.GetAlternateLookup<ReadOnlySpan<char>>();
            if (lookup.TryGetValue(word, out var key))
                return key;
            var text = word.ToString();
            return _keys[text] = make(text);
        }
    }

    /// <summary>
    /// The matches in order, each let go once the next is found: a MatchCollection keeps every
    /// match it has given, and over a long text (a match per word) that was hundreds of megabytes.
    /// </summary>
    private static IEnumerable<Match> OneByOne(Regex regex, string text)
    {
        for (var match = regex.Match(text); match.Success; match = match.NextMatch())
            yield return match;
    }

    /// <summary>Initials spaced as the readers space them ("M.A. Volodcheva" as "M. A. Volodcheva").</summary>
    private static string Tidy(string name)
        => Regex.Replace(name.Trim(), @"(\p{Lu}\.)\s*(?=\p{Lu})", "$1 ");
}
