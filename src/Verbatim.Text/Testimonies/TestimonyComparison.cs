using Verbatim.Text.Alignment;
using Verbatim.Text.Normalisation;

namespace Verbatim.Text.Testimonies;

public enum TestimonyRelation
{
    /// <summary>Paired sentences that say the same words (at most one word in ten differs).</summary>
    Shared,

    /// <summary>Paired sentences that say much the same in other words.</summary>
    Reworded,

    /// <summary>Paired sentences of which one negates, or judges the other way, what the other says.</summary>
    Disagreeing,

    /// <summary>A sentence of A that no sentence of B pairs with.</summary>
    OnlyInA,

    /// <summary>A sentence of B that no sentence of A pairs with.</summary>
    OnlyInB,
}

/// <summary>
/// Why paired sentences disagree: the rule (<c>negation</c> or <c>opposed-evaluation</c>) and
/// the word of each side that carries it; a side whose sentence has no such word has an empty
/// range at its sentence's start.
/// </summary>
public sealed record Disagreement(string Rule, TextRange InA, TextRange InB, string ReadingA, string ReadingB);

/// <summary>
/// One row of the comparison: the sentences of A and of B it holds (consecutive on each side,
/// none on one side of a one-sided item), the characters they span in each witness (for a
/// one-sided item, an empty range in the other witness after the sentences the row follows),
/// how alike their content words are (0 to 1), and for a pair its word differences, A as
/// <see cref="Difference.Source"/> and B as <see cref="Difference.Quoting"/>: a substitution
/// where each reads otherwise, a silent omission for words only A has, an insertion for words
/// only B has.
/// </summary>
public sealed record TestimonyItem(
    TestimonyRelation Relation,
    IReadOnlyList<Sentence> InA,
    IReadOnlyList<Sentence> InB,
    TextRange RangeA,
    TextRange RangeB,
    double Similarity,
    IReadOnlyList<Difference> Differences,
    Disagreement? Disagreement);

/// <summary>Two testimonies compared sentence by sentence: their texts, their sentences, and the items in the order of A (B's one-sided sentences after the row that precedes them in B).</summary>
public sealed record TestimonyComparison(
    string TextA,
    string TextB,
    IReadOnlyList<Sentence> SentencesA,
    IReadOnlyList<Sentence> SentencesB,
    IReadOnlyList<TestimonyItem> Items)
{
    public int Count(TestimonyRelation relation) => Items.Count(i => i.Relation == relation);

    /// <summary>"3 shared, 5 reworded, 2 only in A, 4 only in B, 1 disagreeing".</summary>
    public string Summary() =>
        $"{Count(TestimonyRelation.Shared)} shared, {Count(TestimonyRelation.Reworded)} reworded, {Count(TestimonyRelation.OnlyInA)} only in A, {Count(TestimonyRelation.OnlyInB)} only in B, {Count(TestimonyRelation.Disagreeing)} disagreeing";
}
