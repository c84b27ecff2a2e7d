using Verbatim.Access;
using Verbatim.Searching;

namespace Verbatim.Harvesting;

/// <summary>
/// What a harvester is told of the documents hidden from it. One that everyone could once see
/// was harvested, perhaps, and is answered as deleted, so that the harvester drops its copy
/// (OAI-PMH's persistent deletion: a withdrawn document stays deleted); one that was never open
/// is not named at all, as if it did not exist.
/// </summary>
public static class HarvestVisibility
{
    /// <summary>
    /// The hidden documents to answer as deleted: those open to everyone at some version made by
    /// <paramref name="asOf"/>. A compilation hidden because a part of it is closed is deleted only
    /// where that part was open too: its text was never shown otherwise.
    /// </summary>
    public static IReadOnlySet<string> Deleted(ICatalog catalog, Visibility seen, IReadOnlyDictionary<string, string> partOf, DateTimeOffset asOf, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        ArgumentNullException.ThrowIfNull(seen);
        ArgumentNullException.ThrowIfNull(partOf);
        var wasOpen = seen.Hidden.Where(id => WasOpen(catalog.Versions(id), asOf, today)).ToHashSet(StringComparer.Ordinal);
        var closedParts = seen.Hidden.Where(partOf.ContainsKey).Where(part => !wasOpen.Contains(part)).Select(part => partOf[part]).ToHashSet(StringComparer.Ordinal);
        wasOpen.ExceptWith(closedParts);
        return wasOpen;
    }

    /// <summary>
    /// Whether everyone could see the document at some version made by <paramref name="asOf"/>:
    /// one whose access was open, or embargoed until a day that came while it was the latest.
    /// </summary>
    public static bool WasOpen(IReadOnlyList<CatalogVersion> versions, DateTimeOffset asOf, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(versions);
        var made = versions.Where(v => v.Created <= asOf).OrderBy(v => v.Number).ToList();
        for (var i = 0; i < made.Count; i++)
        {
            var until = i + 1 < made.Count ? DateOnly.FromDateTime(made[i + 1].Created.UtcDateTime) : today;
            if (DocumentAccess.Parse(made[i].Access) is ({ } access, null) && access.IsOpenOn(until))
                return true;
        }
        return false;
    }
}

/// <summary>A document at the version a harvest gives it, or its deletion.</summary>
public sealed record HarvestRecord(HarvestEntry Entry, bool Deleted);
