using Verbatim.Model;
using Verbatim.Searching;
using Verbatim.Text.Fingerprints;
using Verbatim.Text.Reuse;

namespace Verbatim.Quoting;

/// <summary>
/// Which quote links are boilerplate (<see cref="Boilerplate"/>), judged when they are read, from
/// the catalog as it stands: how many documents hold each run of the link's source side, against
/// the threshold for the archive's size. Links are stored whether boilerplate or not, so what
/// counts as boilerplate follows the archive as it grows, and no order of ingest can change it.
/// </summary>
public static class BoilerplateLinks
{
    public static IReadOnlySet<QuoteLink> Among(ICatalog catalog, IReadOnlyList<QuoteLink> links)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        ArgumentNullException.ThrowIfNull(links);
        var found = new HashSet<QuoteLink>();
        if (links.Count == 0)
            return found;
        var limit = ReuseOptions.Default.MaximumOccurrences;
        var threshold = Boilerplate.Threshold(catalog.Count, limit);
        foreach (var bySource in links.GroupBy(l => l.SourceId, StringComparer.Ordinal))
        {
            var fingerprints = catalog.FingerprintsOf(bySource.Key);
            foreach (var link in bySource)
            {
                // Runs that lie within the passage: those starting at its last words run past its end.
                var starting = fingerprints.Where(f => f.Start >= link.SourceStart && f.Start < link.SourceStart + link.SourceLength)
                    .OrderBy(f => f.FirstWord).ToList();
                var runs = starting.Take(starting.Count - (FingerprintScheme.Default.WordsPerGram - 1)).Select(f => f.Hash).Distinct().ToList();
                var holders = catalog.FindFingerprints(runs, limit + 1).GroupBy(f => f.Hash)
                    .ToDictionary(g => g.Key, g => g.Select(f => f.DocumentId).Distinct(StringComparer.Ordinal).Count());
                if (Boilerplate.Holds(runs.Select(r => holders.GetValueOrDefault(r)), threshold))
                    found.Add(link);
            }
        }
        return found;
    }
}
