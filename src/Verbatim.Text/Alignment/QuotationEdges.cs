namespace Verbatim.Text.Alignment;

/// <summary>
/// Completes a local alignment of a whole quotation at its edges. A local alignment starts and
/// ends with equal words, so a quotation whose opening or closing words were replaced aligns
/// without them, and the replacement, the very thing a reader checks for, would go unreported.
/// The quotation claims to be the passage: its words left over after the alignment are set
/// against the source words that follow it (and those before it against the words that precede
/// it). The source's extent is chosen to keep the most words equal (a longest common
/// subsequence), the shortest extent among equals, so "with Communist greetings" set against
/// "with the very best comradely greetings" keeps "greetings" and reports "the very best
/// comradely" replaced by "Communist". Where no word is equal, the words are paired one for one;
/// where the source ends first, the rest are insertions. An edge longer than
/// <paramref name="maximumEdgeWords"/> words is left as it is: that much text is not a changed
/// phrase but words from elsewhere. An edge ends at an ellipsis: the words beyond it are another
/// piece of the quotation (<see cref="QuotationPieces"/>), and the source words the ellipsis
/// stands for are not theirs to be set against.
/// </summary>
public static class QuotationEdges
{
    public const int DefaultMaximumEdgeWords = 8;

    public static LocalAlignment Cover(LocalAlignment alignment, int maximumEdgeWords = DefaultMaximumEdgeWords)
    {
        ArgumentNullException.ThrowIfNull(alignment);
        return Cover(alignment, 0, alignment.Source.Count, maximumEdgeWords);
    }

    /// <summary>Completes the edges with source words of [<paramref name="sourceFirst"/>, <paramref name="sourceFirst"/> + <paramref name="sourceCount"/>) only.</summary>
    public static LocalAlignment Cover(LocalAlignment alignment, int sourceFirst, int sourceCount, int maximumEdgeWords = DefaultMaximumEdgeWords)
    {
        ArgumentNullException.ThrowIfNull(alignment);
        if (alignment.IsEmpty)
            return alignment;
        var quoting = alignment.Quoting;
        var sourceEnd = sourceFirst + sourceCount;

        var remarks = EditorialBrackets.Of(quoting, 0, quoting.Original.Length);
        var leading = new List<AlignmentStep>();
        // Counted no further than one word past the limit: an edge that long is left as it is anyway.
        var lead = 0;
        while (lead < alignment.FirstQuotingWord && lead <= maximumEdgeWords && Ellipses.After(quoting, alignment.FirstQuotingWord - lead - 1) is null)
            lead++;
        if (lead > 0 && lead <= maximumEdgeWords)
        {
            var quoted = Enumerable.Range(0, lead).Select(t => alignment.FirstQuotingWord - 1 - t).ToList();
            var available = Enumerable.Range(0, Math.Clamp(alignment.FirstSourceWord - sourceFirst, 0, lead + maximumEdgeWords)).Select(t => alignment.FirstSourceWord - 1 - t).ToList();
            leading = Outward(alignment, quoted, available, remarks);
            leading.Reverse();
        }

        var trailing = new List<AlignmentStep>();
        var tail = 0;
        while (alignment.LastQuotingWord + tail + 1 < quoting.Count && tail <= maximumEdgeWords && Ellipses.After(quoting, alignment.LastQuotingWord + tail) is null)
            tail++;
        if (tail > 0 && tail <= maximumEdgeWords)
        {
            var quoted = Enumerable.Range(1, tail).Select(t => alignment.LastQuotingWord + t).ToList();
            var available = Enumerable.Range(1, Math.Clamp(sourceEnd - 1 - alignment.LastSourceWord, 0, tail + maximumEdgeWords)).Select(t => alignment.LastSourceWord + t).ToList();
            trailing = Outward(alignment, quoted, available, remarks);
        }
        if (leading.Count == 0 && trailing.Count == 0)
            return alignment;
        return new LocalAlignment(alignment.Source, quoting, [.. leading, .. alignment.Steps, .. trailing], alignment.Score);
    }

    /// <summary>
    /// Steps for the quotation's edge words against the source's words beyond the alignment, both
    /// listed outward from it; every quoted word is used, the source's words only as far as needed.
    /// An editor's remark in brackets ("[sic]", "[emphasis added]") is set against nothing: it
    /// speaks of the quotation and stands for no source word.
    /// </summary>
    private static List<AlignmentStep> Outward(LocalAlignment alignment, List<int> quoted, List<int> available, EditorialBrackets brackets)
    {
        var remarks = quoted.Where(q => brackets.Holding(alignment.Quoting, q) is { IsRemark: true }).ToList();
        if (remarks.Count == 0)
            return Outward(alignment, quoted, available);
        var steps = Outward(alignment, [.. quoted.Except(remarks)], available);
        var merged = new List<AlignmentStep>();
        var next = 0;
        foreach (var step in steps)
        {
            for (; next < remarks.Count && step.QuotingWord is { } q && quoted.IndexOf(remarks[next]) < quoted.IndexOf(q); next++)
                merged.Add(new AlignmentStep(AlignmentOperation.QuotingOnly, null, remarks[next]));
            merged.Add(step);
        }
        for (; next < remarks.Count; next++)
            merged.Add(new AlignmentStep(AlignmentOperation.QuotingOnly, null, remarks[next]));
        return merged;
    }

    private static List<AlignmentStep> Outward(LocalAlignment alignment, List<int> quoted, List<int> available)
    {
        bool Same(int q, int s) => alignment.Quoting.KeyHashes[quoted[q]] == alignment.Source.KeyHashes[available[s]];

        // common[i, j]: the longest common subsequence of the first i quoted and first j source words.
        var common = new int[quoted.Count + 1, available.Count + 1];
        for (var i = 1; i <= quoted.Count; i++)
        {
            for (var j = 1; j <= available.Count; j++)
                common[i, j] = Same(i - 1, j - 1) ? common[i - 1, j - 1] + 1 : Math.Max(common[i - 1, j], common[i, j - 1]);
        }
        var extent = Enumerable.Range(0, available.Count + 1).OrderByDescending(j => common[quoted.Count, j]).First();
        if (common[quoted.Count, extent] == 0)
            extent = Math.Min(quoted.Count, available.Count);

        var pairs = new List<(int Q, int S)>();
        for (var (i, j) = (quoted.Count, extent); i > 0 && j > 0;)
        {
            if (Same(i - 1, j - 1) && common[i, j] == common[i - 1, j - 1] + 1)
            {
                pairs.Add((i - 1, j - 1));
                (i, j) = (i - 1, j - 1);
            }
            else if (common[i - 1, j] >= common[i, j - 1])
            {
                i--;
            }
            else
            {
                j--;
            }
        }
        pairs.Reverse();
        pairs.Add((quoted.Count, extent));

        var steps = new List<AlignmentStep>();
        var (nextQ, nextS) = (0, 0);
        foreach (var (q, s) in pairs)
        {
            // The words between two equal pairs differ: paired one for one, the longer side's rest alone.
            for (; nextQ < q && nextS < s; nextQ++, nextS++)
                steps.Add(new AlignmentStep(AlignmentOperation.Mismatch, available[nextS], quoted[nextQ]));
            for (; nextQ < q; nextQ++)
                steps.Add(new AlignmentStep(AlignmentOperation.QuotingOnly, null, quoted[nextQ]));
            for (; nextS < s; nextS++)
                steps.Add(new AlignmentStep(AlignmentOperation.SourceOnly, available[nextS], null));
            if (q < quoted.Count)
            {
                steps.Add(new AlignmentStep(AlignmentOperation.Match, available[s], quoted[q]));
                (nextQ, nextS) = (q + 1, s + 1);
            }
        }
        return steps;
    }
}
