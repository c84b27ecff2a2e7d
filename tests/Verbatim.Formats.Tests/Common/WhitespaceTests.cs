using Verbatim.Formats.Common;

namespace Verbatim.Formats.Tests.Common;

public sealed class WhitespaceTests
{
    [Theory]
    [InlineData("  Lieber   Freund,\u00a0ich \n danke\t Ihnen  ", "Lieber Freund, ich\ndanke Ihnen")]
    [InlineData("a \n\n b", "a\nb")]
    [InlineData("\u00a0a\u00a0b\u00a0", "a b")]
    [InlineData("a\tb", "a b")]
    [InlineData(" \n ", "")]
    [InlineData(" folded\nalready ", "folded\nalready")]
    public void Collapse_folds_runs_of_white_space_and_trims_the_ends(string text, string expected)
        => Assert.Equal(expected, Whitespace.Collapse(text));

    [Fact]
    public void Collapse_returns_a_text_already_folded_itself_rather_than_a_copy()
    {
        // A long one-line text is usually folded already; copying it costs two bytes a character.
        var text = string.Concat(Enumerable.Repeat("Lieber Freund, ich danke Ihnen\nherzlich. ", 100)).TrimEnd();

        Assert.Same(text, Whitespace.Collapse(text));
        var oneLine = text.Replace('\n', ' ');
        Assert.Same(oneLine, Whitespace.CollapseToLine(oneLine));
    }
}
