namespace Verbatim.Storing;

/// <summary>
/// The truth of the archive: one object per document holding the source bytes as received and
/// its document.json, every change a new version. Everything else is derived from it.
/// </summary>
public interface IStore
{
    /// <summary>
    /// Writes a new version when the source or the document differ from the head version, and
    /// nothing when both are unchanged. The write is all or nothing: a crash leaves either the
    /// old head or the new version, never part of one.
    /// </summary>
    StoreWriteResult Save(DocumentWrite write);

    IEnumerable<string> Ids();

    bool Contains(string id);

    /// <summary>
    /// The head version, or the numbered one (1-based); null when there is no such object or
    /// version. Every file read is checked against its digest in the inventory; what does not
    /// match is in <see cref="StoredDocument.Damage"/>, never passed off as sound.
    /// </summary>
    StoredDocument? Read(string id, int? version = null);

    IReadOnlyList<VersionInfo> History(string id);

    /// <summary>Every content file of every version of the object that is missing or does not match its digest; empty when sound or absent.</summary>
    IReadOnlyList<StoreDamage> Verify(string id);

    /// <summary>
    /// Puts back the object's damaged content files (of any version) whose original bytes are
    /// given, by their digest: a new version with the head's state records which were restored.
    /// Null when nothing given matched a damaged file.
    /// </summary>
    StoreWriteResult? Repair(string id, IReadOnlyDictionary<string, ReadOnlyMemory<byte>> originals, string message, StoreUser user);

    /// <summary>
    /// Recomputes every digest of every object and checks the store's structure; every changed,
    /// missing or extra byte is a finding. Warnings (what a standard advises but does not require)
    /// never make the report unclean.
    /// </summary>
    AuditReport Audit();
}

/// <param name="Id">The document's id, which names its object.</param>
/// <param name="DocumentJson">document.json as UTF-8 bytes.</param>
/// <param name="SourceFileName">The received file's name; null for a document that has no file of its own (a part of a compilation).</param>
/// <param name="Source">The received bytes, unchanged.</param>
public sealed record DocumentWrite(
    string Id,
    ReadOnlyMemory<byte> DocumentJson,
    string? SourceFileName,
    ReadOnlyMemory<byte> Source,
    string Message,
    StoreUser User)
{
    /// <summary>
    /// access.json as UTF-8 bytes (<see cref="Verbatim.Access.AccessJson"/>); null keeps the access the head
    /// version has (none: open), so a correction of the text never reopens a closed document.
    /// </summary>
    public byte[]? Access { get; init; }
}

public sealed record StoreUser(string Name, string? Address = null);

public enum WriteStatus
{
    New,
    Updated,
    Unchanged,

    /// <summary>The head held damaged content that the write's bytes restore: a new version records the repair.</summary>
    Repaired,
}

public sealed record StoreWriteResult(string Id, WriteStatus Status, int Version)
{
    /// <summary>When the head version after the write was made: the new version's time, or the kept head's.</summary>
    public DateTimeOffset Created { get; init; }
}

public sealed record VersionInfo(int Number, DateTimeOffset Created, string Message, StoreUser User);

/// <summary>One version of a stored document.</summary>
public sealed record StoredDocument(
    string Id,
    VersionInfo Version,
    ReadOnlyMemory<byte> DocumentJson,
    string? SourceFileName,
    ReadOnlyMemory<byte> Source)
{
    /// <summary>The files of this version that are not what the inventory says they are; empty when sound.</summary>
    public IReadOnlyList<StoreDamage> Damage { get; init; } = [];

    /// <summary>The version's access.json; null where the object has none (an open document).</summary>
    public byte[]? Access { get; init; }

    public bool IsDamaged => Damage.Count > 0;
}

/// <summary>One version of one file of an object that is not a document (a case, for one).</summary>
public sealed record StoredRecord(string ObjectId, VersionInfo Version, ReadOnlyMemory<byte> Content)
{
    /// <summary>The file where it does not match its digest; empty when sound.</summary>
    public IReadOnlyList<StoreDamage> Damage { get; init; } = [];

    public bool IsDamaged => Damage.Count > 0;
}

/// <param name="LogicalPath">The file as the document knows it ("document.json", "source/NAME").</param>
/// <param name="ContentPath">Where the object keeps it ("v1/content/document.json").</param>
/// <param name="Problem">What is wrong, in words: changed since it was stored, or missing.</param>
/// <param name="Digest">The digest the inventory gives the file (lowercase hex sha512): what its original bytes hash to.</param>
public sealed record StoreDamage(string LogicalPath, string ContentPath, string Problem, string Digest);

/// <param name="Code">The OCFL validation code (E092, E023, W004, ...).</param>
/// <param name="Path">The file or folder the finding is about, relative to the store's root ("" for the root).</param>
/// <param name="Document">The document whose object the path lies in, where the audit could tell; null for the store itself.</param>
public sealed record AuditFinding(string Code, string Message, string Path, string? Document = null);

/// <param name="Findings">What is wrong: each one a problem (an OCFL error).</param>
/// <param name="Warnings">What a standard advises against; reported, but the store is still sound.</param>
public sealed record AuditReport(int ObjectsChecked, int FilesChecked, IReadOnlyList<AuditFinding> Findings, IReadOnlyList<AuditFinding> Warnings)
{
    public bool Clean => Findings.Count == 0;
}
