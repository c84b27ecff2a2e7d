using System.Text.Json;
using Verbatim.Cases;
using Verbatim.Storing;

namespace Verbatim.Archiving;

/// <summary>
/// Case files, each an object of the store of its own (<see cref="CaseObjectPrefix"/>ID, holding
/// case.json), every change a new version by its author with a message. The catalog holds none of
/// them: cases are few, so they are listed from the store, and reindex, which rebuilds the catalog
/// alone, cannot lose or alter one.
/// </summary>
public sealed partial class Archive
{
    /// <summary>
    /// The prefix of a case's object id. It is not the documents' <c>urn:verbatim:</c>, so the
    /// store's <see cref="IStore.Ids"/> never lists a case and a case id never meets a document id.
    /// </summary>
    public const string CaseObjectPrefix = "urn:verbatim-case:";

    public static string CaseObjectId(string caseId) => CaseObjectPrefix + caseId;

    /// <summary>The ids of every case in the store, in the order of their objects' paths.</summary>
    public IReadOnlyList<string> CaseIds() => [.. _store.ObjectIds(CaseObjectPrefix)];

    /// <summary>The case at its head version, or the numbered one; null where there is no such case or version.</summary>
    /// <exception cref="ArchiveException">The stored case.json does not match its digest, or is no case.</exception>
    public StoredCase? ReadCase(string caseId, int? version = null)
    {
        if (!CaseFile.IsValidId(caseId) || _store.ReadRecord(CaseObjectId(caseId), CaseJson.FileName, version) is not { } stored)
            return null;
        if (stored.IsDamaged)
            throw new ArchiveException($"case '{caseId}' is damaged: {DamagedDocumentException.Describe(stored.Damage)}; verbatim audit names the damage");
        try
        {
            return new StoredCase(CaseJson.Read(stored.Content.Span), stored.Version);
        }
        catch (JsonException exception)
        {
            throw new ArchiveException($"case '{caseId}' version {stored.Version.Number}: case.json cannot be read: {exception.Message}");
        }
    }

    /// <summary>Every version of the case, oldest first: who changed it, when, and why.</summary>
    public IReadOnlyList<VersionInfo> CaseHistory(string caseId) => CaseFile.IsValidId(caseId) ? _store.RecordHistory(CaseObjectId(caseId)) : [];

    /// <summary>Stores a new case with its question: version 1, by its author.</summary>
    /// <exception cref="ArchiveException">The id is no slug, a case has it already, or the question is empty.</exception>
    public StoredCase NewCase(string caseId, string question, string? summary, StoreUser author, string from = "command line")
    {
        ArgumentNullException.ThrowIfNull(author);
        if (!CaseFile.IsValidId(caseId))
            throw new ArchiveException($"'{caseId}' cannot name a case: use lower-case letters, digits and single hyphens (at most {CaseFile.MaximumIdLength} characters)");
        if (string.IsNullOrWhiteSpace(question))
            throw new ArchiveException($"case '{caseId}' needs its question (--question)");
        return ChangeCase(caseId, existing =>
        {
            if (existing is not null)
                throw new ArchiveException($"there is a case '{caseId}' already (verbatim case show {caseId})");
            return new CaseFile { Id = caseId, Question = question.Trim(), Summary = summary?.Trim() ?? "", Author = author };
        }, $"new case: {question.Trim()}", author, from);
    }

    /// <summary>Adds an item at the end of the case's evidence: a new version of the case.</summary>
    /// <exception cref="ArchiveException">No such case.</exception>
    public StoredCase AddToCase(string caseId, CaseItem item, StoreUser user, string from = "command line")
    {
        ArgumentNullException.ThrowIfNull(item);
        return ChangeCase(caseId, existing => (existing ?? throw NoCase(caseId)) with { Items = [.. existing.Items, item] },
            $"added {CaseWording.Describe(item)}", user, from);
    }

    /// <summary>Replaces the case's summary: a new version of the case.</summary>
    /// <exception cref="ArchiveException">No such case.</exception>
    public StoredCase SetCaseSummary(string caseId, string summary, StoreUser user, string from = "command line")
    {
        ArgumentNullException.ThrowIfNull(summary);
        return ChangeCase(caseId, existing => (existing ?? throw NoCase(caseId)) with { Summary = summary.Trim() }, "summary changed", user, from);
    }

    private static ArchiveException NoCase(string caseId) => new($"no case '{caseId}' in the archive (verbatim case list shows them)");

    /// <summary>
    /// Reads the head, changes it, and writes the change, holding the case's object for the whole
    /// of it where several processes write: two changes at once are made one after the other,
    /// neither over the other.
    /// </summary>
    private StoredCase ChangeCase(string caseId, Func<CaseFile?, CaseFile> change, string message, StoreUser user, string from)
    {
        EnsureWritable();
        if (!CaseFile.IsValidId(caseId))
            throw NoCase(caseId);
        Locks?.Lock(ObjectKey(CaseObjectId(caseId)));
        try
        {
            var changed = change(ReadCase(caseId)?.Case);
            var written = _store.SaveRecord(CaseObjectId(caseId), CaseJson.FileName, CaseJson.ToUtf8(changed), message, user);
            // The catalog holds no case, but its generation is how every reader learns that the
            // archive changed: an empty batch moves it on.
            using (var batch = _catalog.Batch())
                batch.Commit();
            Log.Append("case", user.Name, from, CaseObjectId(caseId), $"version {written.Version}: {message}");
            return ReadCase(caseId, written.Version)!;
        }
        finally
        {
            Locks?.UnlockAll();
        }
    }
}

/// <summary>A case as one version of its object holds it.</summary>
public sealed record StoredCase(CaseFile Case, VersionInfo Version);
