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

    /// <summary>The doubt the source states of the date ("[5.? 2. 1896]", "ca. 1900", cert="low"); null where it states none.</summary>
    public DateCertainty? Certainty { get; init; }

    /// <summary>The one part of the date the source doubts ("5.?" is the day), where it doubts one part only.</summary>
    public DatePart? UncertainPart { get; init; }

    /// <summary>A date of this span as a reader is shown it, with the doubt the source states.</summary>
    public string Qualify(string shown) => Qualify(shown, Certainty, UncertainPart);

    /// <summary>"1896-02-05?", "1896-02-05 (day uncertain)", "about 1890-09": a date with the doubt the source states.</summary>
    public static string Qualify(string shown, DateCertainty? certainty, DatePart? uncertainPart) => certainty switch
    {
        DateCertainty.Uncertain when uncertainPart is { } part => $"{shown} ({part.ToString().ToLowerInvariant()} uncertain)",
        DateCertainty.Uncertain => shown + "?",
        DateCertainty.Approximate => "about " + shown,
        _ => shown,
    };

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

public enum DateCertainty
{
    /// <summary>The source doubts the date, or a part of it (a question mark, TEI cert low or medium).</summary>
    Uncertain,

    /// <summary>The source gives the date as about right ("ca.", "um", "Anfang", TEI precision low).</summary>
    Approximate,
}

public enum DatePart
{
    Day,
    Month,
    Year,
}
