using Verbatim.Searching;
using Verbatim.Storage.Catalog.Sqlite;

namespace Verbatim.Archiving;

/// <summary>Read-only connections to an open archive's catalog, for surfaces that answer many readers at once.</summary>
public static class CatalogReaders
{
    /// <summary>
    /// A catalog connection of its own that can only search and list. An <see cref="Archive"/>
    /// serves one caller at a time; each reader opened here may serve another, concurrently.
    /// The caller disposes it.
    /// </summary>
    public static ICatalog OpenCatalogReader(this Archive archive) => SqliteCatalog.OpenReadOnly(archive.Layout.Catalog);
}
