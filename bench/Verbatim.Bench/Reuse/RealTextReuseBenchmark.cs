using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.Json;
using Verbatim.Evaluating;
using Verbatim.Parsing;
using Verbatim.Text.Evaluation;

namespace Verbatim.Bench.Reuse;

/// <summary>
/// Speed and memory of all-pairs reuse on real text (issue 15, item 6): `verbatim reuse` as a
/// process (the Release CLI through the repository's `verbatim` script) against `sim_text -r8`,
/// side by side in one run, on two corpora: the bodies of the letters of
/// ../shared/corpus/schnitzler-tei-full, read by the project's TEI reader once and written out as
/// plain UTF-8 files into the work folder, and the generated PAN corpus of the `pan` benchmark.
/// Each process runs under GNU time, which gives its peak resident set (the largest of the
/// process and what it waited for); wall time is from start to exit. Rounds alternate the two
/// tools after one untimed round of each (which builds the CLI if a source changed and brings
/// the files into the page cache); each tool's median counts.
/// </summary>
/// <remarks>Run from the repository root: <c>nice dotnet run -c Release --project bench/Verbatim.Bench -- reuse-speed [--rounds 3] [--work DIR] [--keep]</c>.</remarks>
public static class RealTextReuseBenchmark
{
    private sealed record Measured(double Seconds, long PeakKiB, int Found);

    public static int Run(string[] args) => BenchRun.Execute("reuse-speed", args, new Dictionary<string, int> { ["--rounds"] = 3 }, (run, root, work) =>
    {
        Console.WriteLine($"machine: {Environment.ProcessorCount} cores, {BenchMachine.CpuModel()}; load average {File.ReadAllText("/proc/loadavg").Trim()}");
        var clock = Stopwatch.StartNew();
        var letters = Path.Combine(work, "schnitzler-tei-full-bodies");
        var (written, unread) = WriteBodies(BenchPaths.Shared("corpus", "schnitzler-tei-full"), letters);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"real text: {written} letter bodies written in {clock.Elapsed.TotalSeconds:0.0} s ({unread} files gave no body or failed)"));

        var generated = Path.Combine(work, "generated");
        var texts = PanCorpusFolder.BodyTexts(
            [.. Directory.GetFiles(BenchPaths.Shared("corpus", "seeds"), "*.txt").Order(StringComparer.Ordinal), BenchPaths.Shared("corpus", "schnitzler-tei")], out _);
        PanCorpusFolder.Write(PanCorpusGenerator.Generate(texts, PanReuseBenchmark.Corpus), generated);

        var corpora = new (string Name, string[] Folders)[]
        {
            ("Schnitzler letters' bodies (real text)", [letters]),
            ($"generated PAN corpus (seed {PanReuseBenchmark.Corpus.Seed})", [Path.Combine(generated, PanCorpusFolder.SourceFolder), Path.Combine(generated, PanCorpusFolder.SuspiciousFolder)]),
        };
        Console.WriteLine();
        Console.WriteLine("| corpus | files | MB | tool | median s | MB/s | median peak RSS, MiB | passages / runs |");
        Console.WriteLine("| --- | ---: | ---: | --- | ---: | ---: | ---: | ---: |");
        var ratios = new List<string>();
        foreach (var (name, folders) in corpora)
        {
            var files = folders.SelectMany(f => Directory.GetFiles(f).Order(StringComparer.Ordinal)).ToList();
            var megabytes = files.Sum(f => new FileInfo(f).Length) / 1e6;
            VerbatimReuse(root, work, folders);
            SimText(work, files);
            var (verbatim, sim) = (new List<Measured>(), new List<Measured>());
            for (var round = 0; round < run["--rounds"]; round++)
            {
                verbatim.Add(VerbatimReuse(root, work, folders));
                sim.Add(SimText(work, files));
            }
            var (verbatimSeconds, simSeconds) = (Median(verbatim.Select(m => m.Seconds)), Median(sim.Select(m => m.Seconds)));
            var (verbatimPeak, simPeak) = (Median(verbatim.Select(m => (double)m.PeakKiB)) / 1024, Median(sim.Select(m => (double)m.PeakKiB)) / 1024);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"| {name} | {files.Count} | {megabytes:0.00} | `verbatim reuse` (2 cores) | {verbatimSeconds:0.000} | {megabytes / verbatimSeconds:0.0} | {verbatimPeak:0} | {verbatim[^1].Found} |"));
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"| {name} | {files.Count} | {megabytes:0.00} | `sim_text -r8` (1 core) | {simSeconds:0.000} | {megabytes / simSeconds:0.0} | {simPeak:0} | {sim[^1].Found} |"));
            ratios.Add(string.Create(CultureInfo.InvariantCulture,
                $"{name}: throughput verbatim / sim_text {simSeconds / verbatimSeconds:0.00} (aim ≥ 2), peak memory verbatim / sim_text {verbatimPeak / simPeak:0.00} (aim ≤ 2); rounds: verbatim {Times(verbatim)}; sim_text {Times(sim)}"));
        }
        Console.WriteLine();
        foreach (var line in ratios)
            Console.WriteLine(line);
        Console.WriteLine($"load average at the end: {File.ReadAllText("/proc/loadavg").Trim()}");
        return 0;
    });

    /// <summary>Every document body the TEI files yield, one plain UTF-8 file each, named by its file and its place in it.</summary>
    private static (int Written, int Unread) WriteBodies(string folder, string into)
    {
        Directory.CreateDirectory(into);
        var (written, unread) = (0, 0);
        foreach (var file in new FileParser().Parse(Directory.GetFiles(folder, "*.xml").Order(StringComparer.Ordinal)))
        {
            var bodies = file.Result.Documents.Select(d => d.BodyText).Where(t => t.Length > 0).ToList();
            if (bodies.Count == 0)
                unread++;
            for (var n = 0; n < bodies.Count; n++)
            {
                var stem = Path.GetFileNameWithoutExtension(file.Path) + (n == 0 ? "" : "-" + n.ToString(CultureInfo.InvariantCulture));
                File.WriteAllText(Path.Combine(into, stem + ".txt"), bodies[n], new UTF8Encoding(false));
                written++;
            }
        }
        return (written, unread);
    }

    private static Measured VerbatimReuse(string root, string work, string[] folders)
    {
        var output = Path.Combine(work, "verbatim-reuse.json");
        var seconds = BenchMachine.Timed(work, "bash", [Path.Combine(root, "verbatim"), "reuse", .. folders, "--json"], stdin: null, stdout: output, out var peak);
        using var stream = File.OpenRead(output);
        using var json = JsonDocument.Parse(stream);
        return new Measured(seconds, peak, json.RootElement.GetProperty("passages").GetArrayLength());
    }

    private static Measured SimText(string work, List<string> files)
    {
        var output = Path.Combine(work, "sim-text.out");
        var seconds = BenchMachine.Timed(work, "sim_text", ["-r8", "-n", "-i", "-o", output], stdin: files, stdout: null, out var peak);
        return new Measured(seconds, peak, File.ReadLines(output).Count(l => PanReuseBenchmark.Run().IsMatch(l)));
    }

    /// <summary>The command under GNU time, from start to exit, after a second's pause so that the benchmark's own background work is done; its peak RSS in KiB.</summary>
    private static double Median(IEnumerable<double> values) => values.Order().ElementAt(values.Count() / 2);

    private static string Times(List<Measured> rounds) =>
        string.Join(", ", rounds.Select(m => string.Create(CultureInfo.InvariantCulture, $"{m.Seconds:0.000} s {m.PeakKiB / 1024} MiB")));
}
