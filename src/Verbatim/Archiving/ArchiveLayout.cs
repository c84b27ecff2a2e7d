namespace Verbatim.Archiving;

/// <summary>
/// Where an archive keeps its parts: the OCFL storage root (the truth), the staging folder
/// beside it (on the same file system, so a finished object moves in with one rename), the
/// catalog (derived), the accounts and the record of who did what (neither derived: kept apart
/// from the catalog), the writer's lock,
/// the list of documents whose catalog update a crash may have cut off, and the folder where files
/// uploaded in the browser wait, each upload in a folder of its own, until they are ingested.
/// </summary>
public sealed record ArchiveLayout(string Root)
{
    public string Store => Path.Combine(Root, "store");
    /// <summary>Where each open writer builds its objects, in a folder of its own (<see cref="Verbatim.Storage.Ocfl.OcflStore"/>).</summary>
    public string Staging => Path.Combine(Root, "staging");

    /// <summary>Not <see cref="Staging"/>: every writer that opens the store clears what no living writer holds there, and an upload waits for the writer lock with its files already written.</summary>
    public string Uploads => Path.Combine(Root, "uploads");
    public string Catalog => Path.Combine(Root, "catalog.sqlite");

    /// <summary>Which catalog the archive uses (<see cref="Archiving.CatalogLocation"/>); where it is missing, <see cref="Catalog"/>.</summary>
    public string CatalogLocation => Path.Combine(Root, "catalog.location");
    public string Accounts => Path.Combine(Root, "accounts.sqlite");
    public string Log => Path.Combine(Root, "log.jsonl");
    public string LogHead => Path.Combine(Root, "log.head");
    public string Lock => Path.Combine(Root, ".lock");
    public string PendingCatalog => Path.Combine(Root, "catalog.pending");
    public string Marker => Path.Combine(Root, "verbatim-archive.txt");

    /// <summary>The archive's own id, which its catalog records (<see cref="Searching.ICatalog.ArchiveId"/>): a catalog is one archive's.</summary>
    public string Identity => Path.Combine(Root, "archive.id");

    /// <summary>What the owner says of the archive to the world (<see cref="ArchiveSettings"/>): not derived, kept apart from the catalog.</summary>
    public string Settings => Path.Combine(Root, "settings.json");
}
