using Verbatim.Text.Normalisation;

namespace Verbatim.Text.Tokens;

/// <summary>A text, its normal form and its words, in order, with their original offsets.</summary>
public sealed class TokenisedText(NormalisedText normalised, IReadOnlyList<Token> tokens)
{
    public string Original => Normalised.Original;

    public NormalisedText Normalised { get; } = normalised;

    public IReadOnlyList<Token> Tokens { get; } = tokens;

    /// <summary>The original text from the first token's start to the last one's end.</summary>
    public TextRange Span(int firstToken, int count) =>
        count == 0
            ? new TextRange(firstToken < Tokens.Count ? Tokens[firstToken].Start : Original.Length, 0)
            : TextRange.FromBounds(Tokens[firstToken].Start, Tokens[firstToken + count - 1].End);
}
