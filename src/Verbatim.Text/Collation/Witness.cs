namespace Verbatim.Text.Collation;

/// <summary>One text to collate: its siglum and its tokens as they stand in it.</summary>
public sealed record Witness(string Name, IReadOnlyList<string> Tokens)
{
    /// <summary>Splits on white space, as the reference collation tool's own cases do; every token keeps its punctuation.</summary>
    public static Witness FromText(string name, string text)
        => new(name, text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
}
