using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace Verbatim.Testing;

/// <summary>
/// A real PostgreSQL 15 cluster for the tests (Debian's postgresql-15, installed by scripts/setup):
/// made by initdb in a temporary folder, listening on a free loopback port only, and stopped and
/// deleted when disposed. Never a container or a mock.
/// </summary>
/// <remarks>
/// PostgreSQL refuses to run as root, and the test command runs as root in CI: there the cluster's
/// folder belongs to the "postgres" account (made by the package) and its programs run as it.
/// </remarks>
public sealed class PostgresServer : IDisposable
{
    public const string Binaries = "/usr/lib/postgresql/15/bin";

    private const string Account = "postgres";
    private const string Superuser = "verbatim";

    private readonly string _folder;
    private bool _stopped;

    private PostgresServer(string folder, int port) => (_folder, Port) = (folder, port);

    public int Port { get; }

    private string Data => Path.Combine(_folder, "data");

    /// <summary>The cluster's log, for a failure's message.</summary>
    public string LogFile => Path.Combine(_folder, "server.log");

    /// <summary>A connection string to the named database of the cluster (which the caller creates; "postgres" is there).</summary>
    public string ConnectionString(string database = "postgres")
        => $"Host=127.0.0.1;Port={Port};Username={Superuser};Database={database};Pooling=false";

    public static PostgresServer Start()
    {
        if (!File.Exists(Path.Combine(Binaries, "initdb")))
            throw new InvalidOperationException($"no PostgreSQL 15 in {Binaries}: run scripts/setup (it installs Debian's postgresql-15)");
        var folder = Path.Combine(Path.GetTempPath(), $"verbatim-postgres-{Guid.NewGuid():N}");
        Directory.CreateDirectory(folder);
        var server = new PostgresServer(folder, FreePort());
        try
        {
            if (AsRoot)
                Run("chown", [$"{Account}:{Account}", folder]);
            server.RunAsOwner("initdb", ["-D", server.Data, "-U", Superuser, "-A", "trust", "-E", "UTF8", "--no-locale", "--no-sync"]);
            // The socket goes into the cluster's own folder (the default one may not be writable),
            // and TCP listens on the loopback address only.
            server.RunAsOwner("pg_ctl", ["-D", server.Data, "-l", server.LogFile, "-w", "-t", "60", "start",
                "-o", $"-p {server.Port} -k {folder} -c listen_addresses=127.0.0.1"]);
            return server;
        }
        catch
        {
            server.Dispose();
            throw;
        }
    }

    public void Dispose()
    {
        if (!_stopped && File.Exists(Path.Combine(Data, "postmaster.pid")))
        {
            try
            {
                RunAsOwner("pg_ctl", ["-D", Data, "-m", "fast", "-w", "stop"]);
            }
            catch (InvalidOperationException)
            {
                // Stopping is tried once; the folder goes either way.
            }
        }
        _stopped = true;
        if (Directory.Exists(_folder))
            Directory.Delete(_folder, recursive: true);
    }

    private static bool AsRoot => Environment.UserName == "root";

    private void RunAsOwner(string program, string[] arguments)
    {
        var path = Path.Combine(Binaries, program);
        if (AsRoot)
            Run("setpriv", ["--reuid", Account, "--regid", Account, "--init-groups", "--", path, .. arguments]);
        else
            Run(path, arguments);
    }

    private static void Run(string program, string[] arguments)
    {
        var start = new ProcessStartInfo(program) { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = Path.GetTempPath() };
        foreach (var argument in arguments)
            start.ArgumentList.Add(argument);
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEnd();
        if (!process.WaitForExit(TimeSpan.FromMinutes(2)))
        {
            process.Kill(entireProcessTree: true);
            throw new InvalidOperationException($"{program} did not finish in two minutes");
        }
        if (process.ExitCode != 0)
            throw new InvalidOperationException($"{program} {string.Join(' ', arguments)} failed ({process.ExitCode}): {error}{output.Result}");
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
