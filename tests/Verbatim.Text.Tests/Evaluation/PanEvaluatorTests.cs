using Verbatim.Text.Evaluation;
using Verbatim.Text.Normalisation;

namespace Verbatim.Text.Tests.Evaluation;

/// <summary>The detector over a corpus, pair by pair and all at once: passages turned into detections in each pair's order.</summary>
public class PanEvaluatorTests
{
    private static string Words(int from, int count) => string.Join(' ', Enumerable.Range(from, count).Select(i => "wort" + i.ToString("x4", System.Globalization.CultureInfo.InvariantCulture)));

    [Fact]
    public void A_pair_of_two_documents_and_a_pair_within_one_are_each_found_in_their_own_order()
    {
        var evaluation = PanEvaluator.EvaluateTogether(Corpus());

        var kinds = evaluation.Kinds.ToDictionary(k => k.Kind);
        Assert.Equal(["verbatim", "within"], kinds.Keys.Order(StringComparer.Ordinal));
        Assert.All(kinds.Values, k => Assert.Equal((1.0, 1.0, 1.0, 0), (Math.Round(k.Score.Recall, 2), Math.Round(k.Score.Precision, 2), k.Score.Granularity, k.FalsePassages)));
    }

    [Fact]
    public void Pair_by_pair_a_document_s_own_repeat_is_found_within_it()
    {
        var evaluation = PanEvaluator.Evaluate(Corpus());

        Assert.All(evaluation.Folders, f => Assert.Equal((1.0, 1.0, 1), (Math.Round(f.Score.Recall, 2), Math.Round(f.Score.Precision, 2), f.Score.Detections)));
    }

    [Fact]
    public void A_letterhead_many_documents_carry_is_scored_as_reuse_reports_it_left_out_unless_asked_for()
    {
        var letterhead = Words(9000, 12);
        var texts = Enumerable.Range(0, 5).Select(k => new PanText($"d{k}", letterhead + ". " + Words(1000 * (k + 1), 80))).ToList();
        var corpus = new PanCorpus(texts.Take(3).ToList(), texts.Skip(3).ToList(), [])
        {
            NotReuse = [.. texts.Select(t => new PanStretch(t.Name, new TextRange(0, letterhead.Length), "boilerplate"))],
        };

        var reported = PanEvaluator.EvaluateTogether(corpus).Kinds.Single(k => k.Kind == "boilerplate");
        var all = PanEvaluator.EvaluateTogether(corpus, withBoilerplate: true).Kinds.Single(k => k.Kind == "boilerplate");

        Assert.Equal(0, reported.FalsePassages);
        Assert.Equal(10, all.FalsePassages);
    }

    private static PanCorpus Corpus()
    {
        var (source, quoted, repeated) = (Words(0, 100), Words(40, 30), Words(3010, 30));
        var suspicious = Words(1000, 50) + ". " + quoted + ". " + Words(2000, 50);
        var within = Words(3000, 60) + ". " + Words(4000, 50) + ". " + repeated;
        TextRange In(string text, string part, bool last = false) =>
            new(last ? text.LastIndexOf(part, StringComparison.Ordinal) : text.IndexOf(part, StringComparison.Ordinal), part.Length);
        return new PanCorpus(
            [new PanText("s", suspicious), new PanText("w", within)],
            [new PanText("r", source)],
            [
                new PanPair("s", "r", "verbatim", [new PanAnnotation("s", In(suspicious, quoted), "r", In(source, quoted))]),
                new PanPair("w", "w", "within", [new PanAnnotation("w", In(within, repeated, last: true), "w", In(within, repeated))]),
            ]);
    }
}
