using Verbatim.Archiving;
using Verbatim.Storing;

namespace Verbatim.Tests.Quoting;

/// <summary>An archive holding the five seed pages (fifteen documents), ingested once for the tests that only read it.</summary>
public sealed class SeedArchive : IDisposable
{
    public static readonly IngestOptions Options = new("auto", "test ingest", new StoreUser("Tester", "mailto:tester@example.org"));

    private readonly string _folder = Path.Combine(Path.GetTempPath(), $"verbatim-quotes-{Guid.NewGuid():N}");

    public SeedArchive()
    {
        Archive = Archive.Init(_folder);
        var report = Archive.Ingest(new[] { "000", "001", "002", "003", "004" }.Select(RepositoryPaths.Seed), Options);
        Assert.Empty(report.Failed);
    }

    public Archive Archive { get; }

    public void Dispose()
    {
        Archive.Dispose();
        Directory.Delete(_folder, recursive: true);
    }
}
