using Verbatim.Archiving;
using Verbatim.Collating;

namespace Verbatim.Tests.Collating;

public sealed class TestimoniesTests
{
    private const string First = "Lenin valued Stalin as an organiser. He was ill for months.";
    private const string Second = "Stalin was valued by Lenin as an organiser. He was ill.";

    [Fact]
    public void A_range_takes_only_those_characters_of_its_side()
    {
        var whole = Testimonies.Compare("a", First, null, "b", Second, null);
        Assert.Equal(2, whole.SentencesA.Count);
        var part = Testimonies.Compare("a", First, "0-36", "b", Second, " 0-43 ");
        Assert.Equal(["Lenin valued Stalin as an organiser."], part.SentencesA.Select(s => s.Range.Of(First)));
        Assert.Equal(["Stalin was valued by Lenin as an organiser."], part.SentencesB.Select(s => s.Range.Of(Second)));
    }

    [Theory]
    [InlineData("36-0", "witness a: the range '36-0' is not FROM-TO")]
    [InlineData("x-9", "witness a: the range 'x-9' is not FROM-TO")]
    [InlineData("1-2-3", "witness a: the range '1-2-3' is not FROM-TO")]
    [InlineData("0-500", "witness a: the range 0-500 reaches past the text's end at 59")]
    public void A_bad_range_names_its_witness_and_says_what_is_wrong(string range, string message)
    {
        var refused = Assert.Throws<ArchiveException>(() => Testimonies.Compare("a", First, range, "b", Second, null));
        Assert.StartsWith(message, refused.Message, StringComparison.Ordinal);
    }
}
