using System.Text;
using System.Xml;
using BenchmarkDotNet.Attributes;
using Verbatim.Formats;
using Verbatim.Formats.Common;

namespace Verbatim.Bench.Readers;

/// <summary>
/// Each reader over its shared corpus, held in memory. The baseline is the least any reader of
/// that corpus must do: decode the text and split its lines, or for XML walk every node with
/// XmlReader, so the ratio says what reading the fields costs on top.
/// </summary>
[MemoryDiagnoser]
public class ReaderBenchmark : IHasCorpusBytes
{
    [Params("mia-text", "tei", "compilation", "mia-html", "text")]
    public string Format { get; set; } = "mia-text";

    private List<(string Name, byte[] Bytes)> _files = [];
    private FormatRegistry _registry = Verbatim.Formats.Readers.CreateDefaultRegistry();

    public long CorpusBytes => Corpus(Format).Sum(f => (long)f.Bytes.Length);

    [GlobalSetup]
    public void Setup()
    {
        _registry = Verbatim.Formats.Readers.CreateDefaultRegistry();
        _files = Corpus(Format);
        if (_registry.Find(Format) is null)
            throw new InvalidOperationException($"no reader '{Format}' in this build");
    }

    [Benchmark(Baseline = true)]
    public long RawPass()
    {
        long count = 0;
        foreach (var (_, bytes) in _files)
        {
            if (Format == "tei")
            {
                using var reader = XmlReader.Create(new MemoryStream(bytes), new XmlReaderSettings { DtdProcessing = DtdProcessing.Ignore });
                while (reader.Read()) count++;
            }
            else
            {
                count += Encoding.UTF8.GetString(bytes).Split('\n').Length;
            }
        }
        return count;
    }

    [Benchmark]
    public int Read()
    {
        var documents = 0;
        foreach (var (name, bytes) in _files)
            documents += _registry.Read(name, bytes, Format).Documents.Count;
        return documents;
    }

    private static readonly Dictionary<string, List<(string, byte[])>> Corpora = [];

    /// <summary>The corpus of each format, from ../shared beside the repository (or the test fixtures).</summary>
    public static List<(string Name, byte[] Bytes)> Corpus(string format)
    {
        lock (Corpora)
        {
            if (Corpora.TryGetValue(format, out var cached))
                return cached;
            var root = BenchPaths.RepositoryRoot();
            var seeds = Path.Combine(root, "..", "shared", "corpus", "seeds");
            IEnumerable<string> paths = format switch
            {
                "mia-text" or "text" => new[] { "000", "001", "002", "004" }.Select(p => Directory.GetFiles(seeds, p + "_*.txt").Single()),
                "compilation" => Directory.GetFiles(seeds, "003_*.txt"),
                "tei" => Directory.GetFiles(Path.Combine(root, "..", "shared", "corpus", "schnitzler-tei"), "*.xml").Order(StringComparer.Ordinal),
                "mia-html" => Directory.GetFiles(Path.Combine(root, "tests", "Verbatim.Formats.Tests", "MiaHtml", "Fixtures"), "*.html").Order(StringComparer.Ordinal),
                _ => throw new ArgumentException(format),
            };
            var files = paths.Select(p => (Path.GetFileName(p), File.ReadAllBytes(p))).ToList();
            Corpora[format] = files;
            return files;
        }
    }
}
