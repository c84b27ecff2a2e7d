using Verbatim.Text.Alignment;
using Verbatim.Text.Normalisation;
using Verbatim.Text.Testimonies;

namespace Verbatim.Text.Tests.Testimonies;

public sealed class TestimonyComparerTests
{
    private static readonly string Seed = File.ReadAllText(RepositoryPaths.Seed("003"));

    /// <summary>The seed page's text from the words that open a passage to the words that close it.</summary>
    private static TextRange Passage(string opening, string closing)
    {
        var start = Seed.IndexOf(opening, StringComparison.Ordinal);
        Assert.True(start >= 0, opening);
        return TextRange.FromBounds(start, Seed.IndexOf(closing, start, StringComparison.Ordinal) + closing.Length);
    }

    private static readonly TextRange Draft = Passage("‘In view of the systematic slander", "totally contrary to the truth’.");
    private static readonly TextRange StatementOne = Passage("The oppositional minority in the CC", "most intimate and friendly and remained so.");
    private static readonly TextRange StatementTwo = Passage("In my application to the Central Committee plenum", "But about this some other time.");

    private static TestimonyItem Single(TestimonyComparison comparison, TestimonyRelation relation) => Assert.Single(comparison.Items, i => i.Relation == relation);

    [Fact]
    public void Bukharins_draft_comes_out_mostly_reworded_in_statement_No_1()
    {
        var comparison = TestimonyComparer.Compare(Seed, Seed, Draft, StatementOne);
        Assert.Equal(4, comparison.SentencesA.Count);
        var reworded = comparison.Items.Where(i => i.Relation == TestimonyRelation.Reworded).ToList();
        Assert.Equal(3, reworded.SelectMany(i => i.InA).Count());
        Assert.Equal(0, comparison.Count(TestimonyRelation.Disagreeing) + comparison.Count(TestimonyRelation.Shared));
        // The draft's opening sentence is said again as the statement's first two.
        Assert.StartsWith("The oppositional minority", reworded[0].RangeB.Of(Seed), StringComparison.Ordinal);
        Assert.EndsWith("in the period of the illness of V.I.", reworded[0].RangeB.Of(Seed), StringComparison.Ordinal);
        Assert.Contains(reworded[0].Differences, d => d.SourceReading == "slander" && d.QuotingReading == "attack");
        Assert.All(reworded, i => Assert.NotEmpty(i.Differences));
    }

    [Fact]
    public void Statement_No_1_and_No_2_are_mostly_one_sided_with_some_pairs_and_one_disagreement_about_the_apology()
    {
        var comparison = TestimonyComparer.Compare(Seed, Seed, StatementOne, StatementTwo);
        var paired = comparison.Items.Count(i => i.InA.Count > 0 && i.InB.Count > 0);
        Assert.InRange(paired, 3, 10);
        Assert.True(comparison.Count(TestimonyRelation.OnlyInA) + comparison.Count(TestimonyRelation.OnlyInB) > 10 * paired, comparison.Summary());
        var apology = Assert.Single(comparison.Items, i => i.RangeA.Of(Seed) == "Stalin apologized and with this the incident was settled.");
        Assert.Equal(TestimonyRelation.Disagreeing, apology.Relation);
        Assert.Equal("And so V.I. did not come to know about the reply of Stalin in which he apologised.", apology.RangeB.Of(Seed));
        Assert.Equal(("negation", "", "not"), (apology.Disagreement!.Rule, apology.Disagreement.ReadingA, apology.Disagreement.ReadingB));
    }

    [Fact]
    public void Every_item_points_at_its_sentences_in_both_witnesses_and_a_one_sided_one_at_its_place_in_the_other()
    {
        var comparison = TestimonyComparer.Compare(Seed, Seed, StatementOne, StatementTwo);
        Assert.Equal(comparison.SentencesA.Count, comparison.Items.Sum(i => i.InA.Count));
        Assert.Equal(comparison.SentencesB.Count, comparison.Items.Sum(i => i.InB.Count));
        foreach (var item in comparison.Items)
        {
            Assert.True(StatementOne.Contains(item.RangeA) && StatementTwo.Contains(item.RangeB));
            Assert.Equal(item.InA.Count == 0, item.RangeA.IsEmpty);
            Assert.Equal(item.InB.Count == 0, item.RangeB.IsEmpty);
            if (item.InA.Count > 0)
                Assert.Equal(TextRange.FromBounds(item.InA[0].Range.Start, item.InA[^1].Range.End), item.RangeA);
            Assert.All(item.Differences, d => Assert.True(item.RangeA.Contains(d.Source) && item.RangeB.Contains(d.Quoting)));
        }
        // Rows follow A; an empty range stands right after the row before it.
        var rowsOfA = comparison.Items.Where(i => i.InA.Count > 0).Select(i => i.InA[0].Index).ToList();
        Assert.Equal(rowsOfA.Order(), rowsOfA);
        var onlyInA = comparison.Items.First(i => i.Relation == TestimonyRelation.OnlyInA);
        var before = comparison.Items.TakeWhile(i => i != onlyInA).LastOrDefault(i => !i.RangeB.IsEmpty);
        Assert.Equal(before?.RangeB.End ?? comparison.SentencesB[0].Range.Start, onlyInA.RangeB.Start);
    }

    [Fact]
    public void Near_identical_sentences_are_shared_and_the_rest_one_sided_on_each_side()
    {
        const string a = "Lenin wrote to the Congress in December. The letter was kept secret by the family. He was ill.";
        const string b = "Lenin wrote to the Congress in December! Trotsky read it aloud to the plenum. He was ill.";
        var comparison = TestimonyComparer.Compare(a, b);
        Assert.Equal([TestimonyRelation.Shared, TestimonyRelation.OnlyInA, TestimonyRelation.OnlyInB, TestimonyRelation.Shared], comparison.Items.Select(i => i.Relation));
        Assert.Equal("The letter was kept secret by the family.", Single(comparison, TestimonyRelation.OnlyInA).RangeA.Of(a));
        Assert.Equal("Trotsky read it aloud to the plenum.", Single(comparison, TestimonyRelation.OnlyInB).RangeB.Of(b));
        Assert.Empty(comparison.Items[0].Differences);
        Assert.Equal("2 shared, 0 reworded, 1 only in A, 1 only in B, 0 disagreeing", comparison.Summary());
    }

    [Fact]
    public void Reworded_sentences_pair_in_any_order_and_carry_their_word_differences()
    {
        const string a = "Stalin visited the sick Lenin more often than the others did. Lenin highly valued Stalin as a practical organiser of the Party.";
        const string b = "As a practical organiser of the Party Stalin was valued by Lenin. During the illness Stalin visited Lenin more often than others.";
        var comparison = TestimonyComparer.Compare(a, b);
        Assert.Equal(2, comparison.Count(TestimonyRelation.Reworded));
        Assert.Equal([1, 0], comparison.Items.Select(i => Assert.Single(i.InB).Index));
        var visits = comparison.Items[0];
        Assert.Equal(
            [(DifferenceKind.Insertion, "", "During the illness"), (DifferenceKind.SilentOmission, "the sick", ""), (DifferenceKind.SilentOmission, "the", ""), (DifferenceKind.SilentOmission, "did", "")],
            visits.Differences.Select(d => (d.Kind, d.SourceReading, d.QuotingReading)));
        // A side without words is an empty range after the last word they share before it ("visited").
        Assert.Equal(b.IndexOf("visited", StringComparison.Ordinal) + "visited".Length, visits.Differences[1].Quoting.Start);
        Assert.All(visits.Differences, d => Assert.Equal(d.SourceReading, d.Source.Of(a)));
    }

    [Fact]
    public void Paired_sentences_of_which_one_negates_disagree_and_so_do_opposed_judgements()
    {
        const string a = "Lenin trusted Stalin with the most intimate assignments. Their relations in those months were friendly and close.";
        const string b = "Lenin never trusted Stalin with the most intimate assignments. Their relations in those months were hostile and close.";
        var comparison = TestimonyComparer.Compare(a, b);
        Assert.Equal([TestimonyRelation.Disagreeing, TestimonyRelation.Disagreeing], comparison.Items.Select(i => i.Relation));
        Assert.Equal(("negation", "", "never"), (comparison.Items[0].Disagreement!.Rule, comparison.Items[0].Disagreement!.ReadingA, comparison.Items[0].Disagreement!.ReadingB));
        Assert.Equal(("opposed-evaluation", "friendly", "hostile"), (comparison.Items[1].Disagreement!.Rule, comparison.Items[1].Disagreement!.ReadingA, comparison.Items[1].Disagreement!.ReadingB));
        Assert.Equal("friendly", comparison.Items[1].Disagreement!.InA.Of(a));
    }

    [Fact]
    public void A_negation_that_denies_nothing_or_that_both_say_is_no_disagreement()
    {
        const string a = "The opposition attacked Stalin, not even stopping at slander about Lenin. Lenin did not ask for the members of the committee.";
        const string b = "The opposition attacked Stalin with slander about Lenin. Lenin invited not a single member of the committee.";
        var comparison = TestimonyComparer.Compare(a, b);
        Assert.All(comparison.Items, i => Assert.NotEqual(TestimonyRelation.Disagreeing, i.Relation));
        Assert.Equal(2, comparison.Items.Count);
    }
}
