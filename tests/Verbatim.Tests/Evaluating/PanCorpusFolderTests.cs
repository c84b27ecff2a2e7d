using Verbatim.Evaluating;
using Verbatim.Text.Evaluation;
using Verbatim.Text.Normalisation;

namespace Verbatim.Tests.Evaluating;

public sealed class PanCorpusFolderTests : IDisposable
{
    private readonly string folder = Directory.CreateTempSubdirectory("verbatim-pan-").FullName;

    public void Dispose() => Directory.Delete(folder, recursive: true);

    private static PanCorpus Small()
    {
        const string source = "Alpha beta gamma delta epsilon zeta eta theta iota kappa lambda mu nu xi omicron pi rho sigma.";
        var suspicious = "Before it. " + source[..55] + " After it.";
        var pair = new PanPair("suspicious-document00001.txt", "source-document00001.txt", "02-no-obfuscation",
            [new PanAnnotation("suspicious-document00001.txt", new TextRange(11, 55), "source-document00001.txt", new TextRange(0, 55), "none")]);
        return new PanCorpus([new PanText(pair.Suspicious, suspicious)], [new PanText(pair.Source, source)], [pair]);
    }

    [Fact]
    public void A_corpus_written_in_PANs_layout_reads_back_the_same()
    {
        var corpus = Small();
        PanCorpusFolder.Write(corpus, folder);

        var reading = PanCorpusFolder.Read(folder);

        Assert.Empty(reading.Problems);
        Assert.True(File.Exists(Path.Combine(folder, "02-no-obfuscation", "suspicious-document00001-source-document00001.xml")));
        Assert.Equal(corpus.Pairs[0].Cases, Assert.Single(reading.Corpus.Pairs).Cases);
        Assert.Equal("02-no-obfuscation", reading.Corpus.Pairs[0].Folder);
        Assert.Equal(corpus.Suspicious[0].Text, Assert.Single(reading.Corpus.Suspicious).Text);
    }

    [Fact]
    public void Bad_pairs_are_problems_naming_file_and_line_and_the_good_pairs_are_still_read()
    {
        PanCorpusFolder.Write(Small(), folder);
        var pairsFile = Path.Combine(folder, "pairs");
        File.AppendAllLines(pairsFile, [
            "suspicious-document00001.txt source-document00009.txt",
            "suspicious-document00002.txt source-document00001.txt",
            "just-one-name.txt",
        ]);
        File.Copy(Path.Combine(folder, "susp", "suspicious-document00001.txt"), Path.Combine(folder, "susp", "suspicious-document00002.txt"));
        File.Copy(Path.Combine(folder, "src", "source-document00001.txt"), Path.Combine(folder, "src", "source-document00002.txt"));
        File.AppendAllLines(pairsFile, ["suspicious-document00002.txt source-document00002.txt"]);
        var malformed = Path.Combine(folder, "suspicious-document00002-source-document00002.xml");
        File.WriteAllText(malformed, "<document>\n<feature name=\"plagiarism\" this_offset=\"1\"\n");

        var reading = PanCorpusFolder.Read(folder);

        Assert.Single(reading.Corpus.Pairs);
        Assert.Collection(reading.Problems,
            p => Assert.Equal((pairsFile, 2, true), (p.File, p.Line, p.Message.Contains("source-document00009.txt", StringComparison.Ordinal))),
            p => Assert.Equal((pairsFile, 3, true), (p.File, p.Line, p.Message.Contains("no truth file suspicious-document00002-source-document00001.xml", StringComparison.Ordinal))),
            p => Assert.Equal((pairsFile, 4), (p.File, p.Line)),
            p => Assert.Equal((malformed, 2, true), (p.File, p.Line, p.Message.StartsWith("malformed XML", StringComparison.Ordinal))));
    }

    [Fact]
    public void A_folder_without_a_pairs_file_is_refused_by_name()
    {
        var exception = Assert.Throws<FileNotFoundException>(() => PanCorpusFolder.Read(folder));

        Assert.Contains(Path.Combine(folder, "pairs"), exception.Message, StringComparison.Ordinal);
    }
}
