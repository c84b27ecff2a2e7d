using Verbatim.Model;
using Verbatim.Searching;
using Verbatim.Text.Fingerprints;
using Verbatim.Text.Reuse;
using Verbatim.Text.Tokens;

namespace Verbatim.Quoting;

/// <summary>
/// Keeps the catalog's fingerprints and quote links up to date as documents enter it: the
/// passages each document shares with the documents already indexed (and with itself) are found
/// and stored as links, and its fingerprints are stored by <see cref="WriteFingerprints"/>.
/// </summary>
/// <remarks>
/// Documents are indexed one after another, each against those before it, so every pair is
/// detected once, when the second of the two arrives. The caller upserts the documents first
/// (which drops their old fingerprints and links), indexes them and writes their fingerprints in
/// the same transaction. Until written, fingerprints are held in memory and looked up beside the
/// catalog's, so detection sees what it would see were each document written at once; written
/// together, they go into the catalog's B-tree in hash order, each page dirtied once.
/// </remarks>
internal sealed class ReuseIndexer(ICatalog catalog)
{
    // Texts read for the detector are kept while they are few: a batch's documents often share
    // passages with the same few others; a whole reindex must not hold the archive in memory.
    private const int KeptTexts = 256;

    private readonly FingerprintScheme _scheme = FingerprintScheme.Default;
    private readonly ReuseDetector _detector = new();
    private readonly Dictionary<string, (string? PartOf, ReuseDocument Reuse)> _resolved = new(StringComparer.Ordinal);
    private UnwrittenFingerprints _unwritten = new();

    public static string SchemeVersion => FingerprintScheme.Default.Version;

    /// <summary>How many fingerprints are held until <see cref="WriteFingerprints"/>; a caller indexing many documents writes when this grows large.</summary>
    public int Unwritten => _unwritten.Count;

    public void Index(Document document)
    {
        var added = Keep(document.PartOf, ReuseDocuments.Of(document)).Reuse;
        var text = Tokeniser.Tokenise(added.Text);
        var fingerprints = _scheme.Fingerprints(added.Id, text).ToList();
        _unwritten.Add(added.Id, fingerprints);
        var passages = _detector.DetectFor(added, text, fingerprints, new UnwrittenAndCatalogued(_unwritten, catalog), Resolve);
        // A compilation's page and its parts are one source cut in pieces: what they share (the
        // page's list of its parts' titles) is the same print, not a quotation. Two witnesses of
        // one text (a page saved as text and as HTML) are one text, and do not quote each other.
        catalog.AddQuoteLinks(passages.Where(p => !IsPartOf(p.SourceId, p.TargetId) && !IsPartOf(p.TargetId, p.SourceId) && !AreOneText(p.SourceId, p.TargetId)).Select(p => new QuoteLink(
            p.SourceId, p.Source.Start, p.Source.Length, p.TargetId, p.Target.Start, p.Target.Length,
            p.MatchedWords, ReuseDocuments.DirectionName(p.Direction))));
    }

    /// <summary>Stores the fingerprints of every document indexed since the last call.</summary>
    public void WriteFingerprints()
    {
        if (_unwritten.Documents.Count == 0)
            return;
        catalog.SetFingerprints(_scheme.Version, _unwritten.Documents);
        _unwritten = new UnwrittenFingerprints();
    }

    private bool IsPartOf(string part, string whole) => part != whole && Read(part).PartOf == whole;

    // The catalog holds the text keys of every document indexed here: each is upserted before it is indexed.
    private bool AreOneText(string first, string second) => first != second && catalog.SameText(first).Contains(second, StringComparer.Ordinal);

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
        return Keep(text.PartOf, ReuseDocuments.Of(text));
    }

    private (string? PartOf, ReuseDocument Reuse) Keep(string? partOf, ReuseDocument reuse)
    {
        if (_resolved.Count >= KeptTexts)
            _resolved.Clear();
        return _resolved[reuse.Id] = (partOf, reuse);
    }

    /// <summary>
    /// The fingerprints held in memory and the catalog's, as one lookup. The catalog holds none of
    /// the unwritten documents (their upsert dropped them), so no fingerprint is counted twice, and
    /// each hash is cut at the limit over both, as the catalog would cut it were all written.
    /// </summary>
    private sealed class UnwrittenAndCatalogued(UnwrittenFingerprints unwritten, ICatalog catalog) : IFingerprintLookup
    {
        public IReadOnlyList<Fingerprint> Lookup(IReadOnlyCollection<ulong> hashes, int limitPerHash)
        {
            var held = unwritten.Lookup(hashes, limitPerHash);
            var stored = catalog.FindFingerprints(hashes, limitPerHash);
            if (held.Count == 0 || stored.Count == 0)
                return held.Count == 0 ? stored : held;
            return [.. held.Concat(stored).GroupBy(f => f.Hash).SelectMany(g => g.Take(limitPerHash))];
        }
    }

    /// <summary>
    /// The fingerprints of the documents indexed since the last write, by hash: every fingerprint in
    /// one list, and through it one chain per hash (each entry points at the one before it with the
    /// same hash), so that a batch of a million costs no list of its own per hash.
    /// </summary>
    private sealed class UnwrittenFingerprints : IFingerprintLookup
    {
        private readonly List<Fingerprint> _all = [];
        private readonly List<int> _previousOfHash = [];
        private readonly Dictionary<ulong, int> _lastOfHash = [];
        private readonly List<(string Id, IReadOnlyList<Fingerprint> Fingerprints)> _documents = [];
        private readonly HashSet<string> _ids = new(StringComparer.Ordinal);

        public int Count => _all.Count;

        public IReadOnlyList<(string Id, IReadOnlyList<Fingerprint> Fingerprints)> Documents => _documents;

        public void Add(string id, List<Fingerprint> fingerprints)
        {
            if (!_ids.Add(id))
                throw new InvalidOperationException($"{id} is indexed twice before its fingerprints are written");
            _documents.Add((id, fingerprints));
            foreach (var fingerprint in fingerprints)
            {
                _previousOfHash.Add(_lastOfHash.TryGetValue(fingerprint.Hash, out var previous) ? previous : -1);
                _lastOfHash[fingerprint.Hash] = _all.Count;
                _all.Add(fingerprint);
            }
        }

        public IReadOnlyList<Fingerprint> Lookup(IReadOnlyCollection<ulong> hashes, int limitPerHash)
        {
            var found = new List<Fingerprint>();
            foreach (var hash in hashes.Distinct())
            {
                var taken = 0;
                for (var at = _lastOfHash.GetValueOrDefault(hash, -1); at >= 0 && taken < limitPerHash; at = _previousOfHash[at], taken++)
                    found.Add(_all[at]);
            }
            return found;
        }
    }
}
