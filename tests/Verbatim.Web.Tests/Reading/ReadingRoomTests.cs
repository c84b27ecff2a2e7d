using System.Diagnostics;
using Verbatim.Access;
using Verbatim.Archiving;
using Verbatim.Searching;
using Verbatim.Storing;
using Verbatim.Web.Reading;

namespace Verbatim.Web.Tests.Reading;

public sealed class ReadingRoomTests : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), $"verbatim-room-{Guid.NewGuid():N}");
    private readonly Archive _archive;
    private readonly ReadingRoom _room;

    public ReadingRoomTests()
    {
        _archive = Archive.Init(_folder);
        _room = new ReadingRoom(_archive);
    }

    public void Dispose()
    {
        _room.Dispose();
        _archive.Dispose();
        Directory.Delete(_folder, recursive: true);
    }

    [Fact]
    public async Task The_request_that_finds_a_new_generation_is_answered_from_the_edition_it_has_and_the_next_follows()
    {
        Assert.Empty(_room.Works(Viewer.Public));
        _archive.Ingest([RepositoryPaths.Seed("000")], new IngestOptions("auto", "room tests", new StoreUser("Tester", "mailto:tester@example.org")));
        await Task.Delay(ReadingRoom.Recheck * 2);

        // The works list of a large archive takes a while to read: the request that notices does not wait for it.
        Assert.Empty(_room.Works(Viewer.Public));
        var clock = Stopwatch.StartNew();
        while (_room.Works(Viewer.Public).Count == 0 && clock.Elapsed < TimeSpan.FromSeconds(5))
            await Task.Delay(20);
        Assert.Single(_room.Works(Viewer.Public));
    }

    [Fact]
    public void A_search_for_a_caller_that_has_gone_stops()
    {
        using var gone = new CancellationTokenSource();
        gone.Cancel();
        Assert.ThrowsAny<OperationCanceledException>(() => _room.Search(Viewer.Public, new SearchQuery("letter"), gone.Token));
    }

    [Fact]
    public void A_quote_check_for_a_caller_that_has_gone_stops()
    {
        using var gone = new CancellationTokenSource();
        gone.Cancel();
        Assert.ThrowsAny<OperationCanceledException>(() => _room.CheckQuote(Viewer.Public, "one two three four five six seven", 10, gone.Token));
    }
}
