using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace Verbatim.Bench.LargeText;

/// <summary>
/// One very long text at ingest (issue 14, item 3): a single line of words drawn (seeded) from the
/// Schnitzler letters' running text, of several sizes, ingested by `verbatim ingest` as a process
/// of its own into a new archive, against Xapian indexing the same file as one document with word
/// positions (bench/xapian/large_text.py). Both run under GNU time, which gives their wall-clock
/// time and peak resident memory; what matters is how memory grows with the text, and that it
/// stays within a small multiple of the text's size.
/// </summary>
/// <remarks>Run from the repository root: <c>dotnet run -c Release --project bench/Verbatim.Bench -- large-text [--megabytes 4,16,48]</c>.</remarks>
public static partial class LargeTextBenchmark
{
    public static int Run(string[] args)
    {
        var root = BenchPaths.RepositoryRoot();
        BenchMachine.RunSetup(root);
        var sizes = (args.SkipWhile(a => a != "--megabytes").Skip(1).FirstOrDefault() ?? "4,16,48")
            .Split(',').Select(s => int.Parse(s, CultureInfo.InvariantCulture)).ToList();
        var work = Directory.CreateTempSubdirectory("verbatim-large-text-").FullName;
        try
        {
            // Built before anything is timed: the first run of the script compiles the command.
            Measure(work, "bash", [Path.Combine(root, "verbatim"), "--help"]);
            var words = Vocabulary();
            Console.WriteLine($"machine: {Environment.ProcessorCount} cores, {BenchMachine.CpuModel()}; load average {File.ReadAllText("/proc/loadavg").Trim()}");
            Console.WriteLine($"words drawn from {words.Count:N0} of the letters' running text (seed 5)");
            Console.WriteLine("| text, MB | verbatim ingest, s | peak RSS, MiB | RSS / text | Xapian, s | peak RSS, MiB | time ratio | memory ratio |");
            Console.WriteLine("| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |");
            foreach (var megabytes in sizes)
            {
                var text = Path.Combine(work, $"text-{megabytes}mb.txt");
                WriteText(text, words, megabytes * 1_000_000L);
                var archive = Path.Combine(work, $"archive-{megabytes}");
                Measure(work, "bash", [Path.Combine(root, "verbatim"), "init", "--archive", archive]);
                var (verbatimSeconds, verbatimKb) = Measure(work, "bash",
                    [Path.Combine(root, "verbatim"), "ingest", text, "--archive", archive, "--max-file-size", (megabytes + 1).ToString(CultureInfo.InvariantCulture)]);
                var (xapianSeconds, xapianKb) = Measure(work, "/usr/bin/python3",
                    [Path.Combine(root, "bench", "xapian", "large_text.py"), text, Path.Combine(work, $"xapian-{megabytes}")]);
                var bytes = new FileInfo(text).Length;
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"| {bytes / 1e6:0.0} | {verbatimSeconds:0.0} | {verbatimKb / 1024.0:0} | {verbatimKb * 1024.0 / bytes:0.0} | {xapianSeconds:0.0} | {xapianKb / 1024.0:0} | {verbatimSeconds / xapianSeconds:0.00} | {(double)verbatimKb / xapianKb:0.00} |"));
                Directory.Delete(archive, recursive: true);
                Directory.Delete(Path.Combine(work, $"xapian-{megabytes}"), recursive: true);
            }
            return 0;
        }
        finally
        {
            Directory.Delete(work, recursive: true);
        }
    }

    /// <summary>Wall-clock seconds and peak resident KiB of one process, its output kept in the work folder.</summary>
    private static (double Seconds, long Kilobytes) Measure(string work, string command, string[] arguments)
    {
        var seconds = BenchMachine.Timed(work, command, arguments, stdin: null, stdout: Path.Combine(work, "output.txt"), out var peak);
        return (seconds, peak);
    }

    /// <summary>The words of the letters' running text, each as often as it occurs there.</summary>
    private static List<string> Vocabulary()
    {
        var registry = global::Verbatim.Formats.Readers.CreateDefaultRegistry();
        var words = new List<string>();
        foreach (var file in Directory.EnumerateFiles(BenchPaths.Shared("corpus", "schnitzler-tei-full"), "*.xml").Order(StringComparer.Ordinal))
        {
            foreach (var document in registry.Read(Path.GetFileName(file), File.ReadAllBytes(file), "tei").Documents)
                words.AddRange(Whitespace().Split(document.BodyText).Where(t => t.Length > 0));
        }
        return words;
    }

    private static void WriteText(string path, List<string> words, long bytes)
    {
        var random = new Random(5);
        using var writer = new StreamWriter(path, false, new UTF8Encoding(false));
        var written = 0L;
        while (written < bytes)
        {
            var word = words[random.Next(words.Count)];
            writer.Write(word);
            writer.Write(' ');
            written += Encoding.UTF8.GetByteCount(word) + 1;
        }
    }

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();
}
