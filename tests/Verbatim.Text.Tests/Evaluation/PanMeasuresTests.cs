using Verbatim.Text.Evaluation;
using Verbatim.Text.Normalisation;

namespace Verbatim.Text.Tests.Evaluation;

/// <summary>
/// Every expected figure is worked by hand from PAN's definitions. The case throughout: characters
/// [100, 200) of the suspicious document taken from [1000, 1100) of the source, so |s| = 100 + 100 = 200.
/// </summary>
public class PanMeasuresTests
{
    private const double Tolerance = 1e-9;

    private static readonly PanAnnotation Case = At(100, 200, 1000, 1100);

    private static PanAnnotation At(int suspiciousStart, int suspiciousEnd, int sourceStart, int sourceEnd, string suspicious = "susp.txt", string source = "src.txt") =>
        new(suspicious, TextRange.FromBounds(suspiciousStart, suspiciousEnd), source, TextRange.FromBounds(sourceStart, sourceEnd));

    private static void AssertScore(PanScore score, double precision, double recall, double granularity, double plagdet)
    {
        Assert.Equal(precision, score.Precision, Tolerance);
        Assert.Equal(recall, score.Recall, Tolerance);
        Assert.Equal(granularity, score.Granularity, Tolerance);
        Assert.Equal(plagdet, score.Plagdet, Tolerance);
    }

    [Fact]
    public void One_detection_covering_the_case_exactly_scores_one_everywhere()
    {
        // s ⊓ r = s: recall 200/200, precision 200/200, one detection for the one case; F1 = 1, log2(2) = 1.
        AssertScore(PanMeasures.Score([Case], [At(100, 200, 1000, 1100)]), precision: 1, recall: 1, granularity: 1, plagdet: 1);
    }

    [Fact]
    public void A_detection_of_half_the_case_has_half_the_recall_and_full_precision()
    {
        // r = [100,150) / [1000,1050): s ⊓ r = 50 + 50 = 100 characters.
        // recall = 100 / 200 = 0.5; precision = 100 / |r| = 100 / 100 = 1;
        // F1 = 2 × 0.5 × 1 / 1.5 = 2/3; granularity 1, so plagdet = 2/3.
        AssertScore(PanMeasures.Score([Case], [At(100, 150, 1000, 1050)]), precision: 1, recall: 0.5, granularity: 1, plagdet: 2.0 / 3);
    }

    [Fact]
    public void Two_detections_of_one_case_have_granularity_two()
    {
        // The halves [100,150)/[1000,1050) and [150,200)/[1050,1100): together they cover all 200
        // characters (recall 1), each lies wholly inside the case (precision (1 + 1) / 2 = 1), and
        // the one detected case has two detections: granularity 2, plagdet = 1 / log2(3) = 0.6309…
        var score = PanMeasures.Score([Case], [At(100, 150, 1000, 1050), At(150, 200, 1050, 1100)]);

        AssertScore(score, precision: 1, recall: 1, granularity: 2, plagdet: 1 / Math.Log2(3));
        Assert.Equal(0.630929753571, score.Plagdet, 1e-9);
    }

    [Fact]
    public void A_false_detection_halves_the_precision()
    {
        // The exact detection has precision 1; [500,600)/[2000,2100) overlaps no case and has 0.
        // precision = (1 + 0) / 2 = 0.5; recall 1; F1 = 2 × 0.5 × 1 / 1.5 = 2/3; granularity 1.
        AssertScore(PanMeasures.Score([Case], [At(100, 200, 1000, 1100), At(500, 600, 2000, 2100)]), precision: 0.5, recall: 1, granularity: 1, plagdet: 2.0 / 3);
    }

    [Fact]
    public void No_detections_score_zero_with_granularity_one()
    {
        // PAN's script: cases but no detections give recall 0 and precision 0, granularity 1, plagdet 0.
        AssertScore(PanMeasures.Score([Case], []), precision: 0, recall: 0, granularity: 1, plagdet: 0);
    }

    [Fact]
    public void No_cases_and_no_detections_score_one()
    {
        AssertScore(PanMeasures.Score([], []), precision: 1, recall: 1, granularity: 1, plagdet: 1);
    }

    [Fact]
    public void A_detection_overlapping_on_one_side_only_or_in_another_pair_detects_nothing()
    {
        // Suspicious side overlaps, source side [3000,3100) does not: not a detection of the case.
        // The same ranges in another pair of documents: not one either. Both count 0 in precision.
        var oneSide = PanMeasures.Score([Case], [At(100, 200, 3000, 3100)]);
        var otherPair = PanMeasures.Score([Case], [At(100, 200, 1000, 1100, source: "other.txt")]);

        AssertScore(oneSide, precision: 0, recall: 0, granularity: 1, plagdet: 0);
        AssertScore(otherPair, precision: 0, recall: 0, granularity: 1, plagdet: 0);
    }

    [Fact]
    public void A_detection_wider_than_the_case_loses_precision_by_the_characters_outside()
    {
        // r = [50,200) / [1000,1150): |r| = 150 + 150 = 300; s ⊓ r = 100 + 100 = 200.
        // precision = 200 / 300 = 2/3; recall 1; F1 = 2 × (2/3) / (5/3) = 0.8.
        AssertScore(PanMeasures.Score([Case], [At(50, 200, 1000, 1150)]), precision: 2.0 / 3, recall: 1, granularity: 1, plagdet: 0.8);
    }

    [Fact]
    public void Overlapping_detections_count_each_character_of_a_case_once()
    {
        // [100,160) and [140,200) on both sides overlap by 40 characters: the union covers the whole
        // case once (recall 1, not 1.2); each detection lies inside the case (precision 1); two
        // detections of the case: granularity 2.
        AssertScore(PanMeasures.Score([Case], [At(100, 160, 1000, 1060), At(140, 200, 1040, 1100)]), precision: 1, recall: 1, granularity: 2, plagdet: 1 / Math.Log2(3));
    }
}
