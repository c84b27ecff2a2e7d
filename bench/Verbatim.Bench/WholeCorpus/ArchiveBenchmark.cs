using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Verbatim.Archiving;
using Verbatim.Formats;
using Verbatim.Model;
using Verbatim.Searching;
using Verbatim.Storage.Catalog;
using Verbatim.Storage.Catalog.Sqlite;
using Verbatim.Storing;

namespace Verbatim.Bench.WholeCorpus;

/// <summary>
/// The whole-corpus benchmark (issue 3, item 7): the Schnitzler TEI letters replicated to N
/// documents, ingested into a fresh archive and indexed by Xapian, then the same queries asked
/// of both, each query timed in-process.
/// </summary>
/// <remarks>
/// Run from the repository root:
/// <c>dotnet run -c Release --project bench/Verbatim.Bench -- archive --documents 5000</c>.
/// Everything is written under one work folder (a new one in the system's temp folder unless
/// --work names one), deleted at the end unless --keep is given.
/// </remarks>
public static partial class ArchiveBenchmark
{
    private sealed record Options(int Documents, int Rounds, int Warmup, int Seed);

    private static readonly JsonSerializerOptions Json = new() { PropertyNamingPolicy = JsonNamingPolicy.CamelCase };

    public static int Run(string[] args) => BenchRun.Execute("archive", args,
        new Dictionary<string, int> { ["--documents"] = 5000, ["--rounds"] = 5, ["--warmup"] = 3, ["--seed"] = 7 },
        (run, root, work) => Execute(new Options(run["--documents"], run["--rounds"], run["--warmup"], run["--seed"]), root, work));

    private static int Execute(Options options, string root, string work)
    {
        var corpus = BenchPaths.Shared("corpus", "schnitzler-tei");
        var letters = Path.Combine(work, "letters");
        var (files, originals) = Replicate(corpus, letters, options.Documents);
        Console.WriteLine($"work folder {work}");
        Console.WriteLine($"replicated {originals} letters to {files} files");

        // Ingest: what `verbatim ingest` does, format detection included.
        var archiveFolder = Path.Combine(work, "archive");
        using var archive = Archive.Init(archiveFolder);
        var ingestClock = Stopwatch.StartNew();
        var report = archive.Ingest([letters], new IngestOptions(FormatRegistry.Auto, "archive benchmark", new StoreUser("bench")));
        ingestClock.Stop();
        var ids = report.Documents.Select(d => d.Id).ToList();
        Console.WriteLine($"Verbatim ingest: {ids.Count} documents in {ingestClock.Elapsed.TotalSeconds:0.00} s = {ids.Count / ingestClock.Elapsed.TotalSeconds:0.0} documents/s ({report.Failed.Count} files failed)");
        foreach (var failure in report.Failed.Take(5))
            Console.WriteLine($"  failed: {failure.Path}: {failure.Error}");
        var renamed = ids.Count(id => SuffixedId().IsMatch(id));
        if (ids.Distinct(StringComparer.Ordinal).Count() != ids.Count || renamed > 0)
            Console.WriteLine($"  warning: {renamed} ids took a -N suffix: the copies did not all get distinct ids of their own");

        // The texts Xapian indexes are read back from the archive, so both index the same text.
        var exported = ids.Select(id => Export(archive.Show(id)!)).ToList();
        var documentsFile = Path.Combine(work, "documents.jsonl");
        File.WriteAllLines(documentsFile, exported.Select(e => JsonSerializer.Serialize(e, Json)));

        var queries = QuerySet.Build(exported, options.Seed);
        var queriesFile = Path.Combine(work, "queries.json");
        File.WriteAllText(queriesFile, JsonSerializer.Serialize(queries, Json));
        Console.WriteLine($"{queries.Count} queries ({string.Join(", ", queries.GroupBy(q => q.Class).Select(g => $"{g.Count()} {g.Key}"))}), seed {options.Seed}");

        var verbatim = TimeVerbatim(archive, queries, options);
        var xapian = RunXapian(root, work, documentsFile, queriesFile, options);
        if (xapian is null)
            return 1;

        Print(options, ids.Count, ingestClock.Elapsed, queries, verbatim, xapian);
        File.WriteAllText(Path.Combine(work, "results.json"), JsonSerializer.Serialize(new
        {
            documents = ids.Count,
            ingestSeconds = ingestClock.Elapsed.TotalSeconds,
            verbatim = new { totals = verbatim.Totals, latenciesMicroseconds = verbatim.Latencies },
            xapian,
        }, Json));
        return 0;
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

    private static Timings TimeVerbatim(Archive archive, IReadOnlyList<BenchQuery> queries, Options options)
    {
        var requests = queries.Select(q => new SearchQuery(q.Text)
        {
            Filter = new WorkFilter { Author = q.Author, YearFrom = q.Year, YearTo = q.Year },
        }).ToList();
        var totals = new int[queries.Count];
        for (var pass = 0; pass < options.Warmup; pass++)
        {
            for (var i = 0; i < requests.Count; i++)
                totals[i] = archive.Search(requests[i]).Total;
        }
        var latencies = queries.Select(_ => new double[options.Rounds]).ToArray();
        for (var round = 0; round < options.Rounds; round++)
        {
            for (var i = 0; i < requests.Count; i++)
            {
                var start = Stopwatch.GetTimestamp();
                archive.Search(requests[i]);
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

    private static void Print(Options options, int documents, TimeSpan ingest, IReadOnlyList<BenchQuery> queries, Timings verbatim, XapianResults xapian)
    {
        var verbatimRate = documents / ingest.TotalSeconds;
        var xapianRate = xapian.Documents / xapian.IndexSeconds;
        Console.WriteLine();
        Console.WriteLine($"archive benchmark: {documents} documents, {queries.Count} queries x {options.Rounds} rounds after {options.Warmup} warm-up passes, seed {options.Seed}");
        Console.WriteLine($"machine: {Environment.ProcessorCount} cores, {BenchMachine.CpuModel()}; Xapian {xapian.Version}");
        Console.WriteLine();
        Console.WriteLine("| measure | Verbatim | Xapian | Verbatim / Xapian |");
        Console.WriteLine("| --- | ---: | ---: | ---: |");
        Console.WriteLine($"| ingest / index, documents/s | {verbatimRate:0.0} | {xapianRate:0.0} | {verbatimRate / xapianRate:0.00} |");
        foreach (var group in new[] { "all" }.Concat(queries.Select(q => q.Class).Distinct()))
        {
            var indices = Enumerable.Range(0, queries.Count).Where(i => group == "all" || queries[i].Class == group).ToList();
            var v = indices.SelectMany(i => verbatim.Latencies[i]).ToList();
            var x = indices.SelectMany(i => xapian.Latencies[i]).ToList();
            foreach (var p in new[] { 0.50, 0.99 })
            {
                var vp = BenchMachine.Percentile(v, p) / 1000;
                var xp = BenchMachine.Percentile(x, p) / 1000;
                Console.WriteLine($"| search p{p * 100:0} ms, {group} ({indices.Count} queries) | {vp:0.000} | {xp:0.000} | {vp / xp:0.00} |");
            }
        }
        var agree = Enumerable.Range(0, queries.Count).Count(i => verbatim.Totals[i] == xapian.Totals[i]);
        Console.WriteLine();
        Console.WriteLine($"the two found the same number of documents for {agree} of {queries.Count} queries");
        foreach (var i in Enumerable.Range(0, queries.Count).Where(i => verbatim.Totals[i] != xapian.Totals[i]).Take(10))
            Console.WriteLine($"  {Describe(queries[i])}: Verbatim {verbatim.Totals[i]}, Xapian {xapian.Totals[i]}");
        var slowest = Enumerable.Range(0, queries.Count).OrderByDescending(i => verbatim.Latencies[i].Max()).Take(5);
        Console.WriteLine("Verbatim's slowest queries (worst round):");
        foreach (var i in slowest)
            Console.WriteLine($"  {verbatim.Latencies[i].Max() / 1000:0.000} ms  {Describe(queries[i])} ({verbatim.Totals[i]} found)");
    }

    private static string Describe(BenchQuery query)
        => query.Text + (query.Author is { } a ? $" [author {a}]" : "") + (query.Year is { } y ? $" [year {y}]" : "");
}
