using Microsoft.Extensions.Time.Testing;
using Verbatim.Access;
using Verbatim.Archiving;
using Verbatim.Cli.Tests;
using Verbatim.Searching;
using Verbatim.Storing;
using Verbatim.Web.Reading;

namespace Verbatim.Web.Tests.Reading;

/// <summary>Who sees a closed document in the reading room: its groups' researchers, editors, and after an embargo everyone.</summary>
public sealed class ReadingRoomAccessTests : IDisposable
{
    private const string Restricted = "lenin-1921-05-30-to-lutovinov";
    private const string Embargoed = "lenin-1921-10-20-to-stalin";
    private static readonly DateOnly Opening = new(2030, 1, 1);

    private readonly string _folder = Path.Combine(Path.GetTempPath(), $"verbatim-room-access-{Guid.NewGuid():N}");
    private readonly Archive _archive;
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(Opening.AddDays(-1).ToDateTime(TimeOnly.MinValue), TimeSpan.Zero));
    private readonly ReadingRoom _room;

    public ReadingRoomAccessTests()
    {
        _archive = Archive.Init(_folder);
        var options = new IngestOptions("auto", "test", new StoreUser("Tester", "mailto:tester@example.org"));
        _archive.Ingest([Path.Combine(CliRun.RepositoryRoot, "samples", "mia")], options);
        var editor = new StoreUser("editor-a", "mailto:editor-a@example.org");
        _archive.SetAccess(Restricted, DocumentAccess.RestrictedTo(["party-archive"]), "personal", editor);
        _archive.SetAccess(Embargoed, DocumentAccess.EmbargoedUntil(Opening), "closed until the edition appears", editor);
        _room = new ReadingRoom(_archive, clock: _clock);
    }

    public void Dispose()
    {
        _room.Dispose();
        _archive.Dispose();
        Directory.Delete(_folder, recursive: true);
    }

    private static Viewer Researcher(params string[] groups) => new("historian", Role.Researcher, groups.ToHashSet(StringComparer.Ordinal));

    private static Viewer Editor { get; } = new("editor-a", Role.Editor, new HashSet<string>(StringComparer.Ordinal));

    private IReadOnlyList<string> Seen(Viewer viewer) => [.. _room.Works(viewer).Select(w => w.Id)];

    [Fact]
    public void The_public_sees_neither_a_researcher_of_the_group_sees_the_restricted_one_and_an_editor_sees_both()
    {
        Assert.DoesNotContain(Restricted, Seen(Viewer.Public));
        Assert.DoesNotContain(Embargoed, Seen(Viewer.Public));
        Assert.Contains(Restricted, Seen(Researcher("party-archive")));
        Assert.DoesNotContain(Restricted, Seen(Researcher("family")));
        Assert.DoesNotContain(Embargoed, Seen(Researcher("party-archive")));
        Assert.Equal(_archive.List(new WorkFilter()).Count, Seen(Editor).Count);
        Assert.Null(_room.Read(Viewer.Public, Restricted));
        Assert.NotNull(_room.Read(Researcher("party-archive"), Restricted));
        Assert.Empty(_room.History(Viewer.Public, Restricted));
        Assert.Equal(2, _room.History(Editor, Restricted).Count);
    }

    [Fact]
    public void Search_counts_only_what_the_viewer_may_see()
    {
        var query = new SearchQuery("Lenin") { Limit = 100 };
        var everyone = _room.Search(Editor, query);
        var researcher = _room.Search(Researcher("party-archive"), query);
        var anyone = _room.Search(Viewer.Public, query);

        Assert.Equal(everyone.Total - 1, researcher.Total);
        Assert.Equal(everyone.Total - 2, anyone.Total);
        Assert.DoesNotContain(anyone.Hits, h => h.Id is Restricted or Embargoed);
    }

    [Fact]
    public void An_embargo_ends_by_itself_on_its_day()
    {
        Assert.DoesNotContain(Embargoed, Seen(Viewer.Public));

        _room.Read(Editor, Embargoed);
        _clock.Advance(TimeSpan.FromDays(1));

        Assert.Contains(Embargoed, Seen(Viewer.Public));
        Assert.NotNull(_room.Read(Viewer.Public, Embargoed));
        Assert.Contains(_room.Search(Viewer.Public, new SearchQuery("") { Limit = 100 }).Hits, h => h.Id == Embargoed);
        // Read while closed, by name; read once open, by no one in particular: only the first is a read of a closed document.
        Assert.Equal(["editor-a"], _archive.Log.Entries().Where(e => e.Action == "read").Select(e => e.Who));
    }

}
