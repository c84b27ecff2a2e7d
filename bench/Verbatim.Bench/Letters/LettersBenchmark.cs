using System.Diagnostics;
using System.Globalization;
using Microsoft.AspNetCore.Builder;
using Verbatim.Archiving;
using Verbatim.Bench.WholeCorpus;
using Verbatim.Formats;
using Verbatim.Names;
using Verbatim.Storing;
using Verbatim.Web.Hosting;

namespace Verbatim.Bench.Letters;

/// <summary>
/// The index of names, the network and the timeline over N letters (issue 7, item 5): the time to
/// build each from the catalog, and the time to serve each page and API route from the real
/// reader, each set against a peer measured in the same run.
/// </summary>
/// <remarks>
/// Run from the repository root:
/// <c>dotnet run -c Release --project bench/Verbatim.Bench -- letters --documents 5000</c>.
/// Peers: for building, the catalog's plain SQLite read of the same rows (<c>Letters()</c>), which
/// every build starts from; for serving, the reader's stylesheet from memory over the same
/// Kestrel, as bench/web/run does.
/// </remarks>
public static class LettersBenchmark
{
    public static int Run(string[] args)
    {
        var documents = 5000;
        var rounds = 30;
        for (var i = 0; i < args.Length; i++)
        {
            if (args[i] == "--documents") documents = int.Parse(args[++i], CultureInfo.InvariantCulture);
            else if (args[i] == "--rounds") rounds = int.Parse(args[++i], CultureInfo.InvariantCulture);
            else
            {
                Console.Error.WriteLine("usage: letters [--documents 5000] [--rounds 30]");
                return 2;
            }
        }
        var work = Path.Combine(Path.GetTempPath(), "verbatim-letters-bench-" + Guid.NewGuid().ToString("N"));
        try
        {
            return Execute(work, documents, rounds).GetAwaiter().GetResult();
        }
        finally
        {
            if (Directory.Exists(work))
                Directory.Delete(work, recursive: true);
        }
    }

    private static async Task<int> Execute(string work, int count, int rounds)
    {
        var letters = Path.Combine(work, "letters");
        var (files, originals) = ArchiveBenchmark.Replicate(BenchPaths.Shared("corpus", "schnitzler-tei"), letters, count);
        // The seeds and the CMIF lists join the TEI letters: every kind of letter the archive reads.
        var extra = Directory.GetFiles(BenchPaths.Shared("corpus", "seeds"), "*.txt")
            .Concat(Directory.GetFiles(BenchPaths.Shared("corpus", "cmif", "schnitzler"), "*.xml"));
        using var archive = Archive.Init(Path.Combine(work, "archive"));
        var ingestClock = Stopwatch.StartNew();
        var report = archive.Ingest([letters, .. extra], new IngestOptions(FormatRegistry.Auto, "letters benchmark", new StoreUser("bench")));
        ingestClock.Stop();
        Console.WriteLine($"{files} TEI files from {originals} letters, the 5 seeds and 5 CMIF lists: {report.Documents.Count} documents ingested in {ingestClock.Elapsed.TotalSeconds:0.0} s ({report.Failed.Count} files failed)");

        var catalog = (Verbatim.Storage.Catalog.Sqlite.SqliteCatalog)archive.Catalog;
        var variants = archive.Variants().Variants;
        var read = Time(rounds, () => catalog.Letters());
        var rows = catalog.Letters();
        var names = Time(rounds, () => NameIndex.Build(catalog.Letters(), variants));
        var index = NameIndex.Build(rows, variants);
        var distinctNames = rows.SelectMany(r => r.Names).Select(n => n.Name).Distinct(StringComparer.Ordinal).ToList();
        var keys = Time(rounds, () => distinctNames.Select(Verbatim.Text.Names.NameFinder.SurnameKey).Count());
        var network = Time(rounds, () => Correspondence.Network(index, new LetterFilter()));
        var timeline = Time(rounds, () => Correspondence.Timeline(index, new LetterFilter()));
        var net = Correspondence.Network(index, new LetterFilter());
        Console.WriteLine($"{rows.Count} catalogued documents, {rows.Sum(r => r.Names.Count)} names read, {index.Entities.Count} entities, {net.Letters} letters in the network ({net.Nodes.Count} nodes, {net.Edges.Count} edges), {Correspondence.Timeline(index, new LetterFilter()).Count} dated documents");
        Console.WriteLine();
        Console.WriteLine($"Build, median of {rounds} rounds (ms); peer: the catalog's SQLite read of the same rows");
        Console.WriteLine();
        Console.WriteLine("| step | median ms | p95 ms | ratio to peer |");
        Console.WriteLine("| --- | ---: | ---: | ---: |");
        Row("peer: SQLite read of names and dating (`Letters()`)", read, read);
        Row("names index: SQLite read + clustering", names, read);
        Row($"(within it) surname keys of the {distinctNames.Count} distinct names", keys, read);
        Row("network from the index", network, read);
        Row("timeline from the index", timeline, read);

        await using var app = ReaderHost.Build(archive, new ReaderOptions(Port: 0));
        await app.StartAsync();
        using var client = new HttpClient { BaseAddress = app.Address() };
        var schnitzler = index.Entities.OrderByDescending(e => e.Documents.Count).First().Id;
        string[] paths =
        [
            "/assets/verbatim.css",
            "/names", $"/names/{schnitzler}", "/timeline", "/timeline?page=5", $"/timeline?person={schnitzler}", "/network", $"/network?person={schnitzler}",
            "/api/names", "/api/timeline", "/api/network", $"/api/network?person={schnitzler}&from=1900&to=1910",
        ];
        // The first request builds the reader's index of names; it is timed apart from the rest.
        var first = Stopwatch.StartNew();
        (await client.GetAsync("/names")).EnsureSuccessStatusCode();
        first.Stop();
        Console.WriteLine();
        Console.WriteLine($"Serve over loopback, one request at a time, median of {rounds} rounds (ms); peer: the stylesheet from memory. The first /names (building the reader's index) took {first.Elapsed.TotalMilliseconds:0} ms.");
        Console.WriteLine();
        Console.WriteLine("| path | bytes | median ms | p95 ms | ratio to peer |");
        Console.WriteLine("| --- | ---: | ---: | ---: | ---: |");
        Stats? peer = null;
        foreach (var path in paths)
        {
            long bytes = 0;
            for (var warm = 0; warm < 3; warm++)
                bytes = (await Fetch(client, path)).Length;
            var samples = new List<double>(rounds);
            for (var r = 0; r < rounds; r++)
            {
                var clock = Stopwatch.StartNew();
                await Fetch(client, path);
                samples.Add(clock.Elapsed.TotalMilliseconds);
            }
            var stats = Stats.Of(samples);
            peer ??= stats;
            Console.WriteLine($"| `{path}` | {bytes:N0} | {stats.Median:0.00} | {stats.P95:0.00} | {stats.Median / peer.Median:0.0} |");
        }
        await app.StopAsync();
        return 0;
    }

    private static async Task<byte[]> Fetch(HttpClient client, string path)
    {
        using var response = await client.GetAsync(path);
        response.EnsureSuccessStatusCode();
        return await response.Content.ReadAsByteArrayAsync();
    }

    private sealed record Stats(double Median, double P95)
    {
        public static Stats Of(List<double> samples)
        {
            samples.Sort();
            return new Stats(samples[samples.Count / 2], samples[Math.Min(samples.Count - 1, (int)Math.Ceiling(samples.Count * 0.95) - 1)]);
        }
    }

    private static Stats Time<T>(int rounds, Func<T> step)
    {
        for (var i = 0; i < 3; i++)
            GC.KeepAlive(step());
        var samples = new List<double>(rounds);
        for (var i = 0; i < rounds; i++)
        {
            var clock = Stopwatch.StartNew();
            GC.KeepAlive(step());
            samples.Add(clock.Elapsed.TotalMilliseconds);
        }
        return Stats.Of(samples);
    }

    private static void Row(string name, Stats stats, Stats peer)
        => Console.WriteLine($"| {name} | {stats.Median:0.0} | {stats.P95:0.0} | {stats.Median / peer.Median:0.00} |");
}
