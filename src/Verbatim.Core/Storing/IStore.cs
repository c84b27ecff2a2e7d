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

    /// <summary>The head version, or the numbered one (1-based); null when there is no such object or version.</summary>
    StoredDocument? Read(string id, int? version = null);

    IReadOnlyList<VersionInfo> History(string id);

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
    StoreUser User);

public sealed record StoreUser(string Name, string? Address = null);

public enum WriteStatus
{
    New,
    Updated,
    Unchanged,
}

public sealed record StoreWriteResult(string Id, WriteStatus Status, int Version);

public sealed record VersionInfo(int Number, DateTimeOffset Created, string Message, StoreUser User);

/// <summary>One version of a stored document.</summary>
public sealed record StoredDocument(
    string Id,
    VersionInfo Version,
    ReadOnlyMemory<byte> DocumentJson,
    string? SourceFileName,
    ReadOnlyMemory<byte> Source);

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
