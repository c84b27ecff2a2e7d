using Verbatim.Presenting;

namespace Verbatim.Tests.Presenting;

public sealed class PlainTextTests
{
    [Fact]
    public void Escape_sequences_are_shown_not_obeyed()
        => Assert.Equal("\\x1b]0;title\\x07 \\x1b[31mred \\x9b", PlainText.Escaped("\u001b]0;title\u0007 \u001b[31mred \u009b"));

    [Fact]
    public void Line_breaks_stay_only_where_asked()
    {
        Assert.Equal("one\\x0atwo\\x09", PlainText.Escaped("one\ntwo\t"));
        Assert.Equal("one\ntwo\t\\x1b", PlainText.Escaped("one\ntwo\t\u001b", keepLineBreaks: true));
    }

    [Fact]
    public void Text_without_control_characters_is_unchanged() => Assert.Equal("Comrade Stalin: «Have a look»", PlainText.Escaped("Comrade Stalin: «Have a look»"));
}
