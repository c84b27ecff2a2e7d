using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;
using NpgsqlTypes;
using Verbatim.Searching;

namespace Verbatim.Storage.Catalog.Postgres;

/// <summary>
/// The writers' locks are PostgreSQL's session-level advisory locks, keyed by 64 bits of a
/// name's SHA-256: held by this connection across its transactions, and let go by the server
/// when the connection ends, however its process ended. Two names of one key would only make
/// their writers wait for each other.
/// </summary>
public sealed partial class PostgresCatalog : ICatalogLocks
{
    private const string PendingSchema = "CREATE TABLE IF NOT EXISTS pending (id text PRIMARY KEY)";

    private static readonly long WritersKey = KeyOf("verbatim: the archive's writers");

    // Every batch of every connection takes this lock for its transaction: batches run one after
    // the other, so one reads (for reuse, names, the same text) all that those before it committed.
    private static readonly long BatchKey = KeyOf("verbatim: catalog batches");

    // A key once for each time it was taken: PostgreSQL counts a session's holds of one key.
    private readonly List<long> _held = [];

    internal static long KeyOf(string name) => BinaryPrimitives.ReadInt64BigEndian(SHA256.HashData(Encoding.UTF8.GetBytes(name)));

    public bool TryLock(string key)
    {
        var hashed = KeyOf(key);
        if (!TakeLock("pg_try_advisory_lock", hashed))
            return false;
        _held.Add(hashed);
        return true;
    }

    public void Lock(string key)
    {
        var hashed = KeyOf(key);
        TakeLock("pg_advisory_lock", hashed);
        _held.Add(hashed);
    }

    public void UnlockAll()
    {
        if (_held.Count == 0)
            return;
        using var unlock = Command("SELECT count(pg_advisory_unlock(k)) FROM unnest(@keys) k");
        unlock.Parameters.AddWithValue("keys", NpgsqlDbType.Array | NpgsqlDbType.Bigint, _held.ToArray());
        unlock.ExecuteNonQuery();
        _held.Clear();
    }

    // Whether this connection ever took the writers' lock, which it may hold still.
    private bool _heldWriters;

    public bool TryLockWriters(bool exclusive)
    {
        _heldWriters = true;
        return TakeLock(exclusive ? "pg_try_advisory_lock" : "pg_try_advisory_lock_shared", WritersKey);
    }

    public void UnlockWriters(bool exclusive) => TakeLock(exclusive ? "pg_advisory_unlock" : "pg_advisory_unlock_shared", WritersKey);

    // pg_advisory_lock returns void, read as DBNull: taken.
    private bool TakeLock(string function, long key)
    {
        using var take = Command($"SELECT {function}(@key)");
        take.Parameters.AddWithValue("key", key);
        return take.ExecuteScalar() is not false;
    }

    public void MarkPending(IReadOnlyCollection<string> ids)
    {
        if (_transaction is not null)
            throw new InvalidOperationException("documents are marked pending outside a batch, so that the mark is kept before they are stored");
        using var mark = Command("INSERT INTO pending (id) SELECT unnest(@ids) ON CONFLICT DO NOTHING");
        mark.Parameters.AddWithValue("ids", NpgsqlDbType.Array | NpgsqlDbType.Text, ids.ToArray());
        mark.ExecuteNonQuery();
    }

    public void ClearPending(IReadOnlyCollection<string> ids)
    {
        using var clear = Command("DELETE FROM pending WHERE id = ANY(@ids)");
        clear.Parameters.AddWithValue("ids", NpgsqlDbType.Array | NpgsqlDbType.Text, ids.ToArray());
        clear.ExecuteNonQuery();
    }

    public IReadOnlyList<string> Pending()
    {
        using var select = Command("SELECT id FROM pending ORDER BY id COLLATE \"C\"");
        using var reader = select.ExecuteReader();
        var ids = new List<string>();
        while (reader.Read())
            ids.Add(reader.GetString(0));
        return ids;
    }
}
