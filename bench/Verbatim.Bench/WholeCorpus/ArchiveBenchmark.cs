using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Npgsql;
using Verbatim.Archiving;
using Verbatim.Formats;
using Verbatim.Model;
using Verbatim.Searching;
using Verbatim.Storage.Catalog;
using Verbatim.Storage.Catalog.Sqlite;
using Verbatim.Storing;
using Verbatim.Testing;

namespace Verbatim.Bench.WholeCorpus;

/// <summary>
/// The whole-corpus benchmark (issue 3, item 7; issue 18, item 5): the 4,420 Schnitzler TEI
/// letters replicated to N documents, ingested into a fresh archive on each catalog backend asked
/// for (SQLite, PostgreSQL on a cluster of its own) and indexed by Xapian, then the same queries
/// asked of each, every query timed in-process.
/// </summary>
/// <remarks>
/// Run from the repository root:
/// <c>dotnet run -c Release --project bench/Verbatim.Bench -- archive --documents 5000 [--catalog sqlite|postgres|both]</c>.
/// Everything is written under one work folder (a new one in the system's temp folder unless
/// --work names one), deleted at the end unless --keep is given.
/// </remarks>
public static partial class ArchiveBenchmark
{
    private sealed record Options(int Documents, int Rounds, int Warmup, int Seed, string Catalog);

    private static readonly JsonSerializerOptions Json = new() { PropertyNamingPolicy = JsonNamingPolicy.CamelCase };

    private const string Sqlite = "SQLite";
    private const string Postgres = "PostgreSQL";

    public static int Run(string[] args) => BenchRun.Execute("archive", args,
        new Dictionary<string, int> { ["--documents"] = 5000, ["--rounds"] = 5, ["--warmup"] = 3, ["--seed"] = 7 },
        new Dictionary<string, string[]> { ["--catalog"] = ["sqlite", "postgres", "both"] },
        (run, root, work) => Execute(new Options(run["--documents"], run["--rounds"], run["--warmup"], run["--seed"], run.Choice("--catalog")), root, work));

    /// <summary>One Verbatim archive of the run: its catalog's backend, its ingest and its answers.</summary>
    private sealed record Engine(string Backend, int Documents, TimeSpan Ingest, Timings Timings);

    private static int Execute(Options options, string root, string work)
    {
        var corpus = BenchPaths.Shared("corpus", "schnitzler-tei-full");
        var letters = Path.Combine(work, "letters");
        var (files, originals) = Replicate(corpus, letters, options.Documents);
        Console.WriteLine($"work folder {work}");
        Console.WriteLine($"replicated {originals} letters to {files} files");

        string[] backends = options.Catalog switch { "sqlite" => [Sqlite], "postgres" => [Postgres], _ => [Sqlite, Postgres] };
        // The cluster is made as the tests make theirs: initdb in a temporary folder, a free loopback port.
        using var server = backends.Contains(Postgres) ? PostgresServer.Start() : null;
        string? postgresCatalog = null;
        if (server is not null)
        {
            CreateDatabase(server.ConnectionString(), "bench");
            postgresCatalog = server.ConnectionString("bench");
            Console.WriteLine($"PostgreSQL 15 on port {server.Port}");
        }

        var engines = new List<Engine>();
        List<ExportedDocument>? exported = null;
        List<BenchQuery>? queries = null;
        string? documentsFile = null, queriesFile = null;
        foreach (var backend in backends)
        {
            // Ingest: what `verbatim ingest` does, format detection included.
            using var archive = Archive.Init(Path.Combine(work, "archive-" + backend.ToLowerInvariant()), backend == Postgres ? postgresCatalog : null);
            var statements = backend == Postgres ? new StatementTimes() : null;
            var ingestClock = Stopwatch.StartNew();
            var report = archive.Ingest([letters], new IngestOptions(FormatRegistry.Auto, "archive benchmark", new StoreUser("bench")));
            ingestClock.Stop();
            statements?.Dispose();
            var ids = report.Documents.Select(d => d.Id).ToList();
            Console.WriteLine($"Verbatim-{backend} ingest: {ids.Count} documents in {ingestClock.Elapsed.TotalSeconds:0.00} s = {ids.Count / ingestClock.Elapsed.TotalSeconds:0.0} documents/s ({report.Failed.Count} files failed)");
            statements?.Print($"Verbatim-{backend} ingest's SQL", ingestClock.Elapsed, ids.Count);
            foreach (var failure in report.Failed.Take(5))
                Console.WriteLine($"  failed: {failure.Path}: {failure.Error}");
            var renamed = ids.Count(id => SuffixedId().IsMatch(id));
            if (ids.Distinct(StringComparer.Ordinal).Count() != ids.Count || renamed > 0)
                Console.WriteLine($"  warning: {renamed} ids took a -N suffix: the copies did not all get distinct ids of their own");

            if (exported is null)
            {
                // The texts Xapian indexes are read back from the archive, so every engine indexes the same text.
                exported = [.. ids.Select(id => Export(archive.Show(id)!))];
                documentsFile = Path.Combine(work, "documents.jsonl");
                File.WriteAllLines(documentsFile, exported.Select(e => JsonSerializer.Serialize(e, Json)));
                queries = QuerySet.Build(exported, options.Seed);
                queriesFile = Path.Combine(work, "queries.json");
                File.WriteAllText(queriesFile, JsonSerializer.Serialize(queries, Json));
                Console.WriteLine($"{queries.Count} queries ({string.Join(", ", queries.GroupBy(q => q.Class).Select(g => $"{g.Count()} {g.Key}"))}), seed {options.Seed}");
            }
            engines.Add(new Engine(backend, ids.Count, ingestClock.Elapsed, TimeVerbatim(q => archive.Search(q), queries!, options)));
            Console.WriteLine($"Verbatim-{backend}: queries timed");
            if (backend == Postgres)
                SearchStatementTimes.Print(q => archive.Search(q), queries!, Requests(queries!), options.Rounds);
        }

        // Last, as it drops the catalog's GIN index.
        var rum = postgresCatalog is null ? null : RumComparison.Run(postgresCatalog, queries!, options.Rounds, options.Warmup);

        var xapian = RunXapian(root, work, documentsFile!, queriesFile!, options);
        if (xapian is null)
            return 1;

        Print(options, queries!, engines, xapian, rum);
        File.WriteAllText(Path.Combine(work, "results.json"), JsonSerializer.Serialize(new
        {
            verbatim = engines.Select(e => new { backend = e.Backend, documents = e.Documents, ingestSeconds = e.Ingest.TotalSeconds, totals = e.Timings.Totals, latenciesMicroseconds = e.Timings.Latencies }),
            rum,
            xapian,
        }, Json));
        return 0;
    }

    private static void CreateDatabase(string connectionString, string name)
    {
        using var connection = new NpgsqlConnection(connectionString);
        connection.Open();
        using var create = new NpgsqlCommand($"CREATE DATABASE {name}", connection);
        create.ExecuteNonQuery();
    }

    /// <summary>
    /// Copies the letters into the folder until there are <paramref name="count"/> files: the first
    /// pass as received, every further pass with "-cK" added to the file name and to the TEI
    /// root's xml:id, which Verbatim takes into the document id.
    /// </summary>
    internal static (int Files, int Originals) Replicate(string corpus, string folder, int count)
    {
        var sources = Directory.GetFiles(corpus, "*.xml").Order(StringComparer.Ordinal).ToList();
        if (sources.Count == 0)
            throw new InvalidOperationException($"no TEI letters in {corpus}");
        Directory.CreateDirectory(folder);
        var written = 0;
        for (var copy = 0; written < count; copy++)
        {
            foreach (var source in sources)
            {
                if (written == count)
                    break;
                var name = Path.GetFileNameWithoutExtension(source);
                if (copy == 0)
                {
                    File.Copy(source, Path.Combine(folder, name + ".xml"));
                }
                else
                {
                    var text = File.ReadAllText(source, Encoding.UTF8);
                    var root = RootXmlId().Match(text);
                    if (!root.Success)
                        throw new InvalidOperationException($"{source}: no xml:id on the TEI element");
                    var id = root.Groups["id"];
                    text = string.Concat(text.AsSpan(0, id.Index + id.Length), $"-c{copy}", text.AsSpan(id.Index + id.Length));
                    File.WriteAllBytes(Path.Combine(folder, $"{name}-c{copy}.xml"), new UTF8Encoding(false).GetBytes(text));
                }
                written++;
            }
        }
        return (written, sources.Count);
    }

    [GeneratedRegex(@"<TEI\b[^>]*?\sxml:id=""(?<id>[^""]+)""")]
    private static partial Regex RootXmlId();

    [GeneratedRegex(@"-\d+$")]
    private static partial Regex SuffixedId();

    /// <summary>A document as the catalog indexes it: the same four texts and the facts the filters read.</summary>
    public sealed record ExportedDocument(
        string Id,
        string Title,
        string People,
        string Body,
        string Notes,
        string Kind,
        string? Date,
        int? Year,
        IReadOnlyList<string> Authors,
        IReadOnlyList<string> Addressees,
        string? Collection,
        string? Volume);

    private static ExportedDocument Export(Document document)
    {
        var date = DocumentDates.SortDate(document);
        int? year = date is { Length: >= 4 } && int.TryParse(date.AsSpan(0, 4), NumberStyles.None, CultureInfo.InvariantCulture, out var y) ? y : null;
        // The same joins SqliteCatalog.Upsert makes for its full-text row.
        return new ExportedDocument(
            document.Id,
            document.Title,
            string.Join("; ", document.Authors.Concat(document.Addressees).Concat(document.CopiesTo).Select(p => p.Name)),
            document.BodyText,
            string.Join(Document.BlockSeparator, document.Notes.Select(n => n.Text)),
            DocumentKinds.Name(document.Kind),
            date,
            year,
            [.. document.Authors.Select(p => ResultIndex.NameKey(p.Name))],
            [.. document.Addressees.Select(p => ResultIndex.NameKey(p.Name))],
            document.Source?.Collection,
            document.Source?.Volume);
    }

    private sealed record Timings(int[] Totals, double[][] Latencies);

    private static List<SearchQuery> Requests(IReadOnlyList<BenchQuery> queries) => [.. queries.Select(q => new SearchQuery(q.Text)
    {
        Filter = new WorkFilter { Author = q.Author, YearFrom = q.Year, YearTo = q.Year },
    })];

    private static Timings TimeVerbatim(Func<SearchQuery, SearchResults> search, IReadOnlyList<BenchQuery> queries, Options options)
    {
        var requests = Requests(queries);
        var totals = new int[queries.Count];
        for (var pass = 0; pass < options.Warmup; pass++)
        {
            for (var i = 0; i < requests.Count; i++)
                totals[i] = search(requests[i]).Total;
        }
        var latencies = queries.Select(_ => new double[options.Rounds]).ToArray();
        for (var round = 0; round < options.Rounds; round++)
        {
            for (var i = 0; i < requests.Count; i++)
            {
                var start = Stopwatch.GetTimestamp();
                search(requests[i]);
                latencies[i][round] = Stopwatch.GetElapsedTime(start).TotalMicroseconds;
            }
        }
        return new Timings(totals, latencies);
    }

    public sealed record XapianResults(string Version, int Documents, double IndexSeconds, int Commits, int[] Totals, double[][] Latencies);

    private static XapianResults? RunXapian(string root, string work, string documentsFile, string queriesFile, Options options)
    {
        var output = Path.Combine(work, "xapian-results.json");
        // Debian's python3-xapian is built for the system's python3, whatever else is on PATH.
        var start = new ProcessStartInfo("/usr/bin/python3")
        {
            ArgumentList =
            {
                Path.Combine(root, "bench", "xapian", "xapian_bench.py"),
                "--documents", documentsFile,
                "--queries", queriesFile,
                "--database", Path.Combine(work, "xapian"),
                "--rounds", options.Rounds.ToString(CultureInfo.InvariantCulture),
                "--warmup", options.Warmup.ToString(CultureInfo.InvariantCulture),
                "--out", output,
            },
        };
        using var process = Process.Start(start)!;
        process.WaitForExit();
        if (process.ExitCode != 0)
        {
            Console.Error.WriteLine($"the Xapian peer failed (exit code {process.ExitCode})");
            return null;
        }
        return JsonSerializer.Deserialize<XapianResults>(File.ReadAllText(output), Json);
    }

    private static void Print(Options options, IReadOnlyList<BenchQuery> queries, IReadOnlyList<Engine> engines, XapianResults xapian, RumComparison.Results? rum)
    {
        var xapianRate = xapian.Documents / xapian.IndexSeconds;
        Console.WriteLine();
        Console.WriteLine($"archive benchmark: {xapian.Documents} documents, {queries.Count} queries x {options.Rounds} rounds after {options.Warmup} warm-up passes, seed {options.Seed}");
        Console.WriteLine($"machine: {Environment.ProcessorCount} cores, {BenchMachine.CpuModel()}; Xapian {xapian.Version}");
        Console.WriteLine();
        var names = engines.Select(e => $"Verbatim-{e.Backend}").ToList();
        var ratios = names.Select(n => $"{n} / Xapian").ToList();
        var both = engines.Count == 2;
        if (both)
            ratios.Add("PostgreSQL / SQLite");
        Console.WriteLine($"| measure | {string.Join(" | ", names)} | Xapian | {string.Join(" | ", ratios)} |");
        Console.WriteLine($"| --- |{string.Concat(Enumerable.Repeat(" ---: |", names.Count + 1 + ratios.Count))}");
        void Line(string measure, IReadOnlyList<double> verbatim, double peer)
        {
            var cells = verbatim.Select(v => $"{v:0.000}").Append($"{peer:0.000}").Concat(verbatim.Select(v => $"{v / peer:0.00}"));
            if (both)
                cells = cells.Append($"{verbatim[1] / verbatim[0]:0.00}");
            Console.WriteLine($"| {measure} | {string.Join(" | ", cells)} |");
        }
        Line("ingest / index, documents/s", [.. engines.Select(e => e.Documents / e.Ingest.TotalSeconds)], xapianRate);
        foreach (var group in new[] { "all" }.Concat(queries.Select(q => q.Class).Distinct()))
        {
            var indices = Enumerable.Range(0, queries.Count).Where(i => group == "all" || queries[i].Class == group).ToList();
            foreach (var p in new[] { 0.50, 0.99 })
            {
                double Of(double[][] latencies) => BenchMachine.Percentile([.. indices.SelectMany(i => latencies[i])], p) / 1000;
                Line($"search p{p * 100:0} ms, {group} ({indices.Count} queries)", [.. engines.Select(e => Of(e.Timings.Latencies))], Of(xapian.Latencies));
            }
        }
        foreach (var engine in engines)
        {
            var totals = engine.Timings.Totals;
            var agree = Enumerable.Range(0, queries.Count).Count(i => totals[i] == xapian.Totals[i]);
            Console.WriteLine();
            Console.WriteLine($"Verbatim-{engine.Backend} and Xapian found the same number of documents for {agree} of {queries.Count} queries");
            foreach (var i in Enumerable.Range(0, queries.Count).Where(i => totals[i] != xapian.Totals[i]).Take(10))
                Console.WriteLine($"  {Describe(queries[i])}: Verbatim {totals[i]}, Xapian {xapian.Totals[i]}");
            Console.WriteLine($"Verbatim-{engine.Backend}'s slowest queries (worst round):");
            foreach (var i in Enumerable.Range(0, queries.Count).OrderByDescending(i => engine.Timings.Latencies[i].Max()).Take(5))
                Console.WriteLine($"  {engine.Timings.Latencies[i].Max() / 1000:0.000} ms  {Describe(queries[i])} ({totals[i]} found)");
        }
        if (both && Enumerable.Range(0, queries.Count).Where(i => engines[0].Timings.Totals[i] != engines[1].Timings.Totals[i]).ToList() is { Count: > 0 } differ)
            Console.WriteLine($"SQLite and PostgreSQL found different numbers for {differ.Count} queries, the first {Describe(queries[differ[0]])}: {engines[0].Timings.Totals[differ[0]]} and {engines[1].Timings.Totals[differ[0]]}");
        if (rum is not null)
            PrintRum(queries, rum);
    }

    private static void PrintRum(IReadOnlyList<BenchQuery> queries, RumComparison.Results rum)
    {
        Console.WriteLine();
        Console.WriteLine($"PostgreSQL full text as SQL alone: GIN index {rum.GinBytes / 1e6:0.0} MB, built from the table in {rum.GinBuildSeconds:0.00} s; rum index {rum.RumBytes / 1e6:0.0} MB in {rum.RumBuildSeconds:0.00} s");
        Console.WriteLine();
        Console.WriteLine($"| queries | {string.Join(" | ", rum.Variants.Select(v => v.Name + ", p50 / p99 ms"))} |");
        Console.WriteLine($"| --- |{string.Concat(Enumerable.Repeat(" ---: |", rum.Variants.Count))}");
        foreach (var group in new[] { "all" }.Concat(queries.Select(q => q.Class).Distinct()))
        {
            var indices = Enumerable.Range(0, queries.Count).Where(i => group == "all" || queries[i].Class == group).ToList();
            string Cell(RumComparison.Variant v)
            {
                var times = indices.SelectMany(i => v.Latencies[i]).ToList();
                return $"{BenchMachine.Percentile(times, 0.50) / 1000:0.000} / {BenchMachine.Percentile(times, 0.99) / 1000:0.000}";
            }
            Console.WriteLine($"| {group} ({indices.Count}) | {string.Join(" | ", rum.Variants.Select(Cell))} |");
        }
        var first = rum.Variants[0];
        foreach (var variant in rum.Variants.Skip(1))
        {
            var differ = Enumerable.Range(0, queries.Count).Count(i => variant.Totals[i] != first.Totals[i]);
            Console.WriteLine($"{variant.Name}: {differ} queries found a different number of documents than {first.Name}");
        }
    }

    private static string Describe(BenchQuery query)
        => query.Text + (query.Author is { } a ? $" [author {a}]" : "") + (query.Year is { } y ? $" [year {y}]" : "");
}
