using AngleSharp.Html.Parser;
using Verbatim.Archiving;
using Verbatim.Storing;

namespace Verbatim.Web.Tests.Hosting;

/// <summary>Three letters under one letterhead: the passages they share are boilerplate, left off the document page until asked for.</summary>
public sealed class BoilerplatePageTests : IAsyncLifetime
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), $"verbatim-web-boilerplate-{Guid.NewGuid():N}");
    private Archive _archive = default!;
    private HostedReader _reader = default!;
    private string _id = "";

    public async Task InitializeAsync()
    {
        _archive = Archive.Init(Path.Combine(_folder, "archive"));
        var files = new List<string>();
        for (var i = 1; i <= 3; i++)
        {
            var own = string.Join(' ', Enumerable.Range(0, 60).Select(k => $"w{i}x{k}"));
            var file = Path.Combine(_folder, $"letter-{i}.txt");
            await File.WriteAllTextAsync(file,
                $"Letter {i}\n\nVerlag der Wiener Rundschau Wien Kohlmarkt sieben Fernsprecher Telegramme Rundschau Redaktion Schriftleitung\n\n{own}.\n");
            files.Add(file);
        }
        _id = _archive.Ingest(files, new IngestOptions("text", "boilerplate tests", new StoreUser("Tester", "mailto:tester@example.org"))).Documents[0].Id;
        _reader = await HostedReader.Start(_archive);
    }

    public async Task DisposeAsync()
    {
        await _reader.DisposeAsync();
        _archive.Dispose();
        Directory.Delete(_folder, recursive: true);
    }

    [Fact]
    public async Task The_letterhead_is_left_off_the_page_with_a_link_that_shows_it()
    {
        var page = new HtmlParser().ParseDocument(await _reader.Client.GetStringAsync($"/documents/{_id}"));

        Assert.Null(page.QuerySelector("#shared-heading"));
        var show = page.QuerySelector("p.boilerplate a")!;
        Assert.StartsWith("2 passages shared with many documents", page.QuerySelector("p.boilerplate")!.TextContent, StringComparison.Ordinal);

        var shown = new HtmlParser().ParseDocument(await _reader.Client.GetStringAsync(show.GetAttribute("href")));
        Assert.Equal("Shares a passage with (2)", shown.QuerySelector("#shared-heading")!.TextContent);
        Assert.Null(shown.QuerySelector("p.boilerplate"));
    }

    [Fact]
    public async Task The_letterhead_is_marked_in_the_text_only_when_asked_for()
    {
        var plain = new HtmlParser().ParseDocument(await _reader.Client.GetStringAsync($"/documents/{_id}"));
        var asked = new HtmlParser().ParseDocument(await _reader.Client.GetStringAsync($"/documents/{_id}?boilerplate=true"));

        Assert.Empty(plain.QuerySelectorAll(".body mark, .body a.passage-start"));
        Assert.Equal(2, asked.QuerySelectorAll(".body a.passage-start.passage-shared").Length);
        Assert.Contains("Kohlmarkt", string.Concat(asked.QuerySelectorAll(".body mark.passage-shared").Select(m => m.TextContent)), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_api_leaves_the_letterhead_out_and_counts_it_unless_asked_for()
    {
        var plain = System.Text.Json.JsonDocument.Parse(await _reader.Client.GetStringAsync($"/api/documents/{_id}/quotes")).RootElement;
        var asked = System.Text.Json.JsonDocument.Parse(await _reader.Client.GetStringAsync($"/api/documents/{_id}/quotes?boilerplate=true")).RootElement;

        Assert.Equal((0, 2), (plain.GetProperty("sharedWith").GetArrayLength(), plain.GetProperty("boilerplateLeftOut").GetInt32()));
        Assert.Equal((2, 0), (asked.GetProperty("sharedWith").GetArrayLength(), asked.GetProperty("boilerplateLeftOut").GetInt32()));
    }
}
