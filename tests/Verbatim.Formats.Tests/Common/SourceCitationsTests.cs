using Verbatim.Formats.Common;
using Verbatim.Model;

namespace Verbatim.Formats.Tests.Common;

public class SourceCitationsTests
{
    [Fact]
    public void Reads_a_collected_works_citation()
    {
        var source = SourceCitations.Read("Lenin Collected Works, Progress Publishers, 1976, Moscow, Volume\u00A045, pages\u00A0160b-165.");
        Assert.Equal(("Lenin Collected Works", "Progress Publishers", "Moscow", 1976, "45", "160b-165"),
            (source.Collection, source.Publisher, source.Place, source.Year, source.Volume, source.Pages));
        Assert.Equal("Lenin Collected Works, Progress Publishers, 1976, Moscow, Volume 45, pages 160b-165.", source.Text);
    }

    [Fact]
    public void Reads_a_newspaper_issue_with_a_url()
    {
        var source = SourceCitations.Read("Why Is the Second International Defending Trotsky?, Izvestia, 4th September 1936, No. 224. Retrieved from http://www.revolutionarydemocracy.org");
        Assert.Equal("http://www.revolutionarydemocracy.org", source.Url);
        Assert.Equal(("1936-09-04", 1936, "224"), (source.Date, source.Year, source.Issue));
    }
}

public class PublicationHistoryTests
{
    [Fact]
    public void Full_stops_inside_titles_do_not_end_a_publication()
    {
        var (publications, printedFrom) = PublicationHistory.Read(
            "First published in part in 1957 in the magazine Voprosy Istorii KPSS No. 2. Published in full in 1959 in Lenin Miscellany XXXVI. Printed from the original.");
        Assert.Equal(2, publications.Count);
        Assert.Equal("the magazine Voprosy Istorii KPSS No. 2", publications[0].In);
        Assert.Equal(PublicationExtent.Part, publications[0].Extent);
        Assert.Equal("the original", printedFrom);
    }

    [Fact]
    public void Publication_without_a_year_before_the_title_takes_the_year_inside_it()
    {
        var (publications, _) = PublicationHistory.Read("First published in Pravda No. 12, January 17, 1924. Printed from a typewritten copy.");
        var publication = Assert.Single(publications);
        Assert.Equal((1924, "Pravda No. 12, January 17, 1924"), (publication.Year, publication.In));
    }
}

public class PersonNamesTests
{
    [Theory]
    [InlineData("V. I.\u00A0\u00A0 Lenin", "V. I. Lenin", null)]
    [InlineData("L.D. Trotsky", "L. D. Trotsky", "L.D. Trotsky")]
    [InlineData("J. V. STALIN", "J. V. Stalin", "J. V. STALIN")]
    [InlineData("Comrade Lutovinov:", "Lutovinov", "Comrade Lutovinov:")]
    public void Reads_names_as_pages_print_them(string text, string name, string? original)
    {
        var person = PersonNames.Read(text);
        Assert.Equal(name, person.Name);
        Assert.Equal(original, person.Text);
    }

    [Theory]
    [InlineData("V. I. Lenin", "Lenin")]
    [InlineData("Zalutsky", "Zalutsky")]
    [InlineData("M. V.", "V")]
    public void Surname_is_the_last_word_that_is_not_an_initial(string name, string surname)
        => Assert.Equal(surname, PersonNames.Surname(name));
}
