using System.Data.Common;
using Verbatim.Searching;

namespace Verbatim.Storage.Catalog;

/// <summary>
/// A harvest read alike from either catalog. Each backend writes one statement over its versions
/// and documents tables, with parameters named asOf, from, until, afterCreated, afterId and
/// limit, giving rows of (document row, id, version, created in milliseconds) in the harvest's
/// order: every version that is its document's latest made by asOf, within from and until, after
/// the position given. This reads them a chunk at a time and keeps the rows of the set and not
/// hidden, so that a page never reads the whole archive and a count reads it once.
/// </summary>
public static class CatalogHarvest
{
    /// <summary>The rows a statement reads at a time: a page's worth and some, for the rows a set or the hidden leave out.</summary>
    private const int Chunk = 500;

    /// <summary>One page of the harvest, read in one snapshot of the catalog (<paramref name="results"/> its result index).</summary>
    public static List<HarvestEntry> Page(ICatalog catalog, Func<DbCommand> select, Func<ResultIndex> results, HarvestQuery query)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        ArgumentNullException.ThrowIfNull(results);
        ArgumentNullException.ThrowIfNull(query);
        using var snapshot = catalog.Snapshot();
        return Page(select, results().InSet(query.Set, query.CorrespondenceOnly), query);
    }

    /// <summary>The size of the whole harvest, read in one snapshot of the catalog.</summary>
    public static int Count(ICatalog catalog, Func<DbCommand> select, Func<ResultIndex> results, HarvestQuery query)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        ArgumentNullException.ThrowIfNull(results);
        ArgumentNullException.ThrowIfNull(query);
        using var snapshot = catalog.Snapshot();
        return Count(select, results().InSet(query.Set, query.CorrespondenceOnly), query);
    }

    /// <summary>The set values of the documents not hidden, read in one snapshot of the catalog.</summary>
    public static IReadOnlyList<SetValue> SetValues(ICatalog catalog, Func<ResultIndex> results, IReadOnlySet<string>? hidden)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        ArgumentNullException.ThrowIfNull(results);
        using var snapshot = catalog.Snapshot();
        return results().SetValues(hidden);
    }

    private static List<HarvestEntry> Page(Func<DbCommand> select, Func<long, bool> inSet, HarvestQuery query)
    {
        var page = new List<HarvestEntry>(Math.Min(query.Limit, Chunk));
        var after = query.After;
        while (page.Count < query.Limit)
        {
            var read = 0;
            using var command = select();
            Bind(command, query, after, Chunk);
            using var reader = command.ExecuteReader();
            while (reader.Read())
            {
                read++;
                var entry = new HarvestEntry(reader.GetString(1), reader.GetInt32(2), DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(3)));
                after = entry;
                if (page.Count < query.Limit && Admitted(reader.GetInt64(0), entry.Id, inSet, query))
                    page.Add(entry);
            }
            if (read < Chunk)
                break;
        }
        return page;
    }

    private static int Count(Func<DbCommand> select, Func<long, bool> inSet, HarvestQuery query)
    {
        using var command = select();
        Bind(command, query, null, int.MaxValue);
        using var reader = command.ExecuteReader();
        var count = 0;
        while (reader.Read())
        {
            if (Admitted(reader.GetInt64(0), reader.GetString(1), inSet, query))
                count++;
        }
        return count;
    }

    private static bool Admitted(long row, string id, Func<long, bool> inSet, HarvestQuery query)
        => (query.Hidden is null || !query.Hidden.Contains(id)) && inSet(row);

    private static void Bind(DbCommand command, HarvestQuery query, HarvestEntry? after, int limit)
    {
        CatalogRows.Add(command, "asOf", query.AsOf.ToUnixTimeMilliseconds());
        CatalogRows.Add(command, "from", query.From?.ToUnixTimeMilliseconds() ?? long.MinValue);
        CatalogRows.Add(command, "until", query.Until?.ToUnixTimeMilliseconds() ?? long.MaxValue);
        CatalogRows.Add(command, "afterCreated", after?.Created.ToUnixTimeMilliseconds() ?? long.MinValue);
        CatalogRows.Add(command, "afterId", after?.Id ?? "");
        CatalogRows.Add(command, "limit", limit);
    }

    /// <summary>Rows of (version, created in milliseconds, access), oldest first.</summary>
    public static List<CatalogVersion> Versions(DbCommand select)
    {
        ArgumentNullException.ThrowIfNull(select);
        var versions = new List<CatalogVersion>();
        using var reader = select.ExecuteReader();
        while (reader.Read())
            versions.Add(new CatalogVersion(reader.GetInt32(0), DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(1)), reader.GetString(2)));
        return versions;
    }

    /// <summary>Runs the insert once per version, its parameters named id, version, created (milliseconds) and access.</summary>
    public static void InsertVersions(DbCommand insert, string id, IReadOnlyList<CatalogVersion> versions)
    {
        ArgumentNullException.ThrowIfNull(insert);
        ArgumentNullException.ThrowIfNull(versions);
        foreach (var version in versions)
        {
            insert.Parameters.Clear();
            CatalogRows.Add(insert, "id", id);
            CatalogRows.Add(insert, "version", version.Number);
            CatalogRows.Add(insert, "created", version.Created.ToUnixTimeMilliseconds());
            CatalogRows.Add(insert, "access", version.Access);
            insert.ExecuteNonQuery();
        }
    }
}
