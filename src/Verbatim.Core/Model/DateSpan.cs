namespace Verbatim.Model;

/// <summary>When (and how, and where) a document was made.</summary>
/// <remarks>
/// <see cref="Date"/> is ISO 8601 cut to its <see cref="Precision"/> ("1921", "1921-10", "1921-10-20").
/// A range has <see cref="NotBefore"/> / <see cref="NotAfter"/> and, where the source names no single
/// day, no <see cref="Date"/>.
/// </remarks>
public sealed record DateSpan
{
    public string? Date { get; init; }
    public string? NotBefore { get; init; }
    public string? NotAfter { get; init; }
    public DatePrecision Precision { get; init; } = DatePrecision.Day;

    /// <summary>written, dictated, typed, ...: how the text came into being.</summary>
    public string? Mode { get; init; }

    /// <summary>The means, where the source names one ("phone" in "Dictated by phone").</summary>
    public string? Means { get; init; }

    /// <summary>Time of day, HH:mm, where the source gives one.</summary>
    public string? Time { get; init; }

    public string? Place { get; init; }
    public string? PlaceRef { get; init; }

    /// <summary>How sure the source is: its own word ("conjecture") where it gives one.</summary>
    public string? Evidence { get; init; }

    /// <summary>Where the date was read: "header", "dateline", "attribution", "correspDesc".</summary>
    public string? From { get; init; }

    /// <summary>The source's own words.</summary>
    public string? Text { get; init; }
}

public enum DatePrecision
{
    Day,
    Month,
    Year,
}
