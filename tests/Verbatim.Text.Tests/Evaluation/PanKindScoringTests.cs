using Verbatim.Text.Evaluation;
using Verbatim.Text.Normalisation;

namespace Verbatim.Text.Tests.Evaluation;

/// <summary>
/// Two kinds of pair, each with one case of 100 + 100 characters, and a stretch of boilerplate in
/// documents of no pair. Every expected figure is worked by hand from PAN's definitions.
/// </summary>
public class PanKindScoringTests
{
    private const double Tolerance = 1e-9;

    private static readonly PanPair Verbatim = new("s1", "r1", "verbatim", [At("s1", 100, 200, "r1", 1000, 1100)]);
    private static readonly PanPair Ellipsis = new("s2", "r2", "ellipsis", [At("s2", 0, 100, "r2", 500, 600) with { Obfuscation = PanCorpusGenerator.ObfuscationEllipsis }]);
    private static readonly PanStretch Licence = new("s3", TextRange.FromBounds(900, 1000), "boilerplate");

    private static PanAnnotation At(string suspicious, int suspiciousStart, int suspiciousEnd, string source, int sourceStart, int sourceEnd) =>
        new(suspicious, TextRange.FromBounds(suspiciousStart, suspiciousEnd), source, TextRange.FromBounds(sourceStart, sourceEnd));

    [Fact]
    public void Each_kind_is_scored_on_its_own_cases_and_the_detections_between_its_documents()
    {
        var detections = new[]
        {
            At("s1", 100, 200, "r1", 1000, 1100), // the verbatim case exactly
            At("s1", 400, 450, "r1", 2000, 2050), // a false passage of the verbatim pair
            At("s2", 0, 50, "r2", 500, 550),      // half the ellipsis case
            At("s3", 920, 980, "r2", 10, 70),     // the licence line, between documents of no pair
            At("s4", 0, 40, "r1", 0, 40),         // chance, between documents of no pair, over nothing planted
        };

        var evaluation = PanKindScoring.Score([Verbatim, Ellipsis], [Licence], detections);
        var kinds = evaluation.Kinds.ToDictionary(k => k.Kind);

        Assert.Equal(["(no pair)", "boilerplate", "ellipsis", "verbatim"], kinds.Keys.Order(StringComparer.Ordinal));
        // verbatim: recall 1; precision (1 + 0) / 2; granularity 1; plagdet F1(0.5, 1) = 2/3.
        var verbatim = kinds["verbatim"];
        Assert.Equal((1, 2, 1), (verbatim.Pairs, verbatim.Score.Detections, verbatim.FalsePassages));
        Assert.Equal(0.5, verbatim.Score.Precision, Tolerance);
        Assert.Equal(1, verbatim.Score.Recall, Tolerance);
        Assert.Equal(2.0 / 3, verbatim.Score.Plagdet, Tolerance);
        Assert.Equal(0.95, verbatim.AimedPlagdet);
        // ellipsis: recall 100 / 200; precision 1; plagdet F1(1, 0.5) = 2/3; no false passage.
        var ellipsis = kinds["ellipsis"];
        Assert.Equal((1, 1, 0), (ellipsis.Pairs, ellipsis.Score.Detections, ellipsis.FalsePassages));
        Assert.Equal(1, ellipsis.Score.Precision, Tolerance);
        Assert.Equal(0.5, ellipsis.Score.Recall, Tolerance);
        Assert.Equal(0.85, ellipsis.AimedPlagdet);
        // Not reuse: every detection is false, and there is no plagdet to aim at.
        Assert.Equal((0, 1, 1, 0.0), (kinds["boilerplate"].Pairs, kinds["boilerplate"].Score.Detections, kinds["boilerplate"].FalsePassages, kinds["boilerplate"].Score.Precision));
        Assert.Null(kinds["boilerplate"].AimedPlagdet);
        Assert.Equal(1, kinds["(no pair)"].FalsePassages);
        Assert.False(kinds["boilerplate"].MeetsAims);
        // Overall: recall (1 + 0.5) / 2; precision (1 + 0 + 1 + 0 + 0) / 5.
        Assert.Equal(0.75, evaluation.Overall.Recall, Tolerance);
        Assert.Equal(0.4, evaluation.Overall.Precision, Tolerance);
    }

    [Fact]
    public void A_detection_in_the_reverse_order_of_its_pair_detects_nothing_of_it()
    {
        // PAN's order: the suspicious side first. Reversed, the passage joins documents of no pair.
        var evaluation = PanKindScoring.Score([Verbatim], [], [At("r1", 1000, 1100, "s1", 100, 200)]);

        var kinds = evaluation.Kinds.ToDictionary(k => k.Kind);
        Assert.Equal(0, kinds["verbatim"].Score.Detections);
        Assert.Equal(0, kinds["verbatim"].Score.Recall);
        Assert.Equal(1, kinds["(no pair)"].FalsePassages);
    }

    [Fact]
    public void A_kind_without_detections_has_full_precision_and_meets_the_aims_only_if_it_finds_its_cases()
    {
        var evaluation = PanKindScoring.Score([Verbatim, new PanPair("s5", "r5", "no reuse", [])], [], [At("s1", 100, 200, "r1", 1000, 1100)]);

        var kinds = evaluation.Kinds.ToDictionary(k => k.Kind);
        Assert.True(kinds["verbatim"].MeetsAims);
        Assert.Equal((1.0, 0), (kinds["no reuse"].Score.Precision, kinds["no reuse"].FalsePassages));
        Assert.True(kinds["no reuse"].MeetsAims);
    }
}
