namespace Verbatim.Text.Evaluation;

/// <summary>
/// The measures of one kind of pair (one folder of the corpus) over its cases and the detections
/// attributed to it, with <see cref="FalsePassages"/>: those of its detections that detect none of
/// its cases. <see cref="AimedPlagdet"/> is null for a kind without reuse.
/// </summary>
public sealed record PanKindScore(string Kind, int Pairs, PanScore Score, int FalsePassages, double? AimedPlagdet)
{
    /// <summary>Every kind: precision at least this (issue 15).</summary>
    public const double AimedPrecision = 0.90;

    /// <summary>Every kind with reuse: a case found in at most this many detections on average.</summary>
    public const double AimedGranularity = 1.05;

    public bool MeetsAims => Score.Precision >= AimedPrecision
        && (AimedPlagdet is not { } plagdet || (Score.Plagdet >= plagdet && Score.Granularity <= AimedGranularity));
}

/// <summary>What a detector found in a whole corpus, over every pair and kind by kind.</summary>
public sealed record PanKindEvaluation(PanScore Overall, IReadOnlyList<PanKindScore> Kinds, IReadOnlyList<PanAnnotation> Detections);

/// <summary>
/// PAN's measures kind by kind, where a detector has run over a whole corpus at once (as over an
/// archive) and so may report passages between any two documents, not only those of a listed pair.
/// A detection is attributed to the kind of the pair whose two documents it joins (in the pair's
/// order: the suspicious side first); a detection joining documents of no pair (in that order) is
/// attributed to the kinds of the not-reuse stretches it overlaps on either side, and failing that
/// to <see cref="NoPair"/>. Each kind is scored by <see cref="PanMeasures"/> over its own cases and
/// the detections attributed to it; the overall score is over every case and every detection.
/// </summary>
public static class PanKindScoring
{
    /// <summary>The kind of detections between documents of no pair, over no planted not-reuse text.</summary>
    public const string NoPair = "(no pair)";

    public static PanKindEvaluation Score(IReadOnlyList<PanPair> pairs, IReadOnlyList<PanStretch> notReuse, IReadOnlyList<PanAnnotation> detections)
    {
        ArgumentNullException.ThrowIfNull(pairs);
        ArgumentNullException.ThrowIfNull(notReuse);
        ArgumentNullException.ThrowIfNull(detections);
        var kindOfPair = new Dictionary<(string, string), string>();
        foreach (var pair in pairs)
            kindOfPair.TryAdd((pair.Suspicious, pair.Source), pair.Folder);
        var stretchesOf = notReuse.ToLookup(s => s.Document, StringComparer.Ordinal);

        var attributed = new Dictionary<string, List<PanAnnotation>>(StringComparer.Ordinal);
        foreach (var detection in detections)
        {
            foreach (var kind in KindsOf(detection, kindOfPair, stretchesOf))
            {
                if (!attributed.TryGetValue(kind, out var list))
                    attributed[kind] = list = [];
                list.Add(detection);
            }
        }

        var kinds = pairs.Select(p => p.Folder).Concat(notReuse.Select(s => s.Kind)).Concat(attributed.Keys)
            .Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        var scores = new List<PanKindScore>();
        foreach (var kind in kinds)
        {
            var ofKind = pairs.Where(p => p.Folder == kind).ToList();
            var cases = ofKind.SelectMany(p => p.Cases).ToList();
            var found = attributed.GetValueOrDefault(kind) ?? [];
            var falsePassages = found.Count(d => !cases.Any(d.Detects));
            scores.Add(new PanKindScore(kind, ofKind.Count, PanMeasures.Score(cases, found), falsePassages, cases.Count == 0 ? null : AimedPlagdet(cases)));
        }
        return new PanKindEvaluation(PanMeasures.Score([.. pairs.SelectMany(p => p.Cases)], detections), scores, detections);
    }

    /// <summary>Issue 5's aims: 0.95 where every case is copied word for word, 0.85 where any is changed.</summary>
    private static double AimedPlagdet(List<PanAnnotation> cases) =>
        cases.All(c => c.Obfuscation is null or PanCorpusGenerator.ObfuscationNone or PanCorpusGenerator.ObfuscationWithinDocument) ? 0.95 : 0.85;

    private static IEnumerable<string> KindsOf(PanAnnotation detection, Dictionary<(string, string), string> kindOfPair, ILookup<string, PanStretch> stretchesOf)
    {
        if (kindOfPair.TryGetValue((detection.SuspiciousDocument, detection.SourceDocument), out var kind))
            return [kind];
        var overlapped = stretchesOf[detection.SuspiciousDocument].Where(s => s.Range.Overlaps(detection.Suspicious))
            .Concat(stretchesOf[detection.SourceDocument].Where(s => s.Range.Overlaps(detection.Source)))
            .Select(s => s.Kind).Distinct(StringComparer.Ordinal).ToList();
        return overlapped.Count > 0 ? overlapped : [NoPair];
    }
}
