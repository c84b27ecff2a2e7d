using Microsoft.AspNetCore.WebUtilities;
using Verbatim.Searching;
using Verbatim.Web.Reading;

namespace Verbatim.Web.Pages;

/// <summary>A group of the works index: one author, year, addressee or source volume, with its works and the page its first work is on.</summary>
public sealed record WorkGroup(string Anchor, string Label, IReadOnlyList<WorkEntry> Works, int FirstPage);

/// <summary>The part of a group one page of the index shows, from its <paramref name="Start"/>th work (1 for the group's first).</summary>
public sealed record GroupOnPage(WorkGroup Group, IReadOnlyList<WorkEntry> Works, int Start)
{
    /// <summary>Whether the group began on an earlier page.</summary>
    public bool Continued => Start > 1;
}

/// <summary>
/// The works index grouped one way, read a page at a time; a work with two authors (or
/// addressees) is listed under each, and counts as a line of the page under each.
/// </summary>
/// <remarks>
/// Pages are cut by lines, not by groups: a group of a thousand letters runs on over several
/// pages, and a page of small groups holds as many as fit. Every page lists every group with its
/// count, linked to the page its first work is on.
/// </remarks>
public sealed record WorksIndex(string By, int Total, IReadOnlyList<WorkGroup> Groups, int LinesPerPage)
{
    /// <summary>Lines a page of the index holds: a 4,420-letter archive reads in pages of well under 100 kB.</summary>
    public const int PageSize = 200;

    public static readonly IReadOnlyList<(string By, string Label)> Groupings =
        [("author", "Author"), ("year", "Year"), ("addressee", "Addressee"), ("volume", "Collection and volume")];

    public static bool IsGrouping(string? by) => Groupings.Any(g => g.By == by);

    public static WorksIndex Of(IReadOnlyList<WorkEntry> works, string by, int pageSize = PageSize)
    {
        var keyed = works.SelectMany(work => Keys(work, by).Select(key => (Key: key, Work: work)));
        var lines = 0;
        var groups = new List<WorkGroup>();
        foreach (var group in keyed
            .GroupBy(k => k.Key, StringComparer.Ordinal)
            .OrderBy(g => IsLeftover(g.Key, by))
            .ThenBy(g => g.Key, StringComparer.CurrentCulture))
        {
            List<WorkEntry> members = [.. group.Select(k => k.Work)];
            groups.Add(new WorkGroup($"{by}-{groups.Count + 1}", group.Key, members, lines / pageSize + 1));
            lines += members.Count;
        }
        return new WorksIndex(by, works.Count, groups, pageSize);
    }

    public int PageCount => Math.Max(1, (Groups.Sum(g => g.Works.Count) + LinesPerPage - 1) / LinesPerPage);

    /// <summary>The groups, or the parts of them, that one page shows, in order.</summary>
    public IReadOnlyList<GroupOnPage> Page(int page)
    {
        var (first, end) = ((long)(page - 1) * LinesPerPage, (long)page * LinesPerPage);
        var shown = new List<GroupOnPage>();
        long start = 0;
        foreach (var group in Groups)
        {
            var (from, to) = (Math.Max(first, start), Math.Min(end, start + group.Works.Count));
            if (from < to)
                shown.Add(new GroupOnPage(group, [.. group.Works.Skip((int)(from - start)).Take((int)(to - from))], (int)(from - start) + 1));
            start += group.Works.Count;
        }
        return shown;
    }

    public string PageLink(int page)
        => QueryHelpers.AddQueryString("/", new Dictionary<string, string?> { ["by"] = By, ["page"] = page > 1 ? page.ToString(System.Globalization.CultureInfo.InvariantCulture) : null }
            .Where(p => p.Value is not null));

    /// <summary>Where a group starts: its anchor on this page, or the page its first work is on.</summary>
    public string GroupLink(WorkGroup group, int currentPage)
        => group.FirstPage == currentPage ? "#" + group.Anchor : PageLink(group.FirstPage) + "#" + group.Anchor;

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
