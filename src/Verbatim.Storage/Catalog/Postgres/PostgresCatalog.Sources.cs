using NpgsqlTypes;
using Verbatim.Access;
using Verbatim.Model;

namespace Verbatim.Storage.Catalog.Postgres;

/// <summary>
/// What tells one received source or one text again (sources, text_keys), and who may see a
/// document that is not open (access): rows that go with their document's row (ON DELETE CASCADE)
/// and are rebuilt from the store by a reindex, as in SQLite.
/// </summary>
public sealed partial class PostgresCatalog
{
    private const string SourcesSchema = """
        CREATE TABLE sources (
            document bigint PRIMARY KEY REFERENCES documents (row) ON DELETE CASCADE,
            digest text NOT NULL);
        CREATE INDEX sources_digest ON sources (digest);
        CREATE TABLE text_keys (
            document bigint PRIMARY KEY REFERENCES documents (row) ON DELETE CASCADE,
            key text NOT NULL);
        CREATE INDEX text_keys_key ON text_keys (key);
        """;

    private const string AccessSchema = """
        CREATE TABLE access (
            document bigint PRIMARY KEY REFERENCES documents (row) ON DELETE CASCADE,
            rule text NOT NULL);
        """;

    public void SetSourceDigest(string id, string digest)
    {
        using var insert = Command("""
            INSERT INTO sources (document, digest) SELECT row, @digest FROM documents WHERE id = @id
            ON CONFLICT (document) DO UPDATE SET digest = excluded.digest
            """);
        insert.Parameters.AddWithValue("id", id);
        insert.Parameters.AddWithValue("digest", digest);
        if (insert.ExecuteNonQuery() == 0)
            throw new InvalidOperationException($"the catalog holds no document {id}");
    }

    public string? HolderOfSource(string digest)
    {
        using var select = Command("""SELECT d.id FROM sources s JOIN documents d ON d.row = s.document WHERE s.digest = @digest ORDER BY d.id COLLATE "C" LIMIT 1""");
        select.Parameters.AddWithValue("digest", digest);
        return select.ExecuteScalar() as string;
    }

    public IReadOnlyList<string> SameText(string id)
    {
        using var select = Command("""
            SELECT d.id FROM text_keys k JOIN documents d ON d.row = k.document
            WHERE k.key = (SELECT k2.key FROM text_keys k2 JOIN documents d2 ON d2.row = k2.document WHERE d2.id = @id) AND d.id <> @id
            ORDER BY d.id COLLATE "C"
            """);
        select.Parameters.AddWithValue("id", id);
        return CatalogRows.FirstColumn(select);
    }

    public void SetAccess(string id, DocumentAccess access)
    {
        ArgumentNullException.ThrowIfNull(access);
        var row = RowOf(id) ?? throw new InvalidOperationException($"the catalog holds no document {id}");
        using var scope = _transaction is null ? Batch() : null;
        using var write = Command(access.IsOpen
            ? "DELETE FROM access WHERE document = @document"
            : "INSERT INTO access (document, rule) VALUES (@document, @rule) ON CONFLICT (document) DO UPDATE SET rule = excluded.rule");
        write.Parameters.AddWithValue("document", row);
        if (!access.IsOpen)
            write.Parameters.AddWithValue("rule", access.ToString());
        write.ExecuteNonQuery();
        scope?.Commit();
    }

    public IReadOnlyDictionary<string, DocumentAccess> ClosedDocuments()
    {
        using var select = Command("SELECT d.id, a.rule FROM access a JOIN documents d ON d.row = a.document");
        return CatalogRows.ClosedDocuments(select);
    }

    public IReadOnlyDictionary<string, string> PartsOfCompilations()
    {
        using var select = Command("SELECT id, part_of FROM documents WHERE part_of IS NOT NULL");
        return CatalogRows.Pairs(select);
    }
}
