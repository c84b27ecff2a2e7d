namespace Verbatim.Searching;

/// <summary>
/// What a catalog that several processes write at once (PostgreSQL) gives its writers to keep out
/// of one another's way: locks held by this catalog's connection until let go or until the
/// connection ends (a writer that dies lets go of everything), and the list of documents stored
/// but not yet catalogued.
/// </summary>
/// <remarks>
/// A catalog written by one process at a time (SQLite, under the archive's folder lock) has none.
/// </remarks>
public interface ICatalogLocks
{
    /// <summary>Takes the lock named by <paramref name="key"/> where no other connection holds it; false where one does.</summary>
    bool TryLock(string key);

    /// <summary>Takes the lock named by <paramref name="key"/>, waiting for as long as another connection holds it.</summary>
    void Lock(string key);

    /// <summary>Lets go of every lock <see cref="TryLock"/> and <see cref="Lock"/> took.</summary>
    void UnlockAll();

    /// <summary>
    /// Takes the writers' lock: shared (the writers of single documents, any number at once) or
    /// exclusive (a write of the whole archive, alone); false where another connection's hold
    /// stands in the way. Held until <see cref="UnlockWriters"/>.
    /// </summary>
    bool TryLockWriters(bool exclusive);

    void UnlockWriters(bool exclusive);

    /// <summary>Records at once (outside any batch) that these documents are being stored; <see cref="ClearPending"/> ends it.</summary>
    /// <exception cref="InvalidOperationException">A batch or snapshot is open.</exception>
    void MarkPending(IReadOnlyCollection<string> ids);

    /// <summary>Drops the documents from the pending list, in the open batch where there is one (so only if it is committed).</summary>
    void ClearPending(IReadOnlyCollection<string> ids);

    /// <summary>Every document marked pending and not cleared, by id.</summary>
    IReadOnlyList<string> Pending();
}
