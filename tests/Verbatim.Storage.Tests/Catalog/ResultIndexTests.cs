using Verbatim.Searching;
using Verbatim.Storage.Catalog;

namespace Verbatim.Storage.Tests.Catalog;

public sealed class ResultIndexTests
{
    [Fact]
    public void People_group_by_name_key_and_count_a_document_once()
    {
        var index = new ResultIndex();
        index.AddDocument(1, "a", "1900-01-01", "letter", 1900, null, null);
        index.AddDocument(2, "b", "1901-01-01", "letter", 1901, null, null);
        index.AddPerson(1, "author", "bolsche", "Bölsche");
        index.AddPerson(1, "author", "bolsche", "Boelsche (again)");
        index.AddPerson(2, "author", "bolsche", "Bolsche");
        index.AddPerson(2, "copy", "brahm", "Brahm");
        var facets = index.Count([1, 2]);
        Assert.Equal([new FacetCount("Bölsche", 2)], facets["author"]);
        Assert.Empty(facets["addressee"]);
        Assert.Empty(facets["collection"]);
    }

    [Fact]
    public void Most_first_then_by_value_years_by_number_and_at_most_the_limit()
    {
        var index = new ResultIndex();
        for (var row = 1; row <= 30; row++)
            index.AddDocument(row, "d" + row, null, row % 3 == 0 ? "note" : "letter", row < 4 ? 990 + row : 1000 + row, "c" + (row % 25).ToString("00", System.Globalization.CultureInfo.InvariantCulture), null);
        var facets = index.Count(Enumerable.Range(1, 30).Select(r => (long)r));
        Assert.Equal([new FacetCount("letter", 20), new FacetCount("note", 10)], facets["kind"]);
        Assert.Equal(ResultIndex.Limit, facets["year"].Count);
        // All years tie at one document: 991..993 come before 1004.. by number, not by text.
        Assert.Equal(["991", "992", "993", "1004"], facets["year"].Take(4).Select(f => f.Value));
        Assert.Equal(new FacetCount("c01", 2), facets["collection"][0]);
    }

    [Fact]
    public void Rows_outside_the_selection_or_unknown_do_not_count()
    {
        var index = new ResultIndex();
        index.AddDocument(1, "a", null, "letter", null, null, "45");
        index.AddDocument(2, "b", null, "note", null, null, "45");
        var facets = index.Count([2, 99]);
        Assert.Equal([new FacetCount("note", 1)], facets["kind"]);
        Assert.Equal([new FacetCount("45", 1)], facets["volume"]);
        Assert.Empty(facets["year"]);
    }

    [Fact]
    public void A_page_is_the_best_scores_then_by_date_undated_last_then_id()
    {
        var index = new ResultIndex();
        index.AddDocument(1, "c", "1921-10-20", "letter", 1921, null, null);
        index.AddDocument(2, "b", "1921-10-20", "letter", 1921, null, null);
        index.AddDocument(3, "a", null, "letter", null, null, null);
        index.AddDocument(4, "z", "1900", "letter", 1900, null, null);
        index.AddDocument(5, "y", "1930", "letter", 1930, null, null);
        (long, double)[] scored = [(1, 2.0), (2, 2.0), (3, 2.0), (4, 2.0), (5, 9.5)];
        Assert.Equal([5, 4, 2, 1, 3], index.Page(scored, 0, 10).Select(h => h.Row));
        Assert.Equal(9.5, index.Page(scored, 0, 1).Single().Score);
        Assert.Equal([4, 2], index.Page(scored, 1, 2).Select(h => h.Row));
        Assert.Equal([3], index.Page(scored, 4, 2).Select(h => h.Row));
        Assert.Empty(index.Page(scored, 5, 2));
        Assert.Empty(index.Page(scored, 0, 0));
    }

    [Fact]
    public void A_page_whose_end_lies_beyond_the_largest_int_holds_the_rest_of_the_hits()
    {
        var index = new ResultIndex();
        for (var row = 1; row <= 3; row++)
            index.AddDocument(row, "d" + row, null, "letter", null, null, null);
        (long, double)[] scored = [(1, 3.0), (2, 2.0), (3, 1.0)];
        Assert.Equal([2, 3], index.Page(scored, 1, int.MaxValue).Select(h => h.Row));
        Assert.Empty(index.Page(scored, int.MaxValue, int.MaxValue));
        Assert.Throws<ArgumentOutOfRangeException>(() => index.Page(scored, -2147483646, 10));
    }
    private static ResultIndex EightLetters()
    {
        var index = new ResultIndex();
        for (var row = 1; row <= 8; row++)
        {
            index.AddDocument(row, "d" + row, $"{1900 + row}-01-01", "letter", 1900 + row, null, null);
            index.AddPerson(row, "author", row <= 2 ? "v. i. lenin" : "writer " + row, row <= 2 ? "V. I. Lenin" : "Writer " + row);
        }
        return index;
    }

    [Fact]
    public void A_filter_by_author_or_years_that_admits_a_quarter_of_the_documents_or_fewer_names_them()
    {
        var index = EightLetters();
        Assert.Equal([1, 2], index.Narrowed(new WorkFilter { Author = "Lenin" })!.Order());
        Assert.Equal([4, 5], index.Narrowed(new WorkFilter { YearFrom = 1904, YearTo = 1905 })!.Order());
        Assert.Equal([2], index.Narrowed(new WorkFilter { Author = "lenin", YearFrom = 1902 })!.Order());
        Assert.Equal([1], index.Narrowed(new WorkFilter { Author = "lenin", Hidden = new HashSet<string> { "d2" } })!.Order());
        Assert.Empty(index.Narrowed(new WorkFilter { Author = "nobody" })!);
    }

    [Fact]
    public void A_filter_that_admits_more_than_a_quarter_or_names_neither_author_nor_years_names_no_rows()
    {
        var index = EightLetters();
        Assert.Null(index.Narrowed(new WorkFilter { YearFrom = 1904 }));
        Assert.Null(index.Narrowed(new WorkFilter { Author = "writer" }));
        Assert.Null(index.Narrowed(new WorkFilter { Kind = "letter" }));
        Assert.Null(index.Narrowed(new WorkFilter()));
    }

    [Fact]
    public void A_kept_index_narrows_by_the_people_and_years_it_kept()
    {
        var kept = EightLetters().Keeping([1, 3, 4, 5, 6, 7, 8]);
        Assert.Equal([1], kept.Narrowed(new WorkFilter { Author = "lenin" })!.Order());
        Assert.Equal([3], kept.Narrowed(new WorkFilter { YearFrom = 1902, YearTo = 1903 })!.Order());
    }
}
