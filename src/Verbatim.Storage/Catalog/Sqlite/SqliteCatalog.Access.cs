using Verbatim.Access;

namespace Verbatim.Storage.Catalog.Sqlite;

/// <summary>
/// The access rules of the documents that are not open, copied from each object's access.json:
/// a row goes with its document's row (ON DELETE CASCADE) and is rebuilt from the store by a
/// reindex. Open documents have no row, so what every request reads is as small as the closed
/// part of the archive.
/// </summary>
public sealed partial class SqliteCatalog
{
    private const string AccessSchema = """
        CREATE TABLE IF NOT EXISTS access (
            document INTEGER PRIMARY KEY REFERENCES documents(rowid) ON DELETE CASCADE,
            rule TEXT NOT NULL);
        """;

    private const string DropAccess = "DROP TABLE IF EXISTS access;";

    public void SetAccess(string id, DocumentAccess access)
    {
        ArgumentNullException.ThrowIfNull(access);
        var rowid = RowOf(id) ?? throw new InvalidOperationException($"the catalog holds no document {id}");
        using var scope = _batch is null ? Batch() : null;
        using var write = Command(access.IsOpen ? "DELETE FROM access WHERE document = $document" : "INSERT OR REPLACE INTO access (document, rule) VALUES ($document, $rule)");
        write.Parameters.AddWithValue("$document", rowid);
        if (!access.IsOpen)
            write.Parameters.AddWithValue("$rule", access.ToString());
        write.ExecuteNonQuery();
        scope?.Commit();
    }

    public IReadOnlyDictionary<string, DocumentAccess> ClosedDocuments()
    {
        using var select = Command("SELECT d.id, a.rule FROM access a JOIN documents d ON d.rowid = a.document");
        return CatalogRows.ClosedDocuments(select);
    }

    public IReadOnlyDictionary<string, string> PartsOfCompilations()
    {
        using var select = Command("SELECT id, part_of FROM documents WHERE part_of IS NOT NULL");
        return CatalogRows.Pairs(select);
    }
}
