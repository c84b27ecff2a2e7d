namespace Verbatim.Archiving;

public sealed partial class Archive
{
    /// <summary>
    /// Moves the archive to another catalog (SQLite to PostgreSQL or back, or another database):
    /// the new one is built from the store, as <see cref="Reindex"/> builds it, and only once it
    /// is committed does the archive record it, so a failure or a kill part way leaves the archive
    /// on its old catalog, whole. Every later opening uses the new one.
    /// </summary>
    /// <param name="target">The catalog as <c>init --catalog</c> takes it (<see cref="CatalogLocation.Parse"/>).</param>
    /// <returns>The rebuild's report and, where the old catalog's data is left for its owner (a database), what to tell them.</returns>
    /// <exception cref="ArchiveException">The archive is on that catalog already, or the new one cannot be opened.</exception>
    public (ReindexReport Report, string? LeftBehind) MigrateCatalog(string target)
    {
        EnsureWritable();
        var to = CatalogLocation.Parse(target, Layout, "the catalog to move to");
        if (to.Recorded == CatalogLocation.Recorded)
            throw new ArchiveException($"the archive's catalog is {CatalogLocation.Describe} already");
        var (from, previous) = (CatalogLocation, _catalog);
        var next = OpenWriter(to);
        ReindexReport report;
        try
        {
            (_catalog, CatalogLocation) = (next, to);
            report = Reindex();
            to.Record(Layout);
        }
        catch
        {
            (_catalog, CatalogLocation) = (previous, from);
            next.Dispose();
            throw;
        }
        previous.Dispose();
        return (report, from.Abandon());
    }
}
