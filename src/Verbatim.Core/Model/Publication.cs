namespace Verbatim.Model;

/// <summary>One printing of the text: "First published in part in 1957 in ...".</summary>
public sealed record Publication
{
    public int? Year { get; init; }
    public string? In { get; init; }
    public PublicationExtent Extent { get; init; } = PublicationExtent.Full;
    public bool First { get; init; }
    public required string Text { get; init; }
}

public enum PublicationExtent
{
    Full,
    Part,
}
