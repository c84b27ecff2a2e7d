using Microsoft.Data.Sqlite;
using Verbatim.Storage.Catalog.Sqlite;

namespace Verbatim.Storage.Tests.Catalog.Sqlite;

public sealed class SqliteIntegerInsertTests : IDisposable
{
    private readonly SqliteConnection _connection = new("Data Source=:memory:");

    public SqliteIntegerInsertTests()
    {
        _connection.Open();
        using var create = _connection.CreateCommand();
        create.CommandText = "CREATE TABLE pairs (a INTEGER PRIMARY KEY, b INTEGER NOT NULL CHECK (b >= 0))";
        create.ExecuteNonQuery();
    }

    public void Dispose() => _connection.Dispose();

    private List<(long A, long B)> Rows()
    {
        using var select = _connection.CreateCommand();
        select.CommandText = "SELECT a, b FROM pairs ORDER BY a";
        using var reader = select.ExecuteReader();
        var rows = new List<(long, long)>();
        while (reader.Read())
            rows.Add((reader.GetInt64(0), reader.GetInt64(1)));
        return rows;
    }

    [Fact]
    public void Rows_go_in_with_their_values_in_the_order_of_the_parameters_within_the_open_transaction()
    {
        using (var transaction = _connection.BeginTransaction())
        {
            using var insert = new SqliteIntegerInsert(_connection, "INSERT INTO pairs (a, b) VALUES (?, ?)");
            insert.Run(1, long.MaxValue);
            insert.Run(-3, 7);
            transaction.Rollback();
        }
        Assert.Empty(Rows());

        using (var transaction = _connection.BeginTransaction())
        {
            using var insert = new SqliteIntegerInsert(_connection, "INSERT INTO pairs (a, b) VALUES (?, ?)");
            insert.Run(1, long.MaxValue);
            insert.Run(-3, 7);
            transaction.Commit();
        }
        Assert.Equal([(-3L, 7L), (1L, long.MaxValue)], Rows());
    }

    [Fact]
    public void A_row_SQLite_refuses_is_an_error_that_says_why_and_the_statement_goes_on_after_it()
    {
        using var insert = new SqliteIntegerInsert(_connection, "INSERT INTO pairs (a, b) VALUES (?, ?)");
        insert.Run(1, 1);

        var twice = Assert.Throws<SqliteException>(() => insert.Run(1, 2));
        Assert.Contains("UNIQUE constraint failed: pairs.a", twice.Message, StringComparison.Ordinal);
        var negative = Assert.Throws<SqliteException>(() => insert.Run(2, -1));
        Assert.Contains("CHECK constraint failed", negative.Message, StringComparison.Ordinal);
        insert.Run(2, 2);

        Assert.Equal([(1L, 1L), (2L, 2L)], Rows());
    }

    [Fact]
    public void A_statement_SQLite_cannot_prepare_is_an_error_that_names_what_is_wrong()
    {
        var error = Assert.Throws<SqliteException>(() => new SqliteIntegerInsert(_connection, "INSERT INTO nowhere (a) VALUES (?)"));
        Assert.Contains("no such table: nowhere", error.Message, StringComparison.Ordinal);
    }
}
