using Verbatim.Model;
using Verbatim.Presenting;

namespace Verbatim.Tests.Presenting;

public sealed class DocumentTextTests
{
    private static string WrittenLine(DateSpan written)
    {
        var output = new StringWriter();
        DocumentText.Write(output, new Document { Id = "lenin-1921-10-20-to-stalin", Title = "To J. V. Stalin", Written = written });
        return output.ToString().Split('\n').Single(l => l.StartsWith("written", StringComparison.Ordinal)).TrimEnd();
    }

    [Fact]
    public void A_letter_written_by_hand_does_not_say_written_twice()
        => Assert.Equal("written       1921-10-20, Moscow", WrittenLine(new DateSpan { Mode = "written", Date = "1921-10-20", Place = "Moscow" }));

    [Fact]
    public void Another_way_of_writing_is_named()
        => Assert.Equal("written       dictated, 1921-12-20", WrittenLine(new DateSpan { Mode = "dictated", Date = "1921-12-20" }));
}
