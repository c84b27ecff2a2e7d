using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Text.Json;
using Verbatim.Archiving;
using Verbatim.Cli;
using Verbatim.Cli.Tests;

namespace Verbatim.Web.Tests.Hosting;

/// <summary>
/// The archive read and written at once, by real processes on the loopback interface (issue 16,
/// item 4): readers beside an ingest of 500 letters, that ingest killed at random moments, the
/// server killed mid-request, and two writers started together.
/// </summary>
public sealed class LiveLoadTests : IDisposable
{
    private const int Letters = 500;
    private const string Quotation = "Facts—you will recall this yourself—are stubborn things.";

    private readonly string _folder = Path.Combine(Path.GetTempPath(), $"verbatim-live-load-{Guid.NewGuid():N}");
    private readonly string _archive;

    public LiveLoadTests()
    {
        _archive = Path.Combine(_folder, "archive");
        Assert.Equal(0, CliRun.Of("init", "--archive", _archive).ExitCode);
        Assert.Equal(0, CliRun.Of("ingest", "--archive", _archive, CliRun.Seed("002")).ExitCode);
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    /// <summary>The first letters of the full correspondence, copied into a folder of their own.</summary>
    private string LetterFolder(string name, int skip, int count)
    {
        var folder = Directory.CreateDirectory(Path.Combine(_folder, name)).FullName;
        var letters = Directory.GetFiles(Path.Combine(CliRun.RepositoryRoot, "..", "shared", "corpus", "schnitzler-tei-full"), "*.xml")
            .Order(StringComparer.Ordinal).Skip(skip).Take(count);
        foreach (var letter in letters)
            File.Copy(letter, Path.Combine(folder, Path.GetFileName(letter)));
        return folder;
    }

    private ProcessStartInfo IngestStart(string folder, int waitSeconds)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in new[] { typeof(VerbatimCommand).Assembly.Location, "ingest", folder, "--archive", _archive, "--wait", waitSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture) })
            start.ArgumentList.Add(argument);
        return start;
    }

    /// <summary>`verbatim ingest` as a process, killed after <paramref name="killAfter"/> if it is still at work; its standard error.</summary>
    private (bool Killed, int ExitCode, string Error) Ingest(string folder, TimeSpan? killAfter = null, int waitSeconds = 60)
    {
        using var process = Process.Start(IngestStart(folder, waitSeconds))!;
        var error = process.StandardError.ReadToEndAsync();
        _ = process.StandardOutput.ReadToEndAsync();
        var killed = false;
        if (killAfter is { } delay && !process.WaitForExit(delay))
        {
            process.Kill(entireProcessTree: true);
            killed = true;
        }
        process.WaitForExit();
        return (killed, killed ? -1 : process.ExitCode, error.Result);
    }

    /// <summary>
    /// Reads the served archive in a loop until stopped: the works index, a search page, a document
    /// page of every id seen so far in turn, and a quotation check. Every answer must be a success,
    /// and every document once listed must stay listed and open.
    /// </summary>
    private sealed class Readers(Uri address)
    {
        private readonly ConcurrentQueue<string> _problems = new();
        private readonly ConcurrentDictionary<string, bool> _seen = new(StringComparer.Ordinal);
        private int _requests;

        public IReadOnlyCollection<string> Problems => _problems;

        public int Requests => _requests;

        public int Seen => _seen.Count;

        public Task Run(int readers, CancellationToken stop) =>
            Task.WhenAll(Enumerable.Range(0, readers).Select(k => Task.Run(() => Loop(k, stop), CancellationToken.None)));

        private async Task Loop(int reader, CancellationToken stop)
        {
            using var client = new HttpClient { BaseAddress = address, Timeout = TimeSpan.FromSeconds(60) };
            var turn = reader;
            // What this reader was shown: one reader's answers come in the order asked, so a later
            // list may not lack what an earlier one held. Another reader's list, asked earlier and
            // answered later, may.
            var listedHere = new HashSet<string>(StringComparer.Ordinal);
            while (!stop.IsCancellationRequested)
            {
                turn++;
                try
                {
                    var listed = await Get(client, "/api/documents");
                    if (listed is not null)
                    {
                        var ids = JsonDocument.Parse(listed).RootElement.EnumerateArray().Select(e => e.GetProperty("id").GetString()!).ToHashSet(StringComparer.Ordinal);
                        foreach (var gone in listedHere.Where(id => !ids.Contains(id)))
                            _problems.Enqueue($"{gone} was listed and is listed no more");
                        foreach (var id in ids)
                        {
                            listedHere.Add(id);
                            _seen.TryAdd(id, true);
                        }
                    }
                    await Get(client, "/search?q=Wien");
                    var known = _seen.Keys.ToList();
                    if (known.Count > 0)
                        await Get(client, "/documents/" + Uri.EscapeDataString(known[turn % known.Count]));
                    await Get(client, "/api/check-quote?q=" + Uri.EscapeDataString(Quotation));
                }
                catch (Exception exception) when (exception is HttpRequestException or TaskCanceledException)
                {
                    _problems.Enqueue($"request failed: {exception.Message}");
                }
            }
        }

        private async Task<string?> Get(HttpClient client, string path)
        {
            using var response = await client.GetAsync(new Uri(path, UriKind.Relative));
            Interlocked.Increment(ref _requests);
            var body = await response.Content.ReadAsStringAsync();
            if (response.StatusCode != HttpStatusCode.OK)
            {
                _problems.Enqueue($"{path}: {(int)response.StatusCode} {body[..Math.Min(200, body.Length)]}");
                return null;
            }
            return body;
        }
    }

    private static async Task<int> Listed(Uri address)
    {
        using var client = new HttpClient { BaseAddress = address };
        return JsonDocument.Parse(await client.GetStringAsync(new Uri("/api/documents", UriKind.Relative))).RootElement.GetArrayLength();
    }

    private void AssertAuditClean(string when)
    {
        using var opened = Archive.OpenForReading(_archive);
        var audit = opened.Audit();
        Assert.True(audit.Clean, $"{when}: {string.Join("; ", audit.Findings)}");
    }

    [Fact]
    public async Task Readers_beside_an_ingest_of_500_letters_get_no_error_and_lose_nothing_and_all_500_are_served()
    {
        var letters = LetterFolder("letters", 0, Letters);
        using var server = await ServerProcess.StartAsync("serve", "--archive", _archive, "--port", "0", "--quote-checks-per-minute", "1000000");
        var readers = new Readers(server.Address);
        using var stop = new CancellationTokenSource();
        var reading = readers.Run(3, stop.Token);

        var ingest = Ingest(letters);
        // A little more reading after the last commit, which the server follows within a quarter second.
        await Task.Delay(TimeSpan.FromSeconds(1));
        await stop.CancelAsync();
        await reading;

        Assert.True(ingest.ExitCode == 0, ingest.Error);
        Assert.Empty(readers.Problems);
        Assert.True(readers.Requests > 20, $"only {readers.Requests} requests were made");
        Assert.Equal(Letters + 1, await Listed(server.Address));
        Assert.Equal(Letters + 1, readers.Seen);
    }

    [Fact]
    public async Task An_ingest_killed_at_20_moments_under_readers_leaves_a_clean_archive_and_a_rerun_completes_the_batch()
    {
        var letters = LetterFolder("letters", 0, Letters);
        using var server = await ServerProcess.StartAsync("serve", "--archive", _archive, "--port", "0", "--quote-checks-per-minute", "1000000");
        var readers = new Readers(server.Address);
        using var stop = new CancellationTokenSource();
        var reading = readers.Run(2, stop.Token);
        var random = new Random(20261207);
        var killedInside = 0;
        // A run that ends before its kill says how long a run now takes (a rerun over stored letters
        // is quicker than the first), so the later kills are drawn from within that span whatever
        // the machine's speed.
        var latest = 4000;
        for (var kill = 1; kill <= 20; kill++)
        {
            var clock = Stopwatch.StartNew();
            var (killed, exitCode, error) = Ingest(letters, TimeSpan.FromMilliseconds(random.Next(latest / 8, latest)));
            Assert.True(killed || exitCode == 0, error);
            if (killed)
                killedInside++;
            else
                latest = Math.Max(200, (int)(clock.ElapsedMilliseconds * 9 / 10));
            Assert.False(server.HasExited, $"the server stopped after kill {kill}");
            await Listed(server.Address);
            AssertAuditClean($"kill {kill}");
        }
        var rerun = Ingest(letters);
        await Task.Delay(TimeSpan.FromSeconds(1));
        await stop.CancelAsync();
        await reading;

        Assert.True(rerun.ExitCode == 0, rerun.Error);
        Assert.True(killedInside >= 10, $"only {killedInside} kills fell inside an ingest");
        Assert.Empty(readers.Problems);
        Assert.Equal(Letters + 1, await Listed(server.Address));
        AssertAuditClean("after the rerun");
    }

    [Fact]
    public async Task A_server_killed_mid_request_is_restarted_over_the_same_archive_with_nothing_lost()
    {
        Assert.Equal(0, Ingest(LetterFolder("letters", 0, 50)).ExitCode);
        Uri address;
        int before;
        using (var server = await ServerProcess.StartAsync("serve", "--archive", _archive, "--port", "0", "--quote-checks-per-minute", "1000000"))
        {
            address = server.Address;
            before = await Listed(address);
            using var client = new HttpClient { BaseAddress = address };
            // Requests in flight when the process dies: their answers never come.
            var inFlight = Enumerable.Range(0, 8).Select(_ => client.GetAsync(new Uri("/search?q=Wien", UriKind.Relative))).ToList();
            server.Kill();
            foreach (var request in inFlight)
            {
                try
                {
                    (await request).Dispose();
                }
                catch (HttpRequestException)
                {
                }
            }
        }

        using var restarted = await ServerProcess.StartAsync("serve", "--archive", _archive, "--port", "0", "--quote-checks-per-minute", "1000000");
        Assert.Equal(before, await Listed(restarted.Address));
        AssertAuditClean("after the restart");
    }

    /// <summary>`verbatim ingest` started as a process; its standard error is collected line by line as it comes.</summary>
    private (Process Process, ConcurrentQueue<string> Error) StartIngest(string folder, int waitSeconds)
    {
        var process = new Process { StartInfo = IngestStart(folder, waitSeconds) };
        var error = new ConcurrentQueue<string>();
        process.ErrorDataReceived += (_, line) =>
        {
            if (line.Data is { } data)
                error.Enqueue(data);
        };
        process.OutputDataReceived += (_, _) => { };
        process.Start();
        process.BeginErrorReadLine();
        process.BeginOutputReadLine();
        return (process, error);
    }

    // The test holds the writer lock itself until both writers say they are waiting, so the two
    // really contend whatever the machine's speed; then each must take its turn and land.
    [Fact]
    public async Task Two_writers_started_together_take_turns_and_both_batches_land()
    {
        var first = LetterFolder("first", 0, 100);
        var second = LetterFolder("second", 100, 100);

        var holder = Archive.Open(_archive);
        var writers = new[] { first, second }.Select(folder => StartIngest(folder, waitSeconds: 120)).ToList();
        try
        {
            var deadline = Stopwatch.StartNew();
            while (!writers.All(w => w.Error.Any(line => line.Contains("waiting for the archive's writer lock", StringComparison.Ordinal))))
            {
                Assert.True(deadline.Elapsed < TimeSpan.FromSeconds(60), "both writers should report that they wait for the lock:\n" + string.Join("\n", writers.SelectMany(w => w.Error)));
                Assert.DoesNotContain(writers, w => w.Process.HasExited);
                await Task.Delay(50);
            }
        }
        finally
        {
            holder.Dispose();
        }

        foreach (var (process, error) in writers)
        {
            await process.WaitForExitAsync();
            var printed = string.Join("\n", error);
            Assert.True(process.ExitCode == 0, printed);
            Assert.DoesNotContain("database is locked", printed, StringComparison.OrdinalIgnoreCase);
            process.Dispose();
        }
        using var opened = Archive.OpenForReading(_archive);
        Assert.Equal(201, opened.Catalog.Count);
        Assert.Equal(201, opened.Store.Ids().Count());
    }
}
