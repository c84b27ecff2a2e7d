using Verbatim.Searching;

namespace Verbatim.Web.Reading;

/// <summary>How the reader names a work's groupings: its source volume, its year.</summary>
public static class WorkLabels
{
    public const string Undated = "Undated";
    public const string NoVolume = "No source volume";

    public static string Volume(WorkEntry work)
        => (work.Collection, work.Volume) switch
        {
            (null, null) => NoVolume,
            ({ } collection, null) => collection,
            (null, { } volume) => $"Volume {volume}",
            ({ } collection, { } volume) => $"{collection}, volume {volume}",
        };

    public static string Year(WorkEntry work) => work.Date is { Length: >= 4 } date ? date[..4] : Undated;
}
