using Verbatim.Text.Normalisation;

namespace Verbatim.Text.Tokens;

/// <summary>A text, its normal form and its words, in order, with their original offsets.</summary>
public sealed class TokenisedText
{
    private readonly NormalisationLayers layers;
    private NormalisedText? normalised;

    public TokenisedText(NormalisedText normalised, IReadOnlyList<Token> tokens)
    {
        ArgumentNullException.ThrowIfNull(normalised);
        (this.normalised, layers, Original, Tokens) = (normalised, normalised.Layers, normalised.Original, tokens);
    }

    /// <summary>Words found without keeping the normal form; it is made again when asked for.</summary>
    internal TokenisedText(string original, NormalisationLayers layers, IReadOnlyList<Token> tokens) =>
        (this.layers, Original, Tokens) = (layers, original, tokens);

    public string Original { get; }

    /// <summary>Pure, so two threads that both make it make the same one.</summary>
    public NormalisedText Normalised => normalised ??= Normaliser.Normalise(Original, layers);

    public IReadOnlyList<Token> Tokens { get; }

    /// <summary>The original text from the first token's start to the last one's end.</summary>
    public TextRange Span(int firstToken, int count) =>
        count == 0
            ? new TextRange(firstToken < Tokens.Count ? Tokens[firstToken].Start : Original.Length, 0)
            : TextRange.FromBounds(Tokens[firstToken].Start, Tokens[firstToken + count - 1].End);
}
