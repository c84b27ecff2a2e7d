using Verbatim.Access;
using Verbatim.Model;

namespace Verbatim.Searching;

/// <summary>
/// The derived index: metadata, full text and facets. It can always be thrown away and rebuilt
/// from the store; nothing lives only here.
/// </summary>
public interface ICatalog : IDisposable
{
    /// <summary>Adds the document or replaces what the catalog held for its id.</summary>
    void Upsert(Document document, int version);

    void Remove(string id);

    /// <summary>Empties the catalog, before a rebuild.</summary>
    void Clear();

    int Count { get; }

    /// <summary>
    /// The document's text as catalogued, null for an id the catalog does not hold: one row read,
    /// where the store would read and parse the whole object.
    /// </summary>
    CatalogText? Text(string id);

    /// <summary>
    /// Hits, total and facets of a query. Its work is bounded: a query past <see cref="SearchQuery.TimeLimit"/>
    /// is stopped with <see cref="QueryTooCostlyException"/>, and one whose caller cancels is stopped
    /// with <see cref="OperationCanceledException"/>.
    /// </summary>
    SearchResults Search(SearchQuery query, CancellationToken cancellationToken = default);

    /// <summary>
    /// The ids of the documents holding any of the words that best match them, best first as
    /// <see cref="Search"/> ranks a search for <c>"word1" OR "word2" OR ...</c>, at most
    /// <paramref name="limit"/>: the first page of that search's hits without their total, facets
    /// or snippets.
    /// </summary>
    IReadOnlyList<string> BestMatchesOfAnyWord(IReadOnlyList<string> words, int limit);

    IReadOnlyList<WorkEntry> List(WorkFilter filter);

    /// <summary>
    /// Makes many writes one transaction: far faster, and all or nothing. Only <see cref="ICatalogBatch.Commit"/>
    /// keeps them (and changes <see cref="Generation"/>); a batch disposed without it, as when an
    /// exception leaves it, keeps none of them.
    /// </summary>
    ICatalogBatch Batch();

    /// <summary>
    /// Until disposed, every query of this catalog reads one committed state, whatever another
    /// connection commits meanwhile: the parts of one answer agree. Within a batch, or within
    /// another snapshot, it adds nothing.
    /// </summary>
    IDisposable Snapshot();

    /// <summary>
    /// A number every committed batch changes (in its own transaction), so a reader that keeps
    /// what it read knows it is stale: equal numbers mean the same catalog state.
    /// </summary>
    long Generation { get; }

    /// <summary>
    /// The archive whose catalog this is (<see cref="Claim"/>); null while none has claimed it. A
    /// catalog in a shared database may be named by another archive's folder by mistake; two
    /// archives writing one catalog would each make the other's documents look lost.
    /// </summary>
    string? ArchiveId { get; }

    /// <summary>Records the archive this catalog belongs to; it outlives <see cref="Clear"/>.</summary>
    void Claim(string archiveId);

    /// <summary>Whether the catalog's tables are of this build's schema: a reader must not read another's (a writer upgrades it on opening).</summary>
    bool IsCurrent { get; }

    /// <summary>Whether opening to write found the tables of an older schema and emptied them: the caller must rebuild from the store.</summary>
    bool NeedsRebuild { get; }

    /// <summary>
    /// The version of the scheme the catalog's fingerprints were made under (the text engine names
    /// it); null while it holds none. Fingerprints of two schemes never meet: a caller whose scheme
    /// differs must rebuild.
    /// </summary>
    string? FingerprintScheme { get; }

    /// <summary>
    /// Replaces the fingerprints of a document the catalog holds. An <see cref="Upsert"/> or
    /// <see cref="Remove"/> of the document drops them, so they always belong to the version held.
    /// </summary>
    void SetFingerprints(string id, string scheme, IReadOnlyList<Fingerprint> fingerprints);

    /// <summary>
    /// <see cref="SetFingerprints(string, string, IReadOnlyList{Fingerprint})"/> for many documents
    /// at once: one write for a whole batch, which a catalog can order by hash. Each document's
    /// fingerprints are read once, as they are written, and are best given in order of hash, then
    /// of word (any order is stored the same), so that a long text's are never all held at once.
    /// </summary>
    void SetFingerprints(string scheme, IReadOnlyList<(string Id, IEnumerable<Fingerprint> Fingerprints)> documents);

    /// <summary>
    /// The fingerprints with any of these hashes, at most <paramref name="limitPerHash"/> of each
    /// hash, in no set order. One call for a whole text: a caller asking hash by hash would pay
    /// the round trip thousands of times per document.
    /// </summary>
    IReadOnlyList<Fingerprint> FindFingerprints(IReadOnlyCollection<ulong> hashes, int limitPerHash);

    /// <summary>The fingerprints the catalog holds of one document, in no set order; empty for a document it does not hold.</summary>
    IReadOnlyList<Fingerprint> FingerprintsOf(string id);

    /// <summary>Drops every link between the document and each of the others, in either direction (its links with itself, where it is among them).</summary>
    void RemoveQuoteLinksBetween(string id, IReadOnlyCollection<string> others);

    /// <summary>
    /// Adds passages found between documents the catalog holds. An <see cref="Upsert"/> or
    /// <see cref="Remove"/> of a document drops every link it takes part in, on either side.
    /// </summary>
    void AddQuoteLinks(IEnumerable<QuoteLink> links);

    /// <summary>Every link the document takes part in, as source or target, in order of the source's id and place.</summary>
    IReadOnlyList<QuoteLink> QuoteLinks(string id);

    /// <summary>
    /// Records the digest of the received bytes the document's object holds (<see cref="TextIdentity.SourceDigest"/>).
    /// An <see cref="Upsert"/> or <see cref="Remove"/> of the document drops it.
    /// </summary>
    void SetSourceDigest(string id, string digest);

    /// <summary>The document whose object holds received bytes of this digest (the first by id where several do); null when none does.</summary>
    string? HolderOfSource(string digest);

    /// <summary>The other documents whose body text is the same text (<see cref="TextIdentity.KeyOf"/>), by id.</summary>
    IReadOnlyList<string> SameText(string id);

    /// <summary>
    /// Records who may see a document the catalog holds, as its stored access.json says. An
    /// <see cref="Upsert"/> or <see cref="Remove"/> of the document drops it (the document is then open
    /// to the catalog until its access is set again), so a caller sets it after every upsert.
    /// </summary>
    void SetAccess(string id, DocumentAccess access);

    /// <summary>Every document whose access is not open, with its rule, by id.</summary>
    IReadOnlyDictionary<string, DocumentAccess> ClosedDocuments();

    /// <summary>
    /// Records versions of a document's object (adding them, or replacing those of the same
    /// number): the times and accesses a harvest is answered from. Kept by id, so an
    /// <see cref="Upsert"/> of the document does not drop them; <see cref="Clear"/> does.
    /// </summary>
    void RecordVersions(string id, IReadOnlyList<CatalogVersion> versions);

    /// <summary>The versions recorded of the document, oldest first.</summary>
    IReadOnlyList<CatalogVersion> Versions(string id);

    /// <summary>One page of a harvest (<see cref="HarvestQuery"/>) of the documents the catalog holds.</summary>
    IReadOnlyList<HarvestEntry> Harvest(HarvestQuery query);

    /// <summary>How many entries the whole harvest holds, its <see cref="HarvestQuery.After"/> and <see cref="HarvestQuery.Limit"/> aside.</summary>
    int HarvestCount(HarvestQuery query);

    /// <summary>Every collection, volume, author and kind of a document not hidden, each once.</summary>
    IReadOnlyList<SetValue> SetValues(IReadOnlySet<string>? hidden);

    /// <summary>Every part of a compilation the catalog holds, with the id of its compilation (<see cref="Document.PartOf"/>).</summary>
    IReadOnlyDictionary<string, string> PartsOfCompilations();

    /// <summary>
    /// Replaces what the catalog holds of the document's names besides its people: names its source
    /// marks, names found in its text, where it was written, and its dating. Called after
    /// <see cref="Upsert"/> of the same document; an <see cref="Upsert"/> or <see cref="Remove"/> of
    /// the document drops them.
    /// </summary>
    /// <exception cref="InvalidOperationException">The catalog does not hold the document.</exception>
    void UpsertNames(Document document, IReadOnlyList<CatalogName> found);

    /// <summary>The names of every person the catalog's documents state (authors, addressees, copies) or name in their text, each once.</summary>
    IReadOnlyList<string> PersonNames();

    /// <summary>
    /// Every catalogued document with its names (its people first, by role then position, then the
    /// others in the order they were given) and its dating, in the works index's order: by date,
    /// the undated last, then by id.
    /// </summary>
    IReadOnlyList<CatalogLetter> Letters();
}

/// <summary>An open batch of writes (<see cref="ICatalog.Batch"/>): kept by <see cref="Commit"/>, dropped by disposing without it.</summary>
public interface ICatalogBatch : IDisposable
{
    void Commit();
}

/// <summary>What a user asks for. <see cref="Text"/> may be empty: then the filters alone select.</summary>
public sealed record SearchQuery(string Text)
{
    public WorkFilter Filter { get; init; } = new();
    public int Offset { get; init; }
    public int Limit { get; init; } = 20;

    /// <summary>How long the search may work before it is stopped; every surface asks the same.</summary>
    public TimeSpan TimeLimit { get; init; } = DefaultTimeLimit;

    public static readonly TimeSpan DefaultTimeLimit = TimeSpan.FromSeconds(2);
}

/// <summary>Filters shared by search and the works index.</summary>
public sealed record WorkFilter
{
    public string? Author { get; init; }
    public string? Addressee { get; init; }
    public int? YearFrom { get; init; }
    public int? YearTo { get; init; }
    public string? Kind { get; init; }
    public string? Collection { get; init; }
    public string? Volume { get; init; }

    /// <summary>Documents left out whatever else the filter says: those the asking viewer may not see (<see cref="Visibility.Hidden"/>).</summary>
    public IReadOnlySet<string>? Hidden { get; init; }
}

/// <param name="Snippet">
/// The best passage, with each matched term between <see cref="SearchResults.MarkStart"/> and
/// <see cref="SearchResults.MarkEnd"/>; a surface turns them into its own emphasis after
/// escaping the text.
/// </param>
public sealed record SearchHit(string Id, string Title, string? Date, string Snippet, double Score);

public sealed record FacetCount(string Value, int Count);

public sealed record SearchResults(int Total, IReadOnlyList<SearchHit> Hits, IReadOnlyDictionary<string, IReadOnlyList<FacetCount>> Facets)
{
    public const char MarkStart = '\u0002';
    public const char MarkEnd = '\u0003';
}

/// <summary>A line of the works index.</summary>
public sealed record WorkEntry(
    string Id,
    string Title,
    string Kind,
    string? Date,
    IReadOnlyList<string> Authors,
    IReadOnlyList<string> Addressees,
    string? Collection,
    string? Volume,
    int Version);

/// <summary>The user's query needed more work than a search is given (<see cref="SearchQuery.TimeLimit"/>) and was stopped.</summary>
public sealed class QueryTooCostlyException(string message) : Exception(message);

/// <summary>The user's query could not be read; <see cref="Position"/> is where (0-based).</summary>
public sealed class QuerySyntaxException(string message, int position) : Exception(message)
{
    public int Position { get; } = position;
}
