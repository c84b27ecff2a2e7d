using Verbatim.Searching;

namespace Verbatim.Storage.Catalog.Sqlite;

/// <summary>
/// Every version of every document, with its time and access: what a harvest is answered from
/// (<see cref="CatalogHarvest"/>). Rows are kept by id, apart from the document's row, so that an
/// upsert, which gives the document a new row, keeps them; a reindex records them again from the store.
/// </summary>
public sealed partial class SqliteCatalog
{
    private const string VersionsSchema = """
        CREATE TABLE IF NOT EXISTS versions (
            id TEXT NOT NULL,
            version INTEGER NOT NULL,
            created INTEGER NOT NULL,
            access TEXT NOT NULL,
            PRIMARY KEY (id, version)) WITHOUT ROWID;
        CREATE INDEX IF NOT EXISTS versions_created ON versions (created, id);
        """;

    private const string DropVersions = "DROP TABLE IF EXISTS versions;";

    public void RecordVersions(string id, IReadOnlyList<CatalogVersion> versions)
    {
        using var scope = _batch is null ? Batch() : null;
        using var insert = Command("INSERT OR REPLACE INTO versions (id, version, created, access) VALUES ($id, $version, $created, $access)");
        CatalogHarvest.InsertVersions(insert, id, versions);
        scope?.Commit();
    }

    public IReadOnlyList<CatalogVersion> Versions(string id)
    {
        using var select = Command("SELECT version, created, access FROM versions WHERE id = $id ORDER BY version");
        select.Parameters.AddWithValue("$id", id);
        return CatalogHarvest.Versions(select);
    }

    // A version is the one harvested where no later version of its document was made by asOf.
    private const string HarvestSql = """
        SELECT d.rowid, v.id, v.version, v.created
        FROM versions v JOIN documents d ON d.id = v.id
        WHERE v.created <= $asOf AND v.created >= $from AND v.created <= $until
          AND (v.created > $afterCreated OR (v.created = $afterCreated AND v.id > $afterId))
          AND NOT EXISTS (SELECT 1 FROM versions w WHERE w.id = v.id AND w.version > v.version AND w.created <= $asOf)
        ORDER BY v.created, v.id
        LIMIT $limit
        """;

    public IReadOnlyList<HarvestEntry> Harvest(HarvestQuery query) => CatalogHarvest.Page(this, () => Command(HarvestSql), Results, query);

    public int HarvestCount(HarvestQuery query) => CatalogHarvest.Count(this, () => Command(HarvestSql), Results, query);

    public IReadOnlyList<SetValue> SetValues(IReadOnlySet<string>? hidden) => CatalogHarvest.SetValues(this, Results, hidden);
}
