using System.Data;
using Npgsql;
using NpgsqlTypes;
using Verbatim.Model;
using Verbatim.Searching;

namespace Verbatim.Storage.Catalog.Postgres;

/// <summary>
/// The catalog on PostgreSQL: the tables of the SQLite catalog, keyed by a row number each
/// upsert gives anew, with the full text as a weighted tsvector (title A, people B, body C,
/// notes D) under a GIN index, made from words folded in C# (<see cref="TextSearch"/>).
/// </summary>
/// <remarks>
/// One connection serves one caller at a time. A batch is one transaction whose commit advances
/// the generation (a row of meta, written in that transaction); a snapshot is a read-only
/// REPEATABLE READ transaction.
/// </remarks>
public sealed partial class PostgresCatalog : ICatalog
{
    // Raised whenever the schema changes: an older catalog is dropped and rebuilt from the store.
    // 2: every version's time and access, for harvesters (PostgresCatalog.Versions.cs).
    // 3: the full-text index's list of rows not yet merged kept short (FullTextIndexOptions); upgraded in place.
    private const int SchemaVersion = 3;

    // GIN keeps newly written rows in a list that every search reads through, and the planner
    // prices that list into the index's cost: at the default 4 MB (some 1,600 letters) a search
    // for a rare word scanned the whole table until autovacuum merged it. At 256 kB the list is
    // merged by the writer every hundred letters or so, and a search reads at most that much of it.
    private const string FullTextIndexOptions = "gin_pending_list_limit = 256";

    private const string GenerationKey = "generation";
    private const string SchemaKey = "schema_version";
    private const string ArchiveKey = "archive";

    public string? ArchiveId => Scalar($"SELECT value FROM meta WHERE key = '{ArchiveKey}'") as string;

    public void Claim(string archiveId)
    {
        using var scope = _transaction is null ? Batch() : null;
        using var write = Command($"INSERT INTO meta (key, value) VALUES ('{ArchiveKey}', @id) ON CONFLICT (key) DO UPDATE SET value = excluded.value");
        write.Parameters.AddWithValue("id", archiveId);
        write.ExecuteNonQuery();
        scope?.Commit();
    }
    private const string SchemeKey = "fingerprint_scheme";

    // ts_rank_cd's weights of D, C, B and A: notes, body, people and title weigh as bm25 weighs them in SQLite (0.5, 1, 2, 5).
    private const string Rank = "ts_rank_cd('{0.1, 0.2, 0.4, 1.0}', t.search, q)";

    private readonly NpgsqlConnection _connection;

    // The transaction every command runs in: a batch's, or a snapshot's; null between them.
    private NpgsqlTransaction? _transaction;
    private bool _batchWrites;

    // Dropped by every write of this connection, and read again when the generation has moved.
    private ResultIndex? _results;
    private long _resultsGeneration;

    // Where a read-only connection takes the index another connection built of the same generation.
    private readonly SharedResultIndex? _sharedResults;

    private PostgresCatalog(NpgsqlConnection connection, SharedResultIndex? sharedResults = null)
    {
        _connection = connection;
        _sharedResults = sharedResults;
    }

    /// <summary>Opens the catalog of the database, creating its tables where there are none.</summary>
    /// <exception cref="NpgsqlException">The database cannot be reached.</exception>
    public static PostgresCatalog Open(string connectionString)
    {
        var connection = new NpgsqlConnection(connectionString);
        connection.Open();
        var catalog = new PostgresCatalog(connection);
        try
        {
            catalog.Migrate();
            return catalog;
        }
        catch
        {
            catalog.Dispose();
            throw;
        }
    }

    /// <summary>
    /// Opens the catalog of the database for reading only: no schema check, no write (the
    /// session's transactions are read-only, so a write is refused by the server). Any number may
    /// be open beside writers, each serving one caller at a time.
    /// </summary>
    /// <param name="sharedResults">Shared by the readers of this one database, so that a commit's new result index is built once for all of them.</param>
    /// <exception cref="NpgsqlException">The database cannot be reached.</exception>
    public static PostgresCatalog OpenReadOnly(string connectionString, SharedResultIndex? sharedResults = null)
    {
        var readOnly = new NpgsqlConnectionStringBuilder(connectionString);
        readOnly.Options = $"{readOnly.Options} -c default_transaction_read_only=on".Trim();
        var connection = new NpgsqlConnection(readOnly.ConnectionString);
        try
        {
            connection.Open();
        }
        catch
        {
            connection.Dispose();
            throw;
        }
        return new PostgresCatalog(connection, sharedResults);
    }

    public bool IsCurrent => Scalar("SELECT to_regclass('meta') IS NOT NULL") is true
        && Scalar($"SELECT value FROM meta WHERE key = '{SchemaKey}'") is string version
        && version == SchemaVersion.ToString(System.Globalization.CultureInfo.InvariantCulture);

    public bool NeedsRebuild { get; private set; }

    public int Count => Convert.ToInt32(Scalar("SELECT count(*) FROM documents"), System.Globalization.CultureInfo.InvariantCulture);

    private void Migrate()
    {
        using var scope = Batch();
        // Two processes opening one new catalog at once: the second waits, then finds the tables.
        Execute("SELECT pg_advisory_xact_lock(7101968)");
        Execute("CREATE TABLE IF NOT EXISTS meta (key text PRIMARY KEY, value text NOT NULL)");
        // Outside the schema's version: what it lists is the store's, not derived, and outlives a rebuild's schema.
        Execute(PendingSchema);
        var version = Scalar($"SELECT value FROM meta WHERE key = '{SchemaKey}'") as string;
        if (version == SchemaVersion.ToString(System.Globalization.CultureInfo.InvariantCulture))
            return;
        if (version == "2")
        {
            Execute($"ALTER INDEX texts_search SET ({FullTextIndexOptions}); UPDATE meta SET value = '{SchemaVersion}' WHERE key = '{SchemaKey}'");
            scope.Commit();
            return;
        }
        if (version is not null)
        {
            Execute("""
                DROP TABLE IF EXISTS versions, access, text_keys, sources, dating, mentions, quote_links, fingerprints, people, texts, documents;
                DELETE FROM meta WHERE key NOT IN ('generation', 'archive');
                """);
            NeedsRebuild = true;
        }
        // Fingerprints are keyed by hash first, the lookup every quotation check makes; the 64-bit
        // hash is stored as a signed bigint. Quote links name documents by id, not row, because an
        // upsert gives the document a new row.
        Execute($"""
            CREATE TABLE documents (
                row bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
                id text NOT NULL UNIQUE,
                title text NOT NULL,
                kind text NOT NULL,
                date text,
                year integer,
                attested text,
                collection text,
                volume text,
                part_of text,
                version integer NOT NULL);
            CREATE INDEX documents_date ON documents (date);
            CREATE TABLE people (
                document bigint NOT NULL REFERENCES documents (row) ON DELETE CASCADE,
                role text NOT NULL,
                position integer NOT NULL,
                name text NOT NULL,
                name_key text NOT NULL,
                ref text);
            CREATE INDEX people_document ON people (document);
            CREATE INDEX people_role_key ON people (role, name_key);
            CREATE TABLE texts (
                document bigint PRIMARY KEY REFERENCES documents (row) ON DELETE CASCADE,
                body text NOT NULL,
                notes text NOT NULL,
                search tsvector NOT NULL);
            CREATE INDEX texts_search ON texts USING gin (search) WITH ({FullTextIndexOptions});
            CREATE TABLE fingerprints (
                hash bigint NOT NULL,
                document bigint NOT NULL REFERENCES documents (row) ON DELETE CASCADE,
                word integer NOT NULL,
                start integer NOT NULL,
                PRIMARY KEY (hash, document, word));
            CREATE INDEX fingerprints_document ON fingerprints (document);
            CREATE TABLE quote_links (
                source text NOT NULL,
                source_start integer NOT NULL,
                source_length integer NOT NULL,
                target text NOT NULL,
                target_start integer NOT NULL,
                target_length integer NOT NULL,
                matched integer NOT NULL,
                direction text NOT NULL);
            CREATE INDEX quote_links_source ON quote_links (source);
            CREATE INDEX quote_links_target ON quote_links (target);
            {NamesSchema}
            {SourcesSchema}
            {AccessSchema}
            {VersionsSchema}
            INSERT INTO meta (key, value) VALUES ('{SchemaKey}', '{SchemaVersion}');
            """);
        scope?.Commit();
    }

    public void Upsert(Document document, int version)
    {
        ArgumentNullException.ThrowIfNull(document);
        using var scope = _transaction is null ? Batch() : null;
        _results = null;
        var people = new[] { ("author", document.Authors), ("addressee", document.Addressees), ("copy", document.CopiesTo) }
            .SelectMany(r => r.Item2.Select((person, position) => (Role: r.Item1, Position: position, Person: person))).ToList();
        var key = TextIdentity.KeyOf(document.BodyText);
        // One round trip: the old rows go (the other tables' with the document's row, ON DELETE
        // CASCADE), and every row after the first finds the document's new row by its id.
        using var upsert = Command($"""
            DELETE FROM quote_links WHERE source = @id OR target = @id;
            DELETE FROM documents WHERE id = @id;
            INSERT INTO documents (id, title, kind, date, year, attested, collection, volume, part_of, version)
            VALUES (@id, @title, @kind, @date, @year, @attested, @collection, @volume, @partOf, @version);
            INSERT INTO people (document, role, position, name, name_key, ref)
            SELECT d.row, p.role, p.position, p.name, p.name_key, p.ref
            FROM documents d, unnest(@roles, @positions, @names, @nameKeys, @refs) p (role, position, name, name_key, ref)
            WHERE d.id = @id;
            INSERT INTO texts (document, body, notes, search) SELECT row, @body, @notes, @search::tsvector FROM documents WHERE id = @id;
            {(key is null ? "" : "INSERT INTO text_keys (document, key) SELECT row, @key FROM documents WHERE id = @id;")}
            """);
        var date = DocumentDates.SortDate(document);
        upsert.Parameters.AddWithValue("id", document.Id);
        upsert.Parameters.AddWithValue("title", Storable(document.Title));
        upsert.Parameters.AddWithValue("kind", DocumentKinds.Name(document.Kind));
        upsert.Parameters.AddWithValue("date", NpgsqlDbType.Text, (object?)date ?? DBNull.Value);
        upsert.Parameters.AddWithValue("year", NpgsqlDbType.Integer, (object?)DocumentDates.YearOf(date) ?? DBNull.Value);
        upsert.Parameters.AddWithValue("attested", NpgsqlDbType.Text, (object?)DocumentDates.AttestedDate(document) ?? DBNull.Value);
        upsert.Parameters.AddWithValue("collection", NpgsqlDbType.Text, (object?)document.Source?.Collection ?? DBNull.Value);
        upsert.Parameters.AddWithValue("volume", NpgsqlDbType.Text, (object?)document.Source?.Volume ?? DBNull.Value);
        upsert.Parameters.AddWithValue("partOf", NpgsqlDbType.Text, (object?)document.PartOf ?? DBNull.Value);
        upsert.Parameters.AddWithValue("version", version);
        upsert.Parameters.AddWithValue("roles", NpgsqlDbType.Array | NpgsqlDbType.Text, people.Select(p => p.Role).ToArray());
        upsert.Parameters.AddWithValue("positions", NpgsqlDbType.Array | NpgsqlDbType.Integer, people.Select(p => p.Position).ToArray());
        upsert.Parameters.AddWithValue("names", NpgsqlDbType.Array | NpgsqlDbType.Text, people.Select(p => Storable(p.Person.Name)).ToArray());
        upsert.Parameters.AddWithValue("nameKeys", NpgsqlDbType.Array | NpgsqlDbType.Text, people.Select(p => Storable(ResultIndex.NameKey(p.Person.Name))).ToArray());
        upsert.Parameters.AddWithValue("refs", NpgsqlDbType.Array | NpgsqlDbType.Text, people.Select(p => p.Person.Ref).ToArray());
        var notes = string.Join(Document.BlockSeparator, document.Notes.Select(n => n.Text));
        upsert.Parameters.AddWithValue("body", Storable(document.BodyText));
        upsert.Parameters.AddWithValue("notes", Storable(notes));
        upsert.Parameters.AddWithValue("search", TextSearch.Vector([
            (document.Title, 'A'),
            (string.Join("; ", document.Authors.Concat(document.Addressees).Concat(document.CopiesTo).Select(p => p.Name)), 'B'),
            (document.BodyText, 'C'),
            (notes, 'D'),
        ]));
        if (key is not null)
            upsert.Parameters.AddWithValue("key", NpgsqlDbType.Text, key);
        upsert.ExecuteNonQuery();
        scope?.Commit();
    }

    public void Remove(string id)
    {
        using var scope = _transaction is null ? Batch() : null;
        _results = null;
        // Every other table's rows of the document go with its row (ON DELETE CASCADE).
        using var delete = Command("DELETE FROM quote_links WHERE source = @id OR target = @id; DELETE FROM documents WHERE id = @id");
        delete.Parameters.AddWithValue("id", id);
        delete.ExecuteNonQuery();
        scope?.Commit();
    }

    public void Clear()
    {
        using var scope = _transaction is null ? Batch() : null;
        _results = null;
        // The generation outlives a clear: a reader must see the rebuilt catalog as a change.
        Execute($"DELETE FROM quote_links; DELETE FROM documents; DELETE FROM versions; DELETE FROM meta WHERE key NOT IN ('{GenerationKey}', '{SchemaKey}', '{ArchiveKey}')");
        scope?.Commit();
    }

    public CatalogText? Text(string id)
    {
        using var select = Command("""
            SELECT d.id, d.title, d.date, d.part_of, t.body, d.attested
            FROM documents d JOIN texts t ON t.document = d.row
            WHERE d.id = @id
            """);
        select.Parameters.AddWithValue("id", id);
        using var reader = select.ExecuteReader();
        if (!reader.Read())
            return null;
        string? Optional(int i) => reader.IsDBNull(i) ? null : reader.GetString(i);
        return new CatalogText(reader.GetString(0), reader.GetString(1), Optional(2), Optional(3), reader.GetString(4), Optional(5));
    }

    private long? RowOf(string id)
    {
        using var find = Command("SELECT row FROM documents WHERE id = @id");
        find.Parameters.AddWithValue("id", id);
        return find.ExecuteScalar() as long?;
    }

    /// <summary>The row of each document, by id, in one statement.</summary>
    /// <exception cref="InvalidOperationException">The catalog holds no document of one of the ids.</exception>
    private Dictionary<string, long> RowsOf(IEnumerable<string> ids)
    {
        var asked = ids.Distinct(StringComparer.Ordinal).ToArray();
        var rows = new Dictionary<string, long>(StringComparer.Ordinal);
        using (var find = Command("SELECT id, row FROM documents WHERE id = ANY(@ids)"))
        {
            find.Parameters.AddWithValue("ids", asked);
            using var reader = find.ExecuteReader();
            while (reader.Read())
                rows[reader.GetString(0)] = reader.GetInt64(1);
        }
        if (asked.FirstOrDefault(id => !rows.ContainsKey(id)) is { } missing)
            throw new InvalidOperationException($"the catalog holds no document {missing}");
        return rows;
    }

    /// <summary>The id of each document row, by row, in one statement.</summary>
    private Dictionary<long, string> IdsOf(IEnumerable<long> rows)
    {
        var ids = new Dictionary<long, string>();
        var asked = rows.Distinct().ToArray();
        if (asked.Length == 0)
            return ids;
        using var find = Command("SELECT row, id FROM documents WHERE row = ANY(@rows)");
        find.Parameters.AddWithValue("rows", asked);
        using var reader = find.ExecuteReader();
        while (reader.Read())
            ids[reader.GetInt64(0)] = reader.GetString(1);
        return ids;
    }

    public ICatalogBatch Batch()
    {
        if (_transaction is not null)
            throw new InvalidOperationException(_batchWrites ? "a batch is already open" : "a batch cannot be opened inside a snapshot");
        _transaction = _connection.BeginTransaction(IsolationLevel.ReadCommitted);
        _batchWrites = true;
        Execute($"SELECT pg_advisory_xact_lock({BatchKey})");
        return new CatalogTransaction(_transaction, AdvanceGeneration, () => _transaction = null);
    }

    public IDisposable Snapshot()
    {
        if (_transaction is not null)
            return CatalogTransaction.None;
        // Npgsql sends the BEGIN with the transaction's first statement, and the snapshot is taken
        // there: everything read in it (the generation first) is of that one state.
        _transaction = _connection.BeginTransaction(IsolationLevel.RepeatableRead);
        (_batchWrites, _snapshotReadOnlyToSet) = (false, true);
        return new CatalogTransaction(_transaction, null, () => (_transaction, _snapshotReadOnlyToSet, _snapshotEnded) = (null, false, false));
    }

    // The snapshot's first statement also makes it read-only, so that a write in it is refused, not rolled back unseen.
    private bool _snapshotReadOnlyToSet;

    // A statement has carried the snapshot's COMMIT: one after it would read outside the snapshot.
    private bool _snapshotEnded;

    public long Generation => ParseGeneration(Scalar(GenerationQuery));

    private static long ParseGeneration(object? value) => value is string text
        ? long.Parse(text, System.Globalization.CultureInfo.InvariantCulture)
        : 0;

    internal const string GenerationQuery = $"SELECT value FROM meta WHERE key = '{GenerationKey}'";

    // From the clock where it is ahead, so that a catalog dropped and built again does not start
    // over at a number a reader still holds. The update locks the row until the commit, so two
    // writers' batches advance it one after the other. The notification is part of the
    // transaction: PostgreSQL delivers it on commit, and never for a batch rolled back.
    private void AdvanceGeneration()
    {
        using var advance = Command($"""
            WITH advanced AS (
                INSERT INTO meta (key, value) VALUES ('{GenerationKey}', @now::text)
                ON CONFLICT (key) DO UPDATE SET value = greatest(meta.value::bigint + 1, @now)::text
                RETURNING value)
            SELECT pg_notify('{PostgresCatalogChanges.Channel}', value) FROM advanced
            """);
        advance.Parameters.AddWithValue("now", DateTime.UtcNow.Ticks);
        advance.ExecuteNonQuery();
    }

    /// <summary>
    /// The text as PostgreSQL can hold it: a NUL character, which no text value may hold, becomes
    /// U+FFFD, one character for one, so that every offset into the text still holds.
    /// </summary>
    private static string Storable(string text) => text.Replace('\0', '\uFFFD');

    private static object Storable(object value) => value is string text ? Storable(text) : value;

    private NpgsqlCommand Command(string sql)
    {
        if (_snapshotEnded)
            throw new InvalidOperationException("the snapshot has ended: a statement now would read another state");
        if (_snapshotReadOnlyToSet)
        {
            sql = $"SET TRANSACTION READ ONLY; {sql}";
            _snapshotReadOnlyToSet = false;
        }
        return new(sql, _connection, _transaction);
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
        _transaction?.Dispose();
        _transaction = null;
        // A pooled connection outlives this catalog, and a session's locks would go with it.
        if ((_heldWriters || _held.Count > 0) && _connection.State == ConnectionState.Open)
        {
            try
            {
                using var release = Command("SELECT pg_advisory_unlock_all()");
                release.ExecuteNonQuery();
            }
            catch (NpgsqlException)
            {
                // A connection that is lost has lost its session, and its locks with it.
            }
        }
        _connection.Dispose();
    }
}
