using Verbatim.Text.Alignment;
using Verbatim.Text.Tokens;

namespace Verbatim.Text.Tests.Alignment;

public class EditorialBracketsTests
{
    private const string Source = "At the plenum Stalin read the letter aloud and then the comrads was told to vote on the resolution of the Central Committee at once";

    private static IReadOnlyList<Difference> Check(string quotation)
    {
        var local = LocalAligner.Align(Tokeniser.Tokenise(Source), Tokeniser.Tokenise(quotation));
        return DifferenceClassifier.Classify(QuotationEdges.Cover(local));
    }

    [Theory]
    [InlineData("the letter aloud and then [that is, in July 1926] the comrads was told to vote on", "[that is, in July 1926]")]
    [InlineData("read the letter aloud and then the comrads [sic] was told to vote on the resolution", "[sic]")]
    [InlineData("read the letter aloud and then the comrads was told to vote on the resolution [emphasis added]", "[emphasis added]")]
    [InlineData("[i.e. Stalin] read the letter aloud and then the comrads was told to vote on", "[i.e. Stalin]")]
    public void Words_an_editor_puts_in_square_brackets_are_an_editorial_insertion_and_nothing_else(string quotation, string bracket)
    {
        var insertion = Assert.Single(Check(quotation));
        Assert.Equal((DifferenceKind.EditorialInsertion, bracket, ""), (insertion.Kind, insertion.QuotingReading, insertion.SourceReading));
        Assert.Equal(quotation.IndexOf(bracket, StringComparison.Ordinal), insertion.Quoting.Start);
    }

    [Fact]
    public void A_word_marked_sic_is_still_compared_as_written()
    {
        var corrected = Check("read the letter aloud and then the comrades [sic] was told to vote on the resolution");
        Assert.Equal([DifferenceKind.Substitution, DifferenceKind.EditorialInsertion], corrected.Select(d => d.Kind));
        Assert.Equal(("comrads", "comrades"), (corrected[0].SourceReading, corrected[0].QuotingReading));
    }

    [Theory]
    [InlineData("At the plenum [he] read the letter aloud and then the comrads was told", "[he]", "Stalin")]
    [InlineData("[He] read the letter aloud and then the comrads was told to vote on", "[He]", "Stalin")]
    [InlineData("told to vote on the resolution of [the Party] at once", "[the Party]", "Central Committee")]
    public void Bracketed_words_in_place_of_the_sources_are_an_editorial_replacement_not_a_substitution(string quotation, string bracket, string replaced)
    {
        var replacement = Assert.Single(Check(quotation));
        Assert.Equal((DifferenceKind.EditorialReplacement, bracket, replaced), (replacement.Kind, replacement.QuotingReading, replacement.SourceReading));
        Assert.Equal(Source.IndexOf(replaced, StringComparison.Ordinal), replacement.Source.Start);
    }

    [Fact]
    public void A_footnote_number_and_an_ellipsis_in_brackets_are_not_editorial_insertions()
    {
        var footnote = Check("read the letter aloud [1] and then the comrads was told to vote on");
        Assert.Equal(DifferenceKind.Insertion, Assert.Single(footnote).Kind);
        var ellipsis = Check("read the letter aloud and then [...] was told to vote on");
        Assert.Equal(DifferenceKind.MarkedOmission, Assert.Single(ellipsis).Kind);
    }
}
