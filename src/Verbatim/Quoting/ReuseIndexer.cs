using Verbatim.Model;
using Verbatim.Searching;
using Verbatim.Text.Fingerprints;
using Verbatim.Text.Reuse;
using Verbatim.Text.Tokens;

namespace Verbatim.Quoting;

/// <summary>
/// Keeps the catalog's fingerprints and quote links up to date as documents enter it: each
/// document's fingerprints are stored, then the passages it shares with the documents already
/// indexed (and with itself) are found and stored as links.
/// </summary>
/// <remarks>
/// Documents are indexed one after another, each against those before it, so every pair is
/// detected once, when the second of the two arrives. The caller upserts the documents first
/// (which drops their old fingerprints and links) and indexes them in the same transaction.
/// </remarks>
internal sealed class ReuseIndexer(ICatalog catalog, Func<string, Document?> read)
{
    // Texts read for the detector are kept while they are few: a batch's documents often share
    // passages with the same few others; a whole reindex must not hold the archive in memory.
    private const int KeptTexts = 256;

    private readonly FingerprintScheme _scheme = FingerprintScheme.Default;
    private readonly ReuseDetector _detector = new();
    private readonly Dictionary<string, (Document Document, ReuseDocument Reuse)> _resolved = new(StringComparer.Ordinal);

    public static string SchemeVersion => FingerprintScheme.Default.Version;

    public void Index(Document document)
    {
        var added = Keep(document);
        var text = Tokeniser.Tokenise(added.Text);
        var fingerprints = _scheme.Fingerprints(added.Id, text).ToList();
        catalog.SetFingerprints(added.Id, _scheme.Version, fingerprints);
        var passages = _detector.DetectFor(added, text, fingerprints, new CatalogFingerprints(catalog), Resolve);
        // A compilation's page and its parts are one source cut in pieces: what they share (the
        // page's list of its parts' titles) is the same print, not a quotation.
        catalog.AddQuoteLinks(passages.Where(p => !IsPartOf(p.SourceId, p.TargetId) && !IsPartOf(p.TargetId, p.SourceId)).Select(p => new QuoteLink(
            p.SourceId, p.Source.Start, p.Source.Length, p.TargetId, p.Target.Start, p.Target.Length,
            p.MatchedWords, ReuseDocuments.DirectionName(p.Direction))));
    }

    private bool IsPartOf(string part, string whole) => part != whole && Read(part).Document.PartOf == whole;

    private ReuseDocument Resolve(string id) => Read(id).Reuse;

    private (Document Document, ReuseDocument Reuse) Read(string id)
    {
        if (_resolved.TryGetValue(id, out var known))
            return known;
        var document = read(id) ?? throw new InvalidOperationException($"the catalog names {id}, which the store does not hold");
        Keep(document);
        return _resolved[id];
    }

    private ReuseDocument Keep(Document document)
    {
        if (_resolved.Count >= KeptTexts)
            _resolved.Clear();
        var reuse = ReuseDocuments.Of(document);
        _resolved[document.Id] = (document, reuse);
        return reuse;
    }
}
