using System.Text;
using Verbatim.Formats.Common;
using Verbatim.Formats.MiaText;
using Verbatim.Model;

namespace Verbatim.Formats.Tests;

/// <summary>
/// Bad input reaches the readers through the registry as a user's batch would: each case gives a
/// located, readable error or a document with warnings, and nothing throws.
/// </summary>
public class BadInputTests
{
    private static readonly FormatRegistry Registry = Readers.CreateDefaultRegistry();

    static BadInputTests() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    [Fact]
    public void Empty_file_is_a_clear_error_naming_the_file()
    {
        var result = Registry.Read("empty.txt", Array.Empty<byte>());
        Assert.False(result.Succeeded);
        Assert.Equal("empty.txt: the file is empty", Assert.Single(result.Errors).ToString());
    }

    [Fact]
    public void White_space_only_file_is_a_clear_error()
    {
        var result = Registry.Read("blank.txt", " \n\t\n"u8.ToArray());
        Assert.Contains("only white space", Assert.Single(result.Errors).Message);
    }

    [Fact]
    public void Binary_file_is_refused_with_the_reason()
    {
        var bytes = new byte[4096];
        new Random(7).NextBytes(bytes);
        bytes[10] = 0;
        var result = Registry.Read("scan.jpg", bytes);
        var error = Assert.Single(result.Errors);
        Assert.Equal("scan.jpg", error.File);
        Assert.Contains("binary file", error.Message);
    }

    [Fact]
    public void Invalid_utf8_gives_a_document_with_a_located_warning()
    {
        var seed = File.ReadAllBytes(SharedMaterial.Seed("000"));
        var damaged = seed.ToArray();
        var at = Array.IndexOf(damaged, (byte)'L', 200);
        damaged[at] = 0xFF;
        var result = Registry.Read("damaged.txt", damaged);
        Assert.True(result.Succeeded);
        var document = Assert.Single(result.Documents);
        var warning = Assert.Single(document.Warnings);
        Assert.Contains("invalid UTF-8", warning.Message);
        Assert.NotNull(warning.Line);
        Assert.Equal("lenin-1921-10-20-to-stalin", document.Id);
    }

    [Fact]
    public void Windows_1252_page_with_crlf_reads_as_the_utf8_page_does()
    {
        var utf8 = File.ReadAllText(SharedMaterial.Seed("002"));
        var legacy = Encoding.GetEncoding(1252).GetBytes(utf8.Replace("\n", "\r\n"));
        var expected = Assert.Single(Registry.Read("page.txt", Encoding.UTF8.GetBytes(utf8)).Documents);
        var actual = Assert.Single(Registry.Read("page.txt", legacy).Documents);
        Assert.Contains(actual.Warnings, w => w.Message.Contains("Windows-1252"));
        Assert.Equal("windows-1252", actual.Origin!.Encoding);
        Assert.Null(expected.Origin!.Encoding);
        Assert.Equal(DocumentJson.Serialize(expected with { Warnings = [] }), DocumentJson.Serialize(actual with { Warnings = [], Origin = expected.Origin }));
        Assert.Contains("“tough words”", actual.BodyText);
    }

    [Fact]
    public void Page_of_fifty_megabytes_is_read_whole()
    {
        var header = "V. I. Lenin\n\nWritten: Written on May 30, 1921\nSource: Lenin Collected Works, Volume 45\n\nComrade Lutovinov:\n\n";
        var paragraph = "Facts—you will recall this yourself—are stubborn things. So have a look at what are the facts you mention.\n\n";
        var count = 50_000_000 / Encoding.UTF8.GetByteCount(paragraph) + 1;
        var text = new StringBuilder(header.Length + count * paragraph.Length).Append(header).Insert(header.Length, paragraph, count).ToString();
        var result = Registry.Read("huge.txt", Encoding.UTF8.GetBytes(text));
        var document = Assert.Single(result.Documents);
        Assert.Equal(MiaTextReader.FormatName, document.Origin!.Format);
        Assert.Equal(count + 1, document.Body.Count);
    }

    [Fact]
    public void Single_line_of_ten_megabytes_is_one_paragraph()
    {
        var line = string.Concat(Enumerable.Repeat("word ", 2_000_000));
        var result = Registry.Read("one-line.txt", Encoding.UTF8.GetBytes(line));
        var document = Assert.Single(result.Documents);
        Assert.Single(document.Body);
        Assert.Equal(line.TrimEnd().Length, document.Body[0].Text.Length);
    }

    [Fact]
    public void Unknown_format_name_is_a_clear_error_listing_the_known_ones()
    {
        var result = Registry.Read("a.txt", "text"u8.ToArray(), "docx");
        Assert.Contains("unknown format 'docx'", Assert.Single(result.Errors).Message);
        Assert.Contains("mia-text", result.Errors[0].Message);
    }

    [Fact]
    public void Reader_that_throws_is_reported_and_the_batch_goes_on()
    {
        var registry = new FormatRegistry([new ThrowingReader()]);
        var result = registry.Read("a.txt", "text"u8.ToArray());
        Assert.Contains("internal error in the throwing reader", Assert.Single(result.Errors).Message);
    }

    private sealed class ThrowingReader : Reading.IDocumentReader
    {
        public string Format => "throwing";
        public double Detect(Reading.SourceInput input) => 1;
        public Reading.ReadResult Read(Reading.SourceInput input) => throw new InvalidOperationException("bug");
    }
}
