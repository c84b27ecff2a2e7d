namespace Verbatim.Text.Normalisation;

/// <summary>A range of UTF-16 characters: [Start, Start + Length).</summary>
public readonly record struct TextRange(int Start, int Length)
{
    public int End => Start + Length;

    public bool IsEmpty => Length == 0;

    public bool Contains(TextRange other) => other.Start >= Start && other.End <= End;

    public bool Overlaps(TextRange other) => other.Start < End && Start < other.End;

    public static TextRange FromBounds(int start, int end) => new(start, end - start);

    public string Of(string text) => text.Substring(Start, Length);
}
