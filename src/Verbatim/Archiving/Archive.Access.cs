using System.Text;
using Verbatim.Access;
using Verbatim.Model;
using Verbatim.Storing;

namespace Verbatim.Archiving;

/// <summary>Who may see each document: kept in the store (access.json), copied into the catalog for every surface to filter by.</summary>
public sealed partial class Archive
{
    /// <summary>The document's access at its head version; null where there is no such document.</summary>
    /// <exception cref="DamagedDocumentException">The head's access.json does not match its digest.</exception>
    public DocumentAccess? AccessOf(string id)
    {
        if (!IsDocumentId(id) || _store.Read(id) is not { } stored)
            return null;
        if (stored.Damage.Any(d => d.LogicalPath == Storage.Ocfl.OcflStore.AccessPath))
            throw new DamagedDocumentException(id, stored.Damage);
        return AccessJson.Read(stored.Access);
    }

    /// <summary>Every document whose access is not open, as the catalog holds them: what every surface hides from whoever may not see it.</summary>
    public IReadOnlyDictionary<string, DocumentAccess> ClosedDocuments() => _catalog.ClosedDocuments();

    /// <summary>What the viewer may not see on the day, as the catalog stands (a compilation with a part closed to them included).</summary>
    public Visibility VisibilityFor(Viewer viewer, DateOnly today)
    {
        using var snapshot = _catalog.Snapshot();
        return Visibility.For(viewer, _catalog.ClosedDocuments(), today, _catalog.PartsOfCompilations());
    }

    /// <summary>
    /// Gives the document a new access: a new version of its object holding the same document and
    /// source and the new access.json, by <paramref name="editor"/>, with <paramref name="reason"/> as its message.
    /// </summary>
    /// <returns>The write: <see cref="WriteStatus.Unchanged"/> where the document had that access already.</returns>
    /// <exception cref="ArchiveException">No such document, no reason given, or the document is damaged.</exception>
    /// <param name="from">Where the change comes from, for the log.</param>
    /// <param name="basedOn">The version the editor saw; where the head is another (someone saved in between), nothing is written.</param>
    /// <exception cref="EditConflictException">The head is not <paramref name="basedOn"/>.</exception>
    public StoreWriteResult SetAccess(string id, DocumentAccess access, string reason, StoreUser editor, string from = "command line", int? basedOn = null)
    {
        ArgumentNullException.ThrowIfNull(access);
        ArgumentNullException.ThrowIfNull(editor);
        var stored = HeadToEdit(id, reason, "a change of access", basedOn);
        var document = DocumentJson.Deserialize(Encoding.UTF8.GetString(stored.DocumentJson.Span))!;
        var write = new DocumentWrite(id, stored.DocumentJson, stored.SourceFileName, stored.Source, reason.Trim(), editor)
        {
            Access = AccessJson.ToBytes(access),
        };
        return WriteEdit(document, stored, write, from, "access");
    }

    /// <summary>Each change of the document's access, oldest first: the version that made it, and the access it set.</summary>
    public IReadOnlyList<(VersionInfo Version, DocumentAccess Access)> AccessHistory(string id)
    {
        var changes = new List<(VersionInfo, DocumentAccess)>();
        var previous = DocumentAccess.Open;
        foreach (var version in _store.History(id))
        {
            var access = AccessJson.Read(_store.Read(id, version.Number)?.Access);
            if (!access.Equals(previous))
                changes.Add((version, access));
            previous = access;
        }
        return changes;
    }
}
