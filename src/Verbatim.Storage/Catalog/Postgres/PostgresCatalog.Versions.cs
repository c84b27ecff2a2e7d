using Verbatim.Searching;

namespace Verbatim.Storage.Catalog.Postgres;

/// <summary>
/// Every version of every document, with its time and access, as in SQLite: kept by id apart from
/// the document's row, and read a chunk at a time by <see cref="CatalogHarvest"/>.
/// </summary>
public sealed partial class PostgresCatalog
{
    private const string VersionsSchema = """
        CREATE TABLE versions (
            id text NOT NULL,
            version integer NOT NULL,
            created bigint NOT NULL,
            access text NOT NULL,
            PRIMARY KEY (id, version));
        CREATE INDEX versions_created ON versions (created, id COLLATE "C");
        """;

    public void RecordVersions(string id, IReadOnlyList<CatalogVersion> versions)
    {
        using var scope = _transaction is null ? Batch() : null;
        using var insert = Command("""
            INSERT INTO versions (id, version, created, access) VALUES (@id, @version, @created, @access)
            ON CONFLICT (id, version) DO UPDATE SET created = excluded.created, access = excluded.access
            """);
        CatalogHarvest.InsertVersions(insert, id, versions);
        scope?.Commit();
    }

    public IReadOnlyList<CatalogVersion> Versions(string id)
    {
        using var select = Command("SELECT version, created, access FROM versions WHERE id = @id ORDER BY version");
        select.Parameters.AddWithValue("id", id);
        return CatalogHarvest.Versions(select);
    }

    // A version is the one harvested where no later version of its document was made by asOf; ids
    // compare by code point, as SQLite compares them, so both catalogs give one order.
    private const string HarvestSql = """
        SELECT d.row, v.id, v.version, v.created
        FROM versions v JOIN documents d ON d.id = v.id
        WHERE v.created <= @asOf AND v.created >= @from AND v.created <= @until
          AND (v.created > @afterCreated OR (v.created = @afterCreated AND v.id COLLATE "C" > @afterId))
          AND NOT EXISTS (SELECT 1 FROM versions w WHERE w.id = v.id AND w.version > v.version AND w.created <= @asOf)
        ORDER BY v.created, v.id COLLATE "C"
        LIMIT @limit
        """;

    public IReadOnlyList<HarvestEntry> Harvest(HarvestQuery query) => CatalogHarvest.Page(this, () => Command(HarvestSql), Results, query);

    public int HarvestCount(HarvestQuery query) => CatalogHarvest.Count(this, () => Command(HarvestSql), Results, query);

    public IReadOnlyList<SetValue> SetValues(IReadOnlySet<string>? hidden) => CatalogHarvest.SetValues(this, Results, hidden);
}
