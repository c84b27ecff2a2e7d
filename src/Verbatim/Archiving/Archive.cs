using System.Text;
using Verbatim.Access;
using Verbatim.Formats;
using Verbatim.Formats.Common;
using Verbatim.Model;
using Verbatim.Parsing;
using Verbatim.Presenting;
using Verbatim.Quoting;
using Verbatim.Searching;
using Verbatim.Storage.Catalog;
using Verbatim.Storage.Ocfl;
using Verbatim.Storing;

namespace Verbatim.Archiving;

/// <summary>The archive users program against: ingest, read, search, history, audit, reindex.</summary>
/// <remarks>
/// Opening to write takes <see cref="WriterLock"/> (a writer that finds it held waits, within a
/// limit); readers take no lock. On SQLite that is one writer at a time. On a catalog several
/// processes write (<see cref="ICatalogLocks"/>) writers of documents share it and each object is
/// written by one of them at a time: its lock is taken before its head is read and held until the
/// catalog commit that names its new version; a write of the whole archive takes it alone. The
/// store is written before the catalog; the ids of a batch are listed as pending (in
/// <see cref="ArchiveLayout.PendingCatalog"/>, or in the shared catalog) until the catalog holds
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

    // Null for an archive opened for reading: it takes no lock and writes nothing.
    private readonly WriterLock? _lock;

    // The catalog's locks where several processes write the archive at once; null where one does.
    private ICatalogLocks? Locks => _lock is null ? null : _catalog as ICatalogLocks;

    // What a write of the whole archive waits for the other writers with: what opening waited.
    private TimeSpan _wait;
    private Action<string>? _waiting;
    private readonly OcflStore _store;
    // Replaced only by MigrateCatalog, under the writer's lock.
    private ICatalog _catalog;
    private readonly FileParser _parser;

    public ArchiveLayout Layout { get; }

    /// <summary>The record of who did what (<see cref="ActivityLog"/>): every write of this archive adds to it.</summary>
    public ActivityLog Log { get; }

    public IStore Store => _store;

    public ICatalog Catalog => _catalog;

    /// <summary>Where the catalog lives, as the archive records it.</summary>
    public CatalogLocation CatalogLocation { get; private set; }

    /// <summary>The result index shared by the catalog readers opened from this archive (<see cref="CatalogReaders"/>).</summary>
    public SharedResultIndex ReaderResults { get; } = new();

    private Archive(ArchiveLayout layout, WriterLock? lockFile, OcflStore store, CatalogLocation catalogLocation, ICatalog catalog, FileParser parser)
    {
        Layout = layout;
        CatalogLocation = catalogLocation;
        Log = new ActivityLog(layout);
        _lock = lockFile;
        _store = store;
        _catalog = catalog;
        _parser = parser;
    }

    /// <summary>Creates an empty archive in the folder (which may exist, empty), or opens the one there.</summary>
    /// <param name="catalog">
    /// Where the new archive's catalog lives (<see cref="CatalogLocation.Parse"/>): null or "sqlite"
    /// for a file beside the store, else a PostgreSQL database. An existing archive keeps its own:
    /// naming another one is an error (<c>verbatim catalog migrate</c> moves an archive).
    /// </param>
    public static Archive Init(string directory, string? catalog = null)
    {
        var layout = new ArchiveLayout(Path.GetFullPath(directory));
        var chosen = CatalogLocation.Parse(catalog ?? CatalogLocation.Default, layout);
        if (!File.Exists(layout.Marker))
        {
            Directory.CreateDirectory(layout.Root);
            if (Directory.EnumerateFileSystemEntries(layout.Root).Any())
                throw new ArchiveException($"{layout.Root} is not empty and holds no Verbatim archive; choose an empty or new folder");
            // The choice is recorded before the marker: a folder with the marker always says which catalog it has.
            chosen.Record(layout);
            File.WriteAllText(layout.Marker, "A Verbatim archive. store/ is an OCFL 1.1 storage root and the truth; the catalog (catalog.location says which) is derived from it (verbatim reindex).\n");
            try
            {
                return Open(directory);
            }
            catch (ArchiveException)
            {
                // A new archive that cannot open (its catalog is another archive's) is not left half made.
                foreach (var made in new[] { layout.Marker, layout.CatalogLocation, layout.Identity })
                    File.Delete(made);
                throw;
            }
        }
        else if (catalog is not null && CatalogLocation.Of(layout) is var held && held.Recorded != chosen.Recorded)
        {
            throw new ArchiveException($"the archive at {layout.Root} already has its catalog ({held.Describe}); verbatim catalog migrate moves it to another");
        }
        return Open(directory);
    }

    /// <summary>Opens an existing archive to write it; a clear error when there is none.</summary>
    /// <param name="wait">How long to wait for another writer to finish; none by default.</param>
    /// <param name="waiting">Told once, when another writer holds the archive, who it is.</param>
    /// <exception cref="ArchiveException">No archive there, or another writer held it past the wait.</exception>
    public static Archive Open(string directory, TimeSpan wait = default, Action<string>? waiting = null)
    {
        var layout = new ArchiveLayout(Path.GetFullPath(directory));
        if (!File.Exists(layout.Marker))
            throw new ArchiveException($"no archive at {layout.Root} (create one with: verbatim init --archive {directory})");
        while (true)
        {
            var location = CatalogLocation.Of(layout);
            var (catalog, lockFile) = OpenToWrite(layout, location, wait, waiting);
            // A catalog migrate that ended while this writer waited moved the archive: it writes the catalog recorded now.
            if (CatalogLocation.Of(layout).Recorded != location.Recorded)
            {
                catalog.Dispose();
                lockFile.Dispose();
                continue;
            }
            OcflStore? store = null;
            try
            {
                ClaimCatalog(layout, location, catalog);
                store = OcflStore.Open(layout.Store, layout.Staging);
                var archive = new Archive(layout, lockFile, store, location, catalog, new FileParser()) { _wait = wait, _waiting = waiting };
                // Fingerprints of another scheme cannot meet new ones; the catalog is rebuilt under this
                // one. An empty catalog beside a store that holds documents was lost (a file deleted, a
                // database made anew) and is rebuilt too, unless another writer's first batch is at work.
                if (catalog.NeedsRebuild || catalog.FingerprintScheme is { } scheme && scheme != ReuseIndexer.SchemeVersion
                    || catalog.Count == 0 && store.Ids().Any(IsDocumentId) && archive.Locks?.Pending().Count is null or 0)
                    archive.Reindex();
                else
                    archive.MendPendingCatalog();
                return archive;
            }
            catch
            {
                // A mend that failed (a full disk) must not leave the catalog's file open.
                catalog.Dispose();
                store?.Dispose();
                lockFile.Dispose();
                throw;
            }
        }
    }

    /// <summary>
    /// Makes sure the catalog is this archive's: one no archive has claimed is claimed (a new
    /// archive's, or one made before catalogs recorded their archive), one another archive claimed
    /// is refused before anything is written to it. An archive made before archives had ids gets one.
    /// </summary>
    /// <remarks>The guard is for a catalog outside the folder (a database): one inside it cannot be another archive's.</remarks>
    private static void ClaimCatalog(ArchiveLayout layout, CatalogLocation location, ICatalog catalog)
    {
        if (!File.Exists(layout.Identity))
        {
            // A catalog file inside the folder is this archive's whatever it says: a lost id is taken
            // back from it. Written beside and renamed, so that two writers opening an old archive
            // at once agree on one id.
            var claimed = location.Backend == CatalogLocation.Default ? catalog.ArchiveId : null;
            var made = layout.Identity + "." + Guid.NewGuid().ToString("N");
            File.WriteAllText(made, (claimed ?? Guid.NewGuid().ToString("N")) + "\n");
            try
            {
                File.Move(made, layout.Identity, overwrite: false);
            }
            catch (IOException) when (File.Exists(layout.Identity))
            {
                File.Delete(made);
            }
        }
        var id = ReadIdentity(layout)!;
        switch (catalog.ArchiveId)
        {
            case null:
                catalog.Claim(id);
                break;
            case var other when other != id:
                throw OthersCatalog(layout, location, other);
        }
    }

    private static string? ReadIdentity(ArchiveLayout layout) => File.Exists(layout.Identity) ? File.ReadAllText(layout.Identity).Trim() : null;

    private static ArchiveException OthersCatalog(ArchiveLayout layout, CatalogLocation location, string other)
        => new($"the catalog {location.Describe} belongs to another archive (archive id {other}; this one, at {layout.Root}, is {ReadIdentity(layout)}): "
            + "two archives must not share a catalog; give this one a catalog of its own (verbatim catalog migrate --to ...)");

    /// <summary>
    /// The catalog opened to write and the writer's lock: on SQLite the folder's lock first, since
    /// opening the catalog may write it; on a catalog several processes write, the catalog first,
    /// since its connection holds the writers' lock.
    /// </summary>
    private static (ICatalog Catalog, WriterLock Lock) OpenToWrite(ArchiveLayout layout, CatalogLocation location, TimeSpan wait, Action<string>? waiting)
    {
        if (location.Backend == CatalogLocation.Default)
        {
            var folderLock = WriterLock.Acquire(layout, wait, waiting);
            try
            {
                return (OpenWriter(location), folderLock);
            }
            catch
            {
                folderLock.Dispose();
                throw;
            }
        }
        var catalog = OpenWriter(location);
        try
        {
            var locks = catalog as ICatalogLocks ?? throw new ArchiveException($"the catalog {location.Describe} cannot be shared by several writers");
            return (catalog, WriterLock.AcquireShared(layout, locks, wait, waiting));
        }
        catch
        {
            catalog.Dispose();
            throw;
        }
    }

    /// <summary>
    /// Opens an archive for reading only: no lock is held and nothing is written, so it opens on a
    /// full disk and beside a writer. A catalog behind the store (an ingest cut off before its
    /// catalog update) or of another version is first mended where the archive can be written at
    /// that moment; where it cannot, the catalog is read as it is and <see cref="CatalogLag"/> says
    /// so (search may miss that batch's documents until the next write mends it).
    /// </summary>
    /// <exception cref="ArchiveException">No archive there, or a catalog no reader can use (none yet, or of another schema).</exception>
    public static Archive OpenForReading(string directory)
    {
        var layout = new ArchiveLayout(Path.GetFullPath(directory));
        if (!File.Exists(layout.Marker))
            throw new ArchiveException($"no archive at {layout.Root} (create one with: verbatim init --archive {directory})");
        var location = CatalogLocation.Of(layout);
        var writerAtWork = CatalogNeedsMending(layout, location) && !TryMend(directory);
        if (!location.Exists)
            throw new ArchiveException($"the archive at {layout.Root} has no catalog yet; any write (ingest, reindex) builds it");
        ICatalog catalog;
        try
        {
            catalog = location.OpenReader();
        }
        catch (Exception exception) when (CatalogLocation.IsUnreadable(exception))
        {
            throw new ArchiveException($"cannot read the catalog of {layout.Root} ({location.Describe}): {exception.Message}");
        }
        if (!catalog.IsCurrent || catalog.FingerprintScheme is { } scheme && scheme != ReuseIndexer.SchemeVersion)
        {
            catalog.Dispose();
            throw new ArchiveException($"the catalog of {layout.Root} was made by another version of Verbatim; any write (ingest, reindex) rebuilds it");
        }
        if (catalog.ArchiveId is { } owner && ReadIdentity(layout) is { } mine && owner != mine)
        {
            catalog.Dispose();
            throw OthersCatalog(layout, location, owner);
        }
        return new Archive(layout, null, OcflStore.OpenForReading(layout.Store), location, catalog, new FileParser())
        {
            // Another process's batch lists its ids there until its catalog commit: a write at work, not one cut off.
            CatalogLag = File.Exists(layout.PendingCatalog) && !writerAtWork
                ? "the catalog is behind the store: an ingest was cut off before its catalog update; the next write (or verbatim reindex) mends it"
                : null,
        };
    }

    private static bool CatalogNeedsMending(ArchiveLayout layout, CatalogLocation location)
    {
        if (File.Exists(layout.PendingCatalog) || !location.Exists)
            return true;
        try
        {
            using var catalog = location.OpenReader();
            return !catalog.IsCurrent || catalog.FingerprintScheme is { } scheme && scheme != ReuseIndexer.SchemeVersion;
        }
        catch (Exception exception) when (CatalogLocation.IsUnreadable(exception))
        {
            return true;
        }
    }

    private static ICatalog OpenWriter(CatalogLocation location)
    {
        try
        {
            return location.OpenWriter();
        }
        catch (Exception exception) when (exception is Npgsql.NpgsqlException or Npgsql.PostgresException)
        {
            throw new ArchiveException($"cannot open the catalog ({location.Describe}): {exception.Message}");
        }
    }

    // A catalog behind the store, or of another version, is mended by opening the archive for
    // writing, when that can be done now; where it cannot (another process writes, the disk is
    // full or read-only), a reader reads what the catalog holds and is told.
    // False where another process holds the writer's lock: it is writing now.
    private static bool TryMend(string directory)
    {
        try
        {
            using var writer = Open(directory);
        }
        catch (ArchiveBusyException)
        {
            return false;
        }
        catch (Exception exception) when (exception is ArchiveException or IOException or UnauthorizedAccessException || CatalogLocation.IsUnreadable(exception))
        {
        }
        return true;
    }

    /// <summary>Where the archive was opened for reading and its catalog is behind the store, what a reader should be told; else null.</summary>
    public string? CatalogLag { get; private init; }

    public bool IsReadOnly => _lock is null;

    private void EnsureWritable()
    {
        if (_lock is null)
            throw new ArchiveException($"the archive at {Layout.Root} was opened for reading only");
    }

    /// <param name="stored">Called for each document once its write is durable in the store and the catalog holds it.</param>
    public IngestReport Ingest(IEnumerable<string> paths, IngestOptions options, IProgress<IngestProgress>? progress = null, Action<IngestedDocument>? stored = null)
    {
        EnsureWritable();
        var (walk, refusedPackages) = PackagedInput.Walk(paths, options.FollowLinks);
        var files = walk.Files;
        var done = new List<IngestedDocument>();
        var failed = new List<IngestFailure>([.. refusedPackages, .. walk.Unreadable.Select(u => new IngestFailure(u.Path, u.Error, null))]);
        var skipped = new List<IngestSkip>([.. walk.Skipped.Select(s => new IngestSkip(s.Path, s.Reason))]);
        var detects = string.Equals(options.Format, FormatRegistry.Auto, StringComparison.OrdinalIgnoreCase);
        var duplicates = new List<IngestDuplicate>();
        var pending = new List<Pending>();
        var claimed = new HashSet<string>(StringComparer.Ordinal);
        var sourcesOfRun = new Dictionary<string, string>(StringComparer.Ordinal);
        var pendingCharacters = 0L;

        IngestFailure? TooLarge(long length, string path) => length > options.MaximumFileBytes
            ? new IngestFailure(path, $"the file is {Wording.Megabytes(length)}, more than the {Wording.Megabytes(options.MaximumFileBytes)} a file may be (--max-file-size)", null)
            : null;

        for (var i = 0; i < files.Count; i++)
        {
            var (path, walked) = files[i];
            // The name the source is kept under: the file's own (or the one a package gives it), or, where its bytes are not UTF-8, a form that keeps them.
            var fileName = files[i].Name ?? Path.GetFileName(path);
            progress?.Report(new IngestProgress(i, files.Count, path));
            byte[] source;
            try
            {
                // A text's cost at ingest grows with its size (words, fingerprints, alignment):
                // what no letter reaches is refused before it is read.
                // A file whose name .NET cannot open is measured once read.
                if (TooLarge(new FileInfo(path) is { Exists: true } info ? info.Length : 0, path) is { } tooLarge)
                {
                    failed.Add(tooLarge);
                    continue;
                }
                if (UndecodableFileNames.Read(path) is { } undecodable)
                    (source, fileName) = undecodable;
                else
                    source = File.ReadAllBytes(path);
                if (TooLarge(source.Length, path) is { } readTooLarge)
                {
                    failed.Add(readTooLarge);
                    continue;
                }
            }
            catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
            {
                failed.Add(new IngestFailure(path, $"cannot read the file: {exception.Message}", null));
                continue;
            }
            var digest = TextIdentity.SourceDigest(source);
            if (DuplicateOf(digest, fileName, sourcesOfRun) is { } holder)
            {
                duplicates.Add(new IngestDuplicate(path, holder));
                continue;
            }
            var input = TextDecoding.Decode(fileName, source);
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
            var (ids, corrections, contended) = AssignIds(result.Documents, claimed);
            if (contended is not null)
            {
                foreach (var id in ids.Values)
                    claimed.Remove(id);
                WaitFor(contended, pending, done, stored, options.From);
                pendingCharacters = 0;
                i--;
                continue;
            }
            foreach (var (document, index) in result.Documents.Select((d, k) => (d, k)))
            {
                var final = WithCorrections(Rename(document, ids), corrections.GetValueOrDefault(ids[document.Id], []));
                if (files[i].Ocfl is var (ocflObject, ocflDigest))
                    final = final with { Origin = (final.Origin ?? new SourceInfo(options.Format, fileName)) with { OcflObject = ocflObject, OcflDigest = ocflDigest } };
                // A compilation's parts point at the page's object for their bytes; only the
                // page (the first document of the file) holds the source itself.
                var holdsSource = index == 0;
                var write = new DocumentWrite(final.Id, DocumentJson.SerializeToUtf8(final),
                    holdsSource ? fileName : null, holdsSource ? source : ReadOnlyMemory<byte>.Empty,
                    options.Message, options.User)
                {
                    Access = options.Access is { } access ? AccessJson.ToBytes(access) : null,
                };
                pending.Add(new Pending(final, path, holdsSource ? digest : null) { Write = write });
                pendingCharacters += final.BodyText.Length;
            }
            sourcesOfRun[digest] = ids[result.Documents[0].Id];
            if (pending.Count >= BatchDocuments || pendingCharacters >= BatchCharacters)
            {
                FlushOrSayDiskFull(pending, done, stored, options.From);
                pendingCharacters = 0;
            }
        }
        FlushOrSayDiskFull(pending, done, stored, options.From);
        progress?.Report(new IngestProgress(files.Count, files.Count, null));
        return new IngestReport(done, failed) { Skipped = skipped, Duplicates = duplicates };
    }

    private static string ObjectKey(string id) => "object:" + id;

    /// <summary>Takes the lock of an object about to be read and written; always true where this process is the one writer.</summary>
    private bool TryClaim(string key) => Locks?.TryLock(key) ?? true;

    /// <summary>
    /// Where another writer holds a lock this run needs: what the run has pending is stored and
    /// catalogued, every lock let go, and only then is the lock waited for. A writer never waits
    /// while it holds a lock, so two writers never wait for each other, whatever order their
    /// files name the objects in. The file is then read again from the start.
    /// </summary>
    private void WaitFor(string key, List<Pending> pending, List<IngestedDocument> done, Action<IngestedDocument>? stored, string from)
    {
        FlushOrSayDiskFull(pending, done, stored, from);
        Locks!.UnlockAll();
        Locks.Lock(key);
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

    private sealed record Pending(Document Document, string Path, string? SourceDigest)
    {
        // The bytes to store, let go once they are stored: a long text's source and document.json
        // are not needed to catalogue it.
        public DocumentWrite? Write { get; set; }
    }

    /// <exception cref="ArchiveException">The disk is full: what earlier batches stored is kept, this batch is not (or its catalog update waits for the next write to mend it).</exception>
    private void FlushOrSayDiskFull(List<Pending> pending, List<IngestedDocument> done, Action<IngestedDocument>? stored, string from)
    {
        try
        {
            Flush(pending, done, stored, from);
        }
        catch (Exception exception) when (IsDiskFull(exception))
        {
            throw new ArchiveException($"the disk holding {Layout.Root} is full: the last batch of {pending.Count} documents was not stored"
                + $" ({done.Count} stored before it are kept); free some space and ingest again");
        }
    }

    // ENOSPC, as .NET reports it on Unix (the errno as HResult), and SQLite's SQLITE_FULL.
    private static bool IsDiskFull(Exception exception)
        => exception is IOException { HResult: 28 } or Microsoft.Data.Sqlite.SqliteException { SqliteErrorCode: 13 }
            || exception.InnerException is { } inner && IsDiskFull(inner);

    /// <param name="from">Where the writes come from, for the log: "command line", or a client's address.</param>
    /// <param name="action">What the log calls each write: "store" (a document read from its source), "correct" (an editor's correction of its fields), "access" (a change of access alone).</param>
    private void Flush(List<Pending> pending, List<IngestedDocument> done, Action<IngestedDocument>? stored, string from, string action = "store")
    {
        try
        {
            if (pending.Count > 0)
                FlushLocked(pending, done, stored, from, action);
        }
        finally
        {
            // Once the catalog names the new versions (or the batch failed, and a mend will); and,
            // after an ingest's last batch, a lock waited for whose file then needed no write.
            Locks?.UnlockAll();
        }
    }

    private void FlushLocked(List<Pending> pending, List<IngestedDocument> done, Action<IngestedDocument>? stored, string from, string action)
    {
        var ids = pending.Select(p => p.Document.Id).ToList();
        if (Locks is null)
            File.WriteAllLines(Layout.PendingCatalog, ids);
        else
            Locks.MarkPending(ids);
        var results = _store.SaveAll([.. pending.Select(p => p.Write!)]);
        var accesses = pending.Select((p, i) => AccessAfter(p.Write!, results[i])).ToList();
        var logged = pending.Select((p, i) => (Write: p.Write!, Result: results[i], Access: accesses[i]))
            .Where(w => w.Result.Status != WriteStatus.Unchanged)
            .Select(w => new LogRecord(action, w.Write.User.Name, from, w.Write.Id,
                $"version {w.Result.Version} ({w.Result.Status.ToString().ToLowerInvariant()}): {w.Write.Message}{(w.Write.Access is null ? "" : $"; access {w.Access}")}"))
            .ToList();
        foreach (var written in pending)
            written.Write = null;
        var batch = new List<IngestedDocument>(pending.Count);
        Catalogue([.. pending.Select((p, i) => new Catalogued(p.Document, results[i].Version, p.SourceDigest, accesses[i],
            results[i].Status == WriteStatus.Unchanged ? [] : [new CatalogVersion(results[i].Version, results[i].Created, accesses[i].ToString())]))]);
        // Once the whole batch is catalogued, so that two witnesses of one text arriving together find each other.
        for (var i = 0; i < pending.Count; i++)
        {
            batch.Add(new IngestedDocument(pending[i].Document.Id, pending[i].Document.Title, pending[i].Path, results[i].Status, results[i].Version)
            {
                Warnings = pending[i].Document.Warnings,
                SameTextAs = _catalog.SameText(pending[i].Document.Id),
            });
        }
        if (Locks is null)
            File.Delete(Layout.PendingCatalog);
        Log.AppendAll(logged);
        pending.Clear();
        done.AddRange(batch);
        if (stored is not null)
            batch.ForEach(stored);
    }

    /// <summary>
    /// A document into the catalog with the digest of its source, by which a later file of the
    /// same bytes is known as a duplicate, and its access, by which every surface filters.
    /// </summary>
    private void Upsert(Catalogued entry)
    {
        _catalog.Upsert(entry.Document, entry.Version);
        if (entry.Versions.Count > 0)
            _catalog.RecordVersions(entry.Document.Id, entry.Versions);
        if (entry.SourceDigest is not null)
            _catalog.SetSourceDigest(entry.Document.Id, entry.SourceDigest);
        if (!entry.Access.IsOpen)
            _catalog.SetAccess(entry.Document.Id, entry.Access);
    }

    /// <summary>What the catalog holds of one stored version, with the versions of its object to record (the new one of a write, all of them where read from the store).</summary>
    private sealed record Catalogued(Document Document, int Version, string? SourceDigest, DocumentAccess Access, IReadOnlyList<CatalogVersion> Versions);

    /// <summary>The head version of an object read from the store, with every version's time and access.</summary>
    private Catalogued CataloguedOf(Document document, StoredDocument stored)
        => new(document, stored.Version.Number, SourceDigestOf(stored), AccessJson.Read(stored.Access), VersionsOf(stored));

    /// <remarks>
    /// A version's access.json is kept by every later version unless one gives another, so an
    /// object whose head has none never had one: only the few objects with a rule are read
    /// version by version.
    /// </remarks>
    private List<CatalogVersion> VersionsOf(StoredDocument stored)
    {
        var history = _store.History(stored.Id);
        return stored.Access is null
            ? [.. history.Select(v => new CatalogVersion(v.Number, v.Created, DocumentAccess.Open.ToString()))]
            : [.. history.Select(v => new CatalogVersion(v.Number, v.Created, AccessJson.Read(_store.Read(stored.Id, v.Number)?.Access).ToString()))];
    }

    /// <summary>The access of the version a write left at the head: the one it gave, else the one it kept (a new object has none: open).</summary>
    private DocumentAccess AccessAfter(DocumentWrite write, StoreWriteResult result)
        => write.Access is { } given ? AccessJson.Read(given)
            : result.Status == WriteStatus.New ? DocumentAccess.Open
            : AccessJson.Read(_store.Read(write.Id)?.Access);

    /// <summary>
    /// The id each document of one file takes: its own where free or already held by the same
    /// source (same file name, same place in it), else the first free "-2", "-3", ... so that
    /// re-ingesting a file finds the ids it took before; with the editors' corrections each id's
    /// stored version holds, to be made again on the new reading.
    /// </summary>
    /// <returns>Also, where another writer holds the lock of an id this file may take, its key: the ids were not all assigned.</returns>
    private (Dictionary<string, string> Ids, Dictionary<string, IReadOnlyList<Correction>> Corrections, string? Contended) AssignIds(IReadOnlyList<Document> documents, HashSet<string> claimed)
    {
        var ids = new Dictionary<string, string>(StringComparer.Ordinal);
        var corrections = new Dictionary<string, IReadOnlyList<Correction>>(StringComparer.Ordinal);
        foreach (var document in documents)
        {
            for (var n = 1; ; n++)
            {
                var candidate = n == 1 ? document.Id : $"{document.Id}-{n}";
                if (claimed.Contains(candidate))
                    continue;
                if (!TryClaim(ObjectKey(candidate)))
                    return (ids, corrections, ObjectKey(candidate));
                var held = _store.Read(candidate);
                Document? stored = null;
                if (held is null || SameSource(held, document, out stored))
                {
                    ids[document.Id] = candidate;
                    claimed.Add(candidate);
                    if (stored?.Corrections is { Count: > 0 } made)
                        corrections[candidate] = made;
                    break;
                }
            }
        }
        return (ids, corrections, null);
    }

    /// <param name="stored">The held document, where its document.json is sound.</param>
    private static bool SameSource(StoredDocument held, Document document, out Document? stored)
    {
        stored = null;
        // A damaged document.json cannot say where it came from; the object's own source file can,
        // and taking the id lets the store repair the object from the bytes given.
        if (held.Damage.Any(d => d.LogicalPath == OcflStore.DocumentPath))
            return held.SourceFileName is { } name && name == document.Origin?.FileName;
        stored = DocumentJson.Deserialize(Encoding.UTF8.GetString(held.DocumentJson.Span));
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
    /// Upserts a batch of documents into the catalog with their fingerprints, quote links and
    /// names, in one transaction: all of it or none.
    /// </summary>
    private void Catalogue(IReadOnlyList<Catalogued> documents)
    {
        using var batch = _catalog.Batch();
        var replaced = ReuseIndexer.Previous(_catalog, documents.Select(d => d.Document.Id));
        foreach (var entry in documents)
            Upsert(entry);
        // After every upsert of the batch, so that no document's links are dropped again by a later upsert.
        new ReuseIndexer(_catalog).Index([.. documents.Select(d => d.Document)], replaced);
        CatalogueNames([.. documents.Select(d => d.Document)]);
        Locks?.ClearPending([.. documents.Select(d => d.Document.Id)]);
        batch.Commit();
    }

    /// <summary>The stored version read into a document; null where there is none.</summary>
    /// <exception cref="DamagedDocumentException">A file of the version does not match its digest.</exception>
    public Document? Show(string id, int? version = null)
    {
        var stored = _store.Read(id, version);
        if (stored is null)
            return null;
        DamagedDocumentException.ThrowIfDamaged(stored);
        return DocumentJson.Deserialize(Encoding.UTF8.GetString(stored.DocumentJson.Span));
    }

    public StoredDocument? ReadStored(string id, int? version = null) => _store.Read(id, version);

    public SearchResults Search(SearchQuery query, CancellationToken cancellationToken = default) => _catalog.Search(query, cancellationToken);

    /// <summary>Where the archive holds the quotation, and how faithfully it is quoted; see <see cref="QuoteChecker"/>.</summary>
    public QuoteCheck CheckQuote(string quotation, int maximumMatches = 10, CancellationToken cancellationToken = default)
    {
        using var snapshot = _catalog.Snapshot();
        return new QuoteChecker(_catalog).Check(quotation, maximumMatches, cancellationToken: cancellationToken);
    }

    /// <summary>The passages the document shares with others (or with itself), as the catalog holds them.</summary>
    public IReadOnlyList<QuoteLink> QuoteLinks(string id) => _catalog.QuoteLinks(id);

    /// <summary>The document's quote links as quotes, quoted in and shared, with its boilerplate left out unless asked for (<see cref="QuoteLinkSides"/>).</summary>
    public QuoteLinkSides QuoteLinkSides(string id, bool withBoilerplate = false)
    {
        var links = _catalog.QuoteLinks(id);
        return Quoting.QuoteLinkSides.Of(id, links, BoilerplateLinks.Among(_catalog, links), withBoilerplate);
    }

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

    /// <summary>The store's audit, and the log's chain checked (a finding "LOG" for each break).</summary>
    public AuditReport Audit()
    {
        var report = _store.Audit();
        var log = Log.Verify();
        return log.Count == 0 ? report : report with { Findings = [.. report.Findings, .. log.Select(problem => new AuditFinding("LOG", problem, Path.GetFileName(Layout.Log)))] };
    }

    /// <summary>
    /// Repairs every damaged object whose original bytes the folder holds: a file of the folder
    /// whose sha512 is a damaged file's digest is put back as it is, and a damaged document.json
    /// is put back where reading one of the object's sources (from the folder or sound in the
    /// store) gives it again byte for byte. Each repair is a new version saying what it restored.
    /// </summary>
    public RepairReport Repair(string originalsFolder, StoreUser user)
    {
        EnsureWritable();
        using var alone = _lock!.WholeArchive(_wait, _waiting);
        var damaged = _store.Ids().Select(id => (Id: id, Damage: _store.Verify(id))).Where(d => d.Damage.Count > 0).ToList();
        var repaired = new List<RepairedDocument>();
        var unrepaired = new List<DamagedDocument>();
        if (damaged.Count == 0)
            return new RepairReport(repaired, unrepaired);
        var originals = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var file in FileParser.ExpandPaths([originalsFolder]))
        {
            using var stream = File.OpenRead(file);
            originals.TryAdd(TextIdentity.SourceDigest(stream), file);
        }
        var recatalogue = new List<Catalogued>();
        foreach (var (id, damage) in damaged)
        {
            var offered = new Dictionary<string, ReadOnlyMemory<byte>>(StringComparer.Ordinal);
            foreach (var file in damage.Where(d => originals.ContainsKey(d.Digest)))
                offered[file.Digest] = File.ReadAllBytes(originals[file.Digest]);
            foreach (var json in damage.Where(d => d.LogicalPath == OcflStore.DocumentPath && !offered.ContainsKey(d.Digest)))
            {
                if (RereadDocumentJson(id, json.Digest, offered) is { } bytes)
                    offered[json.Digest] = bytes;
            }
            var result = _store.Repair(id, offered, "audit --repair: content restored from " + originalsFolder, user);
            var left = _store.Verify(id);
            if (result is not null)
                repaired.Add(new RepairedDocument(id, result.Version, [.. damage.Where(d => offered.ContainsKey(d.Digest)).Select(d => d.ContentPath)]));
            if (left.Count > 0)
                unrepaired.Add(new DamagedDocument(id, left));
            else if (IsDocumentId(id) && _store.Read(id) is { } head)
                recatalogue.Add(CataloguedOf(DocumentJson.Deserialize(Encoding.UTF8.GetString(head.DocumentJson.Span))!, head));
        }
        Catalogue(recatalogue);
        return new RepairReport(repaired, unrepaired);
    }

    /// <summary>The document.json bytes with this digest, made again by reading one of the object's sources; null where none gives them.</summary>
    private byte[]? RereadDocumentJson(string id, string digest, Dictionary<string, ReadOnlyMemory<byte>> offered)
    {
        foreach (var version in _store.History(id).Select(v => _store.Read(id, v.Number)!).Where(v => v.SourceFileName is not null))
        {
            // A damaged source is read from the bytes offered for its digest, if any.
            var damagedSource = version.Damage.FirstOrDefault(d => d.LogicalPath.StartsWith(OcflStore.SourceFolder, StringComparison.Ordinal));
            ReadOnlyMemory<byte>? source = damagedSource is null ? version.Source : offered.TryGetValue(damagedSource.Digest, out var given) ? given : null;
            if (source is null)
                continue;
            foreach (var document in _parser.Registry.Read(version.SourceFileName!, source.Value.ToArray(), FormatRegistry.Auto).Documents)
            {
                var json = DocumentJson.SerializeToUtf8(document with { Id = id });
                if (TextIdentity.SourceDigest(json) == digest)
                    return json;
            }
        }
        return null;
    }

    /// <summary>
    /// Throws the catalog away and rebuilds it from the store alone. A document whose stored files
    /// do not match their digests is not catalogued: it is named in the report instead.
    /// </summary>
    public ReindexReport Reindex()
    {
        EnsureWritable();
        using var alone = _lock!.WholeArchive(_wait, _waiting);
        var count = 0;
        var damaged = new List<StoredDocument>();
        using (var batch = _catalog.Batch())
        {
            _catalog.Clear();
            var documents = new List<Document>();
            foreach (var (document, stored) in StoredDocuments(damaged))
            {
                Upsert(CataloguedOf(document, stored));
                documents.Add(document);
                count++;
            }
            new ReuseIndexer(_catalog).Index(documents, []);
            // Names are found once every document's people are known, so the order of the store does not matter.
            CatalogueNames(documents);
            // No other writer is at work: what is pending was left by one that died, and is read from the store now.
            Locks?.ClearPending(Locks.Pending());
            batch.Commit();
        }
        if (File.Exists(Layout.PendingCatalog))
            File.Delete(Layout.PendingCatalog);
        return new ReindexReport(count, [.. damaged.Select(d => new DamagedDocument(d.Id, d.Damage))]);
    }

    /// <summary>Every sound document of the store at its latest version, read from the store alone; a damaged one is left out (audit names it).</summary>
    public IEnumerable<Document> Documents() => StoredDocuments(null).Select(d => d.Document);

    /// <param name="damaged">Where given, the damaged documents left out are added to it.</param>
    private IEnumerable<(Document Document, StoredDocument Stored)> StoredDocuments(List<StoredDocument>? damaged)
    {
        foreach (var id in _store.Ids().Where(IsDocumentId))
        {
            var stored = _store.Read(id)!;
            if (stored.IsDamaged)
            {
                damaged?.Add(stored);
                continue;
            }
            yield return (DocumentJson.Deserialize(Encoding.UTF8.GetString(stored.DocumentJson.Span))!, stored);
        }
    }

    private static string? SourceDigestOf(StoredDocument stored)
        => stored.SourceFileName is null ? null : TextIdentity.SourceDigest(stored.Source.Span);

    private void MendPendingCatalog()
    {
        List<string> ids;
        if (Locks is null)
        {
            if (!File.Exists(Layout.PendingCatalog))
                return;
            ids = [.. File.ReadAllLines(Layout.PendingCatalog).Where(l => l.Length > 0)];
        }
        else
        {
            // A pending document whose lock another writer holds is in that writer's batch at work, not cut off.
            ids = [.. Locks.Pending().Where(id => Locks.TryLock(ObjectKey(id)))];
            if (ids.Count == 0)
                return;
        }
        try
        {
            var mended = new List<Catalogued>();
            foreach (var id in ids)
            {
                var stored = _store.Read(id);
                // What the store does not hold soundly is not catalogued.
                if (stored is null || stored.IsDamaged)
                {
                    _catalog.Remove(id);
                    Locks?.ClearPending([id]);
                    continue;
                }
                mended.Add(CataloguedOf(DocumentJson.Deserialize(Encoding.UTF8.GetString(stored.DocumentJson.Span))!, stored));
            }
            Catalogue(mended);
        }
        finally
        {
            Locks?.UnlockAll();
        }
        if (Locks is null)
            File.Delete(Layout.PendingCatalog);
    }

    public void Dispose()
    {
        _catalog.Dispose();
        _store.Dispose();
        _lock?.Dispose();
    }
}

public class ArchiveException(string message) : Exception(message);

/// <summary>Another process held the archive's writer lock for as long as this one would wait.</summary>
public sealed class ArchiveBusyException(string message) : ArchiveException(message);

public sealed record IngestOptions(string Format, string Message, StoreUser User)
{
    /// <summary>The largest file ingest reads (16 MB by default: the largest of 4,420 TEI letters is 0.45 MB, a compilation page of the seeds 0.1 MB).</summary>
    public long MaximumFileBytes { get; init; } = DefaultMaximumFileBytes;

    public const long DefaultMaximumFileBytes = 16L << 20;

    /// <summary>Whether a walk of a folder follows links to other folders (each real folder is walked once either way).</summary>
    public bool FollowLinks { get; init; }

    /// <summary>Where the run comes from, for the log: the command line, or the address of a browser's upload.</summary>
    public string From { get; init; } = "command line";

    /// <summary>The access every document of the run is given; null keeps what each one has (a new one is open).</summary>
    public DocumentAccess? Access { get; init; }
}

public sealed record IngestProgress(int Done, int Total, string? Path);

public sealed record IngestedDocument(string Id, string Title, string Source, WriteStatus Status, int Version)
{
    /// <summary>What the reader (and the decoding before it) could not read with certainty, as the document keeps it.</summary>
    public IReadOnlyList<Diagnostic> Warnings { get; init; } = [];

    /// <summary>The other documents of the archive that give the same text from other bytes (other markup): witnesses of one another.</summary>
    public IReadOnlyList<string> SameTextAs { get; init; } = [];
}

public sealed record IngestFailure(string Path, string Error, int? Line);

public sealed record RepairReport(IReadOnlyList<RepairedDocument> Repaired, IReadOnlyList<DamagedDocument> Unrepaired);

/// <param name="Restored">The content paths put back.</param>
public sealed record RepairedDocument(string Id, int Version, IReadOnlyList<string> Restored);

public sealed record ReindexReport(int Documents, IReadOnlyList<DamagedDocument> Damaged);

public sealed record DamagedDocument(string Id, IReadOnlyList<StoreDamage> Damage);

/// <summary>A stored document whose files do not match their digests: it is never passed off as sound.</summary>
public sealed class DamagedDocumentException(string id, IReadOnlyList<StoreDamage> damage)
    : ArchiveException($"the stored document {id} is damaged: {Describe(damage)}; it is not shown as genuine (re-ingest its original file, or `verbatim audit --repair FOLDER`, to repair it)")
{
    public string Id { get; } = id;

    public IReadOnlyList<StoreDamage> Damage { get; } = damage;

    public static string Describe(IReadOnlyList<StoreDamage> damage)
        => string.Join("; ", damage.Select(d => $"{d.LogicalPath} ({d.ContentPath}) {d.Problem}"));

    public static void ThrowIfDamaged(StoredDocument stored)
    {
        ArgumentNullException.ThrowIfNull(stored);
        if (stored.IsDamaged)
            throw new DamagedDocumentException(stored.Id, stored.Damage);
    }
}

/// <summary>A file whose bytes the archive already holds, in the object of <paramref name="DuplicateOf"/>; nothing was stored.</summary>
public sealed record IngestDuplicate(string Path, string DuplicateOf);

/// <summary>A file found in a folder or by a glob and left unread, and why.</summary>
public sealed record IngestSkip(string Path, string Reason);

public sealed record IngestReport(IReadOnlyList<IngestedDocument> Documents, IReadOnlyList<IngestFailure> Failed)
{
    public IReadOnlyList<IngestSkip> Skipped { get; init; } = [];

    public IReadOnlyList<IngestDuplicate> Duplicates { get; init; } = [];
}
