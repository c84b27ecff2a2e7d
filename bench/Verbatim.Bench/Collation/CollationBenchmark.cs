using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;
using DiffPlex;
using Verbatim.Text.Collation;

namespace Verbatim.Bench.Collation;

/// <summary>
/// The collation benchmark (issue 6, item 4): six witnesses of 5,000 words and two witnesses of
/// 25,000, 50,000 and 100,000 words, made from the Schnitzler letters' running text with seeded
/// edits (about 4% of words substituted, 2% dropped, 2% added, one block of 40 words moved).
/// Each case runs in a child process of its own, so that its peak resident memory (VmHWM) is
/// its own; the peer, measured in the same child on the same texts, is DiffPlex's word diff of
/// the first witness against each other one (what a two-way diff costs, without a graph).
/// </summary>
/// <remarks>Run from the repository root: <c>dotnet run -c Release --project bench/Verbatim.Bench -- collate</c>.</remarks>
public static partial class CollationBenchmark
{
    private static readonly (int Witnesses, int Words)[] Cases = [(6, 5_000), (2, 25_000), (2, 50_000), (2, 100_000)];

    public static int Run(string[] args)
    {
        if (args is ["one", var witnessText, var wordText])
            return RunOne(int.Parse(witnessText, CultureInfo.InvariantCulture), int.Parse(wordText, CultureInfo.InvariantCulture));
        Console.WriteLine($"machine: {Environment.ProcessorCount} cores; load average {File.ReadAllText("/proc/loadavg").Trim()}");
        Console.WriteLine("| witnesses × words | Verbatim collate, s | Verbatim peak RSS, MiB | DiffPlex word diffs, s | collate / diff |");
        Console.WriteLine("| --- | ---: | ---: | ---: | ---: |");
        foreach (var (witnesses, words) in Cases)
        {
            // One core: the child is pinned, as the issue's aim is stated for one core.
            var start = new ProcessStartInfo("taskset", ["-c", "0", "dotnet", typeof(CollationBenchmark).Assembly.Location, "collate", "one", witnesses.ToString(CultureInfo.InvariantCulture), words.ToString(CultureInfo.InvariantCulture)])
            {
                RedirectStandardOutput = true,
            };
            using var child = Process.Start(start)!;
            var line = child.StandardOutput.ReadToEnd().Trim();
            child.WaitForExit();
            if (child.ExitCode != 0)
            {
                Console.Error.WriteLine($"case {witnesses}×{words} failed: {line}");
                return 1;
            }
            Console.WriteLine(line);
        }
        return 0;
    }

    private static int RunOne(int witnessCount, int words)
    {
        var baseText = RunningText(words * 2);
        var random = new Random(11);
        var witnesses = Enumerable.Range(0, witnessCount).Select(k => new Witness(((char)('A' + k)).ToString(), Edited(baseText, words, random))).ToList();

        // A warm-up on a small case, so that the timed run is not the JIT's.
        Collator.Collate([.. witnesses.Select(w => new Witness(w.Name, [.. w.Tokens.Take(500)]))]);
        var clock = Stopwatch.StartNew();
        var collation = Collator.Collate(witnesses);
        var collate = clock.Elapsed.TotalSeconds;
        var peak = PeakResidentMiB();

        var differ = new Differ();
        differ.CreateWordDiffs(string.Join(' ', witnesses[0].Tokens.Take(500)), string.Join(' ', witnesses[1].Tokens.Take(500)), false, [' ']);
        clock.Restart();
        for (var k = 1; k < witnesses.Count; k++)
            differ.CreateWordDiffs(string.Join(' ', witnesses[0].Tokens), string.Join(' ', witnesses[k].Tokens), false, [' ']);
        var diff = clock.Elapsed.TotalSeconds;

        Console.WriteLine($"| {witnessCount} × {words:N0} ({collation.ColumnCount:N0} columns) | {collate:0.000} | {peak:0} | {diff:0.000} | {collate / diff:0.00} |");
        return 0;
    }

    /// <summary>The letters' body texts, in file order, as one run of words long enough for the case.</summary>
    private static List<string> RunningText(int words)
    {
        var registry = global::Verbatim.Formats.Readers.CreateDefaultRegistry();
        var tokens = new List<string>(words);
        foreach (var file in Directory.EnumerateFiles(BenchPaths.Shared("corpus", "schnitzler-tei"), "*.xml").Order(StringComparer.Ordinal))
        {
            foreach (var document in registry.Read(Path.GetFileName(file), File.ReadAllBytes(file), "tei").Documents)
                tokens.AddRange(Whitespace().Split(document.BodyText).Where(t => t.Length > 0));
            if (tokens.Count >= words)
                break;
        }
        return tokens;
    }

    private static List<string> Edited(List<string> text, int words, Random random)
    {
        var edited = new List<string>(words + words / 20);
        foreach (var word in text.Take(words))
        {
            var roll = random.NextDouble();
            if (roll < 0.02)
                continue;
            edited.Add(roll < 0.06 ? word.ToUpperInvariant() + "x" : word);
            if (roll > 0.98)
                edited.Add("added" + random.Next(1000).ToString(CultureInfo.InvariantCulture));
        }
        var from = random.Next(edited.Count - 40);
        var block = edited.GetRange(from, 40);
        edited.RemoveRange(from, 40);
        edited.InsertRange(random.Next(edited.Count), block);
        return edited;
    }

    private static double PeakResidentMiB()
    {
        var line = File.ReadAllLines("/proc/self/status").Single(l => l.StartsWith("VmHWM:", StringComparison.Ordinal));
        return long.Parse(Whitespace().Split(line)[1], CultureInfo.InvariantCulture) / 1024.0;
    }

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();
}
