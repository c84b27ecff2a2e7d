using Verbatim.Text.Normalisation;
using Verbatim.Text.Tokens;

namespace Verbatim.Text.Alignment;

/// <summary>The words [<see cref="FirstWord"/>, <see cref="FirstWord"/> + <see cref="Count"/>) of a quotation between two of its ellipses (or an ellipsis and an end).</summary>
public readonly record struct QuotationPiece(int FirstWord, int Count)
{
    public int LastWord => FirstWord + Count - 1;
}

/// <summary>
/// A quotation cut by ellipses into pieces, found in one source as one passage. An ellipsis between
/// two words says that the source has words there which the quotation leaves out; one at the
/// quotation's start or end only says that the passage runs on, and cuts nothing. Each piece is
/// aligned by itself (<see cref="ChainedAligner"/>, its edges completed up to its ellipses by
/// <see cref="QuotationEdges"/>): first the piece a candidate was found by, then the following
/// pieces one by one, each in the source words after the piece before it and at most
/// <see cref="MaximumOmittedCharacters"/> characters beyond (the nearest place that joins, not
/// the best in that reach), then likewise the pieces before it.
/// A piece joins when at least half its words are equal and its alignment reaches the ellipsis
/// between it and the chain; the first piece that does not ends the chain on that side. The
/// joined alignment spans the pieces, and the source words between two pieces are one run the
/// classifier reports as the omission the ellipsis marks (or, where there are none, an ellipsis
/// that leaves nothing out). Each piece is looked for in windows of bounded length (at most twice
/// the widest one's cost), so the cost grows with the number of pieces, not with the places
/// their words occur.
/// </summary>
public static class QuotationPieces
{
    /// <summary>
    /// The most characters the source may hold between two pieces: a page and a half of print. A
    /// scholar's ellipsis leaves out a clause, a sentence, a paragraph or two; pieces farther apart
    /// are better reported as quotations of two places, and the farther a piece is looked for,
    /// the likelier its words are met by chance.
    /// </summary>
    public const int MaximumOmittedCharacters = 4000;

    /// <summary>Characters a piece's source may run beyond its own length: room for its edges and for longer source words.</summary>
    private const int PieceSlack = 200;

    /// <summary>The quotation's pieces in order; one piece (the whole quotation) when no ellipsis stands between two words.</summary>
    public static IReadOnlyList<QuotationPiece> Of(TokenisedText quotation)
    {
        ArgumentNullException.ThrowIfNull(quotation);
        var pieces = new List<QuotationPiece>();
        var first = 0;
        for (var word = 0; word + 1 < quotation.Count; word++)
        {
            if (Ellipses.After(quotation, word) is null)
                continue;
            pieces.Add(new QuotationPiece(first, word + 1 - first));
            first = word + 1;
        }
        pieces.Add(new QuotationPiece(first, quotation.Count - first));
        return pieces;
    }

    /// <summary>The piece that holds the most of the alignment's equal words (the first of equals).</summary>
    public static int Holding(IReadOnlyList<QuotationPiece> pieces, LocalAlignment alignment)
    {
        ArgumentNullException.ThrowIfNull(pieces);
        ArgumentNullException.ThrowIfNull(alignment);
        var equal = new int[pieces.Count];
        foreach (var step in alignment.Steps.Where(s => s.Operation == AlignmentOperation.Match))
            equal[PieceOf(pieces, step.QuotingWord!.Value)]++;
        return Array.IndexOf(equal, equal.Max());
    }

    /// <summary>
    /// The quotation aligned piece by piece, starting with piece <paramref name="anchorPiece"/>
    /// near <paramref name="anchor"/> (a range of the source's original text where it was found);
    /// empty when that piece is not found there. Cancellation is looked at between pieces.
    /// </summary>
    public static LocalAlignment Join(
        TokenisedText source, TokenisedText quoting, IReadOnlyList<QuotationPiece> pieces, int anchorPiece, TextRange anchor,
        AlignmentScoring? scoring = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(quoting);
        ArgumentNullException.ThrowIfNull(pieces);
        ArgumentOutOfRangeException.ThrowIfNegative(anchorPiece);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(anchorPiece, pieces.Count);

        var slack = Length(quoting, pieces[anchorPiece]) + PieceSlack;
        var first = Place(source, quoting, pieces[anchorPiece], FirstWordFrom(source, anchor.Start - slack), WordsEndingBy(source, anchor.End + slack), scoring);
        if (first is null)
            return new LocalAlignment(source, quoting, [], 0);
        var placed = new List<LocalAlignment> { first };

        for (var p = anchorPiece + 1; p < pieces.Count; p++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var before = placed[^1];
            if (before.LastQuotingWord != pieces[p - 1].LastWord)
                break;
            var (from, piece) = (before.LastSourceWord + 1, pieces[p]);
            var next = Nearest(Length(quoting, piece), (size, widest) =>
            {
                var to = WordsEndingBy(source, source.EndOf(before.LastSourceWord) + size);
                return Place(source, quoting, piece, from, to, scoring) is { } found
                    && found.FirstQuotingWord == piece.FirstWord && Near(source, before, found) && (widest || found.LastSourceWord + 1 < to)
                    ? found : null;
            });
            if (next is null)
                break;
            placed.Add(next);
        }
        for (var p = anchorPiece - 1; p >= 0; p--)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var after = placed[0];
            if (after.FirstQuotingWord != pieces[p + 1].FirstWord)
                break;
            var (to, piece) = (after.FirstSourceWord, pieces[p]);
            var previous = Nearest(Length(quoting, piece), (size, widest) =>
            {
                var from = FirstWordFrom(source, source.StartOf(after.FirstSourceWord) - size);
                return Place(source, quoting, piece, from, to, scoring) is { } found
                    && found.LastQuotingWord == piece.LastWord && Near(source, found, after) && (widest || found.FirstSourceWord > from)
                    ? found : null;
            });
            if (previous is null)
                break;
            placed.Insert(0, previous);
        }
        return placed.Count == 1 ? first : Joined(placed);
    }

    /// <summary>
    /// The piece's place nearest the chain: looked for in a window beside it just long enough to
    /// hold the piece, then in windows twice as long, up to the bound. A historian's ellipsis
    /// leaves out little more often than much, and the piece's words may recur farther off (a
    /// polemic repeats the very phrase it quotes), so the first place that joins is taken, not the
    /// best one in the whole reach; the windows together cost at most twice the widest one. A
    /// place that reaches a window's far end may be a piece cut short by it, and is taken from the
    /// widest window only.
    /// </summary>
    private static LocalAlignment? Nearest(int pieceLength, Func<int, bool, LocalAlignment?> joinedWithin)
    {
        var widest = MaximumOmittedCharacters + pieceLength + PieceSlack;
        for (var size = Math.Min(widest, pieceLength + PieceSlack); ; size = Math.Min(widest, 2 * size))
        {
            if (joinedWithin(size, size == widest) is { } found)
                return found;
            if (size == widest)
                return null;
        }
    }

    /// <summary>The piece's best alignment in the source words [from, to), its edges completed within them, or null when fewer than half its words are equal.</summary>
    private static LocalAlignment? Place(TokenisedText source, TokenisedText quoting, QuotationPiece piece, int from, int to, AlignmentScoring? scoring)
    {
        if (to <= from)
            return null;
        var core = ChainedAligner.Align(source, from, to - from, quoting, piece.FirstWord, piece.Count, scoring);
        if (core.IsEmpty)
            return null;
        var covered = QuotationEdges.Cover(core, from, to - from);
        return 2 * covered.MatchedWords < piece.Count ? null : covered;
    }

    private static bool Near(TokenisedText source, LocalAlignment earlier, LocalAlignment later) =>
        source.StartOf(later.FirstSourceWord) - source.EndOf(earlier.LastSourceWord) <= MaximumOmittedCharacters;

    /// <summary>The pieces' steps in order, the source words between two pieces left out between them.</summary>
    private static LocalAlignment Joined(List<LocalAlignment> placed)
    {
        var steps = new List<AlignmentStep>(placed[0].Steps);
        for (var k = 1; k < placed.Count; k++)
        {
            for (var s = placed[k - 1].LastSourceWord + 1; s < placed[k].FirstSourceWord; s++)
                steps.Add(new AlignmentStep(AlignmentOperation.SourceOnly, s, null));
            steps.AddRange(placed[k].Steps);
        }
        return new LocalAlignment(placed[0].Source, placed[0].Quoting, steps, placed.Sum(p => p.Score));
    }

    private static int Length(TokenisedText quoting, QuotationPiece piece) => quoting.Span(piece.FirstWord, piece.Count).Length;

    private static int PieceOf(IReadOnlyList<QuotationPiece> pieces, int word)
    {
        var p = 0;
        while (p + 1 < pieces.Count && pieces[p + 1].FirstWord <= word)
            p++;
        return p;
    }

    /// <summary>The first word that starts at or after character <paramref name="at"/>.</summary>
    private static int FirstWordFrom(TokenisedText text, int at) => FirstWordWhere(text, w => text.StartOf(w) >= at);

    /// <summary>One past the last word that ends at or before character <paramref name="at"/>.</summary>
    private static int WordsEndingBy(TokenisedText text, int at) => FirstWordWhere(text, w => text.EndOf(w) > at);

    /// <summary>The first word for which <paramref name="reached"/> holds (text.Count where none does); it holds of every word after one it holds of.</summary>
    private static int FirstWordWhere(TokenisedText text, Func<int, bool> reached)
    {
        var (low, high) = (0, text.Count);
        while (low < high)
        {
            var middle = (low + high) / 2;
            if (reached(middle))
                high = middle;
            else
                low = middle + 1;
        }
        return low;
    }
}
