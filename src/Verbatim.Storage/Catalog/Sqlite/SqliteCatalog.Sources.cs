using Microsoft.Data.Sqlite;
using Verbatim.Model;

namespace Verbatim.Storage.Catalog.Sqlite;

/// <summary>
/// What tells one received source or one text again: the digest of the bytes each object holds
/// (sources) and the key of each document's body text (text_keys). Both go with the document's
/// row (ON DELETE CASCADE) and are rebuilt from the store by a reindex.
/// </summary>
public sealed partial class SqliteCatalog
{
    private const string SourcesSchema = """
        CREATE TABLE IF NOT EXISTS sources (
            document INTEGER PRIMARY KEY REFERENCES documents(rowid) ON DELETE CASCADE,
            digest TEXT NOT NULL);
        CREATE INDEX IF NOT EXISTS sources_digest ON sources(digest);
        CREATE TABLE IF NOT EXISTS text_keys (
            document INTEGER PRIMARY KEY REFERENCES documents(rowid) ON DELETE CASCADE,
            key TEXT NOT NULL);
        CREATE INDEX IF NOT EXISTS text_keys_key ON text_keys(key);
        """;

    private const string DropSources = "DROP TABLE IF EXISTS sources; DROP TABLE IF EXISTS text_keys;";

    public void SetSourceDigest(string id, string digest)
    {
        var rowid = RowOf(id) ?? throw new InvalidOperationException($"the catalog holds no document {id}");
        using var insert = Command("INSERT OR REPLACE INTO sources (document, digest) VALUES ($document, $digest)");
        insert.Parameters.AddWithValue("$document", rowid);
        insert.Parameters.AddWithValue("$digest", digest);
        insert.ExecuteNonQuery();
    }

    public string? HolderOfSource(string digest)
    {
        using var select = Command("SELECT d.id FROM sources s JOIN documents d ON d.rowid = s.document WHERE s.digest = $digest ORDER BY d.id LIMIT 1");
        select.Parameters.AddWithValue("$digest", digest);
        return select.ExecuteScalar() as string;
    }

    public IReadOnlyList<string> SameText(string id)
    {
        using var select = Command("""
            SELECT d.id FROM text_keys k JOIN documents d ON d.rowid = k.document
            WHERE k.key = (SELECT k2.key FROM text_keys k2 JOIN documents d2 ON d2.rowid = k2.document WHERE d2.id = $id) AND d.id <> $id
            ORDER BY d.id
            """);
        select.Parameters.AddWithValue("$id", id);
        return CatalogRows.FirstColumn(select);
    }

    private void InsertTextKey(long rowid, Document document)
    {
        if (TextIdentity.KeyOf(document.BodyText) is not { } key)
            return;
        using var insert = Command("INSERT INTO text_keys (document, key) VALUES ($document, $key)");
        insert.Parameters.AddWithValue("$document", rowid);
        insert.Parameters.Add("$key", SqliteType.Text).Value = key;
        insert.ExecuteNonQuery();
    }
}
