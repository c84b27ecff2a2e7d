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

        // Word i of the source window (from 1) meets word j of the quoting window on diagonal
        // j - i, which runs from 1 - n to m - 1; diagonals outside that hold no pair.
        var (n, m) = (sourceCount, quotingCount);
        var band = new Band(Math.Max(lowestDiagonal, 1 - n), Math.Min(highestDiagonal, m - 1));
        if (n == 0 || m == 0 || band.Lowest > band.Highest)
            return new LocalAlignment(source, quoting, [], 0);
        var size = (n + 1) * band.Stride;
        // Only the band is kept, a row of it per source word: a window of a thousand words on
        // each side with a band a hundred wide is a tenth of the rectangle. Pooled, because
        // allocating anew for every window made garbage collection the main cost of detecting
        // reuse in a large collection; pooled arrays hold old values, so the part used is reset.
        var best = ArrayPool<int>.Shared.Rent(size);
        var sourceGap = ArrayPool<int>.Shared.Rent(size);
        var quotingGap = ArrayPool<int>.Shared.Rent(size);
        var bestFrom = ArrayPool<byte>.Shared.Rent(size);
        var sourceGapExtended = ArrayPool<bool>.Shared.Rent(size);
        var quotingGapExtended = ArrayPool<bool>.Shared.Rent(size);
        try
        {
            best.AsSpan(0, size).Clear();
            sourceGap.AsSpan(0, size).Fill(Impossible);
            quotingGap.AsSpan(0, size).Fill(Impossible);
            bestFrom.AsSpan(0, size).Fill(Stop);
            return Fill(source, sourceFirst, n, quoting, quotingFirst, m, scoring, band, best, sourceGap, quotingGap, bestFrom, sourceGapExtended, quotingGapExtended);
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

    private const int Impossible = int.MinValue / 4;

    /// <summary>
    /// Where cell (i, j) of the band of diagonals [<paramref name="Lowest"/>, <paramref name="Highest"/>]
    /// is kept: row i, column j - i - Lowest + 1. Columns 0 and <see cref="Stride"/> - 1 lie just
    /// outside the band and are never written, so they read as the first row does: no alignment
    /// yet. From a cell, the cell above is one column to the right, the one to the left one column
    /// to the left, and the diagonal one in the same column.
    /// </summary>
    private readonly record struct Band(int Lowest, int Highest)
    {
        public int Stride => Highest - Lowest + 3;

        public int Cell(int i, int j) => (i * Stride) + (j - i - Lowest + 1);
    }

    private static LocalAlignment Fill(
        TokenisedText source, int sourceFirst, int n, TokenisedText quoting, int quotingFirst, int m, AlignmentScoring scoring,
        Band band, int[] best, int[] sourceGap, int[] quotingGap, byte[] bestFrom, bool[] sourceGapExtended, bool[] quotingGapExtended)
    {
        var (sourceWords, quotingWords) = WordNumbers(source, sourceFirst, n, quoting, quotingFirst, m);
        var sourceEllipsis = EllipsisAfterEachWord(source, sourceFirst, n);
        var quotingEllipsis = EllipsisAfterEachWord(quoting, quotingFirst, m);
        var up = 1 - band.Stride;
        var diagonalStep = -band.Stride;

        var (bestScore, bestRow, bestColumn) = (0, 0, 0);
        for (var i = 1; i <= n; i++)
        {
            var (first, last) = (Math.Max(1, i + band.Lowest), Math.Min(m, i + band.Highest));
            var sourceWord = sourceWords[i - 1];
            var quotingExtend = sourceEllipsis[i] ? 0 : scoring.GapExtend;
            for (int j = first, cell = band.Cell(i, first); j <= last; j++, cell++)
            {
                // Source words left out here stand opposite the separator after the quoting text's j-th window word.
                var sourceExtend = quotingEllipsis[j] ? 0 : scoring.GapExtend;
                var open = best[cell + up] + scoring.GapOpen;
                var extend = sourceGap[cell + up] + sourceExtend;
                sourceGap[cell] = Math.Max(open, extend);
                sourceGapExtended[cell] = extend > open;

                open = best[cell - 1] + scoring.GapOpen;
                extend = quotingGap[cell - 1] + quotingExtend;
                quotingGap[cell] = Math.Max(open, extend);
                quotingGapExtended[cell] = extend > open;

                var diagonal = best[cell + diagonalStep] + (sourceWord == quotingWords[j - 1] ? scoring.Match : scoring.Mismatch);
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
                    (bestScore, bestRow, bestColumn) = (score, i, j);
            }
        }

        var steps = new List<AlignmentStep>();
        var (row, column) = (bestRow, bestColumn);
        var state = bestScore > 0 ? bestFrom[band.Cell(row, column)] : Stop;
        while (state != Stop && row > 0 && column > 0)
        {
            var cell = band.Cell(row, column);
            switch (state)
            {
                case Diagonal:
                    var same = sourceWords[row - 1] == quotingWords[column - 1];
                    steps.Add(new AlignmentStep(same ? AlignmentOperation.Match : AlignmentOperation.Mismatch, sourceFirst + row - 1, quotingFirst + column - 1));
                    (row, column) = (row - 1, column - 1);
                    state = bestFrom[band.Cell(row, column)];
                    break;
                case FromSourceGap:
                    steps.Add(new AlignmentStep(AlignmentOperation.SourceOnly, sourceFirst + row - 1, null));
                    row--;
                    state = sourceGapExtended[cell] ? FromSourceGap : bestFrom[band.Cell(row, column)];
                    break;
                default:
                    steps.Add(new AlignmentStep(AlignmentOperation.QuotingOnly, null, quotingFirst + column - 1));
                    column--;
                    state = quotingGapExtended[cell] ? FromQuotingGap : bestFrom[band.Cell(row, column)];
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
