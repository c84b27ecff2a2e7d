using Verbatim.Searching;
using Verbatim.Web.Reading;

namespace Verbatim.Web.Pages;

/// <summary>A group of the works index: one author, year, addressee or source volume, with its works.</summary>
public sealed record WorkGroup(string Anchor, string Label, IReadOnlyList<WorkEntry> Works);

/// <summary>The works index grouped one way; a work with two authors (or addressees) is listed under each.</summary>
public sealed record WorksIndex(string By, int Total, IReadOnlyList<WorkGroup> Groups)
{
    public static readonly IReadOnlyList<(string By, string Label)> Groupings =
        [("author", "Author"), ("year", "Year"), ("addressee", "Addressee"), ("volume", "Collection and volume")];

    public static bool IsGrouping(string? by) => Groupings.Any(g => g.By == by);

    public static WorksIndex Of(IReadOnlyList<WorkEntry> works, string by)
    {
        var keyed = works.SelectMany(work => Keys(work, by).Select(key => (Key: key, Work: work)));
        var groups = keyed
            .GroupBy(k => k.Key, StringComparer.Ordinal)
            .OrderBy(g => IsLeftover(g.Key, by))
            .ThenBy(g => g.Key, StringComparer.CurrentCulture)
            .Select((g, index) => new WorkGroup($"{by}-{index + 1}", g.Key, [.. g.Select(k => k.Work)]))
            .ToList();
        return new WorksIndex(by, works.Count, groups);
    }

    private static IEnumerable<string> Keys(WorkEntry work, string by) => by switch
    {
        "author" => work.Authors.Count > 0 ? work.Authors : ["No author named"],
        "addressee" => work.Addressees.Count > 0 ? work.Addressees : ["No addressee named"],
        "year" => [WorkLabels.Year(work)],
        _ => [WorkLabels.Volume(work)],
    };

    // Groups of works the source says nothing about come after every named group.
    private static bool IsLeftover(string key, string by)
        => key is WorkLabels.Undated or WorkLabels.NoVolume || (by is "author" or "addressee" && key.StartsWith("No ", StringComparison.Ordinal));
}
