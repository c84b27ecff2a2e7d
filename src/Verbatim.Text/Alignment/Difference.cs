using Verbatim.Text.Normalisation;

namespace Verbatim.Text.Alignment;

public enum DifferenceKind
{
    /// <summary>The same after normalisation, different characters in the originals (quotes, dashes, case, script).</summary>
    TypographicOnly,

    /// <summary>Words of the source replaced by other words.</summary>
    Substitution,

    /// <summary>Source words left out where the quoting text puts an ellipsis.</summary>
    MarkedOmission,

    /// <summary>An ellipsis in the quoting text where the source leaves nothing out: the words on its two sides follow each other there.</summary>
    EmptyEllipsis,

    /// <summary>Source words left out with nothing to show it.</summary>
    SilentOmission,

    /// <summary>Words the quoting text adds.</summary>
    Insertion,

    /// <summary>Words the quoting text adds in square brackets, an editor's: "[sic]", "[emphasis added]", "[i.e. Stalin]".</summary>
    EditorialInsertion,

    /// <summary>Words in square brackets standing for source words: "[he]" for "Stalin", "[the Party]" for "the Central Committee".</summary>
    EditorialReplacement,

    /// <summary>A block of source words that the quoting text gives in another place.</summary>
    Transposition,
}

/// <summary>
/// One difference between a source and a text quoting it. <see cref="Source"/> and
/// <see cref="Quoting"/> are ranges of the two ORIGINAL texts; the readings are those ranges'
/// characters. A side that has nothing (the quoting side of a silent omission, the source side of an
/// insertion) has an empty range at the place where the words are missing; the quoting side of a
/// marked omission and of an empty ellipsis is the ellipsis.
/// </summary>
public sealed record Difference(DifferenceKind Kind, TextRange Source, TextRange Quoting, string SourceReading, string QuotingReading);
