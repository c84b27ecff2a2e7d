using Verbatim.Text.Reuse;

namespace Verbatim.Text.Evaluation;

/// <summary>The measures of one folder of a corpus (one obfuscation), over its pairs only.</summary>
public sealed record PanFolderScore(string Folder, int Pairs, PanScore Score);

/// <summary>What a detector found in a PAN corpus, and how well: over every pair, and folder by folder.</summary>
public sealed record PanEvaluation(PanScore Overall, IReadOnlyList<PanFolderScore> Folders, IReadOnlyList<PanAnnotation> Detections);

/// <summary>
/// Runs the reuse detector on every pair of a PAN corpus, as PAN's text-alignment task poses it:
/// one suspicious and one source document at a time, the source given first, and only passages
/// from the source into the suspicious document count (reuse within one of them is not the task's,
/// unless the pair names one document twice).
/// Pairs are aligned in parallel; detections come out in the order of the pairs, each pair's in
/// the detector's order, so the result does not depend on the schedule.
/// </summary>
public static class PanEvaluator
{
    public static PanEvaluation Evaluate(PanCorpus corpus, ReuseDetector? detector = null)
    {
        ArgumentNullException.ThrowIfNull(corpus);
        detector ??= new ReuseDetector();
        var suspicious = corpus.Suspicious.ToDictionary(t => t.Name, t => t.Text, StringComparer.Ordinal);
        var sources = corpus.Sources.ToDictionary(t => t.Name, t => t.Text, StringComparer.Ordinal);
        var found = new IReadOnlyList<PanAnnotation>[corpus.Pairs.Count];
        Parallel.For(0, corpus.Pairs.Count, k =>
        {
            var pair = corpus.Pairs[k];
            found[k] = Detect(detector, pair.Suspicious, suspicious[pair.Suspicious], pair.Source, sources.GetValueOrDefault(pair.Source) ?? suspicious[pair.Source]);
        });
        var detections = found.SelectMany(d => d).ToList();
        var folders = corpus.Pairs
            .Select((pair, k) => (pair, k))
            .GroupBy(p => p.pair.Folder, StringComparer.Ordinal)
            .OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => new PanFolderScore(g.Key, g.Count(), PanMeasures.Score(
                [.. g.SelectMany(p => p.pair.Cases)], [.. g.SelectMany(p => found[p.k])])))
            .ToList();
        return new PanEvaluation(PanMeasures.Score([.. corpus.Pairs.SelectMany(p => p.Cases)], detections), folders, detections);
    }

    /// <summary>
    /// Runs the detector once over every document of the corpus together, as over an archive (where
    /// text that many documents share can be told from reuse), and scores the passages kind by kind
    /// (<see cref="PanKindScoring"/>). Each passage is a detection as <see cref="AsDetection"/> turns it.
    /// </summary>
    public static PanKindEvaluation EvaluateTogether(PanCorpus corpus, ReuseDetector? detector = null, bool withBoilerplate = false)
    {
        ArgumentNullException.ThrowIfNull(corpus);
        detector ??= new ReuseDetector();
        var documents = corpus.Sources.Concat(corpus.Suspicious).DistinctBy(t => t.Name, StringComparer.Ordinal)
            .Select(t => new ReuseDocument(t.Name, t.Text));
        var listed = corpus.Pairs.Select(p => (p.Suspicious, p.Source)).ToHashSet();
        // What `reuse` reports: a passage many documents share is boilerplate, left out unless asked for.
        var detections = detector.Detect(documents).Where(p => withBoilerplate || !p.IsBoilerplate).Select(p => AsDetection(p, listed)).ToList();
        return PanKindScoring.Score(corpus.Pairs, corpus.NotReuse, detections);
    }

    /// <summary>
    /// A passage as a PAN detection: between the two documents of a listed pair (suspicious,
    /// source), in the pair's order; within one document, the later place as the suspicious side;
    /// between documents of no pair, the detector's target as the suspicious side.
    /// </summary>
    public static PanAnnotation AsDetection(ReusePassage passage, IReadOnlySet<(string Suspicious, string Source)> listed)
    {
        ArgumentNullException.ThrowIfNull(passage);
        ArgumentNullException.ThrowIfNull(listed);
        var reversed = passage.SourceId == passage.TargetId
            ? passage.Source.Start > passage.Target.Start
            : !listed.Contains((passage.TargetId, passage.SourceId)) && listed.Contains((passage.SourceId, passage.TargetId));
        return reversed
            ? new PanAnnotation(passage.SourceId, passage.Source, passage.TargetId, passage.Target)
            : new PanAnnotation(passage.TargetId, passage.Target, passage.SourceId, passage.Source);
    }

    /// <summary>
    /// The passages of one pair as PAN detections: suspicious side from the target, source side
    /// from the source; for a pair of one document with itself (reuse within it), its passages
    /// within itself, the later place as the suspicious side.
    /// </summary>
    public static IReadOnlyList<PanAnnotation> Detect(ReuseDetector detector, string suspiciousName, string suspiciousText, string sourceName, string sourceText)
    {
        ArgumentNullException.ThrowIfNull(detector);
        if (suspiciousName == sourceName)
        {
            return [.. detector.Detect([new ReuseDocument(suspiciousName, suspiciousText)])
                .Where(p => p.SourceId == suspiciousName && p.TargetId == suspiciousName)
                .Select(p => AsDetection(p, new HashSet<(string, string)>()))];
        }
        return [.. detector.Detect([new ReuseDocument(sourceName, sourceText), new ReuseDocument(suspiciousName, suspiciousText)])
            .Where(p => p.SourceId == sourceName && p.TargetId == suspiciousName)
            .Select(p => new PanAnnotation(suspiciousName, p.Target, sourceName, p.Source))];
    }
}
