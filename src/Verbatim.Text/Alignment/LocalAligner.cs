using System.Buffers;
using System.Runtime.CompilerServices;
using Verbatim.Text.Tokens;

namespace Verbatim.Text.Alignment;

/// <summary>
/// Smith–Waterman local alignment of words with affine gaps (Gotoh's three-state recurrence).
/// Words are compared by their normalised keys (by the keys' hashes,
/// <see cref="TokenisedText.KeyHashes"/>), so typography, case and script do not count as
/// differences here; the classifier looks at the originals afterwards.
/// </summary>
public static class LocalAligner
{
    private const byte Stop = 0;
    private const byte Diagonal = 1;
    private const byte FromSourceGap = 2;
    private const byte FromQuotingGap = 3;

    public static LocalAlignment Align(TokenisedText source, TokenisedText quoting, AlignmentScoring? scoring = null) =>
        Align(source, 0, source.Count, quoting, 0, quoting.Count, scoring);

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
        ArgumentOutOfRangeException.ThrowIfGreaterThan(sourceFirst + sourceCount, source.Count);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(quotingFirst + quotingCount, quoting.Count);
        scoring ??= AlignmentScoring.Default;

        // Word i of the source window (from 1) meets word j of the quoting window on diagonal
        // j - i, which runs from 1 - n to m - 1; diagonals outside that hold no pair.
        var (n, m) = (sourceCount, quotingCount);
        var band = new Band(Math.Max(lowestDiagonal, 1 - n), Math.Min(highestDiagonal, m - 1));
        if (n == 0 || m == 0 || band.Lowest > band.Highest)
            return new LocalAlignment(source, quoting, [], 0);
        // The scores of two rows of the band are kept, the traceback of every cell of it: a
        // window of a thousand words on each side with a band a hundred wide is a tenth of the
        // rectangle, and its traceback a byte a cell. Pooled, because allocating anew for every
        // window made garbage collection the main cost of detecting reuse in a large collection;
        // pooled arrays hold old values, so every cell is written before it is read.
        var scores = ArrayPool<int>.Shared.Rent(4 * band.Stride);
        var trace = ArrayPool<byte>.Shared.Rent((n + 1) * band.Stride);
        try
        {
            return Fill(source, sourceFirst, n, quoting, quotingFirst, m, scoring, band, scores, trace);
        }
        finally
        {
            ArrayPool<int>.Shared.Return(scores);
            ArrayPool<byte>.Shared.Return(trace);
        }
    }

    private const int Impossible = int.MinValue / 4;

    // A cell's traceback: which state its best score came from, and whether each gap state was
    // extended from the cell before it rather than opened there.
    private const byte FromMask = 3;
    private const byte SourceGapExtended = 4;
    private const byte QuotingGapExtended = 8;

    /// <summary>
    /// Where cell (i, j) of the band of diagonals [<paramref name="Lowest"/>, <paramref name="Highest"/>]
    /// is kept: row i, column j - i - Lowest + 1. Columns 0 and <see cref="Stride"/> - 1 lie just
    /// outside the band and read as the first row does: no alignment yet. From a cell, the cell
    /// above is one column to the right in the row before, the one to the left one column to the
    /// left, and the diagonal one in the same column of the row before.
    /// </summary>
    private readonly record struct Band(int Lowest, int Highest)
    {
        public int Stride => Highest - Lowest + 3;

        public int Column(int i, int j) => j - i - Lowest + 1;

        public int Cell(int i, int j) => (i * Stride) + Column(i, j);
    }

    // Compiled optimised at the first call: a one-off run over an archive otherwise spends much of
    // its time in this loop's unoptimised first compilation.
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static LocalAlignment Fill(
        TokenisedText source, int sourceFirst, int n, TokenisedText quoting, int quotingFirst, int m, AlignmentScoring scoring,
        Band band, int[] scores, byte[] trace)
    {
        var sourceWords = source.KeyHashes.Slice(sourceFirst, n);
        var quotingWords = quoting.KeyHashes.Slice(quotingFirst, m);
        var sourceEllipsis = EllipsisAfterEachWord(source, sourceFirst, n);
        var quotingEllipsis = EllipsisAfterEachWord(quoting, quotingFirst, m);
        var stride = band.Stride;
        // The best score and the source-gap score of two rows: the row being filled starts at
        // `now` (best, then source gap, a stride each), the row before it at `before`. The
        // quoting-gap score is needed only by the next cell of the same row, and is carried along.
        var (now, before) = (0, 2 * stride);
        scores.AsSpan(before, stride).Clear();
        scores.AsSpan(before + stride, stride).Fill(Impossible);
        trace.AsSpan(0, stride).Fill(Stop);

        var (bestScore, bestRow, bestColumn) = (0, 0, 0);
        for (var i = 1; i <= n; i++)
        {
            var (first, last) = (Math.Max(1, i + band.Lowest), Math.Min(m, i + band.Highest));
            var best = scores.AsSpan(now, stride);
            var sourceGap = scores.AsSpan(now + stride, stride);
            var bestAbove = scores.AsSpan(before, stride);
            var sourceGapAbove = scores.AsSpan(before + stride, stride);
            // The next row reads this one from the cell left of its first to the one right of its
            // last: those two are set to no alignment yet, or the whole row where the band passes
            // beside the rectangle.
            if (first > last)
            {
                best.Clear();
                sourceGap.Fill(Impossible);
            }
            else
            {
                foreach (var outside in (ReadOnlySpan<int>)[band.Column(i, first - 1), band.Column(i, last + 1)])
                    (best[outside], sourceGap[outside]) = (0, Impossible);
            }
            var rowTrace = trace.AsSpan(i * stride, stride);
            (rowTrace[0], rowTrace[stride - 1]) = (Stop, Stop);

            var sourceWord = sourceWords[i - 1];
            var quotingExtend = sourceEllipsis[i] ? 0 : scoring.GapExtend;
            // The cell left of the first one is outside the band or in column 0: no alignment yet.
            var (left, quotingGap) = (0, Impossible);
            var c = band.Column(i, first);
            var diagonalBest = first <= last ? bestAbove[c] : 0;
            for (var j = first; j <= last; j++, c++)
            {
                var (above, sourceGapAboveHere) = (bestAbove[c + 1], sourceGapAbove[c + 1]);
                // Source words left out here stand opposite the separator after the quoting text's j-th window word.
                var sourceExtend = quotingEllipsis[j] ? 0 : scoring.GapExtend;
                var open = above + scoring.GapOpen;
                var extend = sourceGapAboveHere + sourceExtend;
                var fromSourceGap = Math.Max(open, extend);
                var steps = extend > open ? SourceGapExtended : (byte)0;

                open = left + scoring.GapOpen;
                extend = quotingGap + quotingExtend;
                quotingGap = Math.Max(open, extend);
                steps |= extend > open ? QuotingGapExtended : (byte)0;

                var diagonal = diagonalBest + (sourceWord == quotingWords[j - 1] ? scoring.Match : scoring.Mismatch);
                var (score, from) = (0, Stop);
                if (diagonal > score)
                    (score, from) = (diagonal, Diagonal);
                if (fromSourceGap > score)
                    (score, from) = (fromSourceGap, FromSourceGap);
                if (quotingGap > score)
                    (score, from) = (quotingGap, FromQuotingGap);
                (best[c], sourceGap[c]) = (score, fromSourceGap);
                rowTrace[c] = (byte)(steps | from);
                (left, diagonalBest) = (score, above);

                // Ties keep the first end in row order, so equal inputs always give the same alignment.
                if (score > bestScore)
                    (bestScore, bestRow, bestColumn) = (score, i, j);
            }
            (now, before) = (before, now);
        }

        var path = new List<AlignmentStep>();
        var (row, column) = (bestRow, bestColumn);
        var state = bestScore > 0 ? From(row, column) : Stop;
        while (state != Stop && row > 0 && column > 0)
        {
            var cell = trace[band.Cell(row, column)];
            switch (state)
            {
                case Diagonal:
                    var same = sourceWords[row - 1] == quotingWords[column - 1];
                    path.Add(new AlignmentStep(same ? AlignmentOperation.Match : AlignmentOperation.Mismatch, sourceFirst + row - 1, quotingFirst + column - 1));
                    (row, column) = (row - 1, column - 1);
                    state = From(row, column);
                    break;
                case FromSourceGap:
                    path.Add(new AlignmentStep(AlignmentOperation.SourceOnly, sourceFirst + row - 1, null));
                    row--;
                    state = (cell & SourceGapExtended) != 0 ? FromSourceGap : From(row, column);
                    break;
                default:
                    path.Add(new AlignmentStep(AlignmentOperation.QuotingOnly, null, quotingFirst + column - 1));
                    column--;
                    state = (cell & QuotingGapExtended) != 0 ? FromQuotingGap : From(row, column);
                    break;
            }
        }
        path.Reverse();
        return new LocalAlignment(source, quoting, path, bestScore);

        byte From(int i, int j) => (byte)(trace[band.Cell(i, j)] & FromMask);
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
