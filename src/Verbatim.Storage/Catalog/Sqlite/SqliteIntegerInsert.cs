using Microsoft.Data.Sqlite;
using SQLitePCL;

namespace Verbatim.Storage.Catalog.Sqlite;

/// <summary>
/// An insert of integer values run row after row through SQLite's own prepared statement, its
/// values bound by position, in the connection's open transaction.
/// </summary>
/// <remarks>
/// Microsoft.Data.Sqlite makes a reader and binds every parameter by its name on each run of a
/// command: some 650 bytes of garbage a row and most of a row's time, which a long text's
/// millions of fingerprints made into gigabytes. The statement is finalised on disposal, before
/// its connection closes.
/// </remarks>
internal sealed class SqliteIntegerInsert : IDisposable
{
    private readonly sqlite3 _database;
    private readonly sqlite3_stmt _statement;

    public SqliteIntegerInsert(SqliteConnection connection, string sql)
    {
        ArgumentNullException.ThrowIfNull(connection);
        _database = connection.Handle ?? throw new InvalidOperationException("the connection is not open");
        SqliteException.ThrowExceptionForRC(raw.sqlite3_prepare_v2(_database, sql, out _statement), _database);
    }

    /// <summary>Inserts one row, its values in the order of the statement's parameters.</summary>
    public void Run(params ReadOnlySpan<long> values)
    {
        try
        {
            for (var k = 0; k < values.Length; k++)
                SqliteException.ThrowExceptionForRC(raw.sqlite3_bind_int64(_statement, k + 1, values[k]), _database);
            var done = raw.sqlite3_step(_statement);
            if (done != raw.SQLITE_DONE)
                SqliteException.ThrowExceptionForRC(done, _database);
        }
        finally
        {
            raw.sqlite3_reset(_statement);
        }
    }

    public void Dispose() => _statement.Dispose();
}
