using System.Globalization;
using System.Runtime.InteropServices;
using System.Text;
using Microsoft.Data.Sqlite;
using Verbatim.Model;
using Verbatim.Searching;

namespace Verbatim.Storage.Catalog.Sqlite;

/// <summary>
/// The catalog on SQLite: one row per document with the fields the works index and the filters
/// need, a row per person and role, and an FTS5 table over title, body and notes whose rowid is
/// the document's rowid; the fingerprints of every body text (hashed word runs, made by the text
/// engine) and the passages found between documents.
/// </summary>
public sealed partial class SqliteCatalog : ICatalog
{
    // Raised whenever the schema changes: an older catalog is dropped and rebuilt from the store.
    // 3: fingerprints and quote links; 4: with the names tables (mentions, dating; SqliteCatalog.Names.cs);
    // 5: a date's certainty in dating; source digests and text keys (SqliteCatalog.Sources.cs), the
    // date only from the writing with the attested date beside it; 6: quote links directed only where
    // dates put one text before the other, closer lines (sources, shelfmarks) given no fingerprints;
    // 8: every version's time and access, for harvesters (SqliteCatalog.Versions.cs).
    private const int SchemaVersion = 8;

    // A match's score (lower is better): the title weighs most, then people, body and notes.
    private const string Bm25 = "bm25(text, 5.0, 2.0, 1.0, 0.5)";

    private readonly SqliteConnection _connection;

    // The transaction every command runs in: a batch's, or a reader's snapshot; null between them.
    private SqliteTransaction? _batch;
    private bool _batchWrites;

    // Dropped by every write of this connection, and rebuilt when another connection has
    // written since it was built; see Results().
    private ResultIndex? _results;
    private long _resultsDataVersion;

    // Where a read-only connection takes the index another connection built of the same generation.
    private readonly SharedResultIndex? _sharedResults;

    private SqliteCatalog(SqliteConnection connection, SharedResultIndex? sharedResults = null)
    {
        _connection = connection;
        _sharedResults = sharedResults;
    }

    /// <summary>Opens (creating where needed) the catalog at the path; ":memory:" for one in memory.</summary>
    public static SqliteCatalog Open(string path)
    {
        var catalog = new SqliteCatalog(Connect(path, SqliteOpenMode.ReadWriteCreate));
        catalog.Migrate();
        return catalog;
    }

    /// <summary>
    /// Opens an existing catalog for reading only: no schema check, no write. Any number may be
    /// open beside the writer's connection, each serving one caller at a time.
    /// </summary>
    /// <remarks>
    /// A reader sees every write committed by another connection, before or after it opened: its
    /// in-memory result index is rebuilt when PRAGMA data_version says the file has changed.
    /// </remarks>
    /// <param name="path">The catalog file.</param>
    /// <param name="sharedResults">Shared by the readers of this one file, so that a commit's new result index is built once for all of them.</param>
    /// <exception cref="SqliteException">The catalog cannot be read (none there, not a database, or a write-ahead log left in a folder no one here may write).</exception>
    public static SqliteCatalog OpenReadOnly(string path, SharedResultIndex? sharedResults = null)
    {
        var connection = Connect(path, SqliteOpenMode.ReadOnly);
        try
        {
            // The first read is where a catalog in WAL mode needs its -shm file, made on opening.
            Probe(connection);
            return new SqliteCatalog(connection, sharedResults);
        }
        catch (SqliteException exception) when (exception.SqliteErrorCode is SQLitePCL.raw.SQLITE_READONLY or SQLitePCL.raw.SQLITE_CANTOPEN)
        {
            connection.Dispose();
        }
        // A folder the reader cannot write cannot hold the -shm file. Where no write-ahead log is
        // left either, every committed write is in the catalog file itself, and the file is read
        // as immutable: without the shared memory and without locks.
        if (new FileInfo(path + "-wal") is { Exists: true, Length: > 0 })
            throw new SqliteException($"the catalog {path} has a write-ahead log ({path}-wal) that must be merged, and its folder cannot be written here; open it once where it can be written (any verbatim command)", SQLitePCL.raw.SQLITE_READONLY);
        var immutable = Connect(new Uri(Path.GetFullPath(path)).AbsoluteUri + "?immutable=1", SqliteOpenMode.ReadOnly);
        Probe(immutable);
        return new SqliteCatalog(immutable, sharedResults);
    }

    private static void Probe(SqliteConnection connection)
    {
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT count(*) FROM sqlite_schema";
        command.ExecuteScalar();
    }

    private static SqliteConnection Connect(string path, SqliteOpenMode mode)
    {
        var connection = new SqliteConnection(new SqliteConnectionStringBuilder
        {
            DataSource = path,
            Mode = mode,
            Pooling = false,
        }.ToString());
        connection.Open();
        return connection;
    }

    /// <summary>Whether the catalog's tables are of this build's schema (a reader must not read another's).</summary>
    public bool IsCurrent => Convert.ToInt32(Scalar("PRAGMA user_version"), CultureInfo.InvariantCulture) == SchemaVersion;

    /// <summary>Whether the catalog was created by an older schema and was emptied: the caller must reindex.</summary>
    public bool NeedsRebuild { get; private set; }

    public int Count => Convert.ToInt32(Scalar("SELECT count(*) FROM documents"), CultureInfo.InvariantCulture);

    private void Migrate()
    {
        Execute("PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL; PRAGMA foreign_keys = ON;");
        SizeCacheToCatalog();
        var version = Convert.ToInt32(Scalar("PRAGMA user_version"), CultureInfo.InvariantCulture);
        if (version == SchemaVersion)
            return;
        if (version != 0)
        {
            Execute(DropNames);
            Execute(DropSources);
            Execute(DropAccess);
            Execute(DropVersions);
            Execute("""
                DROP TABLE IF EXISTS quote_links; DROP TABLE IF EXISTS fingerprints; DROP TABLE IF EXISTS meta;
                DROP TABLE IF EXISTS people; DROP TABLE IF EXISTS text; DROP TABLE IF EXISTS documents;
                """);
            NeedsRebuild = true;
        }
        // FTS5 keeps prefix indexes of two to four characters, so a prefix query ("schn*") reads
        // one list of documents instead of merging the lists of every word it expands to.
        // Fingerprints are keyed by hash first, the lookup every quotation check makes; the hash is
        // the 64-bit value stored as SQLite's signed integer. Quote links name documents by id,
        // not rowid, because an upsert gives the document a new rowid.
        Execute($"""
            CREATE TABLE documents (
                rowid INTEGER PRIMARY KEY,
                id TEXT NOT NULL UNIQUE,
                title TEXT NOT NULL,
                kind TEXT NOT NULL,
                date TEXT,
                year INTEGER,
                attested TEXT,
                collection TEXT,
                volume TEXT,
                part_of TEXT,
                version INTEGER NOT NULL);
            CREATE INDEX documents_date ON documents(date);
            CREATE TABLE people (
                document INTEGER NOT NULL REFERENCES documents(rowid) ON DELETE CASCADE,
                role TEXT NOT NULL,
                position INTEGER NOT NULL,
                name TEXT NOT NULL,
                name_key TEXT NOT NULL,
                ref TEXT);
            CREATE INDEX people_document ON people(document);
            CREATE INDEX people_role_key ON people(role, name_key);
            CREATE VIRTUAL TABLE text USING fts5(title, people, body, notes, tokenize = 'unicode61 remove_diacritics 2', prefix = '2 3 4');
            CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
            CREATE TABLE fingerprints (
                hash INTEGER NOT NULL,
                document INTEGER NOT NULL,
                word INTEGER NOT NULL,
                start INTEGER NOT NULL,
                PRIMARY KEY (hash, document, word)) WITHOUT ROWID;
            CREATE INDEX fingerprints_document ON fingerprints(document);
            CREATE TABLE quote_links (
                source TEXT NOT NULL,
                source_start INTEGER NOT NULL,
                source_length INTEGER NOT NULL,
                target TEXT NOT NULL,
                target_start INTEGER NOT NULL,
                target_length INTEGER NOT NULL,
                matched INTEGER NOT NULL,
                direction TEXT NOT NULL);
            CREATE INDEX quote_links_source ON quote_links(source);
            CREATE INDEX quote_links_target ON quote_links(target);
            """);
        Execute(NamesSchema);
        Execute(SourcesSchema);
        Execute(AccessSchema);
        Execute(VersionsSchema);
        Execute($"PRAGMA user_version = {SchemaVersion};");
    }

    public void Upsert(Document document, int version)
    {
        using var scope = _batch is null ? Batch() : null;
        _results = null;
        Remove(document.Id);
        var date = DocumentDates.SortDate(document);
        using var insert = Command("""
            INSERT INTO documents (id, title, kind, date, year, attested, collection, volume, part_of, version)
            VALUES ($id, $title, $kind, $date, $year, $attested, $collection, $volume, $partOf, $version)
            RETURNING rowid
            """);
        insert.Parameters.AddWithValue("$id", document.Id);
        insert.Parameters.AddWithValue("$title", document.Title);
        insert.Parameters.AddWithValue("$kind", DocumentKinds.Name(document.Kind));
        insert.Parameters.AddWithValue("$date", (object?)date ?? DBNull.Value);
        insert.Parameters.AddWithValue("$year", (object?)DocumentDates.YearOf(date) ?? DBNull.Value);
        insert.Parameters.AddWithValue("$attested", (object?)DocumentDates.AttestedDate(document) ?? DBNull.Value);
        insert.Parameters.AddWithValue("$collection", (object?)document.Source?.Collection ?? DBNull.Value);
        insert.Parameters.AddWithValue("$volume", (object?)document.Source?.Volume ?? DBNull.Value);
        insert.Parameters.AddWithValue("$partOf", (object?)document.PartOf ?? DBNull.Value);
        insert.Parameters.AddWithValue("$version", version);
        var rowid = Convert.ToInt64(insert.ExecuteScalar(), CultureInfo.InvariantCulture);

        using var person = Command("INSERT INTO people (document, role, position, name, name_key, ref) VALUES ($document, $role, $position, $name, $key, $ref)");
        var parameters = new[] { "$document", "$role", "$position", "$name", "$key", "$ref" }
            .Select(n => person.Parameters.Add(n, SqliteType.Text)).ToArray();
        foreach (var (role, people) in new[] { ("author", document.Authors), ("addressee", document.Addressees), ("copy", document.CopiesTo) })
        {
            for (var i = 0; i < people.Count; i++)
            {
                parameters[0].Value = rowid;
                parameters[1].Value = role;
                parameters[2].Value = i;
                parameters[3].Value = people[i].Name;
                parameters[4].Value = ResultIndex.NameKey(people[i].Name);
                parameters[5].Value = (object?)people[i].Ref ?? DBNull.Value;
                person.ExecuteNonQuery();
            }
        }

        using var text = Command("INSERT INTO text (rowid, title, people, body, notes) VALUES ($rowid, $title, $people, $body, $notes)");
        text.Parameters.AddWithValue("$rowid", rowid);
        text.Parameters.AddWithValue("$title", document.Title);
        text.Parameters.AddWithValue("$people", string.Join("; ", document.Authors.Concat(document.Addressees).Concat(document.CopiesTo).Select(p => p.Name)));
        text.Parameters.AddWithValue("$body", document.BodyText);
        text.Parameters.AddWithValue("$notes", string.Join(Document.BlockSeparator, document.Notes.Select(n => n.Text)));
        text.ExecuteNonQuery();
        InsertTextKey(rowid, document);
        scope?.Commit();
    }

    public void Remove(string id)
    {
        using var scope = _batch is null ? Batch() : null;
        if (RowOf(id) is not { } rowid)
            return;
        _results = null;
        using var delete = Command("""
            DELETE FROM text WHERE rowid = $rowid; DELETE FROM people WHERE document = $rowid;
            DELETE FROM fingerprints WHERE document = $rowid;
            DELETE FROM quote_links WHERE source = $id OR target = $id;
            DELETE FROM documents WHERE rowid = $rowid;
            """);
        delete.Parameters.AddWithValue("$rowid", rowid);
        delete.Parameters.AddWithValue("$id", id);
        delete.ExecuteNonQuery();
        scope?.Commit();
    }

    public void Clear()
    {
        using var scope = _batch is null ? Batch() : null;
        _results = null;
        // The generation outlives a clear: a reader must see the rebuilt catalog as a change.
        Execute($"DELETE FROM text; DELETE FROM people; DELETE FROM fingerprints; DELETE FROM quote_links; DELETE FROM meta WHERE key NOT IN ('{GenerationKey}', '{ArchiveKey}'); DELETE FROM documents; DELETE FROM versions;");
        scope?.Commit();
    }

    public CatalogText? Text(string id)
    {
        using var select = Command("""
            SELECT d.id, d.title, d.date, d.part_of, t.body, d.attested
            FROM documents d JOIN text t ON t.rowid = d.rowid
            WHERE d.id = $id
            """);
        select.Parameters.AddWithValue("$id", id);
        using var reader = select.ExecuteReader();
        if (!reader.Read())
            return null;
        string? Optional(int i) => reader.IsDBNull(i) ? null : reader.GetString(i);
        return new CatalogText(reader.GetString(0), reader.GetString(1), Optional(2), Optional(3), reader.GetString(4), Optional(5));
    }

    public string? FingerprintScheme => Scalar("SELECT value FROM meta WHERE key = 'fingerprint_scheme'") as string;

    public void SetFingerprints(string id, string scheme, IReadOnlyList<Fingerprint> fingerprints) => SetFingerprints(scheme, [(id, fingerprints)]);

    public void SetFingerprints(string scheme, IReadOnlyList<(string Id, IEnumerable<Fingerprint> Fingerprints)> documents)
    {
        ArgumentNullException.ThrowIfNull(documents);
        using var scope = _batch is null ? Batch() : null;
        var held = FingerprintScheme;
        if (held is not null && held != scheme)
            throw new InvalidOperationException($"the catalog holds fingerprints of scheme {held}, not {scheme}; rebuild it");
        if (held is null)
        {
            using var setScheme = Command("INSERT INTO meta (key, value) VALUES ('fingerprint_scheme', $scheme)");
            setScheme.Parameters.AddWithValue("$scheme", scheme);
            setScheme.ExecuteNonQuery();
        }
        var rows = new List<(string Id, long Row, IEnumerable<Fingerprint> Fingerprints)>();
        using (var delete = Command("DELETE FROM fingerprints WHERE document = $rowid"))
        {
            var document = delete.Parameters.Add("$rowid", SqliteType.Integer);
            foreach (var (id, fingerprints) in documents)
            {
                var rowid = RowOf(id) ?? throw new InvalidOperationException($"the catalog holds no document {id}");
                document.Value = rowid;
                delete.ExecuteNonQuery();
                rows.Add((id, rowid, fingerprints));
            }
        }
        // In FingerprintOrder's order the insert walks the B-tree forward (the hashes as SQLite's
        // signed integers in two runs, from the middle of the tree to its end, then from its
        // start), and each page is read and dirtied once per call, not once per row. A prepared
        // statement run per row cost less than one statement over a JSON array of the rows (15
        // against 24 ms a document at 15 million rows).
        using var insert = new SqliteIntegerInsert(_connection, "INSERT OR IGNORE INTO fingerprints (hash, document, word, start) VALUES (?, ?, ?, ?)");
        foreach (var (fingerprint, rowid) in FingerprintOrder.Merge(rows))
            insert.Run(unchecked((long)fingerprint.Hash), rowid, fingerprint.FirstWord, fingerprint.Start);
        scope?.Commit();
    }

    public IReadOnlyList<Fingerprint> FindFingerprints(IReadOnlyCollection<ulong> hashes, int limitPerHash)
    {
        ArgumentNullException.ThrowIfNull(hashes);
        var found = new List<Fingerprint>();
        if (hashes.Count == 0 || limitPerHash <= 0)
            return found;
        // One id string for each document, however many of its rows come back: a long text's own
        // fingerprints are millions of rows of one document.
        var ids = new Dictionary<long, string>();
        // Distinct and in key order: each seek then lands at or after the last one's page. Asked a
        // slice at a time, so that the list handed to SQLite stays small whatever the text's length.
        var ordered = new long[hashes.Count];
        var count = 0;
        foreach (var hash in hashes)
            ordered[count++] = unchecked((long)hash);
        Array.Sort(ordered);
        var distinct = ordered.AsSpan(0, DistinctInPlace(ordered));
        var json = new StringBuilder();
        for (var first = 0; first < distinct.Length; first += HashesAskedAtOnce)
            FindFingerprints(distinct.Slice(first, Math.Min(HashesAskedAtOnce, distinct.Length - first)), limitPerHash, found, ids, json);
        return found;
    }

    /// <summary>Moves each value of the sorted array to the front once; returns how many there are.</summary>
    private static int DistinctInPlace(long[] sorted)
    {
        var kept = 0;
        for (var k = 0; k < sorted.Length; k++)
        {
            if (kept == 0 || sorted[k] != sorted[kept - 1])
                sorted[kept++] = sorted[k];
        }
        return kept;
    }

    /// <summary>The values as a JSON array for json_each, written into the builder given and made a string once.</summary>
    private static string JsonArrayOf(ReadOnlySpan<long> values, StringBuilder json)
    {
        json.Clear().Append('[');
        for (var k = 0; k < values.Length; k++)
            (k == 0 ? json : json.Append(',')).Append(CultureInfo.InvariantCulture, $"{values[k]}");
        return json.Append(']').ToString();
    }

    // Some 200 kB of JSON a statement: large enough that a statement's cost is in its seeks.
    private const int HashesAskedAtOnce = 10_000;

    private void FindFingerprints(ReadOnlySpan<long> hashes, int limitPerHash, List<Fingerprint> found, Dictionary<long, string> ids, StringBuilder json)
    {
        var asked = JsonArrayOf(hashes, json);

        // A run held thousands of times (a letterhead, a formula) would hand back thousands of
        // rows, so each hash is first counted up to the limit, which stops after that many index
        // steps; the rare hashes at the limit are read one by one with it. json_each drives each
        // join: one seek into the (hash, ...) key per hash asked.
        var common = new List<long>();
        var rare = new List<long>();
        using (var count = Command("""
            SELECT value, (SELECT count(*) FROM (SELECT 1 FROM fingerprints WHERE hash = value LIMIT $limit))
            FROM json_each($hashes)
            """))
        {
            count.Parameters.AddWithValue("$hashes", asked);
            count.Parameters.AddWithValue("$limit", limitPerHash);
            using var reader = count.ExecuteReader();
            while (reader.Read())
            {
                var held = reader.GetInt32(1);
                if (held >= limitPerHash)
                    common.Add(reader.GetInt64(0));
                else if (held > 0)
                    rare.Add(reader.GetInt64(0));
            }
        }
        using (var select = Command("""
            SELECT f.hash, f.document, d.id, f.word, f.start
            FROM json_each($hashes) JOIN fingerprints f ON f.hash = value
            JOIN documents d ON d.rowid = f.document
            """))
        {
            select.Parameters.AddWithValue("$hashes", JsonArrayOf(CollectionsMarshal.AsSpan(rare), json));
            Read(select);
        }
        foreach (var hash in common)
        {
            using var select = Command("""
                SELECT f.hash, f.document, d.id, f.word, f.start
                FROM fingerprints f JOIN documents d ON d.rowid = f.document
                WHERE f.hash = $hash LIMIT $limit
                """);
            select.Parameters.AddWithValue("$hash", hash);
            select.Parameters.AddWithValue("$limit", limitPerHash);
            Read(select);
        }

        void Read(SqliteCommand select)
        {
            using var reader = select.ExecuteReader();
            while (reader.Read())
            {
                var rowid = reader.GetInt64(1);
                if (!ids.TryGetValue(rowid, out var id))
                    ids[rowid] = id = reader.GetString(2);
                found.Add(new Fingerprint(unchecked((ulong)reader.GetInt64(0)), id, reader.GetInt32(3), reader.GetInt32(4)));
            }
        }
    }

    public IReadOnlyList<Fingerprint> FingerprintsOf(string id)
    {
        using var select = Command("""
            SELECT f.hash, f.word, f.start FROM fingerprints f JOIN documents d ON d.rowid = f.document WHERE d.id = $id
            """);
        select.Parameters.AddWithValue("$id", id);
        return CatalogRows.Fingerprints(select, id);
    }

    public void RemoveQuoteLinksBetween(string id, IReadOnlyCollection<string> others)
    {
        ArgumentNullException.ThrowIfNull(others);
        using var scope = _batch is null ? Batch() : null;
        using var delete = Command("DELETE FROM quote_links WHERE (source = $a AND target = $b) OR (source = $b AND target = $a)");
        delete.Parameters.AddWithValue("$a", id);
        var other = delete.Parameters.Add("$b", SqliteType.Text);
        foreach (var b in others)
        {
            other.Value = b;
            delete.ExecuteNonQuery();
        }
        scope?.Commit();
    }

    public void AddQuoteLinks(IEnumerable<QuoteLink> links)
    {
        using var scope = _batch is null ? Batch() : null;
        using var insert = Command("""
            INSERT INTO quote_links (source, source_start, source_length, target, target_start, target_length, matched, direction)
            VALUES ($source, $sourceStart, $sourceLength, $target, $targetStart, $targetLength, $matched, $direction)
            """);
        CatalogRows.InsertQuoteLinks(insert, links);
        scope?.Commit();
    }

    public IReadOnlyList<QuoteLink> QuoteLinks(string id)
    {
        using var select = Command("""
            SELECT source, source_start, source_length, target, target_start, target_length, matched, direction
            FROM quote_links WHERE source = $id OR target = $id
            ORDER BY source, source_start, target, target_start
            """);
        select.Parameters.AddWithValue("$id", id);
        return CatalogRows.QuoteLinks(select);
    }

    private long? RowOf(string id)
    {
        using var find = Command("SELECT rowid FROM documents WHERE id = $id");
        find.Parameters.AddWithValue("$id", id);
        return find.ExecuteScalar() as long?;
    }

    public ICatalogBatch Batch()
    {
        if (_batch is not null)
            throw new InvalidOperationException(_batchWrites ? "a batch is already open" : "a batch cannot be opened inside a snapshot");
        SizeCacheToCatalog();
        _batch = _connection.BeginTransaction();
        _batchWrites = true;
        return new CatalogTransaction(_batch, AdvanceGeneration, () => _batch = null);
    }

    public IDisposable Snapshot()
    {
        if (_batch is not null)
            return CatalogTransaction.None;
        _batch = _connection.BeginTransaction(deferred: true);
        _batchWrites = false;
        // A deferred transaction takes its snapshot at its first read, made here, so that
        // everything read after (PRAGMA data_version included) is of that one state.
        Scalar("SELECT count(*) FROM meta");
        return new CatalogTransaction(_batch, null, () => _batch = null);
    }

    // The writer's page cache may grow to 1 GiB, the size of the fingerprints' B-tree at about
    // 100 MB of text: ingest looks up and inserts some 4,000 random keys a document, and through
    // SQLite's default cache of 2 MB nearly every one read its page from the file. The cache also
    // holds every page a batch writes until its commit, unless it is full, when they spill to the
    // write-ahead log; so a cache larger than the catalog holds nothing but the batch's own new
    // pages, and one very long text kept 12 bytes a character of them in memory.
    private const long SmallestCacheBytes = 64L << 20;
    private const long LargestCacheBytes = 1L << 30;

    /// <summary>The writer's page cache for a catalog of this size: the whole catalog, within bounds.</summary>
    internal static long CacheBytesFor(long catalogBytes) => Math.Clamp(catalogBytes, SmallestCacheBytes, LargestCacheBytes);

    /// <summary>The page cache this connection may fill, in bytes.</summary>
    internal long CacheBytes => -Convert.ToInt64(Scalar("PRAGMA cache_size"), CultureInfo.InvariantCulture) * 1024;

    private void SizeCacheToCatalog()
    {
        var catalogBytes = Convert.ToInt64(Scalar("PRAGMA page_count"), CultureInfo.InvariantCulture)
            * Convert.ToInt64(Scalar("PRAGMA page_size"), CultureInfo.InvariantCulture);
        Execute($"PRAGMA cache_size = -{CacheBytesFor(catalogBytes) / 1024}");
    }

    private const string GenerationKey = "generation";
    private const string ArchiveKey = "archive";

    public string? ArchiveId => Scalar($"SELECT value FROM meta WHERE key = '{ArchiveKey}'") as string;

    public void Claim(string archiveId)
    {
        using var scope = _batch is null ? Batch() : null;
        using var write = Command($"INSERT OR REPLACE INTO meta (key, value) VALUES ('{ArchiveKey}', $id)");
        write.Parameters.AddWithValue("$id", archiveId);
        write.ExecuteNonQuery();
        scope?.Commit();
    }

    public long Generation => Scalar($"SELECT value FROM meta WHERE key = '{GenerationKey}'") is string value
        ? long.Parse(value, NumberStyles.Integer, CultureInfo.InvariantCulture) : 0;

    // One more than before, and never below the clock's ticks, so that a catalog deleted and
    // built again does not start over at a number a reader still holds.
    private void AdvanceGeneration()
    {
        using var advance = Command($"""
            INSERT INTO meta (key, value) VALUES ('{GenerationKey}', CAST($now AS TEXT))
            ON CONFLICT (key) DO UPDATE SET value = CAST(max(CAST(value AS INTEGER) + 1, $now) AS TEXT)
            """);
        advance.Parameters.AddWithValue("$now", DateTime.UtcNow.Ticks);
        advance.ExecuteNonQuery();
    }

    public SearchResults Search(SearchQuery query, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        var parsed = FtsQuery.ForUser(query.Text);
        using var snapshot = Snapshot();
        using var budget = new QueryBudget(_connection, query.TimeLimit, cancellationToken);
        try
        {
            var index = Results();
            return parsed.Match is null ? Browse(query, index) : Match(query, parsed, index, budget);
        }
        catch (Exception exception) when (budget.Stopped(exception))
        {
            cancellationToken.ThrowIfCancellationRequested();
            throw new QueryTooCostlyException($"the search was stopped after {query.TimeLimit.TotalSeconds:0.#} s; ask for fewer or rarer words, or add a filter");
        }
    }

    public IReadOnlyList<string> BestMatchesOfAnyWord(IReadOnlyList<string> words, int limit)
    {
        ArgumentNullException.ThrowIfNull(words);
        var phrases = words.Select(w => $"\"{w.Replace("\"", "", StringComparison.Ordinal)}\"").Where(p => FtsQuery.Translate(p) is not null).ToList();
        if (phrases.Count == 0 || limit <= 0)
            return [];
        // BM25 weighs a word by its rarity, log((N - n + 0.5) / (n + 0.5)) for n of N documents
        // holding it, and FTS5 sets that weight to 1e-6 where it would be zero or less: a word held
        // by half the documents or more adds next to nothing to any score, yet scoring every
        // document that holds it was most of the cost. Such words are left out while the others
        // still match a page of documents; a document holding only them could not have ranked
        // above one holding any other word.
        var documents = Count;
        var rare = phrases.Where(p => 2L * Holding(p) < documents).ToList();
        if (rare.Count > 0 && rare.Count < phrases.Count && Ranked(rare) is { } ids && ids.Count == limit)
            return ids;
        return Ranked(phrases);

        List<string> Ranked(List<string> any)
        {
            // Search's order (ResultIndex.Page): score, then undated last, then date and id by
            // ordinal order, which SQLite's BINARY collation gives for these ASCII keys.
            using var select = Command($"""
                SELECT d.id FROM text JOIN documents d ON d.rowid = text.rowid
                WHERE text MATCH $match
                ORDER BY {Bm25}, d.date IS NULL, d.date, d.id
                LIMIT $limit
                """);
            select.Parameters.AddWithValue("$match", FtsQuery.Translate(string.Join(" OR ", any)));
            select.Parameters.AddWithValue("$limit", limit);
            return CatalogRows.FirstColumn(select);
        }

        long Holding(string phrase)
        {
            using var count = Command("SELECT count(*) FROM text WHERE text MATCH $match");
            count.Parameters.AddWithValue("$match", FtsQuery.Translate(phrase));
            return Convert.ToInt64(count.ExecuteScalar(), CultureInfo.InvariantCulture);
        }
    }

    /// <summary>
    /// A full-text search in one pass of FTS5: every match with its score, read whole, gives the
    /// total, the facets (counted in memory) and the ranking (a bounded heap). Only the page of
    /// hits goes back to SQLite, for its titles and snippets.
    /// </summary>
    private SearchResults Match(SearchQuery query, UserQuery parsed, ResultIndex index, QueryBudget budget)
    {
        var selects = index.Selector(query.Filter);
        var scored = new List<(long Row, double Score)>();
        // A narrow filter's rows are a list each match is looked up in, so that bm25() is computed
        // for those rows only. The "+" keeps SQLite from handing them to FTS5 as rowids to seek:
        // FTS5 would then run the whole match again for each (BENCHMARKS.md, "Tried and dropped").
        var narrowed = index.Narrowed(query.Filter);
        var admitted = narrowed is null ? "" : " AND +rowid IN (SELECT value FROM json_each($rows))";
        using (var select = Command($"SELECT rowid, -{Bm25} FROM text WHERE text MATCH $match{admitted}"))
        {
            select.Parameters.AddWithValue("$match", parsed.Match);
            if (narrowed is not null)
                select.Parameters.AddWithValue("$rows", "[" + string.Join(",", narrowed.Select(r => r.ToString(CultureInfo.InvariantCulture))) + "]");
            using var reader = select.ExecuteReader();
            while (reader.Read())
            {
                var row = reader.GetInt64(0);
                if (selects(row))
                    scored.Add((row, reader.GetDouble(1)));
            }
        }
        budget.Check();
        var window = Snippets.WindowCharacters.ToString(CultureInfo.InvariantCulture);
        var results = index.Matched(query, scored, page => ReadHits(page, $"substr(text.body, 1, {window}), substr(text.notes, 1, {window})", (body, notes) =>
        {
            budget.Check();
            return Snippets.Best(body, notes, parsed.Marked);
        }));
        budget.Check();
        return results;
    }

    /// <summary>No words to match: the filters select, and the hits come in date order with the start of their text.</summary>
    private SearchResults Browse(SearchQuery query, ResultIndex index)
        => index.Browsed(query, page => ReadHits(page, "substr(text.body, 1, 200), ''", (start, _) => start));

    /// <summary>Reads the hits of the rows given, each with its snippet: made from two texts of the full-text row, selected by <paramref name="snippetSql"/>.</summary>
    private Dictionary<long, SearchHit> ReadHits(IEnumerable<long> rows, string snippetSql, Func<string, string, string> snippet)
    {
        using var command = Command($"""
            SELECT text.rowid, d.id, d.title, d.date, {snippetSql}
            FROM text JOIN documents d ON d.rowid = text.rowid
            WHERE text.rowid IN ({string.Join(",", rows.Select(r => r.ToString(CultureInfo.InvariantCulture)))})
            """);
        return CatalogRows.Hits(command, snippet);
    }

    /// <summary>What search keeps in memory of every document, read from the tables when first needed after a write.</summary>
    private ResultIndex Results()
    {
        // data_version changes when another connection commits to the file; this connection's
        // own writes drop the index where they are made.
        var version = Convert.ToInt64(Scalar("PRAGMA data_version"), CultureInfo.InvariantCulture);
        if (_results is not null && version == _resultsDataVersion)
            return _results;
        _resultsDataVersion = version;
        // Only a connection that has not written may share: its snapshot is a committed generation.
        _results = _sharedResults is not null && !_batchWrites ? _sharedResults.At(Generation, ReadResultIndex) : ReadResultIndex(null).Index;
        return _results;
    }

    /// <summary>
    /// The result index of this connection's snapshot: the rows of <paramref name="previous"/>
    /// that are still there as they were, and the rest read from the tables; all of it read where
    /// there is no previous index or most rows changed.
    /// </summary>
    private (ResultIndex Index, bool Extended) ReadResultIndex(ResultIndex? previous)
    {
        if (previous is not null)
        {
            // A row is unchanged where its rowid still holds the same id at the same version: a
            // stored version never changes, and an upsert deletes the row (with its people) and
            // inserts it again, under a rowid above every row there was before it.
            var kept = new HashSet<long>();
            var changed = new List<long>();
            using (var rows = Command("SELECT rowid, id, version FROM documents"))
            using (var reader = rows.ExecuteReader())
            {
                while (reader.Read())
                {
                    var row = reader.GetInt64(0);
                    (previous.Holds(row, reader.GetString(1), reader.GetInt32(2)) ? (ICollection<long>)kept : changed).Add(row);
                }
            }
            if (changed.Count == 0 && kept.Count == previous.DocumentCount)
                return (previous, true);
            if (changed.Count <= kept.Count)
            {
                var index = previous.Keeping(kept);
                ReadRows(index, changed);
                return (index, true);
            }
        }
        var whole = new ResultIndex();
        ReadRows(whole, null);
        return (whole, false);
    }

    /// <summary>Adds the rows given (every row where null) with their authors and addressees, in rowid order, which decides each person's shown spelling.</summary>
    private void ReadRows(ResultIndex index, IReadOnlyCollection<long>? rows)
    {
        var only = rows is null ? "" : $"WHERE rowid IN ({string.Join(",", rows.Select(r => r.ToString(CultureInfo.InvariantCulture)))})";
        var ofRows = rows is null ? "" : $"AND document IN ({string.Join(",", rows.Select(r => r.ToString(CultureInfo.InvariantCulture)))})";
        using var documents = Command($"SELECT rowid, id, date, kind, year, collection, volume, version FROM documents {only} ORDER BY rowid");
        using var people = Command($"SELECT document, role, name_key, name FROM people WHERE role IN ('author', 'addressee') {ofRows} ORDER BY document, role, position");
        CatalogRows.Read(index, documents, people);
    }

    public IReadOnlyList<WorkEntry> List(WorkFilter filter)
    {
        using var snapshot = Snapshot();
        var selected = Results().InDateOrder(filter);
        using var command = Command("""
            SELECT d.rowid, d.id, d.title, d.kind, d.date, d.collection, d.volume, d.version,
                   (SELECT group_concat(name, char(31)) FROM (SELECT name FROM people WHERE document = d.rowid AND role = 'author' ORDER BY position)),
                   (SELECT group_concat(name, char(31)) FROM (SELECT name FROM people WHERE document = d.rowid AND role = 'addressee' ORDER BY position))
            FROM documents d
            """);
        var entries = new Dictionary<long, WorkEntry>();
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            string? Text(int i) => reader.IsDBNull(i) ? null : reader.GetString(i);
            entries[reader.GetInt64(0)] = new WorkEntry(reader.GetString(1), reader.GetString(2), reader.GetString(3), Text(4),
                Split(Text(8)), Split(Text(9)), Text(5), Text(6), reader.GetInt32(7));
        }
        return [.. selected.Select(r => entries[r])];
    }

    private static IReadOnlyList<string> Split(string? joined) => joined is null ? [] : joined.Split('\u001F');

    private SqliteCommand Command(string sql)
    {
        var command = _connection.CreateCommand();
        command.CommandText = sql;
        command.Transaction = _batch;
        return command;
    }

    private void Execute(string sql)
    {
        using var command = Command(sql);
        command.ExecuteNonQuery();
    }

    private object? Scalar(string sql)
    {
        using var command = Command(sql);
        return command.ExecuteScalar();
    }

    public void Dispose()
    {
        _batch?.Dispose();
        _connection.Dispose();
    }
}
