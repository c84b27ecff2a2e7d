using System.Buffers;
using Verbatim.Text.Tokens;

namespace Verbatim.Text.Alignment;

/// <summary>
/// Smith–Waterman local alignment of words with affine gaps (Gotoh's three-state recurrence).
/// Words are compared by their normalised keys, so typography, case and script do not count as
/// differences here; the classifier looks at the originals afterwards.
/// </summary>
public static class LocalAligner
{
    private const byte Stop = 0;
    private const byte Diagonal = 1;
    private const byte FromSourceGap = 2;
    private const byte FromQuotingGap = 3;

    public static LocalAlignment Align(TokenisedText source, TokenisedText quoting, AlignmentScoring? scoring = null) =>
        Align(source, 0, source.Tokens.Count, quoting, 0, quoting.Tokens.Count, scoring);

    /// <summary>Aligns the words [sourceFirst, sourceFirst + sourceCount) against [quotingFirst, quotingFirst + quotingCount).</summary>
    public static LocalAlignment Align(
        TokenisedText source, int sourceFirst, int sourceCount,
        TokenisedText quoting, int quotingFirst, int quotingCount,
        AlignmentScoring? scoring = null) =>
        Align(source, sourceFirst, sourceCount, quoting, quotingFirst, quotingCount, scoring, -sourceCount, quotingCount);

    /// <summary>
    /// The best local alignment of the windows that keeps to a band of diagonals: it pairs the
    /// k-th word of the source window (from 0) only with a quoting word whose place in its window
    /// is k + d, for d from <paramref name="lowestDiagonal"/> to <paramref name="highestDiagonal"/>.
    /// A caller that knows where the shared words lie (a reuse candidate's hits) aligns a band a
    /// margin wide around them instead of the whole rectangle: the same alignment wherever the
    /// best one keeps to the band, at a fraction of the cells.
    /// </summary>
    public static LocalAlignment Align(
        TokenisedText source, int sourceFirst, int sourceCount,
        TokenisedText quoting, int quotingFirst, int quotingCount,
        AlignmentScoring? scoring, int lowestDiagonal, int highestDiagonal)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(quoting);
        ArgumentOutOfRangeException.ThrowIfNegative(sourceFirst);
        ArgumentOutOfRangeException.ThrowIfNegative(sourceCount);
        ArgumentOutOfRangeException.ThrowIfNegative(quotingFirst);
        ArgumentOutOfRangeException.ThrowIfNegative(quotingCount);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(sourceFirst + sourceCount, source.Tokens.Count);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(quotingFirst + quotingCount, quoting.Tokens.Count);
        scoring ??= AlignmentScoring.Default;

        var (n, m) = (sourceCount, quotingCount);
        var width = m + 1;
        var size = (n + 1) * width;
        // Pooled, because windows of a few hundred words each need arrays on the large object
        // heap, and allocating them anew for every window made garbage collection the main cost of
        // detecting reuse in a large collection. Pooled arrays hold old values: the first row and
        // column are set here, and every other cell is written before it is read.
        var best = ArrayPool<int>.Shared.Rent(size);
        var sourceGap = ArrayPool<int>.Shared.Rent(size);
        var quotingGap = ArrayPool<int>.Shared.Rent(size);
        var bestFrom = ArrayPool<byte>.Shared.Rent(size);
        var sourceGapExtended = ArrayPool<bool>.Shared.Rent(size);
        var quotingGapExtended = ArrayPool<bool>.Shared.Rent(size);
        try
        {
            return Fill(source, sourceFirst, n, quoting, quotingFirst, m, scoring, (lowestDiagonal, highestDiagonal), best, sourceGap, quotingGap, bestFrom, sourceGapExtended, quotingGapExtended);
        }
        finally
        {
            ArrayPool<int>.Shared.Return(best);
            ArrayPool<int>.Shared.Return(sourceGap);
            ArrayPool<int>.Shared.Return(quotingGap);
            ArrayPool<byte>.Shared.Return(bestFrom);
            ArrayPool<bool>.Shared.Return(sourceGapExtended);
            ArrayPool<bool>.Shared.Return(quotingGapExtended);
        }
    }

    private static LocalAlignment Fill(
        TokenisedText source, int sourceFirst, int n, TokenisedText quoting, int quotingFirst, int m, AlignmentScoring scoring,
        (int Lowest, int Highest) diagonals, int[] best, int[] sourceGap, int[] quotingGap, byte[] bestFrom, bool[] sourceGapExtended, bool[] quotingGapExtended)
    {
        var width = m + 1;
        var (sourceWords, quotingWords) = WordNumbers(source, sourceFirst, n, quoting, quotingFirst, m);
        var sourceEllipsis = EllipsisAfterEachWord(source, sourceFirst, n);
        var quotingEllipsis = EllipsisAfterEachWord(quoting, quotingFirst, m);
        const int Impossible = int.MinValue / 4;
        for (var cell = 0; cell <= m; cell++)
            (best[cell], sourceGap[cell], quotingGap[cell], bestFrom[cell]) = (0, Impossible, Impossible, Stop);
        for (var cell = width; cell < (n + 1) * width; cell += width)
            (best[cell], sourceGap[cell], quotingGap[cell], bestFrom[cell]) = (0, Impossible, Impossible, Stop);

        var (bestScore, bestCell) = (0, 0);
        for (var i = 1; i <= n; i++)
        {
            // Cells just outside the band read as the first row and column do: no alignment yet.
            var (first, last) = (Math.Max(1, i + diagonals.Lowest), Math.Min(m, i + diagonals.Highest));
            foreach (var outside in (ReadOnlySpan<int>)[first - 1, last + 1])
            {
                if (outside >= 1 && outside <= m)
                    (best[i * width + outside], sourceGap[i * width + outside], quotingGap[i * width + outside], bestFrom[i * width + outside]) = (0, Impossible, Impossible, Stop);
            }
            var sourceWord = sourceWords[i - 1];
            for (var j = first; j <= last; j++)
            {
                var cell = i * width + j;
                var up = cell - width;
                var left = cell - 1;

                // Source words left out here stand opposite the separator after the quoting text's j-th window word.
                var sourceExtend = quotingEllipsis[j] ? 0 : scoring.GapExtend;
                var open = best[up] + scoring.GapOpen;
                var extend = sourceGap[up] + sourceExtend;
                sourceGap[cell] = Math.Max(open, extend);
                sourceGapExtended[cell] = extend > open;

                var quotingExtend = sourceEllipsis[i] ? 0 : scoring.GapExtend;
                open = best[left] + scoring.GapOpen;
                extend = quotingGap[left] + quotingExtend;
                quotingGap[cell] = Math.Max(open, extend);
                quotingGapExtended[cell] = extend > open;

                var same = sourceWord == quotingWords[j - 1];
                var diagonal = best[up - 1] + (same ? scoring.Match : scoring.Mismatch);
                var (score, from) = (0, Stop);
                if (diagonal > score)
                    (score, from) = (diagonal, Diagonal);
                if (sourceGap[cell] > score)
                    (score, from) = (sourceGap[cell], FromSourceGap);
                if (quotingGap[cell] > score)
                    (score, from) = (quotingGap[cell], FromQuotingGap);
                best[cell] = score;
                bestFrom[cell] = from;

                // Ties keep the first end in row order, so equal inputs always give the same alignment.
                if (score > bestScore)
                    (bestScore, bestCell) = (score, cell);
            }
        }

        var steps = new List<AlignmentStep>();
        var (row, column) = (bestCell / width, bestCell % width);
        var state = bestScore > 0 ? bestFrom[bestCell] : Stop;
        while (state != Stop && row > 0 && column > 0)
        {
            var cell = row * width + column;
            switch (state)
            {
                case Diagonal:
                    var same = source.Tokens[sourceFirst + row - 1].Key == quoting.Tokens[quotingFirst + column - 1].Key;
                    steps.Add(new AlignmentStep(same ? AlignmentOperation.Match : AlignmentOperation.Mismatch, sourceFirst + row - 1, quotingFirst + column - 1));
                    (row, column) = (row - 1, column - 1);
                    state = bestFrom[(row * width) + column];
                    break;
                case FromSourceGap:
                    steps.Add(new AlignmentStep(AlignmentOperation.SourceOnly, sourceFirst + row - 1, null));
                    row--;
                    state = sourceGapExtended[cell] ? FromSourceGap : bestFrom[(row * width) + column];
                    break;
                default:
                    steps.Add(new AlignmentStep(AlignmentOperation.QuotingOnly, null, quotingFirst + column - 1));
                    column--;
                    state = quotingGapExtended[cell] ? FromQuotingGap : bestFrom[(row * width) + column];
                    break;
            }
        }
        steps.Reverse();
        return new LocalAlignment(source, quoting, steps, bestScore);
    }

    /// <summary>The windows' words as numbers, equal where their keys are equal, so that the n × m comparisons compare numbers.</summary>
    private static (int[] Source, int[] Quoting) WordNumbers(TokenisedText source, int sourceFirst, int n, TokenisedText quoting, int quotingFirst, int m)
    {
        var numbers = new Dictionary<string, int>(n + m, StringComparer.Ordinal);
        var sourceWords = new int[n];
        for (var i = 0; i < n; i++)
        {
            var key = source.Tokens[sourceFirst + i].Key;
            if (!numbers.TryGetValue(key, out sourceWords[i]))
                numbers[key] = sourceWords[i] = numbers.Count;
        }
        var quotingWords = new int[m];
        for (var j = 0; j < m; j++)
            quotingWords[j] = numbers.TryGetValue(quoting.Tokens[quotingFirst + j].Key, out var number) ? number : -1;
        return (sourceWords, quotingWords);
    }

    /// <summary>Index k: whether an ellipsis follows the k-th word of the window (1-based; 0 and count are never inside an alignment's gap).</summary>
    private static bool[] EllipsisAfterEachWord(TokenisedText text, int first, int count)
    {
        var marks = new bool[count + 1];
        for (var k = 1; k < count; k++)
            marks[k] = Ellipses.After(text, first + k - 1) is not null;
        return marks;
    }
}
