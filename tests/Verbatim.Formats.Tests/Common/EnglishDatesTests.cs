using Verbatim.Formats.Common;
using Verbatim.Model;

namespace Verbatim.Formats.Tests.Common;

public class EnglishDatesTests
{
    [Theory]
    [InlineData("Written on October 20,1921", "1921-10-20", DatePrecision.Day)]
    [InlineData("20.00 hours, December 20, 1921.", "1921-12-20", DatePrecision.Day)]
    [InlineData("The Militant, 22 March 1930, p. 7", "1930-03-22", DatePrecision.Day)]
    [InlineData("26th July, 1926", "1926-07-26", DatePrecision.Day)]
    [InlineData("Izvestia, 4th September 1936, No. 224", "1936-09-04", DatePrecision.Day)]
    [InlineData("As I have already told you Dec. 31, 1922,", "1922-12-31", DatePrecision.Day)]
    [InlineData("in March 1923 he", "1923-03", DatePrecision.Month)]
    [InlineData("V. I. LENIN (1903)", "1903", DatePrecision.Year)]
    public void Finds_the_most_precise_date(string text, string iso, DatePrecision precision)
    {
        var match = EnglishDates.Find(text);
        Assert.NotNull(match);
        Assert.Equal((iso, precision), (match.Iso, match.Precision));
    }

    [Theory]
    [InlineData("no date here")]
    [InlineData("Volume 45, page 348b")]
    [InlineData("February 30, 1921")]
    public void Finds_nothing_where_there_is_no_valid_date(string text)
        => Assert.True(EnglishDates.Find(text) is null or { Precision: DatePrecision.Year });
}
