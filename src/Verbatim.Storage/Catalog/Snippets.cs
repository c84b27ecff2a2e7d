using System.Text;
using Verbatim.Searching;

namespace Verbatim.Storage.Catalog;

/// <summary>
/// A hit's snippet, made from a bounded window at the start of its text: the run of
/// <see cref="Words"/> words that holds the most different marked words, each marked between
/// <see cref="SearchResults.MarkStart"/> and <see cref="SearchResults.MarkEnd"/>.
/// </summary>
/// <remarks>
/// FTS5's own snippet() reads the whole row and weighs every phrase of the query at every place:
/// over a long text or a query of many phrases it cost seconds to minutes a hit. This costs one
/// pass over at most <see cref="WindowCharacters"/> characters, whatever the query; a text whose
/// matches all lie beyond that window shows its beginning, unmarked.
/// </remarks>
public static class Snippets
{
    public const int Words = 18;
    public const int WindowCharacters = 200_000;

    /// <summary>The body's snippet where it holds a marked word; else the notes' where they do; else the body's start.</summary>
    public static string Best(string body, string notes, IReadOnlyList<SearchWord> marked)
    {
        var fromBody = Best(body, marked);
        if (fromBody.Contains(SearchResults.MarkStart, StringComparison.Ordinal) || notes.Length == 0)
            return fromBody;
        var fromNotes = Best(notes, marked);
        return fromNotes.Contains(SearchResults.MarkStart, StringComparison.Ordinal) ? fromNotes : fromBody;
    }

    public static string Best(string text, IReadOnlyList<SearchWord> marked)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(marked);
        var end = Math.Min(text.Length, WindowCharacters);
        var words = SearchWords.Spans(text, 0, end).ToList();
        if (words.Count == 0)
            return "";
        // Which marked word each text word is (-1: none).
        var kinds = new int[words.Count];
        for (var i = 0; i < words.Count; i++)
        {
            var folded = SearchWords.Fold(text.AsSpan(words[i].Start, words[i].Length));
            kinds[i] = -1;
            for (var m = 0; m < marked.Count; m++)
            {
                if (marked[m].Matches(folded))
                {
                    kinds[i] = m;
                    break;
                }
            }
        }
        var (first, _) = BestWindow(kinds, marked.Count);
        var last = Math.Min(words.Count, first + Words) - 1;
        var snippet = new StringBuilder();
        if (first > 0)
            snippet.Append('…');
        var cursor = words[first].Start;
        var marking = false;
        for (var i = first; i <= last; i++)
        {
            var gap = text.AsSpan(cursor, words[i].Start - cursor);
            // Marked words with only spaces between them are one mark, as a phrase reads.
            var joins = marking && kinds[i] >= 0 && gap.IsWhiteSpace();
            if (marking && !joins)
            {
                snippet.Append(SearchResults.MarkEnd);
                marking = false;
            }
            snippet.Append(gap);
            if (kinds[i] >= 0 && !marking)
            {
                snippet.Append(SearchResults.MarkStart);
                marking = true;
            }
            snippet.Append(text, words[i].Start, words[i].Length);
            cursor = words[i].Start + words[i].Length;
        }
        if (marking)
            snippet.Append(SearchResults.MarkEnd);
        // The text's own end (a closing full stop) is kept; a cut is marked.
        if (last == words.Count - 1 && end == text.Length)
            snippet.Append(text, cursor, text.Length - cursor);
        else
            snippet.Append('…');
        return snippet.ToString();
    }

    // The first word of the window of Words words holding the most different marked words (the
    // earliest of equals), by one slide over the text; the window then starts a few words before its
    // first mark where its last mark leaves room, so that the first mark reads in context.
    private static (int First, int Distinct) BestWindow(int[] kinds, int markedCount)
    {
        const int Context = 4;
        if (markedCount == 0)
            return (0, 0);
        var inWindow = new int[markedCount];
        var distinct = 0;
        var best = (First: 0, Last: 0, Distinct: 0);
        for (var i = 0; i < kinds.Length; i++)
        {
            if (kinds[i] >= 0 && inWindow[kinds[i]]++ == 0)
                distinct++;
            var leaving = i - Words;
            if (leaving >= 0 && kinds[leaving] >= 0 && --inWindow[kinds[leaving]] == 0)
                distinct--;
            if (distinct > best.Distinct)
                best = (Math.Max(0, i - Words + 1), i, distinct);
        }
        if (best.Distinct == 0)
            return (0, 0);
        var firstMark = best.First;
        while (kinds[firstMark] < 0)
            firstMark++;
        var room = Words - 1 - (best.Last - firstMark);
        return (Math.Max(0, firstMark - Math.Min(Context, room)), best.Distinct);
    }
}
