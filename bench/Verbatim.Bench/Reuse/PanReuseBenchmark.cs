using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Verbatim.Evaluating;
using Verbatim.Text.Evaluation;
using Verbatim.Text.Normalisation;
using Verbatim.Text.Reuse;

namespace Verbatim.Bench.Reuse;

/// <summary>
/// All-pairs reuse (issue 5, item 6): Verbatim's <see cref="ReuseDetector"/> against Debian's
/// similarity tester (<c>sim_text</c>) on the same generated PAN corpus of at least 20 MB, in one
/// run. Throughput is source bytes over wall-clock time: for the detector in-process, from reading
/// the files to the last passage, after one untimed call over the whole corpus (its time, compiling
/// included, is printed as the first call); for `verbatim reuse` and sim_text, each a process of
/// its own, from start to exit. Recall
/// is PAN's macro recall over the corpus's cases, for both tools, from their output turned into
/// character ranges.
///
/// sim_text reports a run as two line ranges and a word count, so it is run a second time on a
/// copy of every file with one word a line, words as sim_text defines them (a run of ASCII letters
/// and digits and of characters above 127): line numbers are then word numbers, and a run's words
/// map back to the characters of the original file. sim_text compares words, not layout, so both
/// runs find the same runs; the benchmark checks that they report as many and that sim_text counts
/// as many words in each copy as were written.
/// </summary>
/// <remarks>Run from the repository root: <c>dotnet run -c Release --project bench/Verbatim.Bench -- pan [--rounds 3] [--keep]</c>.</remarks>
public static partial class PanReuseBenchmark
{
    internal static readonly PanCorpusOptions Corpus = new()
    {
        Seed = 7,
        NoReusePairs = 40,
        VerbatimPairs = 340,
        EditedPairs = 340,
        SyntheticHostWords = 2100,
    };

    public static int Run(string[] args)
    {
        var keep = args.Contains("--keep");
        Process.Start("bash", [Path.Combine(BenchPaths.RepositoryRoot(), "bench", "setup")]).WaitForExit();
        var texts = PanCorpusFolder.BodyTexts(
            [.. Directory.GetFiles(BenchPaths.Shared("corpus", "seeds"), "*.txt").Order(StringComparer.Ordinal), BenchPaths.Shared("corpus", "schnitzler-tei")], out _);
        var corpus = PanCorpusGenerator.Generate(texts, Corpus);
        var work = Directory.CreateTempSubdirectory("verbatim-pan-bench-").FullName;
        try
        {
            PanCorpusFolder.Write(corpus, work);
            var files = corpus.Sources.Select(t => Path.Combine(work, PanCorpusFolder.SourceFolder, t.Name))
                .Concat(corpus.Suspicious.Select(t => Path.Combine(work, PanCorpusFolder.SuspiciousFolder, t.Name))).ToList();
            var bytes = files.Sum(f => new FileInfo(f).Length);
            var cases = corpus.Pairs.SelectMany(p => p.Cases).ToList();
            Console.WriteLine($"machine: {Environment.ProcessorCount} cores, {CpuName()}; load average {File.ReadAllText("/proc/loadavg").Trim()}");
            Console.WriteLine($"corpus: {files.Count} files, {bytes / 1e6:0.00} MB, {corpus.Pairs.Count} pairs, {cases.Count} cases (seed {Corpus.Seed}); {work}");
            if (bytes < 20_000_000)
                throw new InvalidOperationException("the corpus is under 20 MB");

            // Rounds alternate the three, and each one's median time counts, so that load from
            // outside the benchmark weighs on all alike.
            var listed = corpus.Pairs.ToDictionary(p => (p.Suspicious, p.Source));
            var rounds = args.SkipWhile(a => a != "--rounds").Skip(1).Select(a => int.Parse(a, CultureInfo.InvariantCulture)).FirstOrDefault(3);
            var verbatimTimes = new List<double>();
            var commandTimes = new List<double>();
            var simTimes = new List<double>();
            List<PanAnnotation> verbatimDetections = [];
            List<PanAnnotation> commandDetections = [];
            var simRuns = 0;
            RunCommand(work, listed);
            // Two untimed calls: the first compiles, and the runtime moves the hot code to its
            // optimised tier over the next one.
            var (firstCall, _) = RunVerbatim(files, listed);
            RunVerbatim(files, listed);
            for (var round = 0; round < rounds; round++)
            {
                (var seconds, verbatimDetections) = RunVerbatim(files, listed);
                verbatimTimes.Add(seconds);
                (seconds, commandDetections) = RunCommand(work, listed);
                commandTimes.Add(seconds);
                (seconds, simRuns) = RunSim(files, work, "original");
                simTimes.Add(seconds);
            }
            var (verbatimSeconds, commandSeconds, simSeconds) = (Median(verbatimTimes), Median(commandTimes), Median(simTimes));
            var (simWordsSeconds, simDetections, simWordRuns) = RunSimOnWords(files, work, listed);

            Console.WriteLine();
            Console.WriteLine("| tool | seconds | MB/s | precision | recall | granularity | plagdet | recall, verbatim | recall, edited |");
            Console.WriteLine("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |");
            Row("Verbatim ReuseDetector.Detect, in-process (2 cores)", verbatimSeconds, verbatimDetections);
            Row("verbatim reuse src susp, a process (2 cores)", commandSeconds, commandDetections);
            Row("sim_text -r8 (1 core: it has no threads)", simSeconds, simDetections);
            Console.WriteLine();
            Console.WriteLine($"sim_text on the one-word-a-line copies: {simWordsSeconds:0.000} s, {simWordRuns} runs (on the originals: {simRuns} runs)");
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"the detector's first call in this process, compiling included (untimed round): {firstCall:0.000} s"));
            Console.WriteLine($"rounds: Detect {Times(verbatimTimes)} s; verbatim reuse {Times(commandTimes)} s; sim_text {Times(simTimes)} s; medians in the table");
            Console.WriteLine($"load average at the end: {File.ReadAllText("/proc/loadavg").Trim()}");
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"throughput ratio against sim_text (medians): Detect in-process {simSeconds / verbatimSeconds:0.00}, verbatim reuse process {simSeconds / commandSeconds:0.00}"));
            return 0;

            void Row(string tool, double seconds, List<PanAnnotation> detections)
            {
                var score = PanMeasures.Score(cases, detections);
                var byFolder = corpus.Pairs.GroupBy(p => p.Folder).ToDictionary(g => g.Key, g => PanMeasures.Score(
                    [.. g.SelectMany(p => p.Cases)], [.. detections.Where(d => listed[(d.SuspiciousDocument, d.SourceDocument)].Folder == g.Key)]));
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"| {tool} | {seconds:0.000} | {bytes / 1e6 / seconds:0.0} | {score.Precision:0.0000} | {score.Recall:0.0000} | {score.Granularity:0.0000} | {score.Plagdet:0.0000} | {byFolder[PanCorpusGenerator.VerbatimFolder].Recall:0.0000} | {byFolder[PanCorpusGenerator.EditedFolder].Recall:0.0000} |"));
            }
        }
        finally
        {
            if (!keep)
                Directory.Delete(work, recursive: true);
        }
    }

    /// <summary>Every file against every other and itself, as one call; the passages between the two documents of a listed pair are its detections.</summary>
    private static (double Seconds, List<PanAnnotation> Detections) RunVerbatim(List<string> files, Dictionary<(string, string), PanPair> listed)
    {
        var detector = new ReuseDetector();
        GC.Collect();
        var clock = Stopwatch.StartNew();
        var documents = files.Select(f => new ReuseDocument(Path.GetFileName(f), File.ReadAllText(f))).ToList();
        var passages = detector.Detect(documents);
        var seconds = clock.Elapsed.TotalSeconds;
        Console.WriteLine($"Verbatim: {passages.Count} passages in {seconds:0.000} s");
        var pairs = listed.Keys.ToHashSet();
        return (seconds, [.. passages.Select(p => PanEvaluator.AsDetection(p, pairs)).Where(d => pairs.Contains((d.SuspiciousDocument, d.SourceDocument)))]);
    }

    /// <summary>
    /// `verbatim reuse` over both folders as a user runs it: a process of its own, started through
    /// the repository's `verbatim` script (built before the first, untimed, call), timed from start
    /// to exit, its JSON read for the passages between the two documents of a listed pair.
    /// </summary>
    private static (double Seconds, List<PanAnnotation> Detections) RunCommand(string work, Dictionary<(string, string), PanPair> listed)
    {
        var start = new ProcessStartInfo("bash", [Path.Combine(BenchPaths.RepositoryRoot(), "verbatim"), "reuse",
            Path.Combine(work, PanCorpusFolder.SourceFolder), Path.Combine(work, PanCorpusFolder.SuspiciousFolder), "--json"])
        { RedirectStandardOutput = true };
        // The benchmark's own process compiles in the background for a while after its detector
        // has run; the command is given an idle machine, as sim_text is.
        Thread.Sleep(1000);
        var clock = Stopwatch.StartNew();
        string output;
        using (var command = Process.Start(start)!)
        {
            output = command.StandardOutput.ReadToEnd();
            command.WaitForExit();
            if (command.ExitCode != 0)
                throw new InvalidOperationException($"verbatim reuse exited with {command.ExitCode}");
        }
        var seconds = clock.Elapsed.TotalSeconds;
        using var json = JsonDocument.Parse(output);
        var detections = new List<PanAnnotation>();
        var passages = json.RootElement.GetProperty("passages");
        foreach (var passage in passages.EnumerateArray())
        {
            var (source, target) = (Path.GetFileName(passage.GetProperty("source").GetString()!), Path.GetFileName(passage.GetProperty("target").GetString()!));
            var sourceRange = TextRange.FromBounds(passage.GetProperty("sourceStart").GetInt32(), passage.GetProperty("sourceEnd").GetInt32());
            var targetRange = TextRange.FromBounds(passage.GetProperty("targetStart").GetInt32(), passage.GetProperty("targetEnd").GetInt32());
            if (listed.ContainsKey((target, source)))
                detections.Add(new PanAnnotation(target, targetRange, source, sourceRange));
            else if (listed.ContainsKey((source, target)))
                detections.Add(new PanAnnotation(source, sourceRange, target, targetRange));
        }
        Console.WriteLine($"verbatim reuse: {passages.GetArrayLength()} passages in {seconds:0.000} s");
        return (seconds, detections);
    }

    private static (double Seconds, int Runs) RunSim(List<string> files, string work, string name)
    {
        var output = Path.Combine(work, $"sim-{name}.out");
        var start = new ProcessStartInfo("sim_text", ["-r8", "-n", "-i", "-o", output]) { RedirectStandardInput = true };
        Thread.Sleep(1000);
        var clock = Stopwatch.StartNew();
        using (var sim = Process.Start(start)!)
        {
            foreach (var file in files)
                sim.StandardInput.WriteLine(file);
            sim.StandardInput.Close();
            sim.WaitForExit();
            if (sim.ExitCode != 0)
                throw new InvalidOperationException($"sim_text exited with {sim.ExitCode}");
        }
        var seconds = clock.Elapsed.TotalSeconds;
        var runs = File.ReadLines(output).Count(l => Run().IsMatch(l));
        Console.WriteLine($"sim_text ({name}): {runs} runs in {seconds:0.000} s");
        return (seconds, runs);
    }

    private static (double Seconds, List<PanAnnotation> Detections, int Runs) RunSimOnWords(List<string> files, string work, Dictionary<(string, string), PanPair> listed)
    {
        var words = new Dictionary<string, List<TextRange>>(StringComparer.Ordinal);
        var copies = new List<string>();
        foreach (var file in files)
        {
            var text = File.ReadAllText(file);
            var ranges = SimWord().Matches(text).Select(m => new TextRange(m.Index, m.Length)).ToList();
            var copy = Path.Combine(work, "words", Path.GetFileName(Path.GetDirectoryName(file))!, Path.GetFileName(file));
            Directory.CreateDirectory(Path.GetDirectoryName(copy)!);
            File.WriteAllLines(copy, ranges.Select(r => r.Of(text)), new UTF8Encoding(false));
            words[Path.GetFileName(file)] = ranges;
            copies.Add(copy);
        }
        var (seconds, runs) = RunSim(copies, work, "words");
        var lines = File.ReadAllLines(Path.Combine(work, "sim-words.out"));
        var miscounted = lines.Select(l => FileLine().Match(l)).Where(m => m.Success)
            .Count(m => words[Path.GetFileName(m.Groups["file"].Value)].Count != int.Parse(m.Groups["words"].Value, CultureInfo.InvariantCulture));
        if (miscounted > 0)
            Console.WriteLine($"warning: sim_text counts other words than written in {miscounted} copies");

        var detections = new List<PanAnnotation>();
        foreach (var match in lines.Select(l => Run().Match(l)).Where(m => m.Success))
        {
            var (a, b) = (Path.GetFileName(match.Groups["a"].Value), Path.GetFileName(match.Groups["b"].Value));
            var rangeA = Characters(words[a], match.Groups["a1"].Value, match.Groups["a2"].Value);
            var rangeB = Characters(words[b], match.Groups["b1"].Value, match.Groups["b2"].Value);
            if (listed.ContainsKey((a, b)))
                detections.Add(new PanAnnotation(a, rangeA, b, rangeB));
            else if (listed.ContainsKey((b, a)))
                detections.Add(new PanAnnotation(b, rangeB, a, rangeA));
        }
        return (seconds, detections, runs);
    }

    /// <summary>Lines first to last (1-based) of a one-word-a-line copy, as characters of the original.</summary>
    private static TextRange Characters(List<TextRange> words, string first, string last) =>
        TextRange.FromBounds(words[int.Parse(first, CultureInfo.InvariantCulture) - 1].Start, words[int.Parse(last, CultureInfo.InvariantCulture) - 1].End);

    private static double Median(List<double> times) => times.Order().ElementAt(times.Count / 2);

    private static string Times(List<double> times) => string.Join(", ", times.Select(t => t.ToString("0.000", CultureInfo.InvariantCulture)));

    private static string CpuName() =>
        File.ReadLines("/proc/cpuinfo").FirstOrDefault(l => l.StartsWith("model name", StringComparison.Ordinal))?.Split(':', 2)[1].Trim() ?? "unknown CPU";

    /// <summary>sim_text's word: letters and digits of ASCII, and any character above 127 (every byte of its UTF-8 is).</summary>
    [GeneratedRegex(@"[A-Za-z0-9\u0080-\uFFFF]+")]
    private static partial Regex SimWord();

    [GeneratedRegex(@"^(?<a>\S+): line (?<a1>\d+)-(?<a2>\d+)\s*\|(?<b>\S+): line (?<b1>\d+)-(?<b2>\d+)\s*\[(?<n>\d+)\]")]
    internal static partial Regex Run();

    [GeneratedRegex(@"^File (?<file>\S+): (?<words>\d+) words")]
    private static partial Regex FileLine();
}
