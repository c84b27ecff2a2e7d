using Verbatim.Access;
using Verbatim.Archiving;
using Verbatim.Searching;
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
