using System.Text;
using Verbatim.Formats.Common;
using Verbatim.Formats.PlainText;
using Verbatim.Model;

namespace Verbatim.Formats.Tests.PlainText;

public sealed class PlainTextReaderTests
{
    [Fact]
    public void A_text_of_one_line_is_its_title_and_its_heading_held_once()
    {
        // A long one-line text is its own title: the title and the heading are one string, not two copies.
        var line = string.Concat(Enumerable.Repeat("Lieber Freund, ich danke Ihnen   herzlich. ", 50));
        var input = TextDecoding.Decode("line.txt", Encoding.UTF8.GetBytes(line + "\n"));

        var document = Assert.Single(new PlainTextReader().Read(input).Documents);

        var heading = Assert.Single(document.Body);
        Assert.Equal(BlockType.Heading, heading.Type);
        Assert.Equal(Whitespace.CollapseToLine(line), document.Title);
        Assert.Same(heading.Text, document.Title);
    }

    [Fact]
    public void A_title_line_above_paragraphs_is_the_title_and_the_heading()
    {
        var input = TextDecoding.Decode("letter.txt", Encoding.UTF8.GetBytes("To  Stalin\n\nComrade Stalin,\nI ask you.\n"));

        var document = Assert.Single(new PlainTextReader().Read(input).Documents);

        Assert.Equal("To Stalin", document.Title);
        Assert.Equal(["To Stalin", "Comrade Stalin,\nI ask you."], document.Body.Select(b => b.Text));
    }
}
