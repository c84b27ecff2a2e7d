using System.Globalization;
using Npgsql;
using Verbatim.Searching;

namespace Verbatim.Storage.Catalog.Postgres;

/// <summary>
/// One connection that LISTENs for the catalog's commits (every batch NOTIFYs in its own
/// transaction, so only a kept commit is told), made again whenever it is lost.
/// </summary>
public sealed class PostgresCatalogChanges : ICatalogChanges
{
    /// <summary>The channel every committed batch notifies, with the generation it made.</summary>
    public const string Channel = "verbatim_catalog";

    /// <summary>How the listening connection names itself to the server (pg_stat_activity).</summary>
    public const string ApplicationName = "verbatim catalog listener";

    // A connection cut without a word (a network gone) is found by asking it something after this long a silence.
    private static readonly TimeSpan Probe = TimeSpan.FromSeconds(10);
    private static readonly TimeSpan Retry = TimeSpan.FromMilliseconds(500);

    private readonly string _connectionString;
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _listening;
    private volatile bool _isListening;

    private PostgresCatalogChanges(string connectionString)
    {
        _connectionString = new NpgsqlConnectionStringBuilder(connectionString) { ApplicationName = ApplicationName, Pooling = false }.ConnectionString;
        _listening = Task.Run(ListenAsync);
    }

    /// <summary>Starts listening in the background; <see cref="IsListening"/> says when it does.</summary>
    public static PostgresCatalogChanges Listen(string connectionString) => new(connectionString);

    public event Action<long>? Committed;

    public bool IsListening => _isListening;

    private async Task ListenAsync()
    {
        var stopping = _stop.Token;
        while (!stopping.IsCancellationRequested)
        {
            try
            {
                await using var connection = new NpgsqlConnection(_connectionString);
                await connection.OpenAsync(stopping);
                connection.Notification += (_, told) =>
                {
                    if (long.TryParse(told.Payload, NumberStyles.None, CultureInfo.InvariantCulture, out var generation))
                        Committed?.Invoke(generation);
                };
                await using (var listen = new NpgsqlCommand($"LISTEN {Channel}", connection))
                    await listen.ExecuteNonQueryAsync(stopping);
                // Listening from here on: what was committed before is in the generation as it stands.
                await using (var current = new NpgsqlCommand(PostgresCatalog.GenerationQuery, connection))
                {
                    _isListening = true;
                    if (await current.ExecuteScalarAsync(stopping) is string value)
                        Committed?.Invoke(long.Parse(value, CultureInfo.InvariantCulture));
                }
                while (true)
                {
                    if (!await connection.WaitAsync(Probe, stopping))
                    {
                        await using var probe = new NpgsqlCommand("SELECT 1", connection);
                        await probe.ExecuteNonQueryAsync(stopping);
                    }
                }
            }
            catch (OperationCanceledException) when (stopping.IsCancellationRequested)
            {
                break;
            }
            catch (Exception exception) when (exception is NpgsqlException or IOException or TimeoutException or InvalidOperationException)
            {
                // Lost or never made: readers ask the catalog meanwhile, and the connection is tried again.
                _isListening = false;
            }
            try
            {
                await Task.Delay(Retry, stopping);
            }
            catch (OperationCanceledException)
            {
                break;
            }
        }
        _isListening = false;
    }

    public void Dispose()
    {
        _stop.Cancel();
        try
        {
            _listening.Wait(TimeSpan.FromSeconds(5));
        }
        catch (AggregateException)
        {
            // What ended the listening was its own; it is over either way.
        }
        _stop.Dispose();
    }
}
