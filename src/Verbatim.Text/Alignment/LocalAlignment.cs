using Verbatim.Text.Normalisation;
using Verbatim.Text.Tokens;

namespace Verbatim.Text.Alignment;

/// <summary>
/// The best local alignment of a source and a quoting text: its steps in text order (the first and
/// last are matches), its score, and the ranges of the two original texts it covers.
/// </summary>
public sealed class LocalAlignment(TokenisedText source, TokenisedText quoting, IReadOnlyList<AlignmentStep> steps, int score)
{
    public TokenisedText Source { get; } = source;

    public TokenisedText Quoting { get; } = quoting;

    public IReadOnlyList<AlignmentStep> Steps { get; } = steps;

    public int Score { get; } = score;

    public bool IsEmpty => Steps.Count == 0;

    public int MatchedWords => Steps.Count(s => s.Operation == AlignmentOperation.Match);

    public int FirstSourceWord => Steps.Count == 0 ? 0 : Steps.First(s => s.SourceWord is not null).SourceWord!.Value;

    public int LastSourceWord => Steps.Count == 0 ? -1 : Steps.Last(s => s.SourceWord is not null).SourceWord!.Value;

    public int FirstQuotingWord => Steps.Count == 0 ? 0 : Steps.First(s => s.QuotingWord is not null).QuotingWord!.Value;

    public int LastQuotingWord => Steps.Count == 0 ? -1 : Steps.Last(s => s.QuotingWord is not null).QuotingWord!.Value;

    /// <summary>The original source text from the first aligned word to the last.</summary>
    public TextRange SourceRange => Source.Span(FirstSourceWord, LastSourceWord - FirstSourceWord + 1);

    /// <summary>The original quoting text from the first aligned word to the last.</summary>
    public TextRange QuotingRange => Quoting.Span(FirstQuotingWord, LastQuotingWord - FirstQuotingWord + 1);
}
