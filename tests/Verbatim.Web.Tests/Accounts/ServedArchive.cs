using Verbatim.Access;
using Verbatim.Accounts;
using Verbatim.Archiving;
using Verbatim.Cli.Tests;
using Verbatim.Storing;
using Verbatim.Web.Tests.Hosting;

namespace Verbatim.Web.Tests.Accounts;

/// <summary>
/// An archive of the test's own (the mia samples) with an editor, <c>editor-a</c>, and a researcher
/// of the group <c>family</c>, <c>historian</c>, served by a reader that only reads, as `serve`
/// runs it; disposing stops the reader and deletes the folder.
/// </summary>
internal sealed class ServedArchive : IAsyncDisposable
{
    public const string Password = "a long enough passphrase";

    private readonly Archive _served;

    private ServedArchive(string folder, Archive served, HostedReader reader)
    {
        Folder = folder;
        _served = served;
        Reader = reader;
    }

    public string Folder { get; }

    public HostedReader Reader { get; }

    public Uri Address => Reader.Client.BaseAddress!;

    public static async Task<ServedArchive> Start(string purpose)
    {
        var folder = Path.Combine(Path.GetTempPath(), $"verbatim-{purpose}-{Guid.NewGuid():N}");
        using (var archive = Archive.Init(folder))
        {
            archive.Ingest([Path.Combine(CliRun.RepositoryRoot, "samples", "mia")], new IngestOptions("auto", "test", new StoreUser("Tester", "mailto:tester@example.org")));
            using var book = AccountBook.Open(archive.Layout);
            book.AddGroup("family");
            book.AddUser("editor-a", Role.Editor, Password);
            book.AddUser("historian", Role.Researcher, Password, ["family"]);
        }
        var served = Archive.OpenForReading(folder);
        return new ServedArchive(folder, served, await HostedReader.Start(served));
    }

    public async ValueTask DisposeAsync()
    {
        await Reader.DisposeAsync();
        _served.Dispose();
        Directory.Delete(Folder, recursive: true);
    }
}
