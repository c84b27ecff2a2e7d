using Verbatim.Formats.Common;

namespace Verbatim.Formats.Tests.Common;

/// <summary>Newspaper citations as compilation pages print them: an article's title, the paper, its issue and day.</summary>
public class SourceCitationsPeriodicalTests
{
    [Theory]
    [InlineData("The Position of the Bund in the Party, Iskra, No. 51, October 22, 1903.", "1903-10-22", "51")]
    [InlineData("Pravda, 7th March, 1923, p. 2.", "1923-03-07", null)]
    public void The_comma_inside_a_date_does_not_split_it(string text, string date, string? issue)
    {
        var source = SourceCitations.Read(text);
        Assert.Equal((date, int.Parse(date[..4], System.Globalization.CultureInfo.InvariantCulture), issue), (source.Date, source.Year, source.Issue));
    }

    [Fact]
    public void A_newspapers_name_is_not_taken_for_a_place()
    {
        var source = SourceCitations.Read("Why Is the Second International Defending Trotsky?, Izvestia, 4th September 1936, No. 224. Retrieved from http://www.revolutionarydemocracy.org");
        Assert.Null(source.Place);
        Assert.Equal(("1936-09-04", "224"), (source.Date, source.Issue));
    }

    [Fact]
    public void A_number_after_a_word_that_only_begins_like_a_month_is_not_a_day()
        => Assert.Equal(1917, SourceCitations.Read("Works of Marx 12, 1917").Year);

    [Fact]
    public void A_book_still_has_its_place()
    {
        var source = SourceCitations.Read("Lenin Collected Works, Progress Publishers, 1976, Moscow, Volume 45, page 348b.");
        Assert.Equal(("Moscow", 1976, null), (source.Place, source.Year, source.Date));
    }
}
