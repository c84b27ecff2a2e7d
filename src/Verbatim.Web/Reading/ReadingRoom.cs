using System.Collections.Concurrent;
using Verbatim.Access;
using Verbatim.Archiving;
using Verbatim.Cases;
using Verbatim.Collating;
using Verbatim.EvidencePacks;
using Verbatim.Harvesting;
using Verbatim.Model;
using Verbatim.Names;
using Verbatim.Quoting;
using Verbatim.Searching;
using Verbatim.Storing;
using Verbatim.Text.Collation;

namespace Verbatim.Web.Reading;

/// <summary>
/// The web reader's one way into the archive. Search and the works index run on read-only
/// catalog connections, one per concurrent request, taken from a small pool; every other call
/// on the <see cref="Archive"/> is made under one gate, because the archive holds a single
/// SQLite connection and is not safe for concurrent use. What was read is kept in memory for as
/// long as the catalog stays as it was, so the hot pages do not wait at the gate.
/// </summary>
/// <remarks>
/// Other processes write the archive while the server runs. Everything kept (the works list,
/// documents, histories, quote links, the index of names) belongs to one <see cref="Edition"/>,
/// made for one catalog generation (<see cref="ICatalog.Generation"/>, which every committed
/// write batch changes). Where the catalog tells of its commits (<see cref="ICatalogChanges"/>,
/// PostgreSQL's LISTEN/NOTIFY) the next edition is read as soon as a commit is told, and no
/// request asks anything; elsewhere (SQLite, or while the listener has lost its connection) the
/// generation is read again at most every <see cref="Recheck"/>, and a new one starts an empty
/// edition, read in the background while requests are answered from the one before. A page reads a document's head at the version the catalog
/// names, so it shows what search finds, not a version the store holds before its catalog
/// commit. Only documents that exist are cached, so a stream of made-up ids cannot grow the
/// cache beyond the archive's own size, and only those whose document.json is within a bound.
///
/// Every answer is for one <see cref="Viewer"/>, and holds nothing of a document closed to them:
/// such a document is answered as one that does not exist, and is left out of every list and
/// every count. What is kept is kept whole; it is filtered on the way out, by the closed
/// documents of the same edition (so a rule and the documents it closes change together), on the
/// day of the request (so an embargo ends by itself).
/// </remarks>
public sealed class ReadingRoom : IDisposable
{
    // Connections kept for reuse; a burst beyond this opens more and closes them after.
    private static readonly int PooledReaders = Environment.ProcessorCount * 2;

    /// <summary>How long the server answers from an edition before it asks the catalog whether it changed.</summary>
    public static readonly TimeSpan Recheck = TimeSpan.FromMilliseconds(250);

    private readonly Archive _archive;
    private readonly ConcurrentBag<ICatalog> _readers = [];
    private readonly Lock _gate = new();
    private readonly Lock _editionGate = new();
    private Edition _edition;
    private long _checkedAt;
    private Task _nextEdition = Task.CompletedTask;

    // Null where the catalog cannot tell of its commits.
    private readonly ICatalogChanges? _changes;

    // A commit told and not yet read into an edition (a read that failed leaves it set).
    private volatile bool _told;

    /// <summary>The largest document.json kept in memory between requests; a larger one is read afresh each time, so its size is never held for good.</summary>
    public const long DefaultCachedDocumentBytes = 1_000_000;

    private readonly long _cachedDocumentBytes;

    private readonly TimeProvider _clock;

    public ReadingRoom(Archive archive, long cachedDocumentBytes = DefaultCachedDocumentBytes, TimeProvider? clock = null)
    {
        _archive = archive;
        _cachedDocumentBytes = cachedDocumentBytes;
        _clock = clock ?? TimeProvider.System;
        _edition = WithReader(NewEdition);
        _checkedAt = Environment.TickCount64;
        _changes = archive.ListenForChanges();
        if (_changes is not null)
            _changes.Committed += Told;
    }

    /// <summary>Whether the room is told of every commit now, and asks nothing at requests (<see cref="ICatalogChanges"/>).</summary>
    public bool IsTold => _changes is { IsListening: true };

    private void Told(long generation)
    {
        if (generation == Volatile.Read(ref _edition).Generation)
            return;
        _told = true;
        // Off the listener's thread, which goes on hearing; a read in flight is let finish first.
        _ = Task.Run(() =>
        {
            lock (_editionGate)
            {
                Task.WaitAny(_nextEdition);
                if (_told)
                    ReadNextEdition();
            }
        });
    }

    /// <summary>
    /// Told of commits: only when told and the read that was started then has failed (tried again
    /// after <see cref="Recheck"/>). Not told: at most every <see cref="Recheck"/>.
    /// </summary>
    private bool NeedsReading()
    {
        var due = Environment.TickCount64 - Volatile.Read(ref _checkedAt) >= Recheck.TotalMilliseconds;
        return IsTold ? _told && due : due;
    }

    /// <summary>What the server keeps of one catalog generation; a request that still holds an old one fills only that one.</summary>
    private sealed class Edition(long generation, IReadOnlyList<WorkEntry> works, IReadOnlyDictionary<string, DocumentAccess> closed, IReadOnlyDictionary<string, string> partOf)
    {
        public long Generation { get; } = generation;

        public IReadOnlyList<WorkEntry> Works { get; } = works;

        /// <summary>Every document of the edition that is not open, with its rule.</summary>
        public IReadOnlyDictionary<string, DocumentAccess> Closed { get; } = closed;

        public IReadOnlyDictionary<string, string> PartOf { get; } = partOf;

        /// <summary>The works list and the index of names as each set of hidden documents leaves them, by <see cref="HiddenKey"/>.</summary>
        public ConcurrentDictionary<string, IReadOnlyList<WorkEntry>> WorksSeen { get; } = new(StringComparer.Ordinal);

        public ConcurrentDictionary<string, NameIndex> NamesSeen { get; } = new(StringComparer.Ordinal);

        public Dictionary<string, int> Positions { get; } = works.Select((work, index) => (work.Id, index)).ToDictionary(p => p.Id, p => p.index, StringComparer.Ordinal);

        public ConcurrentDictionary<(string Id, int? Version), StoredView> Documents { get; } = new();

        public ConcurrentDictionary<string, IReadOnlyList<VersionInfo>> Histories { get; } = new(StringComparer.Ordinal);

        public ConcurrentDictionary<string, IReadOnlyList<QuoteLink>> QuoteLinks { get; } = new(StringComparer.Ordinal);

        /// <summary>Which of a document's links are boilerplate: judged from the fingerprints of this edition's catalog.</summary>
        public ConcurrentDictionary<string, IReadOnlySet<QuoteLink>> Boilerplate { get; } = new(StringComparer.Ordinal);

        public NameIndex? Names { get; set; }

        /// <summary>The harvest's sets as each set of hidden documents leaves them, by <see cref="HiddenKey"/>.</summary>
        public ConcurrentDictionary<string, SetSpecs> SetsSeen { get; } = new(StringComparer.Ordinal);
        /// <summary>The cases of the store: a case's change commits an empty batch, so an edition's cases stay as they were.</summary>
        public IReadOnlyList<string>? CaseIds { get; set; }

        public ConcurrentDictionary<string, StoredCase> Cases { get; } = new(StringComparer.Ordinal);
    }

    private static Edition NewEdition(ICatalog catalog)
    {
        using var snapshot = catalog.Snapshot();
        return new Edition(catalog.Generation, catalog.List(new WorkFilter()), catalog.ClosedDocuments(), catalog.PartsOfCompilations());
    }

    /// <summary>
    /// The edition of the catalog as it stands: checked at most every <see cref="Recheck"/>, and
    /// the next one read in the background, the requests meanwhile answered from the edition
    /// they have.
    /// </summary>
    private Edition Current()
    {
        var edition = Volatile.Read(ref _edition);
        if (!NeedsReading())
            return edition;
        // No request waits on the next edition (the works list of the whole archive, tens of
        // milliseconds at 4,000 documents): beside a writer that commits every second or two,
        // the request that read it was among the slowest 1 % of the reads, and before that every
        // request in flight waited for it.
        if (!_editionGate.TryEnter())
            return edition;
        try
        {
            if (_nextEdition.IsCompleted && NeedsReading())
                _nextEdition = Task.Run(ReadNextEdition);
            return edition;
        }
        finally
        {
            _editionGate.Exit();
        }
    }

    /// <summary>
    /// Reads the edition of the catalog as it stands now, and waits for it: after a write this
    /// server made itself (an editor's change), whose answer must show the change rather than the
    /// edition read before it.
    /// </summary>
    public void CatchUp()
    {
        lock (_editionGate)
        {
            // A read already in flight may have begun before the write; it is let finish (its
            // failure is its own: the edition is read again here), so two never write at once.
            Task.WaitAny(_nextEdition);
            ReadNextEdition();
        }
    }

    private void ReadNextEdition()
    {
        // Cleared before the read, so that a commit told while it reads is read after it.
        _told = false;
        var read = false;
        try
        {
            if (WithReader(catalog => catalog.Generation) != _edition.Generation)
                Volatile.Write(ref _edition, WithReader(NewEdition));
            read = true;
        }
        finally
        {
            // Also after a failure (a catalog being replaced): the edition held is kept, and read again after Recheck.
            if (!read)
                _told = true;
            Volatile.Write(ref _checkedAt, Environment.TickCount64);
        }
    }

    private DateOnly Today => DateOnly.FromDateTime(_clock.GetUtcNow().UtcDateTime);

    private Visibility SeenBy(Edition edition, Viewer viewer) => Visibility.For(viewer, edition.Closed, Today, edition.PartOf);

    // One key per set of hidden documents, so that every anonymous reader shares one filtered list.
    private static string HiddenKey(Visibility seen) => string.Join('\n', seen.Hidden.Order(StringComparer.Ordinal));

    /// <summary>Whether the viewer may see the document (true for an id the archive does not hold: there is nothing to hide).</summary>
    public bool MaySee(Viewer viewer, string id) => SeenBy(Current(), viewer).MaySee(id);

    /// <summary>Every document the viewer may see, in the catalog's order: by date, undated last, then by id.</summary>
    public IReadOnlyList<WorkEntry> Works(Viewer viewer)
    {
        var edition = Current();
        var seen = SeenBy(edition, viewer);
        return seen.Hidden.Count == 0 ? edition.Works
            : edition.WorksSeen.GetOrAdd(HiddenKey(seen), _ => [.. edition.Works.Where(w => seen.MaySee(w.Id))]);
    }

    public string ArchiveRoot => _archive.Layout.Root;

    /// <summary>An evidence pack verified against the archive as the viewer may see it: a document closed to them is answered as missing, as one the archive does not hold.</summary>
    public PackVerification VerifyPack(Viewer viewer, string folder)
    {
        var seen = SeenBy(Current(), viewer);
        return PackVerifier.Verify(folder, (id, version) =>
        {
            if (!DocumentIdGuard.IsWellFormed(id) || !seen.MaySee(id))
                return null;
            lock (_gate)
                return _archive.ReadStored(id, version);
        });
    }

    public WorkEntry? Work(Viewer viewer, string id)
    {
        var edition = Current();
        return edition.Positions.TryGetValue(id, out var index) && SeenBy(edition, viewer).MaySee(id) ? edition.Works[index] : null;
    }

    /// <summary>
    /// The stored version (the head where none is named) read into a document, with the damage
    /// found in its files; null where there is none.
    /// </summary>
    /// <exception cref="DamagedDocumentException">The version's document.json is damaged past reading.</exception>
    public StoredView? Read(Viewer viewer, string id, int? version = null)
    {
        if (!DocumentIdGuard.IsWellFormed(id))
            return null;
        var edition = Current();
        return Read(edition, SeenBy(edition, viewer), viewer, id, version, keep: true);
    }

    private StoredView? Read(Edition edition, Visibility seen, Viewer viewer, string id, int? version, bool keep)
    {
        if (!seen.MaySee(id))
            return null;
        // A document that is not open today is read by name: the log says who read it, when and from where.
        if (edition.Closed.TryGetValue(id, out var rule) && !rule.IsOpenOn(Today) && Read(edition, id, version, keep) is { } closed)
        {
            _archive.Log.Append("read", viewer.Name, viewer.From ?? "", id, $"version {closed.Version}");
            return closed;
        }
        return Read(edition, id, version, keep);
    }

    private StoredView? Read(Edition edition, string id, int? version, bool keep = true)
    {
        if (edition.Documents.TryGetValue((id, version), out var cached))
            return cached;
        // The head the catalog names: a version stored but not yet catalogued is not shown before search knows it.
        var asked = version ?? (edition.Positions.TryGetValue(id, out var index) ? edition.Works[index].Version : (int?)null);
        StoredDocument? stored;
        lock (_gate)
            stored = _archive.ReadStored(id, asked);
        if (stored is null)
            return null;
        var document = ReadDocument(stored);
        if (document is null)
            return null;
        var view = new StoredView(document, stored);
        // A damaged version is read again on every request, so that its repair shows at once.
        if (keep && !stored.IsDamaged && stored.DocumentJson.Length <= _cachedDocumentBytes)
            edition.Documents[(id, version)] = view;
        return view;
    }

    private static Document? ReadDocument(StoredDocument stored)
    {
        try
        {
            return DocumentJson.Deserialize(System.Text.Encoding.UTF8.GetString(stored.DocumentJson.Span));
        }
        catch (System.Text.Json.JsonException) when (stored.IsDamaged)
        {
            throw new DamagedDocumentException(stored.Id, stored.Damage);
        }
    }

    public IReadOnlyList<VersionInfo> History(Viewer viewer, string id)
    {
        if (!DocumentIdGuard.IsWellFormed(id))
            return [];
        var edition = Current();
        if (!SeenBy(edition, viewer).MaySee(id))
            return [];
        if (edition.Histories.TryGetValue(id, out var cached))
            return cached;
        IReadOnlyList<VersionInfo> history;
        lock (_gate)
            history = _archive.History(id);
        // Versions the store holds past the catalog's head are not shown before the catalog has them.
        if (edition.Positions.TryGetValue(id, out var index))
            history = [.. history.Where(v => v.Number <= edition.Works[index].Version)];
        if (history.Count > 0)
            edition.Histories[id] = history;
        return history;
    }

    /// <summary>The index of names of the documents the viewer may see, built once per edition and set of hidden documents.</summary>
    public NameIndex Names(Viewer viewer)
    {
        var edition = Current();
        var seen = SeenBy(edition, viewer);
        if (seen.Hidden.Count > 0)
            return edition.NamesSeen.GetOrAdd(HiddenKey(seen), _ => { lock (_gate) return _archive.Names(seen.Hidden); });
        if (edition.Names is { } names)
            return names;
        lock (_gate)
            return edition.Names ??= _archive.Names();
    }

    /// <summary>Hits, total and facets of the documents the viewer may see.</summary>
    public SearchResults Search(Viewer viewer, SearchQuery query, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        var seen = SeenBy(Current(), viewer);
        return WithReader(catalog => catalog.Search(query with { Filter = query.Filter with { Hidden = seen.Hidden } }, cancellationToken));
    }

    /// <summary>
    /// One page of a harvest of what the viewer may see (<see cref="HarvestQuery"/>), with the
    /// whole harvest's size where asked; a document hidden from the viewer that everyone could once
    /// see is in it as deleted (<see cref="HarvestVisibility"/>), any other is not.
    /// </summary>
    public HarvestPage Harvest(Viewer viewer, HarvestQuery query, bool withTotal)
    {
        ArgumentNullException.ThrowIfNull(query);
        var edition = Current();
        var seen = SeenBy(edition, viewer);
        var (records, total) = WithReader(catalog =>
        {
            using var snapshot = catalog.Snapshot();
            var deleted = HarvestVisibility.Deleted(catalog, seen, edition.PartOf, query.AsOf, Today);
            var asked = query with { Hidden = seen.Hidden.Where(id => !deleted.Contains(id)).ToHashSet(StringComparer.Ordinal) };
            var records = catalog.Harvest(asked).Select(e => new HarvestRecord(e, deleted.Contains(e.Id))).ToList();
            return ((IReadOnlyList<HarvestRecord>)records, withTotal ? catalog.HarvestCount(asked) : (int?)null);
        });
        return new HarvestPage(records, total, ReaderOf(edition, seen, viewer));
    }

    /// <summary>
    /// One document as a harvest made now would give it: at its latest catalogued version made by
    /// <paramref name="asOf"/>, or deleted, as the only record of a page; null where a harvest would not name it.
    /// </summary>
    public HarvestPage? HarvestRecordOf(Viewer viewer, string id, DateTimeOffset asOf)
    {
        var edition = Current();
        if (!DocumentIdGuard.IsWellFormed(id) || !edition.Positions.ContainsKey(id))
            return null;
        var seen = SeenBy(edition, viewer);
        var record = WithReader(catalog =>
        {
            using var snapshot = catalog.Snapshot();
            var deleted = !seen.MaySee(id);
            if (deleted && !HarvestVisibility.Deleted(catalog, seen, edition.PartOf, asOf, Today).Contains(id))
                return null;
            return catalog.Versions(id).LastOrDefault(v => v.Created <= asOf) is { } version
                ? new HarvestRecord(new HarvestEntry(id, version.Number, version.Created), deleted)
                : null;
        });
        return record is null ? null : new HarvestPage([record], 1, ReaderOf(edition, seen, viewer));
    }

    // A harvest keeps nothing it reads: it reads every document once, and kept, the cache would grow to the whole archive.
    private Func<HarvestRecord, StoredView?> ReaderOf(Edition edition, Visibility seen, Viewer viewer)
        => record => record.Deleted ? null : Read(edition, seen, viewer, record.Entry.Id, record.Entry.Version, keep: false);

    /// <summary>The sets of a harvest that hold a document the viewer may see.</summary>
    public SetSpecs Sets(Viewer viewer)
    {
        var edition = Current();
        var seen = SeenBy(edition, viewer);
        return edition.SetsSeen.GetOrAdd(HiddenKey(seen), _ => WithReader(catalog => SetSpecs.Of(catalog.SetValues(seen.Hidden))));
    }

    public IReadOnlyList<WorkEntry> List(Viewer viewer, WorkFilter filter)
    {
        ArgumentNullException.ThrowIfNull(filter);
        var seen = SeenBy(Current(), viewer);
        return WithReader(catalog => catalog.List(filter with { Hidden = seen.Hidden }));
    }

    /// <summary>The sources of a quotation among the documents the viewer may see; see <see cref="QuoteChecker"/>.</summary>
    /// <exception cref="ArchiveException">The quotation is too short to check.</exception>
    public QuoteCheck CheckQuote(Viewer viewer, string quotation, int maximumMatches = 10, CancellationToken cancellationToken = default)
    {
        var seen = SeenBy(Current(), viewer);
        return WithReader(catalog =>
        {
            using var snapshot = catalog.Snapshot();
            return new QuoteChecker(catalog, seen.Hidden).Check(quotation, maximumMatches, cancellationToken: cancellationToken);
        });
    }

    /// <summary>The passages the document shares with itself and with the documents the viewer may see; empty for an unknown or hidden id.</summary>
    public IReadOnlyList<QuoteLink> QuoteLinks(Viewer viewer, string id)
    {
        var edition = Current();
        return LinksIn(edition, SeenBy(edition, viewer), id);
    }

    private IReadOnlyList<QuoteLink> LinksIn(Edition edition, Visibility seen, string id)
    {
        if (!DocumentIdGuard.IsWellFormed(id) || !edition.Positions.ContainsKey(id) || !seen.MaySee(id))
            return [];
        var links = edition.QuoteLinks.GetOrAdd(id, key => WithReader(catalog => catalog.QuoteLinks(key)));
        return seen.Hidden.Count == 0 ? links : [.. links.Where(l => seen.MaySee(l.SourceId) && seen.MaySee(l.TargetId))];
    }

    /// <summary>The document's links as quotes, quoted in and shared, its boilerplate left out unless asked for; all empty for an unknown or hidden id.</summary>
    public QuoteLinkSides QuoteLinkSides(Viewer viewer, string id, bool withBoilerplate = false)
    {
        // One edition for both: the links and the judgement of which are boilerplate come from one catalog state.
        var edition = Current();
        var links = LinksIn(edition, SeenBy(edition, viewer), id);
        var boilerplate = links.Count == 0 ? new HashSet<QuoteLink>() : Boilerplate(edition, id, links);
        return Quoting.QuoteLinkSides.Of(id, links, boilerplate, withBoilerplate);
    }

    // Judged once per document over all its links; a viewer's links are some of them.
    private IReadOnlySet<QuoteLink> Boilerplate(Edition edition, string id, IReadOnlyList<QuoteLink> seenLinks)
    {
        var all = edition.QuoteLinks.TryGetValue(id, out var every) ? every : seenLinks;
        var judged = edition.Boilerplate.GetOrAdd(id, _ => WithReader(catalog => BoilerplateLinks.Among(catalog, all)));
        return seenLinks.Count == all.Count ? judged : seenLinks.Where(judged.Contains).ToHashSet();
    }

    /// <summary>The link from the source place to the target place, aligned side by side; null where the archive holds no such link the viewer may see.</summary>
    public AlignedPassage? Passage(Viewer viewer, string sourceId, int sourceStart, string targetId, int targetStart)
    {
        var link = QuoteLinks(viewer, sourceId).FirstOrDefault(l => l.SourceId == sourceId && l.SourceStart == sourceStart
            && l.TargetId == targetId && l.TargetStart == targetStart);
        return link is not null && Read(viewer, link.SourceId) is { } source && Read(viewer, link.TargetId) is { } target
            ? PassageAlignment.Align(link, source.Document, target.Document)
            : null;
    }

    private T WithReader<T>(Func<ICatalog, T> read)
    {
        var reader = _readers.TryTake(out var pooled) ? pooled : _archive.OpenCatalogReader();
        try
        {
            return read(reader);
        }
        finally
        {
            if (_readers.Count < PooledReaders)
                _readers.Add(reader);
            else
                reader.Dispose();
        }
    }

    /// <summary>The ids of the archive's cases. Every viewer reads every case's question; what a case cites is filtered by <see cref="Pages.CaseView"/>.</summary>
    public IReadOnlyList<string> CaseIds()
    {
        var edition = Current();
        if (edition.CaseIds is { } held)
            return held;
        lock (_gate)
            return edition.CaseIds ??= _archive.CaseIds();
    }

    /// <summary>The case at its head version; null where there is none.</summary>
    /// <exception cref="ArchiveException">Its case.json is damaged.</exception>
    public StoredCase? Case(string id)
    {
        if (!CaseFile.IsValidId(id))
            return null;
        var edition = Current();
        if (edition.Cases.TryGetValue(id, out var cached))
            return cached;
        StoredCase? stored;
        lock (_gate)
            stored = _archive.ReadCase(id);
        // Only cases that exist are kept, so made-up ids cannot grow the edition.
        if (stored is not null)
            edition.Cases[id] = stored;
        return stored;
    }

    public IReadOnlyList<VersionInfo> CaseHistory(string id)
    {
        lock (_gate)
            return _archive.CaseHistory(id);
    }

    public VersionDiff? Diff(Viewer viewer, string id, int? from, int? to)
    {
        if (!DocumentIdGuard.IsWellFormed(id) || !MaySee(viewer, id))
            return null;
        lock (_gate)
            return VersionDiff.Between(_archive, id, from, to);
    }

    /// <summary>
    /// Collates stored documents and versions, named as `verbatim collate` names them. Only ids
    /// reach the archive: a witness naming a file (NAME=PATH) is refused, so no request reads
    /// a file outside it.
    /// </summary>
    /// <exception cref="ArchiveException">A witness names a file, an unknown document or version, or two share a siglum.</exception>
    public CollationResult Collate(Viewer viewer, IReadOnlyList<string> witnesses, CollationOptions options)
    {
        var specs = WitnessSpec.ParseAll(witnesses);
        if (specs.FirstOrDefault(s => s.FilePath is not null) is { } file)
            throw new ArchiveException($"witness {file.Name}: the reader collates stored documents only, not files");
        var texts = specs.Select(s => DocumentIdGuard.IsWellFormed(s.DocumentId!) && Read(viewer, s.DocumentId!, s.Version) is { } view
            ? Witness.FromText(s.Name, view.Document.BodyText)
            : throw new ArchiveException(s.Version is { } v ? $"witness {s.Name}: no version {v} of '{s.DocumentId}'" : $"witness {s.Name}: no document '{s.DocumentId}'"));
        return Collator.Collate([.. texts], options);
    }

    public void Dispose()
    {
        if (_changes is not null)
        {
            _changes.Committed -= Told;
            _changes.Dispose();
        }
        // The next edition's read takes a reader from the pool: it ends before the pool is emptied.
        try
        {
            _nextEdition.Wait();
        }
        catch (AggregateException)
        {
            // A read that failed left the edition held as it was: nothing is owed to anyone here.
        }
        while (_readers.TryTake(out var reader))
            reader.Dispose();
    }
}

/// <summary>One stored version: the document read from its document.json, and the bytes as stored.</summary>
/// <summary>
/// Records of a harvest and the reading of their documents, both of one edition of the archive:
/// a document closed while the page is written is given as the list gave it, never missing from it.
/// </summary>
/// <param name="Read">A record's document as the edition reads it for the viewer; null for a deleted record, or where the store does not hold the version.</param>
public sealed record HarvestPage(IReadOnlyList<HarvestRecord> Records, int? Total, Func<HarvestRecord, StoredView?> Read);

public sealed record StoredView(Document Document, StoredDocument Stored)
{
    public int Version => Stored.Version.Number;

    /// <summary>The files of this version that do not match their digests: what is shown may not be what was received.</summary>
    public IReadOnlyList<StoreDamage> Damage => Stored.Damage;
}
