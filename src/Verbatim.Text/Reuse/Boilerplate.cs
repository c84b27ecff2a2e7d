namespace Verbatim.Text.Reuse;

/// <summary>
/// Boilerplate: what many documents of a collection share because they come from one place, not
/// because one quotes another (a site's licence and footer lines, a letterhead, a formula of
/// address). A run of words is boilerplate when at least <see cref="Threshold"/> documents hold
/// it: three, or one in a hundred of the collection where that is more. A site's or a
/// letterhead's lines recur in every document from that source, a share of the collection that
/// grows with it, where a quotation is given by a few documents however large the collection.
/// The formulaic limit (<see cref="ReuseOptions.MaximumOccurrences"/>) caps the threshold: a run
/// held in more places than that pairs nothing at all. A passage is boilerplate when at least half
/// of the runs on its source side are.
/// </summary>
/// <remarks>
/// What it gives up: in a small collection, a passage three documents give (a letter and two that
/// quote it) counts as boilerplate; it is still found and shown when asked for.
/// </remarks>
public static class Boilerplate
{
    private const int LeastDocuments = 3;
    private const int DocumentsPerHolder = 100;

    /// <summary>How many documents of a collection of <paramref name="documents"/> must hold a run for it to be boilerplate.</summary>
    public static int Threshold(int documents, int formulaicLimit) =>
        Math.Min(formulaicLimit, Math.Max(LeastDocuments, (documents + DocumentsPerHolder - 1) / DocumentsPerHolder));

    /// <summary>Whether a passage is boilerplate, given how many documents hold each run of its source side.</summary>
    public static bool Holds(IEnumerable<int> holdersOfEachRun, int threshold)
    {
        ArgumentNullException.ThrowIfNull(holdersOfEachRun);
        var (runs, common) = (0, 0);
        foreach (var holders in holdersOfEachRun)
        {
            runs++;
            common += holders >= threshold ? 1 : 0;
        }
        return runs > 0 && 2 * common >= runs;
    }
}
