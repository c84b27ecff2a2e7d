using Verbatim.Searching;

namespace Verbatim.Storage.Catalog;

/// <summary>The fingerprints of many documents merged into one order, for a catalog's write of them.</summary>
public static class FingerprintOrder
{
    /// <summary>
    /// Each document's fingerprints, which come in order of hash and word, merged into the order of
    /// hash, row and word: an insert in that order walks the fingerprints' index forward. A
    /// document's next fingerprint is asked for only once its last one has been handed on (and
    /// written), so a long text's millions are never gathered here. Any order is stored the same.
    /// </summary>
    /// <exception cref="ArgumentException">A fingerprint given under another document's id.</exception>
    public static IEnumerable<(Fingerprint Fingerprint, long Row)> Merge(IEnumerable<(string Id, long Row, IEnumerable<Fingerprint> Fingerprints)> documents)
    {
        ArgumentNullException.ThrowIfNull(documents);
        var next = new PriorityQueue<(IEnumerator<Fingerprint> Rows, string Id, long Row), (ulong Hash, long Row, int Word)>();
        try
        {
            foreach (var (id, row, fingerprints) in documents)
                Enqueue(fingerprints.GetEnumerator(), id, row);
            while (next.TryDequeue(out var source, out _))
            {
                yield return (source.Rows.Current, source.Row);
                Enqueue(source.Rows, source.Id, source.Row);
            }
        }
        finally
        {
            foreach (var (rows, _, _) in next.UnorderedItems.Select(i => i.Element))
                rows.Dispose();
        }

        void Enqueue(IEnumerator<Fingerprint> rows, string id, long row)
        {
            if (!rows.MoveNext())
            {
                rows.Dispose();
                return;
            }
            if (rows.Current.DocumentId != id)
            {
                rows.Dispose();
                throw new ArgumentException($"a fingerprint of {rows.Current.DocumentId} given for {id}", nameof(documents));
            }
            next.Enqueue((rows, id, row), (rows.Current.Hash, row, rows.Current.FirstWord));
        }
    }
}
