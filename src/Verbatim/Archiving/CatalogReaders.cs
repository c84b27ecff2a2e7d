using Verbatim.Searching;

namespace Verbatim.Archiving;

/// <summary>Read-only connections to an open archive's catalog, for surfaces that answer many readers at once.</summary>
public static class CatalogReaders
{
    /// <summary>
    /// A catalog connection of its own that can only search and list. An <see cref="Archive"/>
    /// serves one caller at a time; each reader opened here may serve another, concurrently.
    /// The caller disposes it. After a write, the readers of one archive build the new result
    /// index once between them (<see cref="Archive.ReaderResults"/>).
    /// </summary>
    public static ICatalog OpenCatalogReader(this Archive archive) => archive.CatalogLocation.OpenReader(archive.ReaderResults);

    /// <summary>
    /// Where the archive's catalog tells of each commit, by whatever process, a listener that
    /// does (the caller disposes it); null where a reader must ask the catalog's generation.
    /// </summary>
    public static ICatalogChanges? ListenForChanges(this Archive archive) => archive.CatalogLocation.ListenForChanges();
}
