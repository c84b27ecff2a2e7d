using Verbatim.Searching;
using Verbatim.Storage.Catalog;

namespace Verbatim.Storage.Tests.Catalog;

public sealed class FtsQueryTests
{
    [Fact]
    public void Repeats_in_a_query_of_words_alone_are_dropped()
        => Assert.Equal("\"a\" AND \"b\"", FtsQuery.ForUser(string.Join(' ', Enumerable.Repeat("a b A", 700))).Match);

    [Fact]
    public void Repeats_beside_operators_count_against_the_limit()
    {
        var query = string.Join(" OR ", Enumerable.Repeat("a", 100));
        var error = Assert.Throws<QuerySyntaxException>(() => FtsQuery.ForUser(query));
        Assert.Contains($"at most {FtsQuery.MaximumTerms}", error.Message, StringComparison.Ordinal);
        Assert.Equal(FtsQuery.MaximumTerms / 2 * "a OR ".Length, error.Position);
    }

    [Fact]
    public void A_phrase_of_more_words_than_a_search_takes_is_refused()
    {
        var phrase = "\"" + string.Join(' ', Enumerable.Range(0, FtsQuery.MaximumWords + 1).Select(i => $"w{i}")) + "\"";
        Assert.Throws<QuerySyntaxException>(() => FtsQuery.ForUser(phrase));
        Assert.NotNull(FtsQuery.ForUser(string.Join(' ', Enumerable.Range(0, FtsQuery.MaximumWords).Select(i => $"w{i}"))).Match);
    }

    [Fact]
    public void Programs_own_queries_are_not_bounded()
        => Assert.NotNull(FtsQuery.Translate(string.Join(" OR ", Enumerable.Range(0, 500).Select(i => $"w{i}"))));

    [Fact]
    public void Marked_words_are_folded_and_leave_out_what_is_excluded()
    {
        var marked = FtsQuery.ForUser("Café \"with the\" NOT Stalin Lenin* NOT (Trotsky OR Bukharin) Zinoviev").Marked;
        Assert.Equal(
            [new SearchWord("cafe", false), new SearchWord("with", false), new SearchWord("the", false), new SearchWord("lenin", true), new SearchWord("zinoviev", false)],
            marked);
    }
}
