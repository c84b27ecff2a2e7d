using System.Text;
using Verbatim.Formats;
using Verbatim.Formats.Common;
using Verbatim.Model;
using Verbatim.Parsing;
using Verbatim.Quoting;
using Verbatim.Searching;
using Verbatim.Storage.Catalog.Sqlite;
using Verbatim.Storage.Ocfl;
using Verbatim.Storing;

namespace Verbatim.Archiving;

/// <summary>The archive users program against: ingest, read, search, history, audit, reindex.</summary>
/// <remarks>
/// One writer at a time: opening takes an exclusive lock on the archive's lock file, and a
/// second process is told the archive is busy. The store is written before the catalog; the ids
/// of a batch are listed in <see cref="ArchiveLayout.PendingCatalog"/> until the catalog holds
/// them, so a crash between the two is mended when the archive is next opened.
/// </remarks>
public sealed partial class Archive : IDisposable
{
    // A batch is one flush of the store and one catalog transaction. Its commit writes every page
    // of the fingerprints' B-tree that its rows fall in, and in a large catalog that is nearly
    // every page whatever the batch's size, so a batch is large: up to 256 documents, or fewer
    // whose texts (which the rows follow) are long.
    private const int BatchDocuments = 256;
    private const int BatchCharacters = 8_000_000;

    // Fingerprints held in memory until written, some 80 bytes each: a batch's text gives about
    // 1.3 million at most; a reindex, which is one transaction, writes whenever it holds this many.
    private const int MaximumUnwrittenFingerprints = 1_500_000;

    private readonly FileStream _lock;
    private readonly OcflStore _store;
    private readonly SqliteCatalog _catalog;
    private readonly FileParser _parser;

    public ArchiveLayout Layout { get; }

    public IStore Store => _store;

    public ICatalog Catalog => _catalog;

    private Archive(ArchiveLayout layout, FileStream lockFile, OcflStore store, SqliteCatalog catalog, FileParser parser)
    {
        Layout = layout;
        _lock = lockFile;
        _store = store;
        _catalog = catalog;
        _parser = parser;
    }

    /// <summary>Creates an empty archive in the folder (which may exist, empty), or opens the one there.</summary>
    public static Archive Init(string directory)
    {
        var layout = new ArchiveLayout(Path.GetFullPath(directory));
        if (!File.Exists(layout.Marker))
        {
            Directory.CreateDirectory(layout.Root);
            if (Directory.EnumerateFileSystemEntries(layout.Root).Any())
                throw new ArchiveException($"{layout.Root} is not empty and holds no Verbatim archive; choose an empty or new folder");
            File.WriteAllText(layout.Marker, "A Verbatim archive. store/ is an OCFL 1.1 storage root and the truth; catalog.sqlite is derived from it (verbatim reindex).\n");
        }
        return Open(directory);
    }

    /// <summary>Opens an existing archive; a clear error when there is none.</summary>
    public static Archive Open(string directory)
    {
        var layout = new ArchiveLayout(Path.GetFullPath(directory));
        if (!File.Exists(layout.Marker))
            throw new ArchiveException($"no archive at {layout.Root} (create one with: verbatim init --archive {directory})");
        FileStream lockFile;
        try
        {
            lockFile = new FileStream(layout.Lock, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
        }
        catch (IOException)
        {
            throw new ArchiveException($"the archive at {layout.Root} is in use by another verbatim process");
        }
        try
        {
            var store = OcflStore.Open(layout.Store, layout.Staging);
            var catalog = SqliteCatalog.Open(layout.Catalog);
            var archive = new Archive(layout, lockFile, store, catalog, new FileParser());
            // Fingerprints of another scheme cannot meet new ones; the catalog is rebuilt under this one.
            if (catalog.NeedsRebuild || catalog.FingerprintScheme is { } scheme && scheme != ReuseIndexer.SchemeVersion)
                archive.Reindex();
            else
                archive.MendPendingCatalog();
            return archive;
        }
        catch
        {
            lockFile.Dispose();
            throw;
        }
    }

    /// <param name="stored">Called for each document once its write is durable in the store and the catalog holds it.</param>
    public IngestReport Ingest(IEnumerable<string> paths, IngestOptions options, IProgress<IngestProgress>? progress = null, Action<IngestedDocument>? stored = null)
    {
        var files = FileParser.ExpandInputs(paths).ToList();
        var done = new List<IngestedDocument>();
        var failed = new List<IngestFailure>();
        var skipped = new List<IngestSkip>();
        var detects = string.Equals(options.Format, FormatRegistry.Auto, StringComparison.OrdinalIgnoreCase);
        var duplicates = new List<IngestDuplicate>();
        var pending = new List<Pending>();
        var claimed = new HashSet<string>(StringComparer.Ordinal);
        var sourcesOfRun = new Dictionary<string, string>(StringComparer.Ordinal);
        var pendingCharacters = 0L;

        for (var i = 0; i < files.Count; i++)
        {
            var (path, walked) = files[i];
            progress?.Report(new IngestProgress(i, files.Count, path));
            byte[] source;
            try
            {
                source = File.ReadAllBytes(path);
            }
            catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
            {
                failed.Add(new IngestFailure(path, $"cannot read the file: {exception.Message}", null));
                continue;
            }
            var digest = TextIdentity.SourceDigest(source);
            if (DuplicateOf(digest, Path.GetFileName(path), sourcesOfRun) is { } holder)
            {
                duplicates.Add(new IngestDuplicate(path, holder));
                continue;
            }
            var input = TextDecoding.Decode(Path.GetFileName(path), source);
            // A folder holds what is not a document (a README, notes, scripts); only a file the
            // user named is read as plain text when no reader is sure of it.
            if (walked && detects && input.DecodingError is null && _parser.Registry.DetectConfidently(input) is null)
            {
                skipped.Add(new IngestSkip(path, "no reader claims it"));
                continue;
            }
            var result = _parser.Registry.Read(input, options.Format);
            if (!result.Succeeded)
            {
                var error = result.Errors.FirstOrDefault() ?? new Diagnostic("no document in the file", path);
                failed.Add(new IngestFailure(path, error.Message, error.Line));
                continue;
            }
            var ids = AssignIds(result.Documents, claimed);
            foreach (var (document, index) in result.Documents.Select((d, k) => (d, k)))
            {
                var final = Rename(document, ids);
                // A compilation's parts point at the page's object for their bytes; only the
                // page (the first document of the file) holds the source itself.
                var holdsSource = index == 0;
                var write = new DocumentWrite(final.Id, Encoding.UTF8.GetBytes(DocumentJson.Serialize(final)),
                    holdsSource ? Path.GetFileName(path) : null, holdsSource ? source : ReadOnlyMemory<byte>.Empty,
                    options.Message, options.User);
                pending.Add(new Pending(final, write, path, holdsSource ? digest : null));
                pendingCharacters += final.BodyText.Length;
            }
            sourcesOfRun[digest] = ids[result.Documents[0].Id];
            if (pending.Count >= BatchDocuments || pendingCharacters >= BatchCharacters)
            {
                Flush(pending, done, stored);
                pendingCharacters = 0;
            }
        }
        Flush(pending, done, stored);
        progress?.Report(new IngestProgress(files.Count, files.Count, null));
        return new IngestReport(done, failed) { Skipped = skipped, Duplicates = duplicates };
    }

    /// <summary>
    /// The document whose object already holds these bytes, when they are to be reported as its
    /// duplicate rather than read: within one run, any second file of the same bytes; across runs,
    /// the same bytes under another name. The same bytes under the name they were stored by are
    /// that source again, read as usual, so the store finds them unchanged (or a better reader's
    /// document a new version).
    /// </summary>
    private string? DuplicateOf(string digest, string fileName, Dictionary<string, string> sourcesOfRun)
    {
        if (sourcesOfRun.TryGetValue(digest, out var earlier))
            return earlier;
        if (_catalog.HolderOfSource(digest) is not { } holder)
            return null;
        return _store.Read(holder)?.SourceFileName == fileName ? null : holder;
    }

    private sealed record Pending(Document Document, DocumentWrite Write, string Path, string? SourceDigest);

    private void Flush(List<Pending> pending, List<IngestedDocument> done, Action<IngestedDocument>? stored)
    {
        if (pending.Count == 0)
            return;
        File.WriteAllLines(Layout.PendingCatalog, pending.Select(p => p.Document.Id));
        var results = _store.SaveAll([.. pending.Select(p => p.Write)]);
        var batch = new List<IngestedDocument>(pending.Count);
        using (_catalog.Batch())
        {
            for (var i = 0; i < pending.Count; i++)
                Catalogue(pending[i].Document, results[i].Version, pending[i].SourceDigest);
            // Once the whole batch is catalogued, so that two witnesses of one text arriving together find each other.
            for (var i = 0; i < pending.Count; i++)
            {
                batch.Add(new IngestedDocument(pending[i].Document.Id, pending[i].Document.Title, pending[i].Path, results[i].Status, results[i].Version)
                {
                    Warnings = pending[i].Document.Warnings,
                    SameTextAs = _catalog.SameText(pending[i].Document.Id),
                });
            }
            // After every upsert of the batch, so that no document's links are dropped again by a later upsert.
            IndexReuse(pending.Select(p => p.Document));
            CatalogueNames([.. pending.Select(p => p.Document)]);
        }
        File.Delete(Layout.PendingCatalog);
        pending.Clear();
        done.AddRange(batch);
        if (stored is not null)
            batch.ForEach(stored);
    }

    private void Catalogue(Document document, int version, string? sourceDigest)
    {
        _catalog.Upsert(document, version);
        if (sourceDigest is not null)
            _catalog.SetSourceDigest(document.Id, sourceDigest);
    }

    /// <summary>
    /// The id each document of one file takes: its own where free or already held by the same
    /// source (same file name, same place in it), else the first free "-2", "-3", ... so that
    /// re-ingesting a file finds the ids it took before.
    /// </summary>
    private Dictionary<string, string> AssignIds(IReadOnlyList<Document> documents, HashSet<string> claimed)
    {
        var ids = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var document in documents)
        {
            for (var n = 1; ; n++)
            {
                var candidate = n == 1 ? document.Id : $"{document.Id}-{n}";
                if (claimed.Contains(candidate))
                    continue;
                var held = _store.Read(candidate);
                if (held is null || SameSource(held, document))
                {
                    ids[document.Id] = candidate;
                    claimed.Add(candidate);
                    break;
                }
            }
        }
        return ids;
    }

    private static bool SameSource(StoredDocument held, Document document)
    {
        var stored = DocumentJson.Deserialize(Encoding.UTF8.GetString(held.DocumentJson.Span));
        return stored?.Origin?.FileName == document.Origin?.FileName
            && stored?.Origin?.FirstLine == document.Origin?.FirstLine;
    }

    private static Document Rename(Document document, Dictionary<string, string> ids)
        => document with
        {
            Id = ids[document.Id],
            Parts = [.. document.Parts.Select(p => ids.GetValueOrDefault(p, p))],
            PartOf = document.PartOf is { } parent ? ids.GetValueOrDefault(parent, parent) : null,
        };

    /// <summary>
    /// Finds the reuse of each document (upserted already, in the open catalog batch) against
    /// those catalogued before it, and stores its fingerprints and links.
    /// </summary>
    private void IndexReuse(IEnumerable<Document> documents)
    {
        var reuse = new ReuseIndexer(_catalog);
        foreach (var document in documents)
        {
            reuse.Index(document);
            // Unwritten fingerprints are held in memory; a reindex of the whole store must not hold them all.
            if (reuse.Unwritten >= MaximumUnwrittenFingerprints)
                reuse.WriteFingerprints();
        }
        reuse.WriteFingerprints();
    }

    public Document? Show(string id, int? version = null)
    {
        var stored = _store.Read(id, version);
        return stored is null ? null : DocumentJson.Deserialize(Encoding.UTF8.GetString(stored.DocumentJson.Span));
    }

    public StoredDocument? ReadStored(string id, int? version = null) => _store.Read(id, version);

    public SearchResults Search(SearchQuery query) => _catalog.Search(query);

    /// <summary>Where the archive holds the quotation, and how faithfully it is quoted; see <see cref="QuoteChecker"/>.</summary>
    public QuoteCheck CheckQuote(string quotation, int maximumMatches = 10) =>
        new QuoteChecker(_catalog).Check(quotation, maximumMatches);

    /// <summary>The passages the document shares with others (or with itself), as the catalog holds them.</summary>
    public IReadOnlyList<QuoteLink> QuoteLinks(string id) => _catalog.QuoteLinks(id);

    /// <summary>The other documents that give the same text as this one from other bytes (another markup of one page).</summary>
    public IReadOnlyList<string> SameText(string id) => _catalog.SameText(id);

    /// <summary>A quote link's two passages aligned again side by side, from the stored texts; null if either document is gone.</summary>
    public AlignedPassage? AlignQuoteLink(QuoteLink link)
    {
        ArgumentNullException.ThrowIfNull(link);
        return Show(link.SourceId) is { } source && Show(link.TargetId) is { } target ? PassageAlignment.Align(link, source, target) : null;
    }

    public IReadOnlyList<WorkEntry> List(WorkFilter filter) => _catalog.List(filter);

    public IReadOnlyList<VersionInfo> History(string id) => _store.History(id);

    public AuditReport Audit() => _store.Audit();

    /// <summary>Throws the catalog away and rebuilds it from the store alone; returns the number of documents.</summary>
    public int Reindex()
    {
        var count = 0;
        using (_catalog.Batch())
        {
            _catalog.Clear();
            var documents = new List<Document>();
            foreach (var (document, stored) in StoredDocuments())
            {
                Catalogue(document, stored.Version.Number, SourceDigestOf(stored));
                documents.Add(document);
                count++;
            }
            IndexReuse(documents);
            // Names are found once every document's people are known, so the order of the store does not matter.
            CatalogueNames(documents);
        }
        if (File.Exists(Layout.PendingCatalog))
            File.Delete(Layout.PendingCatalog);
        return count;
    }

    /// <summary>Every document of the store at its latest version, read from the store alone.</summary>
    public IEnumerable<Document> Documents() => StoredDocuments().Select(d => d.Document);

    private IEnumerable<(Document Document, StoredDocument Stored)> StoredDocuments()
    {
        foreach (var id in _store.Ids().Where(IsDocumentId))
        {
            var stored = _store.Read(id)!;
            yield return (DocumentJson.Deserialize(Encoding.UTF8.GetString(stored.DocumentJson.Span))!, stored);
        }
    }

    private static string? SourceDigestOf(StoredDocument stored)
        => stored.SourceFileName is null ? null : TextIdentity.SourceDigest(stored.Source.Span);

    private void MendPendingCatalog()
    {
        if (!File.Exists(Layout.PendingCatalog))
            return;
        using (_catalog.Batch())
        {
            var mended = new List<Document>();
            foreach (var id in File.ReadAllLines(Layout.PendingCatalog).Where(l => l.Length > 0))
            {
                var stored = _store.Read(id);
                if (stored is null)
                {
                    _catalog.Remove(id);
                    continue;
                }
                var document = DocumentJson.Deserialize(Encoding.UTF8.GetString(stored.DocumentJson.Span))!;
                Catalogue(document, stored.Version.Number, SourceDigestOf(stored));
                mended.Add(document);
            }
            IndexReuse(mended);
            CatalogueNames(mended);
        }
        File.Delete(Layout.PendingCatalog);
    }

    public void Dispose()
    {
        _catalog.Dispose();
        _lock.Dispose();
    }
}

public sealed class ArchiveException(string message) : Exception(message);

public sealed record IngestOptions(string Format, string Message, StoreUser User);

public sealed record IngestProgress(int Done, int Total, string? Path);

public sealed record IngestedDocument(string Id, string Title, string Source, WriteStatus Status, int Version)
{
    /// <summary>What the reader (and the decoding before it) could not read with certainty, as the document keeps it.</summary>
    public IReadOnlyList<Diagnostic> Warnings { get; init; } = [];

    /// <summary>The other documents of the archive that give the same text from other bytes (other markup): witnesses of one another.</summary>
    public IReadOnlyList<string> SameTextAs { get; init; } = [];
}

public sealed record IngestFailure(string Path, string Error, int? Line);

/// <summary>A file whose bytes the archive already holds, in the object of <paramref name="DuplicateOf"/>; nothing was stored.</summary>
public sealed record IngestDuplicate(string Path, string DuplicateOf);

/// <summary>A file found in a folder or by a glob and left unread, and why.</summary>
public sealed record IngestSkip(string Path, string Reason);

public sealed record IngestReport(IReadOnlyList<IngestedDocument> Documents, IReadOnlyList<IngestFailure> Failed)
{
    public IReadOnlyList<IngestSkip> Skipped { get; init; } = [];

    public IReadOnlyList<IngestDuplicate> Duplicates { get; init; } = [];
}
