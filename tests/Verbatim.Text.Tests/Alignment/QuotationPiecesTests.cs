using Verbatim.Text.Alignment;
using Verbatim.Text.Normalisation;
using Verbatim.Text.Tokens;

namespace Verbatim.Text.Tests.Alignment;

public class QuotationPiecesTests
{
    private const string Opening = "Facts you will recall this yourself are stubborn things";
    private const string Middle = "I list all your factual statements here";
    private const string Closing = "You have not given any names and there are no facts";

    /// <summary>Words found nowhere else, so that nothing in them is equal to a quoted word by chance.</summary>
    private static string Filler(int words) => string.Join(' ', Enumerable.Range(0, words).Select(w => $"filler{w}"));

    private static (LocalAlignment Alignment, IReadOnlyList<Difference> Differences) Join(string source, string quotation, string anchorText)
    {
        var (sourceText, quoted) = (Tokeniser.Tokenise(source), Tokeniser.Tokenise(quotation));
        var pieces = QuotationPieces.Of(quoted);
        var anchorPiece = pieces.Select((p, i) => (p, i)).Single(x => quoted.Span(x.p.FirstWord, x.p.Count).Of(quotation) == anchorText).i;
        var anchor = new TextRange(source.IndexOf(anchorText, StringComparison.Ordinal), anchorText.Length);
        var joined = QuotationPieces.Join(sourceText, quoted, pieces, anchorPiece, anchor);
        return (joined, DifferenceClassifier.Classify(joined));
    }

    [Fact]
    public void An_ellipsis_between_two_words_cuts_the_quotation_and_one_at_either_end_does_not()
    {
        var quoted = Tokeniser.Tokenise("… one two three … four five [...] six seven . . . eight nine [\u2026] ten …");
        Assert.Equal(
            [new QuotationPiece(0, 3), new QuotationPiece(3, 2), new QuotationPiece(5, 2), new QuotationPiece(7, 2), new QuotationPiece(9, 1)],
            QuotationPieces.Of(quoted));
        Assert.Equal([new QuotationPiece(0, 4)], QuotationPieces.Of(Tokeniser.Tokenise("a quotation without gaps.")));
    }

    [Fact]
    public void Pieces_far_apart_in_the_source_are_one_alignment_whose_gaps_are_omissions_marked_by_their_ellipses()
    {
        var (first, second) = (Filler(80), Filler(60).Replace("filler", "other", StringComparison.Ordinal));
        var source = $"Before it all. {Opening}. {first}. {Middle}. {second}. {Closing}. After it all.";
        var quotation = $"{Opening}. … {Middle} [...] {Closing}.";

        var (alignment, differences) = Join(source, quotation, Middle);

        Assert.Equal($"{Opening}. {first}. {Middle}. {second}. {Closing}", alignment.SourceRange.Of(source));
        Assert.Equal(2, differences.Count);
        Assert.All(differences, d => Assert.Equal(DifferenceKind.MarkedOmission, d.Kind));
        Assert.Equal((first, "…"), (differences[0].SourceReading, differences[0].QuotingReading));
        Assert.Equal((second, "[...]"), (differences[1].SourceReading, differences[1].QuotingReading));
        Assert.Equal(source.IndexOf(second, StringComparison.Ordinal), differences[1].Source.Start);
        Assert.Equal(quotation.IndexOf("[...]", StringComparison.Ordinal), differences[1].Quoting.Start);
    }

    [Fact]
    public void A_piece_farther_away_than_the_bound_is_not_joined()
    {
        var distant = Filler((QuotationPieces.MaximumOmittedCharacters / 8) + 1);
        Assert.True(distant.Length > QuotationPieces.MaximumOmittedCharacters);
        var source = $"{Opening}. {distant}. {Closing}.";

        var (alignment, differences) = Join(source, $"{Opening}. … {Closing}.", Opening);

        Assert.Equal(Opening, alignment.SourceRange.Of(source));
        Assert.Empty(differences);
    }

    [Fact]
    public void An_ellipsis_where_the_source_runs_on_without_a_gap_is_reported_as_leaving_nothing_out()
    {
        var source = $"{Filler(30)}. {Opening}. {Closing}. {Filler(30)}";
        var quotation = $"{Opening}. . . . {Closing}";

        var (alignment, differences) = Join(source, quotation, Closing);

        Assert.Equal($"{Opening}. {Closing}", alignment.SourceRange.Of(source));
        var empty = Assert.Single(differences);
        Assert.Equal(DifferenceKind.EmptyEllipsis, empty.Kind);
        Assert.Equal((". . .", ""), (empty.QuotingReading, empty.SourceReading));
        Assert.Equal(source.IndexOf(". You", StringComparison.Ordinal), empty.Source.Start);
    }

    [Fact]
    public void A_piece_changed_next_to_its_ellipsis_is_a_substitution_apart_from_the_omission()
    {
        var source = $"{Opening}. {Filler(40)}. {Closing}.";
        var quotation = $"Facts you will recall this yourself are stubborn matters … {Closing}.";

        var (alignment, differences) = Join(source, quotation, Closing);

        Assert.Equal(0, alignment.FirstQuotingWord);
        Assert.Equal([DifferenceKind.Substitution, DifferenceKind.MarkedOmission], differences.Select(d => d.Kind));
        Assert.Equal(("things", "matters"), (differences[0].SourceReading, differences[0].QuotingReading));
        Assert.Equal(Filler(40), differences[1].SourceReading);
    }

    [Fact]
    public void A_piece_is_placed_where_it_first_joins_not_where_it_recurs_word_for_word_farther_on()
    {
        var source = $"{Opening}. {Filler(10)}. With the very best comradely greetings. {Filler(100)}. He signed with Communist greetings.";

        var (alignment, differences) = Join(source, $"{Opening}. … With Communist greetings", Opening);

        Assert.EndsWith("With the very best comradely greetings", alignment.SourceRange.Of(source), StringComparison.Ordinal);
        Assert.Equal([DifferenceKind.MarkedOmission, DifferenceKind.Substitution], differences.Select(d => d.Kind));
    }

    [Fact]
    public void A_cancelled_join_stops_between_pieces()
    {
        var source = Tokeniser.Tokenise($"{Opening}. {Filler(40)}. {Closing}.");
        var quoted = Tokeniser.Tokenise($"{Opening}. … {Closing}.");
        using var gone = new CancellationTokenSource();
        gone.Cancel();

        Assert.ThrowsAny<OperationCanceledException>(() => QuotationPieces.Join(
            source, quoted, QuotationPieces.Of(quoted), 0, new TextRange(0, Opening.Length), cancellationToken: gone.Token));
    }
}
