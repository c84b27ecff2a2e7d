using System.Diagnostics;
using Verbatim.Access;
using Verbatim.Archiving;
using Verbatim.Storing;
using Verbatim.Web.Reading;

namespace Verbatim.Web.Tests.Reading;

/// <summary>On a PostgreSQL catalog the reading room is told of each commit (LISTEN/NOTIFY) instead of asking at requests.</summary>
[Collection(PostgresCollection.Name)]
public sealed class ReadingRoomToldTests(PostgresCluster cluster) : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), $"verbatim-room-told-{Guid.NewGuid():N}");

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public async Task Another_process_s_commit_is_read_before_any_request_asks_so_the_first_request_after_shows_it()
    {
        using (Archive.Init(_folder, cluster.NewDatabaseAddress()))
        {
        }
        using var reader = Archive.OpenForReading(_folder);
        using var room = new ReadingRoom(reader);
        var clock = Stopwatch.StartNew();
        while (!room.IsTold && clock.Elapsed < TimeSpan.FromSeconds(10))
            await Task.Delay(20);
        Assert.True(room.IsTold, "the room did not listen within 10 s");
        Assert.Empty(room.Works(Viewer.Public));

        using (var writer = Archive.Open(_folder))
            writer.Ingest([RepositoryPaths.Seed("000")], new IngestOptions("auto", "room tests", new StoreUser("Tester", "mailto:tester@example.org")));
        // No request meanwhile: a room that asks only when a request comes would answer this first one from the edition it has.
        await Task.Delay(ReadingRoom.Recheck * 4);

        Assert.Single(room.Works(Viewer.Public));
    }
}
