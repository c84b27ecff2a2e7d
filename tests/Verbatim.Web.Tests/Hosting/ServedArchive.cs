using Verbatim.Accounts;
using Verbatim.Archiving;
using Verbatim.Cli.Tests;
using Verbatim.Storing;

namespace Verbatim.Web.Tests.Hosting;

/// <summary>
/// A fresh archive of the demo's MIA letters with the accounts a test names, served by a reader
/// that only reads, as `serve` runs it: what an editor writes in the browser is written by the
/// writer the reader opens for it, and the reader follows.
/// </summary>
public sealed class ServedArchive : IAsyncDisposable
{
    /// <summary>Every account's password.</summary>
    public const string Password = "a long enough passphrase";

    private readonly Archive _served;
    private readonly HostedReader _reader;

    private ServedArchive(string folder, Archive served, HostedReader reader) => (Folder, _served, _reader) = (folder, served, reader);

    public string Folder { get; }

    public Uri Address => _reader.Client.BaseAddress!;

    public HttpClient Client => _reader.Client;

    /// <param name="accounts">Makes the groups and accounts, each with <see cref="Password"/>.</param>
    public static async Task<ServedArchive> Start(string name, Action<AccountBook> accounts)
    {
        var folder = Path.Combine(Path.GetTempPath(), $"verbatim-{name}-{Guid.NewGuid():N}");
        using (var archive = Archive.Init(folder))
        {
            archive.Ingest([Path.Combine(CliRun.RepositoryRoot, "samples", "mia")], new IngestOptions("auto", "test", new StoreUser("Tester", "mailto:tester@example.org")));
            using var book = AccountBook.Open(archive.Layout);
            accounts(book);
        }
        var served = Archive.OpenForReading(folder);
        return new ServedArchive(folder, served, await HostedReader.Start(served));
    }

    /// <summary>The archive as it stands, for the test to look at (or, with <paramref name="writable"/>, to write as another editor would).</summary>
    public Archive Open(bool writable = false) => writable ? Archive.Open(Folder) : Archive.OpenForReading(Folder);

    public async ValueTask DisposeAsync()
    {
        await _reader.DisposeAsync();
        _served.Dispose();
        Directory.Delete(Folder, recursive: true);
    }
}
