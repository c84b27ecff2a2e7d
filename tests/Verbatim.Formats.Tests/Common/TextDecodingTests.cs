using System.Text;
using Verbatim.Formats.Common;

namespace Verbatim.Formats.Tests.Common;

public class TextDecodingTests
{
    [Fact]
    public void Empty_file_is_an_error()
    {
        var input = TextDecoding.Decode("empty.txt", Array.Empty<byte>());
        Assert.Null(input.Text);
        Assert.Equal("the file is empty", input.DecodingError);
    }

    [Fact]
    public void Binary_file_is_an_error_naming_the_offset()
    {
        byte[] png = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0x00, 0x00];
        var input = TextDecoding.Decode("picture.png", png);
        Assert.Null(input.Text);
        Assert.Contains("binary", input.DecodingError);
        Assert.Contains("offset 8", input.DecodingError);
    }

    [Fact]
    public void Windows_1252_page_is_read_with_its_curly_quotes()
    {
        // "Lenin’s “letter”" in Windows-1252: 0x92 and 0x93/0x94 are the curly quotes.
        byte[] bytes = [.. "Lenin"u8, 0x92, .. "s "u8, 0x93, .. "letter"u8, 0x94, .. "\r\nnext"u8];
        var input = TextDecoding.Decode("old.txt", bytes);
        Assert.Equal("Lenin’s “letter”\nnext", input.Text);
        Assert.Equal("windows-1252", input.Encoding);
        Assert.Single(input.DecodingWarnings);
    }

    [Fact]
    public void Damaged_utf8_is_read_with_a_located_warning()
    {
        var bytes = Encoding.UTF8.GetBytes("first line\nsecond “line” \u00e9t").Concat(new byte[] { 0xC3 }).Concat("x"u8.ToArray()).ToArray();
        var input = TextDecoding.Decode("damaged.txt", bytes);
        Assert.Equal("utf-8", input.Encoding);
        Assert.EndsWith("\uFFFDx", input.Text);
        var warning = Assert.Single(input.DecodingWarnings);
        Assert.Equal(2, warning.Line);
        Assert.Equal(17, warning.Column);
        Assert.Contains("damaged.txt:2:17", warning.ToString());
    }

    [Fact]
    public void Crlf_and_cr_become_lf_and_bom_is_dropped()
    {
        byte[] bytes = [0xEF, 0xBB, 0xBF, .. "a\r\nb\rc"u8];
        Assert.Equal("a\nb\nc", TextDecoding.Decode("crlf.txt", bytes).Text);
    }
}
