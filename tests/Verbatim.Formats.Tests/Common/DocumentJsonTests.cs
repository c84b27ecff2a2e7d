using System.Text;
using Verbatim.Model;

namespace Verbatim.Formats.Tests.Common;

public sealed class DocumentJsonTests
{
    [Fact]
    public void The_utf8_bytes_are_the_json_text_encoded_letters_and_all()
    {
        var document = new Document
        {
            Id = "schnitzler-1891-08-22",
            Title = "Brief an Olga Waissnix: „Gewiß, ich schreibe Ihnen …“",
            Body = [new Block(BlockType.P, "Liebe gnädige Frau, ﬁnde \"das\" <nicht> & schön. Щ \u0007", 0, 3)],
        };

        var bytes = DocumentJson.SerializeToUtf8(document);

        Assert.Equal(Encoding.UTF8.GetBytes(DocumentJson.Serialize(document)), bytes);
        Assert.Contains("„Gewiß", Encoding.UTF8.GetString(bytes), StringComparison.Ordinal);
    }
}
