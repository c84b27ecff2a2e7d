using System.Text;
using Verbatim.Access;
using Verbatim.Model;
using Verbatim.Storing;

namespace Verbatim.Archiving;

/// <summary>
/// What every editor's change shares (a correction, a change of access): the head it is made on,
/// refused where it is not the version the editor read, and one write, logged as that change.
/// </summary>
public sealed partial class Archive
{
    /// <summary>The head an editor's change is to be made on.</summary>
    /// <param name="change">What the change is called in the refusal without a reason: "a correction".</param>
    /// <exception cref="ArchiveException">No reason, no such document, or a damaged one.</exception>
    /// <exception cref="EditConflictException">The head is not <paramref name="basedOn"/>.</exception>
    private StoredDocument HeadToEdit(string id, string reason, string change, int? basedOn)
    {
        EnsureWritable();
        if (string.IsNullOrWhiteSpace(reason))
            throw new ArchiveException($"{change} needs its reason (--reason): it is the message of the new version");
        if (!IsDocumentId(id))
            throw new ArchiveException($"no document '{id}'");
        // Held from before the head is read until the write's catalog commit (Flush lets go).
        Locks?.Lock(ObjectKey(id));
        try
        {
            if (_store.Read(id) is not { } stored)
                throw new ArchiveException($"no document '{id}'");
            // A damaged object is repaired before anything is built on it: no change may be made on bytes that are not the ones received.
            DamagedDocumentException.ThrowIfDamaged(stored);
            if (basedOn is { } seen && seen != stored.Version.Number)
                throw new EditConflictException(id, seen, ChangesSince(id, seen));
            return stored;
        }
        catch
        {
            Locks?.UnlockAll();
            throw;
        }
    }

    /// <summary>One editor's write of one document, stored, catalogued and logged as <paramref name="action"/>.</summary>
    private StoreWriteResult WriteEdit(Document document, StoredDocument head, DocumentWrite write, string from, string action)
    {
        var done = new List<IngestedDocument>();
        Flush([new Pending(document, write.Id, SourceDigestOf(head)) { Write = write }], done, null, from, action);
        var result = done.Single();
        return new StoreWriteResult(write.Id, result.Status, result.Version);
    }

    /// <summary>What each version after <paramref name="version"/> changed, field by field, oldest first.</summary>
    public IReadOnlyList<VersionChanges> ChangesSince(string id, int version)
    {
        var changes = new List<VersionChanges>();
        var older = _store.Read(id, version);
        foreach (var info in _store.History(id).Where(v => v.Number > version))
        {
            var newer = _store.Read(id, info.Number);
            if (older is null || newer is null)
                break;
            changes.Add(new VersionChanges(info, FieldChanges(older, newer)));
            older = newer;
        }
        return changes;
    }

    private static List<FieldChange> FieldChanges(StoredDocument older, StoredDocument newer)
    {
        var was = DocumentJson.Deserialize(Encoding.UTF8.GetString(older.DocumentJson.Span));
        var now = DocumentJson.Deserialize(Encoding.UTF8.GetString(newer.DocumentJson.Span));
        var changes = new List<FieldChange>();
        if (was is not null && now is not null)
        {
            foreach (var field in DocumentFields.All)
            {
                var (before, after) = (DocumentFields.Text(was, field), DocumentFields.Text(now, field));
                if (before != after)
                    changes.Add(new FieldChange(DocumentFields.Name(field), before, after));
            }
            if (was.BodyText != now.BodyText)
                changes.Add(new FieldChange("text", "", "changed"));
        }
        var (accessBefore, accessAfter) = (AccessJson.Read(older.Access), AccessJson.Read(newer.Access));
        if (!accessBefore.Equals(accessAfter))
            changes.Add(new FieldChange("access", accessBefore.ToString(), accessAfter.ToString()));
        return changes;
    }
}

/// <summary>One field as a version found it and left it, each as an editor writes it ("" where empty).</summary>
public sealed record FieldChange(string Field, string Was, string Now)
{
    public override string ToString() => Field == "text" ? "the text changed" : $"{Field} {DocumentFields.Quote(Was)} → {DocumentFields.Quote(Now)}";
}

/// <summary>A version and what it changed.</summary>
public sealed record VersionChanges(VersionInfo Version, IReadOnlyList<FieldChange> Changes)
{
    public override string ToString()
        => $"version {Version.Number} by {Version.User.Name} at {Version.Created:yyyy-MM-dd HH:mm} UTC ({Version.Message}): "
            + (Changes.Count == 0 ? "no field changed" : string.Join("; ", Changes));
}

/// <summary>A change made on a version that is no longer the head: someone saved in between. Nothing was written.</summary>
public sealed class EditConflictException(string id, int basedOn, IReadOnlyList<VersionChanges> since)
    : ArchiveException($"'{id}' changed since version {basedOn} was read: {string.Join("; then ", since)}. Nothing was written: read it again and make the change on it.")
{
    /// <summary>Each version saved since the one the change was made on, with what it changed.</summary>
    public IReadOnlyList<VersionChanges> Since { get; } = since;
}
