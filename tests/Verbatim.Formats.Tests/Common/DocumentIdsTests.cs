using Verbatim.Formats.Common;

namespace Verbatim.Formats.Tests.Common;

public class DocumentIdsTests
{
    [Theory]
    [InlineData("Bölsche", "bolsche")]
    [InlineData("Grüße aus Wien", "grusse-aus-wien")]
    [InlineData("Lenin’s Wife on Stalin", "lenins-wife-on-stalin")]
    [InlineData("  J. V. STALIN ", "j-v-stalin")]
    public void Slug_is_lower_case_ascii_without_accents(string text, string slug)
        => Assert.Equal(slug, DocumentIds.Slug(text));

    [Fact]
    public void Letter_id_names_author_date_and_addressees()
        => Assert.Equal("lenin-1921-12-20-to-zalutsky-and-solts",
            DocumentIds.For([new("V. I. Lenin")], "1921-12-20", [new("Zalutsky"), new("Solts")], "ignored"));
}
