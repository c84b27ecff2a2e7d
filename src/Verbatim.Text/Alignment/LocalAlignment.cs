using Verbatim.Text.Normalisation;
using Verbatim.Text.Tokens;

namespace Verbatim.Text.Alignment;

/// <summary>
/// The best local alignment of a source and a quoting text: its steps in text order (the first and
/// last are matches), its score, and the ranges of the two original texts it covers.
/// </summary>
public sealed class LocalAlignment
{
    public LocalAlignment(TokenisedText source, TokenisedText quoting, IReadOnlyList<AlignmentStep> steps, int score)
    {
        (Source, Quoting, Steps, Score) = (source, quoting, steps, score);
        // Steps are in text order on both sides, so the first and last word of each side are its
        // first and last steps that have one.
        (FirstSourceWord, LastSourceWord, FirstQuotingWord, LastQuotingWord) = (0, -1, 0, -1);
        var (sourceSeen, quotingSeen) = (false, false);
        foreach (var step in steps)
        {
            MatchedWords += step.Operation == AlignmentOperation.Match ? 1 : 0;
            if (step.SourceWord is { } s)
                (FirstSourceWord, LastSourceWord, sourceSeen) = (sourceSeen ? FirstSourceWord : s, s, true);
            if (step.QuotingWord is { } q)
                (FirstQuotingWord, LastQuotingWord, quotingSeen) = (quotingSeen ? FirstQuotingWord : q, q, true);
        }
    }

    public TokenisedText Source { get; }

    public TokenisedText Quoting { get; }

    public IReadOnlyList<AlignmentStep> Steps { get; }

    public int Score { get; }

    public bool IsEmpty => Steps.Count == 0;

    public int MatchedWords { get; }

    public int FirstSourceWord { get; }

    public int LastSourceWord { get; }

    public int FirstQuotingWord { get; }

    public int LastQuotingWord { get; }

    /// <summary>The original source text from the first aligned word to the last.</summary>
    public TextRange SourceRange => Source.Span(FirstSourceWord, LastSourceWord - FirstSourceWord + 1);

    /// <summary>The original quoting text from the first aligned word to the last.</summary>
    public TextRange QuotingRange => Quoting.Span(FirstQuotingWord, LastQuotingWord - FirstQuotingWord + 1);
}
