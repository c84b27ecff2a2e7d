using System.Net;
using Verbatim.Access;
using Verbatim.Accounts;
using Verbatim.Archiving;
using Verbatim.Cli.Tests;
using Verbatim.Storing;
using Verbatim.Web.Hosting;
using Verbatim.Web.Tests.Accounts;

namespace Verbatim.Web.Tests.Hosting;

/// <summary>
/// An archive of the test's own with accounts, served by a reader that only reads, as `serve`
/// serves it: what an editor writes from the browser goes through a writer opened for it, and the
/// reader follows. Disposing stops the reader and deletes the archive.
/// </summary>
internal sealed class ServedArchive : IAsyncDisposable
{
    /// <summary>Every account's password.</summary>
    public const string Password = "a long enough passphrase";

    private readonly Archive _served;

    private ServedArchive(string folder, Archive served, HostedReader reader) => (Folder, _served, Reader) = (folder, served, reader);

    public string Folder { get; }

    public HostedReader Reader { get; }

    public Uri Address => Reader.Client.BaseAddress!;

    public HttpClient Client => Reader.Client;

    /// <summary>
    /// Starts the reader over a new archive of the samples/ folder's files, with the accounts
    /// <paramref name="accounts"/> makes, each with <see cref="Password"/>; by default the group
    /// "family", the editor "editor-a" and the researcher "historian" of that group.
    /// </summary>
    public static async Task<ServedArchive> Start(string samples = "mia", Action<AccountBook>? accounts = null)
    {
        var folder = Path.Combine(Path.GetTempPath(), $"verbatim-served-{Guid.NewGuid():N}");
        using (var archive = Archive.Init(folder))
        {
            archive.Ingest([Path.Combine(CliRun.RepositoryRoot, "samples", samples)], new IngestOptions("auto", "test", new StoreUser("Tester", "mailto:tester@example.org")));
            using var book = AccountBook.Open(archive.Layout);
            (accounts ?? EditorAndFamily)(book);
        }
        var served = Archive.OpenForReading(folder);
        return new ServedArchive(folder, served, await HostedReader.Start(served));
    }

    private static void EditorAndFamily(AccountBook book)
    {
        book.AddGroup("family");
        book.AddUser("editor-a", Role.Editor, Password);
        book.AddUser("historian", Role.Researcher, Password, ["family"]);
    }

    /// <summary>The archive as it stands, for the test to look at (or, with <paramref name="writable"/>, to write as another editor would).</summary>
    public Archive Open(bool writable = false) => writable ? Archive.Open(Folder) : Archive.OpenForReading(Folder);

    /// <summary>Another reader over the same archive, with other options.</summary>
    public Task<HostedReader> StartAnother(ReaderOptions options) => HostedReader.Start(_served, options);

    /// <summary>A browser signed in through the form at <paramref name="reader"/> (this archive's by default).</summary>
    public async Task<CookieBrowser> SignedIn(string name, HostedReader? reader = null)
    {
        var browser = new CookieBrowser((reader ?? Reader).Client.BaseAddress!);
        Assert.Equal(HttpStatusCode.Redirect, (await browser.SignIn(name, Password)).StatusCode);
        return browser;
    }

    public async ValueTask DisposeAsync()
    {
        await Reader.DisposeAsync();
        _served.Dispose();
        Directory.Delete(Folder, recursive: true);
    }
}
