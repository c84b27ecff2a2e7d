using Npgsql;

namespace Verbatim.Testing;

/// <summary>One PostgreSQL cluster for every test class of the collection; each class asks for a database of its own.</summary>
public sealed class PostgresCluster : IDisposable
{
    private readonly PostgresServer _server = PostgresServer.Start();

    /// <summary>A connection string to a new, empty database of the cluster, under a name no other caller is given.</summary>
    public string NewDatabase()
    {
        var name = $"catalog_{Guid.NewGuid():N}";
        using var connection = new NpgsqlConnection(_server.ConnectionString());
        connection.Open();
        // A database's name cannot be a parameter; this one is made here of hexadecimal digits.
        using var create = new NpgsqlCommand($"CREATE DATABASE {name}", connection);
        create.ExecuteNonQuery();
        return _server.ConnectionString(name);
    }

    /// <summary>A new database's address as a user gives it to <c>init --catalog</c>: postgresql://user@host:port/database.</summary>
    public string NewDatabaseAddress()
    {
        var database = new NpgsqlConnectionStringBuilder(NewDatabase());
        return $"postgresql://{database.Username}@{database.Host}:{database.Port}/{database.Database}";
    }

    /// <summary>The port of the cluster, for a test that needs one where no server listens (any other).</summary>
    public int Port => _server.Port;

    public void Dispose() => _server.Dispose();
}

[CollectionDefinition(Name)]
public sealed class PostgresCollection : ICollectionFixture<PostgresCluster>
{
    public const string Name = "PostgreSQL";
}
