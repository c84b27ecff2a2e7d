using System.Text;

namespace Verbatim.Text.Normalisation;

/// <summary>
/// Builds a layer's output together with, for every output character, the range of the layer's
/// input it came from. Invariant: every output character has a non-empty source range, and the
/// source ranges never go backwards (start and end are each non-decreasing), so mapping a range of
/// the output back is a matter of taking the first character's start and the last one's end.
/// </summary>
internal sealed class MappedTextBuilder(int capacity)
{
    private readonly StringBuilder text = new(capacity);
    private readonly List<int> starts = new(capacity);
    private readonly List<int> ends = new(capacity);

    public void Append(char c, int sourceStart, int sourceEnd)
    {
        text.Append(c);
        starts.Add(sourceStart);
        ends.Add(sourceEnd);
    }

    /// <summary>Every character of an expansion maps to the whole source range it replaces.</summary>
    public void Append(ReadOnlySpan<char> piece, int sourceStart, int sourceEnd)
    {
        foreach (var c in piece)
            Append(c, sourceStart, sourceEnd);
    }

    public (string Text, int[] Starts, int[] Ends) Build() => (text.ToString(), [.. starts], [.. ends]);
}
