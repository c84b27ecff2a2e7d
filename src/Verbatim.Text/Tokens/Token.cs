using Verbatim.Text.Normalisation;

namespace Verbatim.Text.Tokens;

/// <summary>
/// One word or number. <see cref="Key"/> is its normalised form, the one words are compared by;
/// <see cref="Start"/> and <see cref="Length"/> locate it in the original text.
/// </summary>
public readonly record struct Token(int Index, string Key, int Start, int Length)
{
    public TextRange Range => new(Start, Length);

    public int End => Start + Length;
}
