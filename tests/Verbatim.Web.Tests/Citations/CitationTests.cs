using System.Text.Json;
using Verbatim.Model;
using Verbatim.Web.Citations;

namespace Verbatim.Web.Tests.Citations;

public sealed class CitationTests
{
    private static readonly Document Letter = new()
    {
        Id = "lenin-1921-10-20-to-stalin",
        Title = "To J. V. Stalin: 50% of {all} & more",
        Kind = DocumentKind.Letter,
        Authors = [new PersonRef("V. I. Lenin")],
        Addressees = [new PersonRef("J. V. Stalin")],
        Written = new DateSpan { Date = "1921-10-20", Text = "Written on October 20,1921" },
        Source = new SourceEdition { Collection = "Lenin Collected Works", Volume = "45", Pages = "348b", Text = "Lenin Collected Works, Volume 45, page 348b." },
    };

    [Fact]
    public void BibTex_escapes_what_bibtex_reads_as_markup_and_braces_each_name_whole()
    {
        var bib = new Citation(Letter, "http://127.0.0.1/documents/x_y").BibTex();

        Assert.StartsWith("@misc{lenin-1921-10-20-to-stalin,\n", bib);
        Assert.Contains(@"title = {To J. V. Stalin: 50\% of \{all\} \& more},", bib);
        Assert.Contains("author = {{V. I. Lenin}},", bib);
        Assert.Contains("year = {1921},", bib);
        Assert.Contains("url = {http://127.0.0.1/documents/x_y},", bib);
    }

    [Fact]
    public void Csl_json_is_one_item_with_people_date_parts_and_the_source_volume()
    {
        var item = JsonDocument.Parse(new Citation(Letter, "http://x/documents/a").CslJson()).RootElement.EnumerateArray().Single();

        Assert.Equal("personal_communication", item.GetProperty("type").GetString());
        Assert.Equal("V. I. Lenin", item.GetProperty("author")[0].GetProperty("literal").GetString());
        Assert.Equal("J. V. Stalin", item.GetProperty("recipient")[0].GetProperty("literal").GetString());
        Assert.Equal([1921, 10, 20], item.GetProperty("issued").GetProperty("date-parts")[0].EnumerateArray().Select(p => p.GetInt32()));
        Assert.Equal("45", item.GetProperty("volume").GetString());
        Assert.Equal("348b", item.GetProperty("page").GetString());
        Assert.Equal("http://x/documents/a", item.GetProperty("URL").GetString());
    }
}
