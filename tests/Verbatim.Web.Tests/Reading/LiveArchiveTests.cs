using System.Diagnostics;
using System.Net;
using Verbatim.Archiving;
using Verbatim.Storing;
using Verbatim.Web.Tests.Hosting;

namespace Verbatim.Web.Tests.Reading;

/// <summary>
/// A server over an archive opened for reading, while another <see cref="Archive"/> (as another
/// process would) ingests, corrects and reindexes it: every page and answer follows within about
/// a second, without a restart.
/// </summary>
public sealed class LiveArchiveTests : IAsyncLifetime
{
    private const string Stalin = "lenin-1921-10-20-to-stalin";
    private const string Zalutsky = "lenin-1921-12-20-to-zalutsky-and-solts";
    private static readonly IngestOptions Options = new("auto", "live test", new StoreUser("Tester", null));

    private readonly string _folder = Path.Combine(Path.GetTempPath(), $"verbatim-live-{Guid.NewGuid():N}");
    private Archive _writer = null!;
    private Archive _reader = null!;
    private HostedReader _server = null!;

    private string ArchivePath => Path.Combine(_folder, "archive");

    public async Task InitializeAsync()
    {
        _writer = Archive.Init(ArchivePath);
        _writer.Ingest([RepositoryPaths.Seed("000")], Options);
        _reader = Archive.OpenForReading(ArchivePath);
        _server = await HostedReader.Start(_reader);
    }

    public async Task DisposeAsync()
    {
        await _server.DisposeAsync();
        _reader.Dispose();
        _writer.Dispose();
        Directory.Delete(_folder, recursive: true);
    }

    private async Task<string> Get(string path)
    {
        using var response = await _server.Client.GetAsync(new Uri(path, UriKind.Relative));
        return response.StatusCode == HttpStatusCode.OK ? await response.Content.ReadAsStringAsync() : $"status {(int)response.StatusCode}";
    }

    /// <summary>Asks until the answer holds the text, for at most two seconds (the rule is about one); the answer is returned.</summary>
    private async Task<string> Eventually(string path, string expected)
    {
        var clock = Stopwatch.StartNew();
        string answer;
        do
        {
            answer = await Get(path);
            if (answer.Contains(expected, StringComparison.Ordinal))
                return answer;
            await Task.Delay(50);
        }
        while (clock.Elapsed < TimeSpan.FromSeconds(2));
        Assert.Fail($"{path} did not show \"{expected}\" within 2 s: {answer[..Math.Min(answer.Length, 300)]}");
        return answer;
    }

    [Fact]
    public async Task An_ingest_shows_in_every_page_and_answer_without_a_restart()
    {
        // Read once before the write, so that whatever is kept in memory is kept.
        foreach (var path in new[] { "/", "/api/documents", "/api/names", "/api/network", "/api/timeline", "/names", "/timeline", "/network", "/api/search?q=Zalutsky" })
            Assert.DoesNotContain("Zalutsky", await Get(path), StringComparison.Ordinal);
        Assert.Equal("status 404", await Get($"/api/documents/{Zalutsky}/quotes"));

        _writer.Ingest([RepositoryPaths.Seed("001")], Options);

        await Eventually("/", Zalutsky);
        await Eventually("/api/documents", Zalutsky);
        await Eventually("/api/search?q=Zalutsky", Zalutsky);
        await Eventually("/search?q=Zalutsky", Zalutsky);
        await Eventually("/api/names", "Zalutsky");
        await Eventually("/names", "Zalutsky");
        await Eventually("/api/network", Zalutsky);
        await Eventually("/api/timeline", Zalutsky);
        await Eventually($"/api/documents/{Zalutsky}/quotes", "quotedIn");
        await Eventually($"/documents/{Zalutsky}", "Alliluyeva");
    }

    [Fact]
    public async Task A_correction_shows_as_the_new_version_in_the_page_the_history_and_search()
    {
        Assert.Contains("\"version\":1", await Get($"/api/documents/{Stalin}/history"), StringComparison.Ordinal);
        Assert.DoesNotContain("Corrected", await Get($"/documents/{Stalin}"), StringComparison.Ordinal);
        var corrected = Path.Combine(_folder, "corrected", Path.GetFileName(RepositoryPaths.Seed("000")));
        Directory.CreateDirectory(Path.GetDirectoryName(corrected)!);
        File.WriteAllText(corrected, File.ReadAllText(RepositoryPaths.Seed("000")).Replace("Have a look", "Corrected: have a look", StringComparison.Ordinal));

        Assert.Equal(2, Assert.Single(_writer.Ingest([corrected], Options).Documents).Version);

        await Eventually($"/documents/{Stalin}", "Corrected");
        await Eventually($"/api/documents/{Stalin}", "Corrected");
        await Eventually($"/api/documents/{Stalin}/history", "\"version\":2");
        await Eventually("/api/search?q=Corrected", Stalin);
    }

    [Fact]
    public async Task A_reindex_from_the_store_leaves_every_page_answering_what_the_store_holds()
    {
        Assert.Contains(Stalin, await Get("/"), StringComparison.Ordinal);
        _writer.Ingest([RepositoryPaths.Seed("001")], Options);
        _writer.Reindex();

        await Eventually("/", Zalutsky);
        await Eventually("/api/search?q=Stalin", Stalin);
        await Eventually("/api/names", "Zalutsky");
    }

    [Fact]
    public async Task A_case_made_and_changed_beside_the_server_shows_without_a_restart()
    {
        // Read once before the write, so that the list of cases and the case are kept in memory.
        Assert.DoesNotContain("Who wrote it?", await Get("/cases"), StringComparison.Ordinal);
        Assert.Equal("status 404", await Get("/cases/written"));

        _writer.NewCase("written", "Who wrote it?", null, Options.User);
        await Eventually("/cases", "Who wrote it?");
        await Eventually("/cases/written", "Who wrote it?");

        _writer.AddToCase("written", new Cases.NoteItem("A second thought."), Options.User);
        await Eventually("/cases/written", "A second thought.");
    }
}
