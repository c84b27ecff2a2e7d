namespace Verbatim.Text.Alignment;

/// <summary>
/// Scores of the local alignment of words. A gap of k words costs
/// <see cref="GapOpen"/> + (k - 1) × <see cref="GapExtend"/> (affine), so one long omission is
/// cheaper than many short ones, as in real quoting. A gap that stands opposite an ellipsis in the
/// other text costs <see cref="GapOpen"/> alone, however long: the quoting text says that words
/// are left out there, and a long marked omission must not split one quotation into two.
/// A substitution costs less than a gap on each side, so a changed word aligns as a change.
/// </summary>
public sealed record AlignmentScoring(int Match, int Mismatch, int GapOpen, int GapExtend)
{
    public static AlignmentScoring Default { get; } = new(Match: 4, Mismatch: -3, GapOpen: -6, GapExtend: -1);
}
