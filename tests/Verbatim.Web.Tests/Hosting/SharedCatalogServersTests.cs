using System.Diagnostics;
using System.Net;
using System.Text.Json;
using Verbatim.Cli.Tests;
using Verbatim.Cli.Tests.CrashSafety;

namespace Verbatim.Web.Tests.Hosting;

/// <summary>Many servers over one PostgreSQL catalog and one storage root, each a process of its own, and a writer in a third.</summary>
[Collection(PostgresCollection.Name)]
public sealed class SharedCatalogServersTests(PostgresCluster cluster) : IDisposable
{
    private static readonly TimeSpan Second = TimeSpan.FromSeconds(1);

    private readonly string _folder = Path.Combine(Path.GetTempPath(), $"verbatim-servers-{Guid.NewGuid():N}");

    private string ArchivePath => Path.Combine(_folder, "archive");

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    /// <summary>
    /// Asks the server for the document's page and for a search of the word until both show the
    /// title, or the deadline passes (asked once at least); how long after <paramref name="since"/> it took, or null.
    /// </summary>
    private static async Task<TimeSpan?> ShownAfter(Uri server, string id, string word, string title, Stopwatch since, TimeSpan deadline)
    {
        using var browser = new HttpClient { BaseAddress = server, Timeout = TimeSpan.FromSeconds(10) };
        do
        {
            using var page = await browser.GetAsync(new Uri($"/documents/{id}", UriKind.Relative));
            var search = await browser.GetStringAsync(new Uri($"/search?q={Uri.EscapeDataString(word)}", UriKind.Relative));
            if (page.StatusCode == HttpStatusCode.OK && (await page.Content.ReadAsStringAsync()).Contains(title, StringComparison.Ordinal)
                && search.Contains(title, StringComparison.Ordinal))
                return since.Elapsed;
            await Task.Delay(20);
        }
        while (since.Elapsed < deadline);
        return null;
    }

    [Fact]
    public async Task Two_servers_show_a_document_that_a_third_process_ingests_within_a_second_of_its_exit()
    {
        var init = CliRun.Of("init", "--archive", ArchivePath, "--catalog", cluster.NewDatabaseAddress());
        Assert.True(init.ExitCode == 0, init.Error);
        Assert.Equal(0, CliRun.Of("ingest", "--archive", ArchivePath, CliRun.Seed("000")).ExitCode);
        var letter = Path.Combine(_folder, "new", "letter.txt");
        Directory.CreateDirectory(Path.GetDirectoryName(letter)!);
        const string title = "A letter for two servers";
        File.WriteAllText(letter, $"{title}\n\nZephyrinthe wrote it while both servers ran.\n");
        var id = JsonDocument.Parse(CliRun.Of("parse", letter, "--json").Output).RootElement[0].GetProperty("id").GetString()!;

        using var first = await ServerProcess.StartAsync("serve", "--archive", ArchivePath, "--port", "0");
        using var second = await ServerProcess.StartAsync("serve", "--archive", ArchivePath, "--port", "0");
        Assert.NotEqual(first.Address, second.Address);
        // Each server's first answers are slow (its code is compiled as it runs): a document page and
        // a search that finds it are asked before the clock starts, so that the time measured is the
        // news reaching the server, not the first rendering of a page of a kind.
        foreach (var server in new[] { first.Address, second.Address })
        {
            Assert.NotNull(await ShownAfter(server, "lenin-1921-10-20-to-stalin", "Stalin", "To J. V. Stalin", Stopwatch.StartNew(), TimeSpan.FromSeconds(30)));
            Assert.Null(await ShownAfter(server, id, "Zephyrinthe", title, Stopwatch.StartNew(), TimeSpan.FromMilliseconds(1)));
        }

        var errors = new List<string>();
        var (_, exitCode) = CliProcess.Run(["ingest", letter, "--archive", ArchivePath, "--wait", "60"], TimeSpan.FromMinutes(2), errorLine: errors.Add);
        var sinceExit = Stopwatch.StartNew();
        Assert.True(exitCode == 0, string.Join('\n', errors));

        var shown = await Task.WhenAll(
            ShownAfter(first.Address, id, "Zephyrinthe", title, sinceExit, TimeSpan.FromSeconds(10)),
            ShownAfter(second.Address, id, "Zephyrinthe", title, sinceExit, TimeSpan.FromSeconds(10)));

        Assert.All(shown, after => Assert.True(after < Second, $"shown {after?.TotalMilliseconds ?? double.NaN} ms after the ingest's exit (at most 1,000)"));
    }
}
