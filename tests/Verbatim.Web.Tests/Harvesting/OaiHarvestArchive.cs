using System.Xml.Linq;
using Verbatim.Access;
using Verbatim.Archiving;
using Verbatim.Cli.Tests;
using Verbatim.Storing;
using Verbatim.Web.Tests.Hosting;

namespace Verbatim.Web.Tests.Harvesting;

/// <summary>
/// An archive served to harvesters: the demo's samples, its owner's settings, one letter that was
/// open and is withdrawn (a deleted record) and one that was never open (which a harvester must
/// never see named), in pages of three records.
/// </summary>
public sealed class OaiHarvestArchive : IAsyncLifetime
{
    public const string BaseUrl = "https://archive.example.org/oai";
    public const string IdentifierPrefix = "oai:archive.example.org:";
    public const string Withdrawn = "schnitzler-1898-06-17-to-beer-hofmann-l00806";
    public const int PageSize = 3;

    private static readonly StoreUser Keeper = new("Keeper", "mailto:keeper@example.org");

    private readonly string _folder = Path.Combine(Path.GetTempPath(), $"verbatim-oai-{Guid.NewGuid():N}");

    public Archive Archive { get; private set; } = null!;

    public HostedReader Reader { get; private set; } = null!;

    /// <summary>The letter ingested closed, which was never open to anyone.</summary>
    public string NeverOpen { get; private set; } = "";

    public string Root => Path.Combine(_folder, "archive");

    public async Task InitializeAsync()
    {
        Archive = Archive.Init(Root);
        var samples = Path.Combine(CliRun.RepositoryRoot, "samples");
        var options = new IngestOptions("auto", "harvest tests", Keeper);
        Assert.Empty(Archive.Ingest([Path.Combine(samples, "mia"), Path.Combine(samples, "tei")], options).Failed);
        Archive.SetAccess(Withdrawn, DocumentAccess.WithdrawnBecause("the transcription is not of the original"), "found wanting", Keeper);
        var closed = Archive.Ingest([RepositoryPaths.Shared("corpus", "schnitzler-tei", "L00008.xml")], options with { Access = DocumentAccess.RestrictedTo(["family"]) });
        NeverOpen = Assert.Single(closed.Documents).Id;
        new ArchiveSettings().With(ArchiveSettings.RepositoryNameKey, "Harvest test archive")
            .With(ArchiveSettings.AdminEmailKey, "keeper@example.org")
            .With(ArchiveSettings.BaseUrlKey, BaseUrl)
            .Write(Archive.Layout);
        Reader = await HostedReader.Start(Archive, new Verbatim.Web.Hosting.ReaderOptions(Port: 0) { HarvestPageSize = PageSize });
        // A harvest is of the archive as it stood at the end of the second before it began.
        await NextSecond();
    }

    public async Task DisposeAsync()
    {
        await Reader.DisposeAsync();
        Archive.Dispose();
        Directory.Delete(_folder, recursive: true);
    }

    /// <summary>Waits until the clock is in a second after the present one.</summary>
    public static Task NextSecond() => Task.Delay(1100 - DateTimeOffset.UtcNow.Millisecond);

    public async Task<XDocument> Get(string query) => XDocument.Parse(await Reader.Client.GetStringAsync("/oai?" + query));

    public static XNamespace Oai => "http://www.openarchives.org/OAI/2.0/";
}
