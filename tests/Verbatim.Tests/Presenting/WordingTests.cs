using Verbatim.Presenting;

namespace Verbatim.Tests.Presenting;

public sealed class WordingTests
{
    [Theory]
    [InlineData(0, "0 documents")]
    [InlineData(1, "1 document")]
    [InlineData(2, "2 documents")]
    public void A_count_agrees_with_its_noun(int count, string expected) => Assert.Equal(expected, Wording.Counted(count, "document"));

    [Fact]
    public void An_irregular_plural_is_given() => Assert.Equal(["1 corpus", "3 corpora"], [Wording.Counted(1, "corpus", "corpora"), Wording.Counted(3, "corpus", "corpora")]);

    [Theory]
    [InlineData("196", "page 196")]
    [InlineData("348b", "page 348b")]
    [InlineData("196–203", "pages 196–203")]
    [InlineData("160b-165", "pages 160b-165")]
    [InlineData("119–120, 118–119", "pages 119–120, 118–119")]
    public void One_page_is_a_page_and_a_span_is_pages(string pages, string expected) => Assert.Equal(expected, Wording.Pages(pages));
}
