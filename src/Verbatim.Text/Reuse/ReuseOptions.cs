namespace Verbatim.Text.Reuse;

/// <summary>
/// How reuse is found. <see cref="MinimumMatchedWords"/>: a passage counts when at least this many
/// words align as equal (the "roughly eight words"). <see cref="MaximumHitDistance"/>: two
/// shared word runs belong to one candidate passage when they lie at most this many words apart on
/// both sides. <see cref="Margin"/>: words added around a candidate before alignment, so that
/// changed words at its edges, which no fingerprint covers, can still align, and the chain of
/// alignments can reach a reordered clause.
/// <see cref="MaximumWindowWords"/>: a candidate stops growing at this length, which bounds the
/// alignment's memory; longer reuse comes out as consecutive passages.
/// <see cref="MaximumOccurrences"/>: a fingerprint held more often than this is a formula, not
/// a quotation, and is not paired.
/// <see cref="EdgeWords"/>: a passage begins and ends with a run of at least this many consecutive
/// equal words; equal words beyond a difference that are fewer ("in the", "of the") are chance,
/// not the passage going on, unless they are words no commoner than the texts' average.
/// <see cref="MinimumInformationWords"/>: the equal words of a passage must tell as much as this
/// many words of the texts' mean information (<see cref="WordInformation"/>): eight words of the
/// commonest kind ("and it was in the house of the") are shared by chance; eight rare ones are not.
/// </summary>
public sealed record ReuseOptions(
    int MinimumMatchedWords = 8,
    int MaximumHitDistance = 30,
    int Margin = 25,
    int MaximumWindowWords = 1500,
    int MaximumOccurrences = 64,
    int EdgeWords = 3,
    double MinimumInformationWords = 6)
{
    public static ReuseOptions Default { get; } = new();
}
