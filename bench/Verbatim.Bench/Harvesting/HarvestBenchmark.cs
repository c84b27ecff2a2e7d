using System.Diagnostics;
using System.Xml.Linq;
using Verbatim.Access;
using Verbatim.Archiving;
using Verbatim.Bench.WholeCorpus;
using Verbatim.Exporting;
using Verbatim.Formats;
using Verbatim.Storing;
using Verbatim.Web.Hosting;

namespace Verbatim.Bench.Harvesting;

/// <summary>
/// The harvest benchmark (issue 19, item 1): the Schnitzler letters replicated to N documents,
/// ingested into a fresh SQLite archive and served; a harvester then walks whole lists over HTTP
/// (ListRecords in oai_dc and in TEI, ListIdentifiers), token after token, and checks that it got
/// every document once. The peer, in the same run: <c>export tei</c> of the same archive, which
/// reads every document from the store and writes its TEI, the work a TEI harvest does without
/// the protocol.
/// </summary>
/// <remarks>
/// Run from the repository root:
/// <c>dotnet run -c Release --project bench/Verbatim.Bench -- harvest --documents 100000</c>.
/// </remarks>
public static class HarvestBenchmark
{
    private static readonly XNamespace Oai = "http://www.openarchives.org/OAI/2.0/";

    public static int Run(string[] args) => BenchRun.Execute("harvest", args,
        new Dictionary<string, int> { ["--documents"] = 5000, ["--page"] = 100 },
        (run, _, work) => Execute(run["--documents"], run["--page"], work).GetAwaiter().GetResult());

    private static async Task<int> Execute(int documents, int pageSize, string work)
    {
        var letters = Path.Combine(work, "letters");
        var (files, originals) = ArchiveBenchmark.Replicate(BenchPaths.Shared("corpus", "schnitzler-tei-full"), letters, documents);
        Console.WriteLine($"work folder {work}; replicated {originals} letters to {files} files");
        using var archive = Archive.Init(Path.Combine(work, "archive"));
        var ingest = Stopwatch.StartNew();
        var report = archive.Ingest([letters], new IngestOptions(FormatRegistry.Auto, "harvest benchmark", new StoreUser("bench")));
        Console.WriteLine($"ingest: {report.Documents.Count} documents in {ingest.Elapsed.TotalSeconds:0} s ({report.Failed.Count} failed)");
        new ArchiveSettings().With(ArchiveSettings.RepositoryNameKey, "Harvest benchmark").With(ArchiveSettings.AdminEmailKey, "bench@example.org").Write(archive.Layout);
        // A harvest is of the archive as it stood at the end of the second before it began.
        await Task.Delay(1100);

        // Each side runs once untimed first, so that neither is timed with its code still being compiled or its files first read.
        TeiExporter.Export(archive, Path.Combine(work, "tei-warmup"), Visibility.Everything);
        var exported = Stopwatch.StartNew();
        var export = TeiExporter.Export(archive, Path.Combine(work, "tei"), Visibility.Everything);
        exported.Stop();
        var exportRate = export.Documents.Count / exported.Elapsed.TotalSeconds;
        Console.WriteLine($"peer, export tei: {export.Documents.Count} documents in {exported.Elapsed.TotalSeconds:0.0} s = {exportRate:0} documents/s");

        string[] lists = ["ListRecords&metadataPrefix=oai_dc", "ListRecords&metadataPrefix=tei", "ListIdentifiers&metadataPrefix=oai_dc"];
        foreach (var list in lists)
            await Served(archive, pageSize, client => Harvest(client, list));
        foreach (var list in lists)
        {
            // A server of its own for each timed harvest: nothing a harvest before it read is kept for it.
            var (ids, pages, elapsed) = await Served(archive, pageSize, client => Harvest(client, list));
            var complete = ids.Count == report.Documents.Count && ids.Distinct(StringComparer.Ordinal).Count() == ids.Count;
            var rate = ids.Count / elapsed.TotalSeconds;
            Console.WriteLine($"harvest {list}: {ids.Count} records in {pages} pages, {elapsed.TotalSeconds:0.0} s = {rate:0} records/s"
                + $" ({rate / exportRate:0.00}x export tei); {(complete ? "every document once" : "INCOMPLETE OR REPEATED")}");
            if (!complete)
                return 1;
        }
        Console.WriteLine($"managed memory after the harvests: {GC.GetTotalMemory(forceFullCollection: true) >> 20} MB; peak working set {Process.GetCurrentProcess().PeakWorkingSet64 >> 20} MB");
        return 0;
    }

    private static async Task<T> Served<T>(Archive archive, int pageSize, Func<HttpClient, Task<T>> harvest)
    {
        var app = ReaderHost.Build(archive, new Verbatim.Web.Hosting.ReaderOptions(Port: 0) { HarvestPageSize = pageSize });
        await app.StartAsync();
        try
        {
            using var client = new HttpClient { BaseAddress = app.Address(), Timeout = TimeSpan.FromMinutes(5) };
            return await harvest(client);
        }
        finally
        {
            await app.StopAsync();
            await app.DisposeAsync();
        }
    }

    private static async Task<(List<string> Ids, int Pages, TimeSpan Elapsed)> Harvest(HttpClient client, string list)
    {
        var ids = new List<string>();
        var pages = 0;
        var clock = Stopwatch.StartNew();
        var verb = list.Split('&')[0];
        for (var ask = "/oai?verb=" + list; ask is not null; pages++)
        {
            using var stream = await client.GetStreamAsync(ask);
            var response = await XDocument.LoadAsync(stream, LoadOptions.None, CancellationToken.None);
            if (response.Descendants(Oai + "error").FirstOrDefault() is { } error)
                throw new InvalidOperationException($"{ask}: {error.Attribute("code")?.Value}: {error.Value}");
            ids.AddRange(response.Descendants(Oai + "header").Select(h => h.Element(Oai + "identifier")!.Value));
            ask = response.Descendants(Oai + "resumptionToken").SingleOrDefault() is { Value.Length: > 0 } token
                ? $"/oai?verb={verb}&resumptionToken={Uri.EscapeDataString(token.Value)}" : null;
        }
        return (ids, pages, clock.Elapsed);
    }
}
