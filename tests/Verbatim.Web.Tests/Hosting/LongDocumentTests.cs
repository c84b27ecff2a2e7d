using System.Net;
using System.Text;
using Verbatim.Access;
using Verbatim.Archiving;
using Verbatim.Storing;
using Verbatim.Web.Hosting;
using Verbatim.Web.Reading;

namespace Verbatim.Web.Tests.Hosting;

/// <summary>A long document read a part at a time (the part size made small, so a short text shows the windowing).</summary>
public sealed class LongDocumentTests : IAsyncLifetime
{
    private const int Paragraphs = 400;
    private const int PartCharacters = 4_000;

    private readonly string _folder = Path.Combine(Path.GetTempPath(), $"verbatim-web-long-{Guid.NewGuid():N}");
    private Archive _archive = default!;
    private HostedReader _reader = default!;
    private string _id = "";

    public async Task InitializeAsync()
    {
        _archive = Archive.Init(Path.Combine(_folder, "archive"));
        var text = new StringBuilder("A very long report to the committee\n\n");
        for (var i = 1; i <= Paragraphs; i++)
        {
            // Words of each paragraph's own, so no passage repeats as a quotation of another.
            var code = string.Concat(i.ToString("D3", System.Globalization.CultureInfo.InvariantCulture).Select(digit => (char)('k' + digit - '0')));
            text.Append("Paragraph ").Append(i).Append(" of the report")
                .Append(" concerns ").Append(code).Append("ovo and ").Append(code).Append("ura.\n\n");
        }
        var file = Path.Combine(_folder, "long-report.txt");
        await File.WriteAllTextAsync(file, text.ToString());
        _id = _archive.Ingest([file], new IngestOptions("auto", "long document tests", new StoreUser("Tester", "mailto:tester@example.org"))).Documents.Single().Id;
        _reader = await HostedReader.Start(_archive, new ReaderOptions(Port: 0) { PartCharacters = PartCharacters });
    }

    public async Task DisposeAsync()
    {
        await _reader.DisposeAsync();
        _archive.Dispose();
        Directory.Delete(_folder, recursive: true);
    }

    [Fact]
    public async Task The_page_shows_one_part_of_the_text_and_links_to_the_others()
    {
        var first = await _reader.Client.GetStringAsync($"/documents/{_id}");
        Assert.Contains("Paragraph 1 of the report", first);
        Assert.DoesNotContain("Paragraph 200 of the report", first);
        Assert.True(first.Length < PartCharacters * 6, $"the first part's page is {first.Length} characters");
        Assert.Contains($"/documents/{_id}?part=2", first);

        var parts = int.Parse(System.Text.RegularExpressions.Regex.Match(first, @"Part 1 of (\d+)").Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);
        Assert.InRange(parts, 5, 20);
        var last = await _reader.Client.GetStringAsync($"/documents/{_id}?part={parts}");
        Assert.Contains($"Paragraph {Paragraphs} of the report", last);
        Assert.DoesNotContain("Paragraph 1 of the report", last);
        Assert.Contains($"/documents/{_id}?part={parts - 1}", last);
    }

    [Fact]
    public async Task Every_paragraph_is_on_exactly_one_part()
    {
        var first = await _reader.Client.GetStringAsync($"/documents/{_id}");
        var parts = int.Parse(System.Text.RegularExpressions.Regex.Match(first, @"Part 1 of (\d+)").Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);
        var pages = await Task.WhenAll(Enumerable.Range(1, parts).Select(p => _reader.Client.GetStringAsync($"/documents/{_id}?part={p}")));
        for (var i = 1; i <= Paragraphs; i++)
            Assert.Single(pages, page => page.Contains($"Paragraph {i} of the report", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_part_past_the_last_is_a_404_that_says_how_many_there_are()
    {
        var response = await _reader.Client.GetAsync($"/documents/{_id}?part=999");
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Matches(@"has \d+ parts", await response.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.BadRequest, (await _reader.Client.GetAsync($"/documents/{_id}?part=0")).StatusCode);
    }

    [Fact]
    public void A_document_larger_than_the_cache_bound_is_read_afresh_and_a_small_one_is_kept()
    {
        using var bounded = new ReadingRoom(_archive, cachedDocumentBytes: 10_000);
        Assert.NotSame(bounded.Read(Viewer.Public, _id), bounded.Read(Viewer.Public, _id));
        using var roomy = new ReadingRoom(_archive, cachedDocumentBytes: 10_000_000);
        Assert.Same(roomy.Read(Viewer.Public, _id), roomy.Read(Viewer.Public, _id));
    }
}
