using System.Net.Sockets;
using Npgsql;

namespace Verbatim.Storage.Tests.Catalog.Postgres;

/// <summary>The tests' PostgreSQL is Debian's, a cluster of their own on the loopback interface, gone once they end.</summary>
public sealed class PostgresServerTests
{
    [Fact]
    public async Task A_cluster_started_for_the_tests_is_PostgreSQL_15_on_loopback_only_and_is_gone_once_disposed()
    {
        int port;
        using (var server = PostgresServer.Start())
        {
            port = server.Port;
            await using var connection = new NpgsqlConnection(server.ConnectionString());
            await connection.OpenAsync();
            await using var version = new NpgsqlCommand("SHOW server_version", connection);
            await using var listening = new NpgsqlCommand("SHOW listen_addresses", connection);

            Assert.StartsWith("15.", (string)(await version.ExecuteScalarAsync())!, StringComparison.Ordinal);
            Assert.Equal("127.0.0.1", (string)(await listening.ExecuteScalarAsync())!);
        }

        using var client = new TcpClient();
        await Assert.ThrowsAsync<SocketException>(() => client.ConnectAsync("127.0.0.1", port));
    }
}
