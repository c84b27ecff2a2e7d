using System.Text;
using Verbatim.Formats.Common;
using Verbatim.Formats.PlainText;
using Verbatim.Model;

namespace Verbatim.Formats.Tests.PlainText;

public sealed class PlainTextReaderTests
{
    [Fact]
    public void A_text_of_one_short_line_is_its_title_and_its_heading()
    {
        var input = TextDecoding.Decode("line.txt", Encoding.UTF8.GetBytes("Lieber Freund,   ich danke Ihnen herzlich.\n"));

        var document = Assert.Single(new PlainTextReader().Read(input).Documents);

        var heading = Assert.Single(document.Body);
        Assert.Equal(BlockType.Heading, heading.Type);
        Assert.Equal("Lieber Freund, ich danke Ihnen herzlich.", heading.Text);
        Assert.Equal(heading.Text, document.Title);
    }

    [Fact]
    public void A_long_first_line_gives_a_title_of_its_first_words_cut_at_a_word()
    {
        // A title is a title: a text of one long line would otherwise be stored and indexed twice.
        var line = string.Concat(Enumerable.Repeat("Lieber Freund, ich danke Ihnen   herzlich. ", 50));
        var input = TextDecoding.Decode("line.txt", Encoding.UTF8.GetBytes(line + "\n"));

        var document = Assert.Single(new PlainTextReader().Read(input).Documents);

        Assert.Equal(Whitespace.CollapseToLine(line), Assert.Single(document.Body).Text);
        Assert.Equal("Lieber Freund, ich danke Ihnen herzlich. Lieber Freund, ich danke Ihnen herzlich. Lieber Freund, ich…", document.Title);
        Assert.Equal("lieber-freund-ich-danke-ihnen-herzlich", document.Id);
    }

    [Fact]
    public void A_long_first_line_above_paragraphs_gives_a_bounded_title()
    {
        var first = string.Join(' ', Enumerable.Repeat("Wien", 60));
        var input = TextDecoding.Decode("letter.txt", Encoding.UTF8.GetBytes(first + "\nzweite Zeile\n\nDer Brief.\n"));

        var document = Assert.Single(new PlainTextReader().Read(input).Documents);

        Assert.Equal(string.Join(' ', Enumerable.Repeat("Wien", 20)) + "…", document.Title);
        Assert.Equal([first + "\nzweite Zeile", "Der Brief."], document.Body.Select(b => b.Text));
    }

    [Fact]
    public void A_first_line_of_one_long_word_is_cut_inside_it()
    {
        var word = new string('x', 300);
        var input = TextDecoding.Decode("word.txt", Encoding.UTF8.GetBytes(word + "\n"));

        var document = Assert.Single(new PlainTextReader().Read(input).Documents);

        Assert.Equal(new string('x', 100) + "…", document.Title);
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
