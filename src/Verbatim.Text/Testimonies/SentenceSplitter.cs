using Verbatim.Text.Normalisation;

namespace Verbatim.Text.Testimonies;

/// <summary>One sentence of a witness: its place among the witness's sentences and its characters in the witness's text.</summary>
public sealed record Sentence(int Index, TextRange Range);

/// <summary>
/// Splits a text into sentences, each with its character range in the text (white space around
/// it left out). A sentence ends at a blank line, and at '.', '?', '!' or an ellipsis (with the
/// closing quotation marks and brackets after it) followed by white space and then anything but
/// a small letter or a digit ("p. 12", "(b)" go on). A full stop after an initial ("V. I. Lenin",
/// "N.K.", "R.C.P.") or after a known abbreviation ("Vlad.", "ed.", "No.", "pp.") ends nothing,
/// unless the next word is one that opens sentences and names nobody ("… the life of V.I. With
/// the objective …"): a capital after an initial is a name far more often than a new sentence.
/// </summary>
public static class SentenceSplitter
{
    private static readonly HashSet<string> Abbreviations = new(StringComparer.OrdinalIgnoreCase)
    {
        "mr", "mrs", "dr", "prof", "st", "vol", "vols", "no", "nos", "p", "pp", "ed", "eds", "cf", "op", "loc", "cit", "ibid",
        "vlad", "comr", "tov", "fig", "ch", "art", "vyp", "ca", "viz", "vs", "jr", "sr",
    };

    private static readonly HashSet<string> Openers = new(StringComparer.Ordinal)
    {
        "The", "This", "That", "These", "Those", "There", "Then", "Thus", "It", "He", "She", "They", "We", "I", "In", "On", "At",
        "With", "But", "And", "As", "After", "Before", "When", "If", "So", "My", "His", "Her", "Our", "Their", "Once", "During",
        "From", "For", "Even", "Further", "Moreover", "However", "Therefore", "What", "Who", "Why", "How",
    };

    public static IReadOnlyList<Sentence> Split(string text, TextRange? within = null)
    {
        ArgumentNullException.ThrowIfNull(text);
        var range = within ?? new TextRange(0, text.Length);
        var sentences = new List<Sentence>();
        var start = range.Start;
        var at = range.Start;
        while (at < range.End)
        {
            var c = text[at];
            if (c == '\n' && BlankLineAt(text, at, range.End))
            {
                Add(start, at);
                start = at;
                at++;
                continue;
            }
            if (!IsTerminator(c))
            {
                at++;
                continue;
            }
            var end = at;
            while (end < range.End && IsTerminator(text[end]))
                end++;
            while (end < range.End && IsClosing(text[end]))
                end++;
            if (end < range.End && !char.IsWhiteSpace(text[end]))
            {
                at = end;
                continue;
            }
            if (EndsHere(text, at, end, range.End))
            {
                Add(start, end);
                start = end;
            }
            at = end;
        }
        Add(start, range.End);
        return sentences;

        void Add(int from, int to)
        {
            while (from < to && char.IsWhiteSpace(text[from]))
                from++;
            while (to > from && char.IsWhiteSpace(text[to - 1]))
                to--;
            if (to > from)
                sentences.Add(new Sentence(sentences.Count, TextRange.FromBounds(from, to)));
        }
    }

    /// <summary>Whether the terminators at [mark, end) end a sentence, given what stands before them and after the white space that follows.</summary>
    private static bool EndsHere(string text, int mark, int end, int limit)
    {
        var next = end;
        while (next < limit && (char.IsWhiteSpace(text[next]) || IsOpening(text[next])))
            next++;
        if (next >= limit)
            return true;
        if (char.IsLower(text[next]) || char.IsDigit(text[next]))
            return false;
        if (text[mark] != '.' || end - mark > 1 && text[mark + 1] == '.')
            return true;
        var word = WordBefore(text, mark);
        var abbreviated = word.Length == 1 && char.IsLetter(word[0]) || word.Contains('.', StringComparison.Ordinal) || Abbreviations.Contains(word);
        return !abbreviated || OpensSentence(text, next, limit);
    }

    /// <summary>The letters and inner full stops right before the full stop at <paramref name="mark"/>: "V" of "V.", "N.K" of "N.K.".</summary>
    private static string WordBefore(string text, int mark)
    {
        var from = mark;
        while (from > 0 && (char.IsLetter(text[from - 1]) || text[from - 1] == '.' && from - 1 > 0 && char.IsLetter(text[from - 2])))
            from--;
        return text[from..mark];
    }

    private static bool OpensSentence(string text, int at, int limit)
    {
        var end = at;
        while (end < limit && char.IsLetter(text[end]))
            end++;
        return (end >= limit || text[end] != '.') && Openers.Contains(text[at..end]);
    }

    private static bool BlankLineAt(string text, int at, int limit)
    {
        for (var k = at + 1; k < limit && char.IsWhiteSpace(text[k]); k++)
        {
            if (text[k] == '\n')
                return true;
        }
        return false;
    }

    private static bool IsTerminator(char c) => c is '.' or '?' or '!' or '…';

    private static bool IsClosing(char c) => c is '’' or '”' or '"' or '\'' or ')' or ']' or '»';

    private static bool IsOpening(char c) => c is '‘' or '“' or '"' or '\'' or '(' or '[' or '«' or '–' or '—';
}
