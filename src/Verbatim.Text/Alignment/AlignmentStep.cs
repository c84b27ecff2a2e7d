namespace Verbatim.Text.Alignment;

public enum AlignmentOperation
{
    /// <summary>The two words are equal in normal form (their originals may still differ).</summary>
    Match,

    /// <summary>Two different words stand opposite each other.</summary>
    Mismatch,

    /// <summary>A source word with nothing opposite in the quoting text.</summary>
    SourceOnly,

    /// <summary>A quoting word with nothing opposite in the source.</summary>
    QuotingOnly,
}

/// <summary>
/// One column of an alignment. Word indices are into the token lists of the two whole texts;
/// the side a <see cref="AlignmentOperation.SourceOnly"/> or
/// <see cref="AlignmentOperation.QuotingOnly"/> step lacks is null.
/// </summary>
public readonly record struct AlignmentStep(AlignmentOperation Operation, int? SourceWord, int? QuotingWord);
