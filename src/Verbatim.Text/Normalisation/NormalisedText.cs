namespace Verbatim.Text.Normalisation;

/// <summary>
/// A normalised text and the map back to the original string it was made from. Every character of
/// <see cref="Text"/> came from a non-empty range of <see cref="Original"/>; an original character
/// that expanded ("…" to "...", "щ" to "shch") is the source of each character of its expansion,
/// and one that vanished (a soft hyphen) is the source of none, but is still covered by any range
/// that spans it.
/// </summary>
public sealed class NormalisedText
{
    private readonly int[] sourceStarts;
    private readonly int[] sourceEnds;

    internal NormalisedText(string original, string text, int[] sourceStarts, int[] sourceEnds)
    {
        Original = original;
        Text = text;
        this.sourceStarts = sourceStarts;
        this.sourceEnds = sourceEnds;
    }

    public string Original { get; }

    public string Text { get; }

    public NormalisationLayers Layers { get; internal set; }

    /// <summary>The identity: the text is its own normal form.</summary>
    public static NormalisedText Identity(string original)
    {
        var starts = new int[original.Length];
        var ends = new int[original.Length];
        for (var i = 0; i < original.Length; i++)
        {
            starts[i] = i;
            ends[i] = i + 1;
        }
        return new NormalisedText(original, original, starts, ends);
    }

    /// <summary>
    /// The smallest range of the original that produced the given range of the normalised text.
    /// An empty range maps to an empty range at the original position of the character that
    /// follows it (or the original's end).
    /// </summary>
    public TextRange ToOriginal(TextRange normalised)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(normalised.Start);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(normalised.End, Text.Length);
        if (normalised.IsEmpty)
        {
            var at = normalised.Start < Text.Length ? sourceStarts[normalised.Start] : Original.Length;
            return new TextRange(at, 0);
        }
        return TextRange.FromBounds(sourceStarts[normalised.Start], sourceEnds[normalised.End - 1]);
    }

    public TextRange ToOriginal(int start, int length) => ToOriginal(new TextRange(start, length));

    /// <summary>
    /// Applies one more layer's output (whose source ranges point into <see cref="Text"/>) and
    /// keeps the map pointing at <see cref="Original"/>.
    /// </summary>
    internal NormalisedText Then(string text, int[] starts, int[] ends)
    {
        var composedStarts = new int[text.Length];
        var composedEnds = new int[text.Length];
        for (var i = 0; i < text.Length; i++)
        {
            composedStarts[i] = sourceStarts[starts[i]];
            composedEnds[i] = sourceEnds[ends[i] - 1];
        }
        return new NormalisedText(Original, text, composedStarts, composedEnds);
    }
}
