using Verbatim.Evaluating;
using Verbatim.Text.Evaluation;

namespace Verbatim.Tests.Evaluating;

/// <summary>
/// The detector's quality aims (issue 5, item 5) on a corpus generated from the shared texts: plagdet
/// at least 0.95 on verbatim reuse and 0.85 under random word edits, granularity at most 1.05 in
/// both. The corpus goes through the files, as `eval-pan` reads it.
/// </summary>
public sealed class PanQualityTests : IDisposable
{
    private static readonly IReadOnlyList<string> Texts = PanCorpusFolder.BodyTexts(
        [.. Directory.GetFiles(RepositoryPaths.Shared("corpus", "seeds"), "*.txt").Order(StringComparer.Ordinal), RepositoryPaths.Shared("corpus", "schnitzler-tei")], out _);

    private static readonly PanCorpusOptions Options = new() { Seed = 5, NoReusePairs = 6, VerbatimPairs = 20, EditedPairs = 20 };

    private readonly string folder = Directory.CreateTempSubdirectory("verbatim-pan-").FullName;

    public void Dispose() => Directory.Delete(folder, recursive: true);

    [Fact]
    public void The_detector_meets_the_aims_on_verbatim_and_on_randomly_edited_reuse()
    {
        PanCorpusFolder.Write(PanCorpusGenerator.Generate(Texts, Options), folder);
        var reading = PanCorpusFolder.Read(folder);
        Assert.Empty(reading.Problems);

        var folders = PanEvaluator.Evaluate(reading.Corpus).Folders.ToDictionary(f => f.Folder, f => f.Score);

        var verbatim = folders[PanCorpusGenerator.VerbatimFolder];
        var edited = folders[PanCorpusGenerator.EditedFolder];
        Assert.True(verbatim.Cases >= 20 && edited.Cases >= 20, $"{verbatim.Cases} and {edited.Cases} cases");
        Assert.True(verbatim.Plagdet >= 0.95, $"verbatim: {verbatim}");
        Assert.True(edited.Plagdet >= 0.85, $"edited: {edited}");
        Assert.True(verbatim.Granularity <= 1.05 && edited.Granularity <= 1.05, $"{verbatim.Granularity}, {edited.Granularity}");
        Assert.Equal(0, folders[PanCorpusGenerator.NoReuseFolder].Detections);
    }

    [Fact]
    public void The_same_seed_gives_the_same_corpus_and_the_truth_points_at_the_inserted_passages()
    {
        var first = PanCorpusGenerator.Generate(Texts, Options);
        var again = PanCorpusGenerator.Generate(Texts, Options);

        Assert.Equal(first.Suspicious, again.Suspicious);
        Assert.Equal(first.Sources, again.Sources);
        Assert.Equal(first.Pairs.SelectMany(p => p.Cases), again.Pairs.SelectMany(p => p.Cases));
        var suspicious = first.Suspicious.ToDictionary(t => t.Name, t => t.Text);
        var sources = first.Sources.ToDictionary(t => t.Name, t => t.Text);
        Assert.All(first.Pairs.Where(p => p.Folder == PanCorpusGenerator.VerbatimFolder).SelectMany(p => p.Cases),
            c => Assert.Equal(c.Source.Of(sources[c.SourceDocument]), c.Suspicious.Of(suspicious[c.SuspiciousDocument])));
        Assert.All(first.Pairs.Where(p => p.Folder == PanCorpusGenerator.EditedFolder).SelectMany(p => p.Cases),
            c => Assert.NotEqual(c.Source.Of(sources[c.SourceDocument]), c.Suspicious.Of(suspicious[c.SuspiciousDocument])));
    }
}
