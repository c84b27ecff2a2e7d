using System.Text;
using Verbatim.Access;

namespace Verbatim.Tests.Access;

public sealed class AccessJsonTests
{
    [Theory]
    [InlineData("open")]
    [InlineData("restricted:family,party-archive")]
    [InlineData("embargoed:2031-01-21")]
    [InlineData("withdrawn:the copy is a forgery")]
    public void Every_rule_reads_back_as_written(string rule)
    {
        var access = DocumentAccess.Parse(rule).Access!;
        Assert.Equal(access, AccessJson.Read(AccessJson.ToBytes(access)));
    }

    [Fact]
    public void The_file_holds_the_rule_in_words_a_person_can_read()
    {
        var json = Encoding.UTF8.GetString(AccessJson.ToBytes(DocumentAccess.EmbargoedUntil(new DateOnly(2031, 1, 21))));
        Assert.Contains("\"kind\": \"embargoed\"", json, StringComparison.Ordinal);
        Assert.Contains("\"until\": \"2031-01-21\"", json, StringComparison.Ordinal);
        Assert.DoesNotContain("groups", json, StringComparison.Ordinal);
    }

    [Fact]
    public void No_file_is_open()
    {
        Assert.Equal(DocumentAccess.Open, AccessJson.Read(null));
    }

    [Theory]
    [InlineData("{}")]
    [InlineData("not json")]
    [InlineData("{\"kind\":\"restricted\"}")]
    [InlineData("{\"kind\":\"restricted\",\"groups\":[\"no spaces allowed\"]}")]
    [InlineData("{\"kind\":\"embargoed\"}")]
    [InlineData("{\"kind\":\"withdrawn\",\"reason\":\" \"}")]
    [InlineData("{\"kind\":\"opened\"}")]
    [InlineData("[]")]
    public void A_file_that_does_not_read_as_a_rule_closes_the_document_to_all_but_editors(string json)
    {
        var access = AccessJson.Read(Encoding.UTF8.GetBytes(json));
        Assert.Equal(AccessKind.Withdrawn, access.Kind);
        Assert.False(Viewer.Public.MaySee(access, new DateOnly(2100, 1, 1)));
    }
}
