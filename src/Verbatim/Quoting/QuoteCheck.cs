using Verbatim.Text.Alignment;

namespace Verbatim.Quoting;

/// <summary>
/// What checking a quotation found. <see cref="Matches"/>: passages of the archive the quotation
/// reproduces, best first; when there is none, <see cref="Nearest"/> holds the closest partial
/// matches, so that "no source found" still shows what came nearest.
/// </summary>
public sealed record QuoteCheck(int QuotedWords, IReadOnlyList<QuoteMatch> Matches, IReadOnlyList<QuoteMatch> Nearest)
{
    public bool Found => Matches.Count > 0;
}

/// <summary>
/// One place of one stored document that a quotation reproduces. <see cref="Start"/> and
/// <see cref="End"/> are offsets into the document's stored body text; <see cref="QuotedStart"/>
/// and <see cref="QuotedEnd"/> into the quotation. <see cref="Score"/> is the share of the
/// quotation's words found equal in the passage (1 for a faithful quotation, typography apart).
/// </summary>
public sealed record QuoteMatch(
    string Id,
    string Title,
    string? Date,
    int Start,
    int End,
    int QuotedStart,
    int QuotedEnd,
    double Score,
    int MatchedWords,
    string Passage,
    IReadOnlyList<QuoteDifference> Differences);

/// <summary>
/// A difference between the quotation and its source: <see cref="Quoted"/> and
/// <see cref="Source"/> are the two readings; <see cref="Offset"/> is where the source's reading
/// starts in the source document's stored text, <see cref="QuotedOffset"/> where the quotation's
/// starts in the quotation.
/// </summary>
public sealed record QuoteDifference(string Type, string Quoted, string Source, int Offset, int QuotedOffset)
{
    /// <param name="sourceOffset">Where the aligned source text starts in the document's stored text.</param>
    public static QuoteDifference Of(Difference difference, int sourceOffset = 0) => new(
        TypeName(difference.Kind), difference.QuotingReading, difference.SourceReading, sourceOffset + difference.Source.Start, difference.Quoting.Start);

    public static string TypeName(DifferenceKind kind) => kind switch
    {
        DifferenceKind.TypographicOnly => "typographic",
        DifferenceKind.Substitution => "substitution",
        DifferenceKind.MarkedOmission => "marked-omission",
        DifferenceKind.EmptyEllipsis => "empty-ellipsis",
        DifferenceKind.SilentOmission => "silent-omission",
        DifferenceKind.Insertion => "insertion",
        DifferenceKind.EditorialInsertion => "editorial-insertion",
        DifferenceKind.EditorialReplacement => "editorial-replacement",
        DifferenceKind.Transposition => "transposition",
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
    };
}
