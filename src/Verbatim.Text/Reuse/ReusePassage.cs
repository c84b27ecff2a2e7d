using Verbatim.Text.Alignment;
using Verbatim.Text.Normalisation;

namespace Verbatim.Text.Reuse;

public enum ReuseDirection
{
    /// <summary>The source existed before the text that reuses it can have been written (<see cref="ReuseDocument.IsBefore"/>).</summary>
    ByDate,

    /// <summary>Both places are in one document; the source is the earlier place in it.</summary>
    WithinDocument,

    /// <summary>Dates are missing, or do not put one text before the other; the source is the document given first, or at ingest the one whose id sorts first.</summary>
    Undetermined,
}

/// <summary>
/// A passage that a target document shares with a source document, aligned word by word.
/// The ranges point into the two documents' original texts.
/// </summary>
public sealed record ReusePassage(
    string SourceId,
    string TargetId,
    ReuseDirection Direction,
    TextRange Source,
    TextRange Target,
    LocalAlignment Alignment)
{
    private IReadOnlyList<Difference>? differences;

    public int MatchedWords => Alignment.MatchedWords;

    /// <summary>Whether the passage is shared because many documents of the collection hold it (<see cref="Reuse.Boilerplate"/>).</summary>
    public bool IsBoilerplate { get; init; }

    /// <summary>Classified when first asked for: finding the passages of a whole archive needs their ranges only.</summary>
    public IReadOnlyList<Difference> Differences => differences ??= DifferenceClassifier.Classify(Alignment);
}

/// <summary>
/// A passage of an archive document that a quotation gives. The alignment's source is a window of
/// the document's text that starts at character <see cref="SourceOffset"/>; add it to the
/// alignment's source ranges to point into the whole text.
/// </summary>
public sealed record QuotationPassage(string SourceId, int SourceOffset, LocalAlignment Alignment);
