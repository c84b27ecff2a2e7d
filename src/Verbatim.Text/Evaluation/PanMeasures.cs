using Verbatim.Text.Normalisation;

namespace Verbatim.Text.Evaluation;

/// <summary>
/// The character-level measures of the PAN text-alignment task (Potthast, Stein, Barrón-Cedeño and
/// Rosso, "An Evaluation Framework for Plagiarism Detection", COLING 2010), as PAN's own
/// <c>perfmeasures.py</c> computes them. A case s and a detection r are each a pair of character
/// sets (suspicious side, source side); r detects s when both are about the same two documents and
/// they overlap on both sides, and then s ⊓ r is the characters they share on either side.
/// <list type="bullet">
/// <item>recall = mean over cases s of |∪ over r of (s ⊓ r)| / |s|;</item>
/// <item>precision = mean over detections r of |∪ over s of (s ⊓ r)| / |r| (recall with the roles swapped);</item>
/// <item>granularity = mean over detected cases of the number of detections that detect it;</item>
/// <item>plagdet = F1(precision, recall) / log2(1 + granularity).</item>
/// </list>
/// Edge cases as PAN's script: no cases and no detections give recall and precision 1; either one
/// empty gives 0; without detections, or without a detected case, granularity is 1.
/// </summary>
public static class PanMeasures
{
    public static PanScore Score(IReadOnlyCollection<PanAnnotation> cases, IReadOnlyCollection<PanAnnotation> detections)
    {
        ArgumentNullException.ThrowIfNull(cases);
        ArgumentNullException.ThrowIfNull(detections);
        var detectionsByPair = ByPair(detections);
        var casesByPair = ByPair(cases);
        var recall = MacroRecall(cases, detectionsByPair);
        var precision = MacroRecall(detections, casesByPair);

        var detectedCases = 0;
        var detectionsOfDetectedCases = 0;
        foreach (var @case in cases)
        {
            var detecting = Partners(@case, detectionsByPair).Count(r => r.Detects(@case));
            if (detecting == 0)
                continue;
            detectedCases++;
            detectionsOfDetectedCases += detecting;
        }
        var granularity = detectedCases == 0 ? 1.0 : (double)detectionsOfDetectedCases / detectedCases;
        return new PanScore(precision, recall, granularity, Plagdet(precision, recall, granularity), cases.Count, detections.Count, detectedCases);
    }

    public static double Plagdet(double precision, double recall, double granularity) =>
        precision + recall == 0 || granularity < 1 ? 0 : 2 * precision * recall / (precision + recall) / Math.Log2(1 + granularity);

    /// <summary>PAN's macro recall of <paramref name="of"/> by <paramref name="by"/>; precision is the same with the roles swapped.</summary>
    private static double MacroRecall(IReadOnlyCollection<PanAnnotation> of, Dictionary<(string, string), List<PanAnnotation>> byByPair)
    {
        if (of.Count == 0 && byByPair.Count == 0)
            return 1;
        if (of.Count == 0 || byByPair.Count == 0)
            return 0;
        var sum = 0.0;
        foreach (var annotation in of)
        {
            var overlapping = Partners(annotation, byByPair).Where(other => other.Detects(annotation)).ToList();
            if (overlapping.Count == 0 || annotation.Characters == 0)
                continue;
            var shared = UnionLength(annotation.Suspicious, overlapping.Select(o => o.Suspicious))
                + UnionLength(annotation.Source, overlapping.Select(o => o.Source));
            sum += (double)shared / annotation.Characters;
        }
        return sum / of.Count;
    }

    private static List<PanAnnotation> Partners(PanAnnotation annotation, Dictionary<(string, string), List<PanAnnotation>> byPair) =>
        byPair.TryGetValue((annotation.SuspiciousDocument, annotation.SourceDocument), out var found) ? found : [];

    private static Dictionary<(string, string), List<PanAnnotation>> ByPair(IEnumerable<PanAnnotation> annotations)
    {
        var byPair = new Dictionary<(string, string), List<PanAnnotation>>();
        foreach (var annotation in annotations)
        {
            var key = (annotation.SuspiciousDocument, annotation.SourceDocument);
            if (!byPair.TryGetValue(key, out var list))
                byPair[key] = list = [];
            list.Add(annotation);
        }
        return byPair;
    }

    /// <summary>How many characters of <paramref name="within"/> the ranges cover, each counted once.</summary>
    private static int UnionLength(TextRange within, IEnumerable<TextRange> ranges)
    {
        var clipped = ranges
            .Select(r => TextRange.FromBounds(Math.Max(r.Start, within.Start), Math.Min(r.End, within.End)))
            .Where(r => r.Length > 0)
            .OrderBy(r => r.Start)
            .ToList();
        var (covered, reached) = (0, int.MinValue);
        foreach (var range in clipped)
        {
            var start = Math.Max(range.Start, reached);
            if (range.End > start)
                covered += range.End - start;
            reached = Math.Max(reached, range.End);
        }
        return covered;
    }
}
