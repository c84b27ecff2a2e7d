using Verbatim.Text.Tokens;

namespace Verbatim.Text.Alignment;

/// <summary>
/// A local alignment extended by the local alignments next to it. Translators and retellers
/// reorder clauses, and one Smith–Waterman path cannot cross a reordered clause: it stops at the
/// clause and leaves the equal words beyond it out. So after the best alignment in a window, the
/// words before it are aligned again, and so are the words after it; a neighbour joins the chain
/// when it has at least <paramref name="minimumMatchedWords"/> equal words, scores at least as
/// much as that many matches (so "of the" around one changed word does not qualify), and lies at
/// most <paramref name="maximumBridge"/> words away on each side; the search goes on from it. The
/// words between two links are one run of differences (a substitution, an omission or an
/// insertion once classified). Links keep text order on both sides, so the chain is still one
/// alignment. Its score is the sum of its links'.
/// </summary>
public static class ChainedAligner
{
    public const int DefaultMaximumBridge = 15;
    public const int DefaultMinimumMatchedWords = 3;

    public static LocalAlignment Align(
        TokenisedText source, int sourceFirst, int sourceCount,
        TokenisedText quoting, int quotingFirst, int quotingCount,
        AlignmentScoring? scoring = null,
        int maximumBridge = DefaultMaximumBridge,
        int minimumMatchedWords = DefaultMinimumMatchedWords)
    {
        var core = LocalAligner.Align(source, sourceFirst, sourceCount, quoting, quotingFirst, quotingCount, scoring);
        return Extend(core, sourceFirst, sourceCount, quotingFirst, quotingCount, scoring, maximumBridge, minimumMatchedWords);
    }

    /// <summary>Extends an alignment found in the given windows by its neighbours in the same windows.</summary>
    public static LocalAlignment Extend(
        LocalAlignment core, int sourceFirst, int sourceCount, int quotingFirst, int quotingCount,
        AlignmentScoring? scoring = null,
        int maximumBridge = DefaultMaximumBridge,
        int minimumMatchedWords = DefaultMinimumMatchedWords)
    {
        ArgumentNullException.ThrowIfNull(core);
        scoring ??= AlignmentScoring.Default;
        if (core.IsEmpty)
            return core;
        var (source, quoting) = (core.Source, core.Quoting);
        var (sourceEnd, quotingEnd) = (sourceFirst + sourceCount, quotingFirst + quotingCount);
        var links = new List<LocalAlignment> { core };
        while (true)
        {
            var head = links[0];
            var (s, q) = (Math.Max(sourceFirst, head.FirstSourceWord - SearchReach(maximumBridge)), Math.Max(quotingFirst, head.FirstQuotingWord - SearchReach(maximumBridge)));
            var before = LocalAligner.Align(source, s, head.FirstSourceWord - s, quoting, q, head.FirstQuotingWord - q, scoring);
            if (!Joins(before, head))
                break;
            links.Insert(0, before);
        }
        while (true)
        {
            var tail = links[^1];
            var (s, q) = (tail.LastSourceWord + 1, tail.LastQuotingWord + 1);
            var after = LocalAligner.Align(
                source, s, Math.Min(sourceEnd, s + SearchReach(maximumBridge)) - s,
                quoting, q, Math.Min(quotingEnd, q + SearchReach(maximumBridge)) - q, scoring);
            if (!Joins(tail, after))
                break;
            links.Add(after);
        }
        return links.Count == 1 ? core : Join(links);

        bool Joins(LocalAlignment earlier, LocalAlignment later) =>
            earlier.MatchedWords >= minimumMatchedWords && later.MatchedWords >= minimumMatchedWords
            && Math.Min(earlier.Score, later.Score) >= minimumMatchedWords * scoring.Match
            && later.FirstSourceWord - earlier.LastSourceWord - 1 <= maximumBridge
            && later.FirstQuotingWord - earlier.LastQuotingWord - 1 <= maximumBridge;
    }

    /// <summary>How far beyond a link the next one is looked for: room for the bridge and a link after it.</summary>
    private static int SearchReach(int maximumBridge) => 3 * maximumBridge;

    private static LocalAlignment Join(List<LocalAlignment> links)
    {
        var steps = new List<AlignmentStep>(links[0].Steps);
        for (var k = 1; k < links.Count; k++)
        {
            var (previous, next) = (links[k - 1], links[k]);
            for (var s = previous.LastSourceWord + 1; s < next.FirstSourceWord; s++)
                steps.Add(new AlignmentStep(AlignmentOperation.SourceOnly, s, null));
            for (var q = previous.LastQuotingWord + 1; q < next.FirstQuotingWord; q++)
                steps.Add(new AlignmentStep(AlignmentOperation.QuotingOnly, null, q));
            steps.AddRange(next.Steps);
        }
        return new LocalAlignment(links[0].Source, links[0].Quoting, steps, links.Sum(l => l.Score));
    }
}
