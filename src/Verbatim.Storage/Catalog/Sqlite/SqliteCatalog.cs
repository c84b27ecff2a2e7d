using System.Globalization;
using System.Text;
using Microsoft.Data.Sqlite;
using Verbatim.Model;
using Verbatim.Searching;

namespace Verbatim.Storage.Catalog.Sqlite;

/// <summary>
/// The catalog on SQLite: one row per document with the fields the works index and the filters
/// need, a row per person and role, and an FTS5 table over title, body and notes whose rowid is
/// the document's rowid.
/// </summary>
public sealed class SqliteCatalog : ICatalog
{
    // Raised whenever the schema changes: an older catalog is dropped and rebuilt from the store.
    private const int SchemaVersion = 1;

    private const int SnippetTokens = 18;

    private static readonly string[] FacetNames = ["kind", "year", "author", "addressee", "collection", "volume"];

    private readonly SqliteConnection _connection;
    private SqliteTransaction? _batch;

    private SqliteCatalog(SqliteConnection connection) => _connection = connection;

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
    /// Meant for readers beside a writer that stays idle while they are open (the web reader
    /// holds the archive's writer lock and never writes): a reader may keep what it has read, so
    /// one opened before a write is reopened to see that write. Search still works: its scratch
    /// table lives in the connection's own temporary schema.
    /// </remarks>
    public static SqliteCatalog OpenReadOnly(string path) => new(Connect(path, SqliteOpenMode.ReadOnly));

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

    /// <summary>Whether the catalog was created by an older schema and was emptied: the caller must reindex.</summary>
    public bool NeedsRebuild { get; private set; }

    public int Count => Convert.ToInt32(Scalar("SELECT count(*) FROM documents"), CultureInfo.InvariantCulture);

    private void Migrate()
    {
        Execute("PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL; PRAGMA foreign_keys = ON;");
        var version = Convert.ToInt32(Scalar("PRAGMA user_version"), CultureInfo.InvariantCulture);
        if (version == SchemaVersion)
            return;
        if (version != 0)
        {
            Execute("DROP TABLE IF EXISTS people; DROP TABLE IF EXISTS text; DROP TABLE IF EXISTS documents;");
            NeedsRebuild = true;
        }
        Execute($"""
            CREATE TABLE documents (
                rowid INTEGER PRIMARY KEY,
                id TEXT NOT NULL UNIQUE,
                title TEXT NOT NULL,
                kind TEXT NOT NULL,
                date TEXT,
                year INTEGER,
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
            CREATE VIRTUAL TABLE text USING fts5(title, people, body, notes, tokenize = 'unicode61 remove_diacritics 2');
            PRAGMA user_version = {SchemaVersion};
            """);
    }

    public void Upsert(Document document, int version)
    {
        using var scope = _batch is null ? Batch() : null;
        Remove(document.Id);
        var date = SortDate(document);
        using var insert = Command("""
            INSERT INTO documents (id, title, kind, date, year, collection, volume, part_of, version)
            VALUES ($id, $title, $kind, $date, $year, $collection, $volume, $partOf, $version)
            RETURNING rowid
            """);
        insert.Parameters.AddWithValue("$id", document.Id);
        insert.Parameters.AddWithValue("$title", document.Title);
        insert.Parameters.AddWithValue("$kind", KindName(document.Kind));
        insert.Parameters.AddWithValue("$date", (object?)date ?? DBNull.Value);
        insert.Parameters.AddWithValue("$year", (object?)YearOf(date) ?? DBNull.Value);
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
                parameters[4].Value = NameKey(people[i].Name);
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
    }

    public void Remove(string id)
    {
        using var find = Command("SELECT rowid FROM documents WHERE id = $id");
        find.Parameters.AddWithValue("$id", id);
        if (find.ExecuteScalar() is not long rowid)
            return;
        using var delete = Command("DELETE FROM text WHERE rowid = $rowid; DELETE FROM people WHERE document = $rowid; DELETE FROM documents WHERE rowid = $rowid;");
        delete.Parameters.AddWithValue("$rowid", rowid);
        delete.ExecuteNonQuery();
    }

    public void Clear() => Execute("DELETE FROM text; DELETE FROM people; DELETE FROM documents;");

    public IDisposable Batch()
    {
        if (_batch is not null)
            throw new InvalidOperationException("a batch is already open");
        _batch = _connection.BeginTransaction();
        return new BatchScope(this);
    }

    private sealed class BatchScope(SqliteCatalog catalog) : IDisposable
    {
        private bool _done;

        public void Dispose()
        {
            if (_done) return;
            _done = true;
            catalog._batch!.Commit();
            catalog._batch.Dispose();
            catalog._batch = null;
        }
    }

    public SearchResults Search(SearchQuery query)
    {
        var match = FtsQuery.Translate(query.Text);
        var (where, parameters) = FilterSql(query.Filter);
        if (match is not null)
        {
            where.Insert(0, "d.rowid IN (SELECT rowid FROM text WHERE text MATCH $match)");
            parameters["$match"] = match;
        }
        var whereSql = where.Count > 0 ? "WHERE " + string.Join(" AND ", where) : "";

        // The selected rowids are worked out once; the count, the page of hits and every facet
        // read them from this temporary table rather than running the match again.
        Execute("DROP TABLE IF EXISTS temp.selected; CREATE TEMP TABLE selected (rowid INTEGER PRIMARY KEY);");
        using (var select = Command($"INSERT INTO temp.selected SELECT d.rowid FROM documents d {whereSql}"))
        {
            Bind(select, parameters);
            select.ExecuteNonQuery();
        }
        var total = Convert.ToInt32(Scalar("SELECT count(*) FROM temp.selected"), CultureInfo.InvariantCulture);

        var hits = new List<SearchHit>();
        // The unary "+" keeps the IN off the full-text table's index: offered to FTS5 as
        // "rowid = ?", it made FTS5 run the whole match again for every selected row (seconds
        // for a prefix matching 5,000 documents; see BENCHMARKS.md). Tested on each match row
        // instead, it costs a lookup in temp.selected.
        using (var page = match is not null
            ? Command($"""
                SELECT d.id, d.title, d.date, snippet(text, -1, char(2), char(3), '…', {SnippetTokens}), -bm25(text, 5.0, 2.0, 1.0, 0.5) AS score
                FROM text JOIN documents d ON d.rowid = text.rowid
                WHERE text MATCH $match AND +text.rowid IN (SELECT rowid FROM temp.selected)
                ORDER BY bm25(text, 5.0, 2.0, 1.0, 0.5), d.date, d.id
                LIMIT $limit OFFSET $offset
                """)
            : Command("""
                SELECT d.id, d.title, d.date, substr(text.body, 1, 200), 0.0
                FROM documents d JOIN text ON text.rowid = d.rowid
                WHERE d.rowid IN (SELECT rowid FROM temp.selected)
                ORDER BY d.date IS NULL, d.date, d.id
                LIMIT $limit OFFSET $offset
                """))
        {
            if (match is not null) page.Parameters.AddWithValue("$match", match);
            page.Parameters.AddWithValue("$limit", query.Limit);
            page.Parameters.AddWithValue("$offset", query.Offset);
            using var reader = page.ExecuteReader();
            while (reader.Read())
            {
                hits.Add(new SearchHit(reader.GetString(0), reader.GetString(1), reader.IsDBNull(2) ? null : reader.GetString(2),
                    reader.IsDBNull(3) ? "" : reader.GetString(3), reader.GetDouble(4)));
            }
        }

        var facets = new Dictionary<string, IReadOnlyList<FacetCount>>();
        foreach (var facet in FacetNames)
            facets[facet] = Facet(facet);
        return new SearchResults(total, hits, facets);
    }

    private List<FacetCount> Facet(string facet)
    {
        var sql = facet switch
        {
            "author" or "addressee" => $"""
                SELECT p.name, count(DISTINCT p.document) AS n FROM people p
                WHERE p.role = '{facet}' AND p.document IN (SELECT rowid FROM temp.selected)
                GROUP BY p.name_key ORDER BY n DESC, p.name LIMIT 20
                """,
            _ => $"""
                SELECT d.{facet}, count(*) AS n FROM documents d
                WHERE d.{facet} IS NOT NULL AND d.rowid IN (SELECT rowid FROM temp.selected)
                GROUP BY d.{facet} ORDER BY n DESC, d.{facet} LIMIT 20
                """,
        };
        var counts = new List<FacetCount>();
        using var command = Command(sql);
        using var reader = command.ExecuteReader();
        while (reader.Read())
            counts.Add(new FacetCount(Convert.ToString(reader.GetValue(0), CultureInfo.InvariantCulture)!, reader.GetInt32(1)));
        return counts;
    }

    public IReadOnlyList<WorkEntry> List(WorkFilter filter)
    {
        var (where, parameters) = FilterSql(filter);
        var whereSql = where.Count > 0 ? "WHERE " + string.Join(" AND ", where) : "";
        using var command = Command($"""
            SELECT d.id, d.title, d.kind, d.date, d.collection, d.volume, d.version,
                   (SELECT group_concat(name, char(31)) FROM (SELECT name FROM people WHERE document = d.rowid AND role = 'author' ORDER BY position)),
                   (SELECT group_concat(name, char(31)) FROM (SELECT name FROM people WHERE document = d.rowid AND role = 'addressee' ORDER BY position))
            FROM documents d {whereSql}
            ORDER BY d.date IS NULL, d.date, d.id
            """);
        Bind(command, parameters);
        var entries = new List<WorkEntry>();
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            string? Text(int i) => reader.IsDBNull(i) ? null : reader.GetString(i);
            entries.Add(new WorkEntry(reader.GetString(0), reader.GetString(1), reader.GetString(2), Text(3),
                Split(Text(7)), Split(Text(8)), Text(4), Text(5), reader.GetInt32(6)));
        }
        return entries;
    }

    private static IReadOnlyList<string> Split(string? joined) => joined is null ? [] : joined.Split('\u001F');

    private static (List<string> Where, Dictionary<string, object> Parameters) FilterSql(WorkFilter filter)
    {
        var where = new List<string>();
        var parameters = new Dictionary<string, object>();
        if (!string.IsNullOrWhiteSpace(filter.Author))
        {
            where.Add("EXISTS (SELECT 1 FROM people p WHERE p.document = d.rowid AND p.role = 'author' AND p.name_key LIKE $author ESCAPE '\\')");
            parameters["$author"] = "%" + EscapeLike(NameKey(filter.Author)) + "%";
        }
        if (!string.IsNullOrWhiteSpace(filter.Addressee))
        {
            where.Add("EXISTS (SELECT 1 FROM people p WHERE p.document = d.rowid AND p.role IN ('addressee', 'copy') AND p.name_key LIKE $addressee ESCAPE '\\')");
            parameters["$addressee"] = "%" + EscapeLike(NameKey(filter.Addressee)) + "%";
        }
        if (filter.YearFrom is { } from)
        {
            where.Add("d.year >= $yearFrom");
            parameters["$yearFrom"] = from;
        }
        if (filter.YearTo is { } to)
        {
            where.Add("d.year <= $yearTo");
            parameters["$yearTo"] = to;
        }
        if (!string.IsNullOrWhiteSpace(filter.Kind))
        {
            where.Add("d.kind = $kind");
            parameters["$kind"] = filter.Kind.Trim().ToLowerInvariant();
        }
        if (!string.IsNullOrWhiteSpace(filter.Collection))
        {
            where.Add("d.collection = $collection COLLATE NOCASE");
            parameters["$collection"] = filter.Collection.Trim();
        }
        if (!string.IsNullOrWhiteSpace(filter.Volume))
        {
            where.Add("d.volume = $volume COLLATE NOCASE");
            parameters["$volume"] = filter.Volume.Trim();
        }
        return (where, parameters);
    }

    /// <summary>The date a document sorts and filters by: when written, else the start of its range, else its source's date or year.</summary>
    public static string? SortDate(Document document)
        => document.Written?.Date ?? document.Written?.NotBefore ?? document.Source?.Date
            ?? document.Source?.Year?.ToString("0000", CultureInfo.InvariantCulture)
            ?? document.Published.FirstOrDefault(p => p.Year is not null)?.Year?.ToString("0000", CultureInfo.InvariantCulture);

    private static int? YearOf(string? date)
        => date is { Length: >= 4 } && int.TryParse(date.AsSpan(0, 4), NumberStyles.None, CultureInfo.InvariantCulture, out var year) ? year : null;

    public static string KindName(DocumentKind kind) => kind.ToString().ToLowerInvariant();

    /// <summary>Lower case without accents, so "Bölsche" and "bolsche" find one person.</summary>
    public static string NameKey(string name)
    {
        var decomposed = name.Normalize(NormalizationForm.FormD);
        var builder = new StringBuilder(decomposed.Length);
        foreach (var c in decomposed)
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) != UnicodeCategory.NonSpacingMark)
                builder.Append(char.ToLowerInvariant(c));
        }
        return builder.ToString();
    }

    private static string EscapeLike(string text) => text.Replace("\\", "\\\\").Replace("%", "\\%").Replace("_", "\\_");

    private SqliteCommand Command(string sql)
    {
        var command = _connection.CreateCommand();
        command.CommandText = sql;
        command.Transaction = _batch;
        return command;
    }

    private static void Bind(SqliteCommand command, Dictionary<string, object> parameters)
    {
        foreach (var (name, value) in parameters)
            command.Parameters.AddWithValue(name, value);
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
