using Verbatim.Formats.Common;
using Verbatim.Model;

namespace Verbatim.Formats.Tests.Common;

public class DateDoubtTests
{
    // Date texts of the Schnitzler letters' correspDesc.
    [Theory]
    [InlineData("[22.? 8. 1891]", DateCertainty.Uncertain, DatePart.Day)]
    [InlineData("[5.? 2. 1896]", DateCertainty.Uncertain, DatePart.Day)]
    [InlineData("[22.?] 2. 1902", DateCertainty.Uncertain, DatePart.Day)]
    [InlineData("24. [12?.] 1903", DateCertainty.Uncertain, DatePart.Month)]
    [InlineData("11. [8.?] 1905", DateCertainty.Uncertain, DatePart.Month)]
    [InlineData("1. 2. [1893?]", DateCertainty.Uncertain, DatePart.Year)]
    [InlineData("14. 5. 190[3?]", DateCertainty.Uncertain, DatePart.Year)]
    [InlineData("[4. 4. 1892?]", DateCertainty.Uncertain, null)]
    [InlineData("[29.  3. 1903?]", DateCertainty.Uncertain, null)]
    [InlineData("[1896?]", DateCertainty.Uncertain, null)]
    [InlineData("[Ende 1892?]", DateCertainty.Uncertain, null)]
    [InlineData("[Anfang September] 1890", DateCertainty.Approximate, null)]
    [InlineData("ca. 1900", DateCertainty.Approximate, null)]
    [InlineData("um 1900", DateCertainty.Approximate, null)]
    [InlineData("about March 1923", DateCertainty.Approximate, null)]
    public void The_doubt_the_date_text_states(string text, DateCertainty certainty, DatePart? part)
        => Assert.Equal((certainty, part), DateDoubt.Of(text, cert: null, precision: null));

    [Theory]
    [InlineData("[5. 5. 1891]")]
    [InlineData("[20.] 5. 1891")]
    [InlineData("2. Aug. 1889")]
    [InlineData("Sommer 1889")]
    [InlineData(null)]
    public void A_date_the_editors_supplied_without_a_question_is_not_doubted(string? text)
        => Assert.Equal((null, null), DateDoubt.Of(text, cert: null, precision: null));

    [Theory]
    [InlineData("low", null, DateCertainty.Uncertain)]
    [InlineData("medium", null, DateCertainty.Uncertain)]
    [InlineData("high", null, null)]
    [InlineData(null, "low", DateCertainty.Approximate)]
    public void TEI_cert_and_precision_state_doubt_too(string? cert, string? precision, DateCertainty? certainty)
        => Assert.Equal(certainty, DateDoubt.Of("1. 2. 1900", cert, precision).Certainty);
}
