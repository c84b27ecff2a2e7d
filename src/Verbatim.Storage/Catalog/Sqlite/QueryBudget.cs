using Microsoft.Data.Sqlite;
using SQLitePCL;

namespace Verbatim.Storage.Catalog.Sqlite;

/// <summary>
/// The time a query may take on one connection, and its caller's cancellation: SQLite's progress
/// handler interrupts a statement once either has run out, and the work done in memory between
/// statements asks <see cref="Check"/>. Disposing removes the handler from the connection.
/// </summary>
internal sealed class QueryBudget : IDisposable
{
    // Virtual machine steps between two looks at the clock: a few microseconds of work.
    private const int StepsBetweenChecks = 1000;

    private readonly SqliteConnection _connection;
    private readonly CancellationTokenSource _deadline;
    private readonly CancellationToken _token;

    public QueryBudget(SqliteConnection connection, TimeSpan limit, CancellationToken cancellation)
    {
        _connection = connection;
        _deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellation);
        // A timer of no time still fires later, on another thread: no time means none at all.
        if (limit <= TimeSpan.Zero)
            _deadline.Cancel();
        else
            _deadline.CancelAfter(limit);
        _token = _deadline.Token;
        raw.sqlite3_progress_handler(connection.Handle, StepsBetweenChecks, _ => _token.IsCancellationRequested ? 1 : 0, null);
    }

    /// <exception cref="OperationCanceledException">The time has run out or the caller has cancelled.</exception>
    public void Check() => _token.ThrowIfCancellationRequested();

    /// <summary>Whether the exception is this budget stopping the work: an interrupted statement or a <see cref="Check"/>.</summary>
    public bool Stopped(Exception exception)
        => _token.IsCancellationRequested
            && exception is OperationCanceledException or SqliteException { SqliteErrorCode: raw.SQLITE_INTERRUPT };

    public void Dispose()
    {
        raw.sqlite3_progress_handler(_connection.Handle, 0, null, null);
        _deadline.Dispose();
    }
}
