using Verbatim.Text.Alignment;
using Verbatim.Text.Tokens;

namespace Verbatim.Text.Tests.Alignment;

public class QuotationEdgesTests
{
    // The closing of Lenin's letter to Trotsky of 5 March 1923 as seed 004 prints it, and the
    // reading the polemic accuses Stalin of giving at the July 1926 plenum.
    private const string Letter = "If for some reason you do not agree, send me back all the papers. I will consider that a sign of your disagreement. With the very best comradely greetings, Lenin";

    private static (LocalAlignment Alignment, IReadOnlyList<Difference> Differences) Check(string source, string quotation)
    {
        var local = LocalAligner.Align(Tokeniser.Tokenise(source), Tokeniser.Tokenise(quotation));
        var covered = QuotationEdges.Cover(local);
        return (covered, DifferenceClassifier.Classify(covered));
    }

    [Fact]
    public void A_replaced_closing_phrase_keeps_its_equal_words_and_reports_the_rest_replaced()
    {
        const string quotation = "send me back all the papers. I will consider that a sign of your disagreement. With Communist greetings";
        var (alignment, differences) = Check(Letter, quotation);

        var difference = Assert.Single(differences);
        Assert.Equal(DifferenceKind.Substitution, difference.Kind);
        Assert.Equal("the very best comradely", difference.SourceReading);
        Assert.Equal("Communist", difference.QuotingReading);
        Assert.Equal(Letter.IndexOf("the very best", StringComparison.Ordinal), difference.Source.Start);
        Assert.Equal("send me back all the papers. I will consider that a sign of your disagreement. With the very best comradely greetings", alignment.SourceRange.Of(Letter));
        Assert.Equal(quotation, alignment.QuotingRange.Of(quotation));
    }

    [Fact]
    public void A_replaced_first_word_is_reported_though_no_word_of_the_edge_is_equal()
    {
        const string source = "He is undoubtedly a loyal revolutionary, who must be used despite our political differences.";
        const string quotation = "She is undoubtedly a loyal revolutionary, who must be used";
        var (alignment, differences) = Check(source, quotation);

        var difference = Assert.Single(differences);
        Assert.Equal((DifferenceKind.Substitution, "He", "She"), (difference.Kind, difference.SourceReading, difference.QuotingReading));
        Assert.Equal(0, alignment.FirstQuotingWord);
    }

    [Fact]
    public void Words_beyond_the_end_of_the_source_are_insertions()
    {
        const string source = "send me back all the papers and every note";
        const string quotation = "send me back all the papers and every note, at once";
        var (_, differences) = Check(source, quotation);

        var difference = Assert.Single(differences);
        Assert.Equal((DifferenceKind.Insertion, "", "at once"), (difference.Kind, difference.SourceReading, difference.QuotingReading));
    }

    [Fact]
    public void An_edge_longer_than_a_phrase_is_left_outside_the_passage()
    {
        const string quotation = "Nine words that the letter never said at all: send me back all the papers.";
        var (alignment, differences) = Check(Letter, quotation);

        Assert.Empty(differences);
        Assert.Equal("send me back all the papers", alignment.QuotingRange.Of(quotation));
    }

    [Fact]
    public void An_edge_is_completed_up_to_the_ellipsis_and_never_into_the_words_it_stands_for()
    {
        const string source = "send me back all the papers at once and every single note. Other words. You have not given any names.";
        const string quotation = "send me back all the papers … You have not given any names";
        var (sourceText, quoted) = (Tokeniser.Tokenise(source), Tokeniser.Tokenise(quotation));
        var firstPiece = LocalAligner.Align(sourceText, 0, sourceText.Count, quoted, 0, 6);

        var covered = QuotationEdges.Cover(firstPiece);

        Assert.Equal("send me back all the papers", covered.QuotingRange.Of(quotation));
        Assert.Equal("send me back all the papers", covered.SourceRange.Of(source));
        Assert.Empty(DifferenceClassifier.Classify(covered));
    }
}
