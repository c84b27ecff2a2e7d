namespace Verbatim.Model;

/// <summary>The edition the text was taken from: "Lenin Collected Works, Progress Publishers, 1976, Moscow, Volume 45, page 348b."</summary>
public sealed record SourceEdition
{
    public string? Collection { get; init; }
    public string? Publisher { get; init; }
    public string? Place { get; init; }
    public int? Year { get; init; }

    /// <summary>ISO date where the source names a day (a newspaper issue).</summary>
    public string? Date { get; init; }

    public string? Volume { get; init; }
    public string? Issue { get; init; }
    public string? Pages { get; init; }
    public string? Url { get; init; }
    public required string Text { get; init; }
}
