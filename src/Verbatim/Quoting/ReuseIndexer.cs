using Verbatim.Model;
using Verbatim.Searching;
using Verbatim.Text.Fingerprints;
using Verbatim.Text.Reuse;
using Verbatim.Text.Tokens;

namespace Verbatim.Quoting;

/// <summary>
/// Keeps the catalog's fingerprints and quote links a function of the documents it holds, not of
/// the order they arrived in: ingest file by file, ingest then correct, and a rebuild all give the
/// same links.
/// </summary>
/// <remarks>
/// Three rules make it so.
/// <list type="number">
/// <item>A pair of documents is detected once, when the later of the two in the batch is indexed
/// (documents catalogued before the batch count as earlier), and with the document whose id sorts
/// first as the first side (<see cref="ReuseDetector"/>), so the pair's passages do not depend on
/// which side was looked up.</item>
/// <item>A run of words held in more places than the detector's limit is formulaic (a letterhead,
/// a form of address) and is never paired; the places are counted over the whole catalog as it
/// stands after the batch. The batch's fingerprints are therefore written before any of its
/// documents is looked up.</item>
/// <item>A batch that moves a run across the limit, either way (a new letter makes a formula
/// formulaic; a correction removes the places that made it so), changes what the pairs of other
/// documents that hold it share: each such pair is detected again.</item>
/// </list>
/// The caller upserts the batch's documents first (which drops their old fingerprints and
/// links), having read their old fingerprints with <see cref="Previous"/>, all in one transaction.
/// </remarks>
internal sealed class ReuseIndexer(ICatalog catalog)
{
    // Texts read for the detector are kept while they are few: a batch's documents often share
    // passages with the same few others; a whole reindex must not hold the archive in memory.
    private const int KeptTexts = 256;

    // Fingerprints held in memory until written, some 40 bytes each with the words they are made
    // from: a batch's text gives about 1.3 million at most; a reindex, which is one batch, writes
    // whenever it holds this many.
    private const int MaximumUnwrittenFingerprints = 1_500_000;

    private readonly FingerprintScheme _scheme = FingerprintScheme.Default;
    private readonly ReuseDetector _detector = new();
    private readonly int _limit = ReuseOptions.Default.MaximumOccurrences;
    private readonly Dictionary<string, (string? PartOf, ReuseDocument Reuse)> _resolved = new(StringComparer.Ordinal);
    private readonly Dictionary<string, IReadOnlyList<string>> _sameText = new(StringComparer.Ordinal);

    public static string SchemeVersion => FingerprintScheme.Default.Version;

    /// <summary>The fingerprints the catalog holds of these documents: read before their upsert drops them.</summary>
    public static IReadOnlyList<Fingerprint> Previous(ICatalog catalog, IEnumerable<string> ids)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        return [.. ids.SelectMany(catalog.FingerprintsOf)];
    }

    /// <summary>
    /// Stores the fingerprints of the batch's documents (upserted already), finds the passages each
    /// shares with the documents before it and with itself, and detects again the pairs of other
    /// documents whose formulaic runs the batch changed.
    /// </summary>
    /// <param name="replaced">The fingerprints the documents' previous versions held (<see cref="Previous"/>).</param>
    public void Index(IReadOnlyList<Document> documents, IReadOnlyList<Fingerprint> replaced)
    {
        ArgumentNullException.ThrowIfNull(documents);
        ArgumentNullException.ThrowIfNull(replaced);
        var batch = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < documents.Count; i++)
            batch[documents[i].Id] = i;
        // Other documents can only be affected where the catalog holds some outside the batch.
        var othersHeld = catalog.Count > documents.Count;
        var (added, lastWritten) = WriteFingerprints(documents, othersHeld);

        var seen = new Dictionary<ulong, int>();
        var prefetched = new Prefetched(catalog, _limit + 1);
        var fetchedUpTo = 0;
        for (var i = 0; i < documents.Count; i++)
        {
            if (i == fetchedUpTo)
                fetchedUpTo = prefetched.Fetch(k => lastWritten[k], documents.Count, i);
            var document = Keep(documents[i].PartOf, ReuseDocuments.Quotable(ReuseDocuments.Of(documents[i]))).Reuse;
            var fingerprints = lastWritten[i] ?? Fingerprints(document);
            lastWritten[i] = null;
            var lookup = new BatchLookup(prefetched, batch, i, othersHeld ? seen : null);
            AddLinks(_detector.DetectFor(document, fingerprints.Text, fingerprints, lookup, Resolve));
        }
        if (othersHeld)
            DetectAgain(Crossings(added, replaced, seen), batch);
    }

    /// <summary>
    /// Writes the documents' fingerprints; returns how many places each run was given (when others
    /// are held, else empty), and the fingerprints of the documents written last, whose words are
    /// then not found again for their lookup (null for the others).
    /// </summary>
    private (Dictionary<ulong, int> Added, DocumentFingerprints?[] LastWritten) WriteFingerprints(IReadOnlyList<Document> documents, bool countPlaces)
    {
        var added = new Dictionary<ulong, int>();
        var written = new DocumentFingerprints?[documents.Count];
        var unwritten = new List<int>();
        var held = 0;
        for (var i = 0; i < documents.Count; i++)
        {
            var fingerprints = Fingerprints(ReuseDocuments.Quotable(ReuseDocuments.Of(documents[i])), toWrite: true);
            if (countPlaces)
            {
                foreach (var fingerprint in fingerprints)
                    added[fingerprint.Hash] = added.GetValueOrDefault(fingerprint.Hash) + 1;
            }
            written[i] = fingerprints;
            unwritten.Add(i);
            held += fingerprints.Count;
            if (held >= MaximumUnwrittenFingerprints && i < documents.Count - 1)
            {
                Write(unwritten, written);
                foreach (var k in unwritten)
                    written[k] = null;
                (unwritten, held) = ([], 0);
            }
        }
        Write(unwritten, written);
        return (added, written);
    }

    private void Write(List<int> unwritten, DocumentFingerprints?[] fingerprints)
    {
        if (unwritten.Count > 0)
            catalog.SetFingerprints(_scheme.Version, [.. unwritten.Select(k => (fingerprints[k]!.Id, fingerprints[k]!.InHashOrder()))]);
    }

    /// <summary>A document's fingerprints, with at most one place more than the limit of each run (<see cref="DocumentFingerprints"/>).</summary>
    private DocumentFingerprints Fingerprints(ReuseDocument document, bool toWrite = false)
        => new(document.Id, Tokeniser.Tokenise(document.Text), _scheme, _limit, toWrite);

    /// <summary>The runs the batch moved across the limit, either way, with how many places the catalog now holds of each.</summary>
    /// <param name="seen">Places of each run the lookups saw, counted up to the limit and one more.</param>
    private Dictionary<ulong, int> Crossings(Dictionary<ulong, int> added, IReadOnlyList<Fingerprint> replaced, Dictionary<ulong, int> seen)
    {
        var net = new Dictionary<ulong, int>(added);
        foreach (var fingerprint in replaced)
            net[fingerprint.Hash] = net.GetValueOrDefault(fingerprint.Hash) - 1;
        var unseen = net.Keys.Where(h => !seen.ContainsKey(h)).ToList();
        foreach (var group in catalog.FindFingerprints(unseen, _limit + 1).GroupBy(f => f.Hash))
            seen[group.Key] = group.Count();

        // Held more than the limit now and given places by the batch: the count before needs the
        // count now exactly, up to the most it can have grown by.
        var grown = net.Where(e => e.Value > 0 && seen.GetValueOrDefault(e.Key) > _limit).Select(e => e.Key).ToList();
        var exact = new Dictionary<ulong, int>();
        if (grown.Count > 0)
        {
            var cap = _limit + 1 + grown.Max(h => net[h]);
            foreach (var group in catalog.FindFingerprints(grown, cap).GroupBy(f => f.Hash))
                exact[group.Key] = group.Count();
        }
        var crossings = new Dictionary<ulong, int>();
        foreach (var (hash, change) in net)
        {
            if (change == 0)
                continue;
            var now = exact.TryGetValue(hash, out var counted) ? counted : seen.GetValueOrDefault(hash);
            // A count at the cap is "more than the limit" now, and was before too (it cannot have
            // grown by more than the cap's margin), so it crosses nothing.
            var before = now - change;
            if (now > _limit != before > _limit)
                crossings[hash] = now;
        }
        return crossings;
    }

    /// <summary>Detects again every pair of documents outside the batch that holds a run the batch moved across the limit.</summary>
    private void DetectAgain(Dictionary<ulong, int> crossings, Dictionary<string, int> batch)
    {
        var pairs = new SortedSet<(string A, string B)>(Comparer<(string A, string B)>.Create((x, y) =>
            string.CompareOrdinal(x.A, y.A) is var a and not 0 ? a : string.CompareOrdinal(x.B, y.B)));
        // Every crossing run's places in one question: each count is exact (a run counted at the
        // cap crosses nothing), so asking for the most of any reads all of each.
        var placesOf = crossings.Count == 0 ? null : catalog.FindFingerprints(crossings.Keys, crossings.Values.Max()).ToLookup(f => f.Hash);
        foreach (var (hash, places) in crossings)
        {
            var holders = placesOf![hash].Take(places).Where(f => !batch.ContainsKey(f.DocumentId))
                .GroupBy(f => f.DocumentId).Select(g => (Id: g.Key, Places: g.Count())).OrderBy(h => h.Id, StringComparer.Ordinal).ToList();
            for (var i = 0; i < holders.Count; i++)
            {
                // A document that holds the run twice shares it with itself.
                if (holders[i].Places > 1)
                    pairs.Add((holders[i].Id, holders[i].Id));
                for (var j = i + 1; j < holders.Count; j++)
                    pairs.Add((holders[i].Id, holders[j].Id));
            }
        }
        // Each document is looked up once, against all its partners: a crossing run is most often
        // one of several (a letterhead is many runs), held by the same few dozen documents.
        var groups = pairs.GroupBy(p => p.A, StringComparer.Ordinal).Select(g => (Id: g.Key, Partners: g.Select(p => p.B).ToHashSet(StringComparer.Ordinal))).ToList();
        var made = new DocumentFingerprints?[groups.Count];
        DocumentFingerprints FingerprintsAt(int k) => made[k] ??= Fingerprints(Resolve(groups[k].Id));
        var prefetched = new Prefetched(catalog, _limit + 1);
        var fetchedUpTo = 0;
        for (var i = 0; i < groups.Count; i++)
        {
            if (i == fetchedUpTo)
                fetchedUpTo = prefetched.Fetch(FingerprintsAt, groups.Count, i);
            var (id, partners) = groups[i];
            catalog.RemoveQuoteLinksBetween(id, partners);
            var document = Resolve(id);
            var fingerprints = FingerprintsAt(i);
            made[i] = null;
            AddLinks(_detector.DetectFor(document, fingerprints.Text, fingerprints, new PairLookup(prefetched, partners), Resolve));
        }
    }

    private void AddLinks(IReadOnlyList<ReusePassage> passages)
    {
        // A compilation's page and its parts are one source cut in pieces: what they share (the
        // page's list of its parts' titles) is the same print, not a quotation. Two witnesses of
        // one text (a page saved as text and as HTML) are one text, and do not quote each other.
        catalog.AddQuoteLinks(passages.Where(p => !IsPartOf(p.SourceId, p.TargetId) && !IsPartOf(p.TargetId, p.SourceId) && !AreOneText(p.SourceId, p.TargetId)).Select(p => new QuoteLink(
            p.SourceId, p.Source.Start, p.Source.Length, p.TargetId, p.Target.Start, p.Target.Length,
            p.MatchedWords, ReuseDocuments.DirectionName(p.Direction))));
    }

    private bool IsPartOf(string part, string whole) => part != whole && Read(part).PartOf == whole;

    // The catalog holds the text keys of every document indexed here: each is upserted before it
    // is indexed, and none changes while it is, so what the catalog said of one is kept.
    private bool AreOneText(string first, string second)
    {
        if (first == second)
            return false;
        if (!_sameText.TryGetValue(first, out var same))
        {
            if (_sameText.Count >= KeptTexts)
                _sameText.Clear();
            _sameText[first] = same = catalog.SameText(first);
        }
        return same.Contains(second, StringComparer.Ordinal);
    }

    private ReuseDocument Resolve(string id) => Read(id).Reuse;

    /// <remarks>
    /// From the catalog, not the store: the catalog holds every document its fingerprints name, at
    /// the version they were made from, and reads its text as one row where the store reads and
    /// parses the object's inventory, its document.json and its source.
    /// </remarks>
    private (string? PartOf, ReuseDocument Reuse) Read(string id)
    {
        if (_resolved.TryGetValue(id, out var known))
            return known;
        var text = catalog.Text(id) ?? throw new InvalidOperationException($"the catalog's fingerprints name {id}, which it does not hold");
        return Keep(text.PartOf, ReuseDocuments.Quotable(ReuseDocuments.Of(text)));
    }

    private (string? PartOf, ReuseDocument Reuse) Keep(string? partOf, ReuseDocument reuse)
    {
        if (_resolved.Count >= KeptTexts)
            _resolved.Clear();
        return _resolved[reuse.Id] = (partOf, reuse);
    }

    /// <summary>All places of a run found at the limit (which the detector then leaves alone), else those it may pair with.</summary>
    private static List<Fingerprint> Kept(IReadOnlyList<Fingerprint> found, FingerprintGroups byHash, int limitPerHash, Func<Fingerprint, bool> pairsWith)
    {
        var kept = new List<Fingerprint>(found.Count);
        foreach (var fingerprint in found)
        {
            if (byHash.CountOf(fingerprint.Hash) >= limitPerHash || pairsWith(fingerprint))
                kept.Add(fingerprint);
        }
        return kept;
    }

    /// <summary>
    /// The catalog's fingerprints as the batch's document at <c>position</c> may pair with them:
    /// all of a run held more than the limit (which the detector then leaves alone), else those of
    /// documents outside the batch, before it in the batch, or itself.
    /// </summary>
    /// <param name="seen">Where given, the places of each run asked are noted in it.</param>
    private sealed class BatchLookup(Prefetched catalog, Dictionary<string, int> batch, int position, Dictionary<ulong, int>? seen) : IFingerprintLookup
    {
        public IReadOnlyList<Fingerprint> Lookup(IReadOnlyCollection<ulong> hashes, int limitPerHash)
        {
            var found = catalog.Find(hashes, limitPerHash);
            var byHash = new FingerprintGroups(found);
            if (seen is not null)
            {
                foreach (var hash in byHash.Hashes)
                    seen[hash] = byHash.CountOf(hash);
            }
            return Kept(found, byHash, limitPerHash, f => !batch.TryGetValue(f.DocumentId, out var at) || at <= position);
        }
    }

    /// <summary>
    /// The catalog's fingerprints of the runs of several documents, asked in one question where
    /// each document's would be one (a round trip each, on a database server). The batch's
    /// fingerprints are all written before any document is looked up, and none is written while
    /// they are, so the answer is the one each document's own question would get.
    /// </summary>
    private sealed class Prefetched(ICatalog catalog, int limitPerHash)
    {
        // Runs asked at once, of as many documents as they come from: a batch's, most often.
        private const int HashesAtOnce = 20_000;

        private readonly Dictionary<ulong, List<Fingerprint>> _found = [];

        /// <summary>
        /// Asks for the runs of the documents from <paramref name="first"/> on whose fingerprints
        /// are at hand, as many as fit in one question (a long text's are asked a slice at a time
        /// by its own lookups, as ever); returns the position after the last one asked.
        /// </summary>
        public int Fetch(Func<int, DocumentFingerprints?> fingerprintsAt, int count, int first)
        {
            _found.Clear();
            var next = first;
            while (next < count && fingerprintsAt(next) is { } fingerprints && _found.Count + fingerprints.Count <= HashesAtOnce)
            {
                foreach (var fingerprint in fingerprints)
                    _found.TryAdd(fingerprint.Hash, []);
                next++;
            }
            if (_found.Count > 0)
            {
                foreach (var fingerprint in catalog.FindFingerprints(_found.Keys, limitPerHash))
                    _found[fingerprint.Hash].Add(fingerprint);
            }
            return Math.Max(next, first + 1);
        }

        public IReadOnlyList<Fingerprint> Find(IReadOnlyCollection<ulong> hashes, int limit)
            => limit == limitPerHash && _found.Count > 0 && hashes.All(_found.ContainsKey)
                ? [.. hashes.Distinct().SelectMany(h => _found[h])]
                : catalog.FindFingerprints(hashes, limit);
    }

    /// <summary>
    /// The catalog's fingerprints as one document may pair with <c>others</c> alone: all of a run
    /// held more than the limit (the detector asks for one more than the limit, and leaves a run
    /// alone when that many come back), else the others' (the document itself among them only
    /// where its pair with itself is to be detected again).
    /// </summary>
    private sealed class PairLookup(Prefetched catalog, HashSet<string> others) : IFingerprintLookup
    {
        public IReadOnlyList<Fingerprint> Lookup(IReadOnlyCollection<ulong> hashes, int limitPerHash)
        {
            var found = catalog.Find(hashes, limitPerHash);
            return Kept(found, new FingerprintGroups(found), limitPerHash, f => others.Contains(f.DocumentId));
        }
    }
}
