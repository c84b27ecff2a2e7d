using System.Text;
using System.Text.RegularExpressions;
using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;
using Verbatim.Archiving;
using Verbatim.Cli.Tests;
using Verbatim.Storing;
using Verbatim.Web.Hosting;

namespace Verbatim.Web.Tests.Hosting;

/// <summary>
/// A long polemic of 1930 quoting Lenin's letter to Lutovinov twice, word for word near its start
/// and with words changed in a later part; the reader shows it a part at a time.
/// </summary>
public sealed partial class QuotingPolemicPageTests : IAsyncLifetime
{
    private const string Faithful = "Facts—you will recall this yourself—are stubborn things. So have a look at what are the facts you mention.";
    private const string Changed = "Is that a fact? The names? I don’t know anyone except Rudzutak, but I do know that it was chosen with great care. There could have been mistakes. They must be corrected.";
    private const int Paragraphs = 60;

    private readonly string _folder = Path.Combine(Path.GetTempPath(), $"verbatim-web-polemic-{Guid.NewGuid():N}");
    private Archive _archive = default!;
    private HostedReader _reader = default!;
    private string _id = "";

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();

    public async Task InitializeAsync()
    {
        _archive = Archive.Init(Path.Combine(_folder, "archive"));
        var text = new StringBuilder("L.D. Trotsky\n\nAgainst the Falsifiers\n\n\nWritten: Written on April 1, 1930\nSource: The Militant, Vol. III No. 14, 5 April 1930, p. 3.\n\n");
        text.Append("Lenin wrote to a comrade who complained of factions:\n\n").Append(Faithful).Append("\n\n");
        for (var i = 1; i <= Paragraphs; i++)
        {
            // Words of each paragraph's own, so no paragraph repeats another.
            var code = string.Concat(i.ToString("D3", System.Globalization.CultureInfo.InvariantCulture).Select(digit => (char)('k' + digit - '0')));
            text.Append("Paragraph ").Append(i).Append(" of the polemic concerns ").Append(code).Append("ovo and ").Append(code).Append("ura.\n\n");
        }
        text.Append("Much later the same letter is given again, and altered:\n\n").Append(Changed).Append("\n\nSo much for the falsifiers.\n");
        var polemic = Path.Combine(_folder, "trotsky-1930-against-the-falsifiers.txt");
        await File.WriteAllTextAsync(polemic, text.ToString());
        var letter = Path.Combine(CliRun.RepositoryRoot, "samples", "mia", "lenin-1921-05-30-to-lutovinov.txt");
        var report = _archive.Ingest([letter, polemic], new IngestOptions("auto", "polemic tests", new StoreUser("Tester", "mailto:tester@example.org")));
        _id = report.Documents.Single(d => d.Source == polemic).Id;
        _reader = await HostedReader.Start(_archive, new ReaderOptions(Port: 0) { PartCharacters = 1_500 });
    }

    public async Task DisposeAsync()
    {
        await _reader.DisposeAsync();
        _archive.Dispose();
        Directory.Delete(_folder, recursive: true);
    }

    private async Task<IHtmlDocument> Page(string path) =>
        new HtmlParser().ParseDocument(await _reader.Client.GetStringAsync(path));

    private static string MarkedText(IHtmlDocument page) =>
        Whitespace().Replace(string.Concat(page.QuerySelectorAll(".body mark.passage-quotes").Select(m => m.TextContent)), " ").Trim();

    [Fact]
    public async Task The_faithful_quotation_is_marked_where_it_begins_and_ends_and_said_to_be_word_for_word()
    {
        var page = await Page($"/documents/{_id}");

        var start = Assert.Single(page.QuerySelectorAll(".body a.passage-start.passage-quotes"));
        Assert.Matches(@"^Quotes .*Lutovinov.*, word for word \(\d+ words\)$", start.GetAttribute("aria-label"));
        // A passage runs from its first word to its last: the closing full stop is the letter's, and not marked.
        Assert.Equal(Faithful.TrimEnd('.'), MarkedText(page));
        Assert.Equal(start.GetAttribute("href"), Assert.Single(page.QuerySelectorAll(".body a.passage-end.passage-quotes")).GetAttribute("href"));
    }

    [Fact]
    public async Task The_altered_quotation_in_a_later_part_is_marked_there_with_its_differences_at_the_right_place()
    {
        IHtmlDocument? later = null;
        var number = 2;
        for (; number <= 20; number++)
        {
            var response = await _reader.Client.GetAsync($"/documents/{_id}?part={number}");
            if (!response.IsSuccessStatusCode)
                break;
            var page = new HtmlParser().ParseDocument(await response.Content.ReadAsStringAsync());
            if (page.QuerySelector(".body a.passage-start") is not null)
                later = page;
        }

        Assert.True(number > 3, $"the polemic should run to several parts, not {number - 1}");
        Assert.NotNull(later);
        var start = Assert.Single(later.QuerySelectorAll(".body a.passage-start.passage-quotes"));
        Assert.Matches(@"^Quotes .*Lutovinov.*, with differences: \d+ of \d+ words equal$", start.GetAttribute("aria-label"));
        Assert.Equal(Changed.TrimEnd('.'), MarkedText(later));
    }
}
