using Verbatim.Searching;
using Verbatim.Text.Tokens;

namespace Verbatim.Text.Fingerprints;

/// <summary>Where fingerprints are looked up by hash: an index in memory, or a catalog's rows.</summary>
public interface IFingerprintLookup
{
    /// <summary>The fingerprints with any of the hashes, at most <paramref name="limitPerHash"/> of each, in no set order.</summary>
    IReadOnlyList<Fingerprint> Lookup(IReadOnlyCollection<ulong> hashes, int limitPerHash);
}

/// <summary>
/// The fingerprints of many documents, looked up by hash. In memory; the seam for persistence is
/// <see cref="Fingerprint"/>: a catalog stores the records <see cref="Add(string, TokenisedText)"/>
/// returns and answers lookups itself (<see cref="IFingerprintLookup"/>), or hands them back to
/// <see cref="Add(IEnumerable{Fingerprint})"/>. Adding a document again replaces what the index
/// held for it, so an ingest of a new version just adds it.
/// </summary>
public sealed class FingerprintIndex(FingerprintScheme scheme) : IFingerprintLookup
{
    private readonly Dictionary<ulong, List<Fingerprint>> byHash = [];
    private readonly Dictionary<string, List<Fingerprint>> byDocument = new(StringComparer.Ordinal);

    public FingerprintIndex()
        : this(FingerprintScheme.Default)
    {
    }

    public FingerprintScheme Scheme { get; } = scheme;

    public IEnumerable<string> Documents => byDocument.Keys;

    public int Count => byDocument.Values.Sum(list => list.Count);

    public IReadOnlyList<Fingerprint> Add(string documentId, TokenisedText text)
    {
        var fingerprints = Scheme.Fingerprints(documentId, text).ToList();
        Remove(documentId);
        Add(fingerprints);
        return fingerprints;
    }

    public void Add(IEnumerable<Fingerprint> fingerprints)
    {
        foreach (var fingerprint in fingerprints)
        {
            if (!byHash.TryGetValue(fingerprint.Hash, out var sameHash))
                byHash[fingerprint.Hash] = sameHash = [];
            sameHash.Add(fingerprint);
            if (!byDocument.TryGetValue(fingerprint.DocumentId, out var sameDocument))
                byDocument[fingerprint.DocumentId] = sameDocument = [];
            sameDocument.Add(fingerprint);
        }
    }

    public bool Remove(string documentId)
    {
        if (!byDocument.Remove(documentId, out var removed))
            return false;
        foreach (var hash in removed.Select(f => f.Hash).Distinct())
        {
            var sameHash = byHash[hash];
            sameHash.RemoveAll(f => f.DocumentId == documentId);
            if (sameHash.Count == 0)
                byHash.Remove(hash);
        }
        return true;
    }

    public IReadOnlyList<Fingerprint> Lookup(ulong hash) =>
        byHash.TryGetValue(hash, out var found) ? found : [];

    public IReadOnlyList<Fingerprint> Lookup(IReadOnlyCollection<ulong> hashes, int limitPerHash) =>
        [.. hashes.Distinct().SelectMany(hash => Lookup(hash).Take(limitPerHash))];

    public IReadOnlyList<Fingerprint> Of(string documentId) =>
        byDocument.TryGetValue(documentId, out var found) ? found : [];

    /// <summary>
    /// The other documents that share fingerprints with this one, the most shared first (ties by
    /// id), with how many of its word runs each shares. Within the same limit as <see cref="Hits"/>.
    /// </summary>
    public IReadOnlyList<(string DocumentId, int SharedRuns)> CandidateDocuments(string documentId, int maximumOccurrences = 64) =>
        [.. Hits(documentId, maximumOccurrences)
            .Where(h => h.DocumentB != documentId)
            .GroupBy(h => h.DocumentB, StringComparer.Ordinal)
            .Select(g => (g.Key, g.Select(h => h.WordA).Distinct().Count()))
            .OrderByDescending(c => c.Item2)
            .ThenBy(c => c.Key, StringComparer.Ordinal)];

    /// <summary>
    /// Every pair of equal fingerprints between the document and the index (itself included),
    /// skipping hashes held more than <paramref name="maximumOccurrences"/> times: a run of words
    /// that common is a formula ("Collected Works, Volume"), not a quotation, and pairing it would
    /// grow with the square of its frequency. Within one document a word run never pairs with
    /// itself, and each pair of places is given once, earlier place first.
    /// </summary>
    public IEnumerable<FingerprintHit> Hits(string documentId, int maximumOccurrences = 64) =>
        HitsOf(documentId, Of(documentId), this, maximumOccurrences);

    /// <summary>
    /// <see cref="Hits"/> for fingerprints of <paramref name="documentId"/> given by the caller,
    /// against any lookup; the lookup may hold the document's own fingerprints or not.
    /// </summary>
    public static IEnumerable<FingerprintHit> HitsOf(string documentId, IEnumerable<Fingerprint> fingerprints, IFingerprintLookup lookup, int maximumOccurrences = 64)
    {
        ArgumentNullException.ThrowIfNull(fingerprints);
        ArgumentNullException.ThrowIfNull(lookup);
        // A slice at a time: what the lookup hands back for a long text (its own places among them)
        // is held for one slice only, so the memory a document's hits take does not grow with the
        // document beyond the hits themselves.
        foreach (var slice in fingerprints.Chunk(FingerprintsLookedUpAtOnce))
        {
            var byHash = new FingerprintGroups(lookup.Lookup([.. slice.Select(f => f.Hash).Distinct()], maximumOccurrences + 1));
            foreach (var own in slice)
            {
                var (first, end) = byHash.PlacesOf(own.Hash);
                if (end - first > maximumOccurrences)
                    continue;
                for (var k = first; k < end; k++)
                {
                    var other = byHash[k];
                    if (other.DocumentId == documentId && other.FirstWord <= own.FirstWord)
                        continue;
                    yield return new FingerprintHit(own.Hash, documentId, own.FirstWord, other.DocumentId, other.FirstWord);
                }
            }
        }
    }

    // Larger than all but the longest texts, which are then looked up in a few dozen slices.
    private const int FingerprintsLookedUpAtOnce = 65_536;
}

/// <summary>Two places, in two documents or one, that start the same run of words.</summary>
public readonly record struct FingerprintHit(ulong Hash, string DocumentA, int WordA, string DocumentB, int WordB);
