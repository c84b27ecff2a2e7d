using Verbatim.Archiving;
using Verbatim.Storing;

namespace Verbatim.Tests.Archiving;

/// <summary>The inbox: complete files are stored and moved to done/, bad ones to failed/ with their error, partial ones left alone.</summary>
public sealed class InboxTests : IDisposable
{
    private static readonly IngestOptions Options = new("auto", "from the inbox", new StoreUser("Tester", "mailto:tester@example.org"));
    private static readonly DateTime Start = new(2026, 12, 7, 12, 0, 0, DateTimeKind.Utc);

    private readonly string _folder = Path.Combine(Path.GetTempPath(), $"verbatim-inbox-{Guid.NewGuid():N}");
    private readonly string _inbox;
    private readonly string _archive;

    public InboxTests()
    {
        _inbox = Directory.CreateDirectory(Path.Combine(_folder, "inbox")).FullName;
        _archive = Path.Combine(_folder, "archive");
        Archive.Init(_archive).Dispose();
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private Inbox NewInbox() => new(new InboxOptions(_inbox, _archive, Options) { Settle = TimeSpan.FromSeconds(1) });

    private string Letter(string name, string title, string body)
    {
        var path = Path.Combine(_inbox, name);
        File.WriteAllText(path, $"{title}\n\n{body}\n");
        return path;
    }

    [Fact]
    public void A_file_is_read_once_it_has_stayed_the_same_and_is_then_moved_to_done()
    {
        var inbox = NewInbox();
        Letter("to-gorky.txt", "To Gorky", "Dear Alexei Maximovich, the letter arrived in time.");

        Assert.Equal((0, 1), (inbox.Look(Start).Outcomes.Count, inbox.Look(Start).Waiting));
        var outcome = Assert.Single(inbox.Look(Start.AddSeconds(2)).Outcomes);

        Assert.Null(outcome.Error);
        Assert.Equal(Path.Combine(_inbox, Inbox.DoneFolder, "to-gorky.txt"), outcome.MovedTo);
        Assert.False(File.Exists(Path.Combine(_inbox, "to-gorky.txt")));
        using var archive = Archive.OpenForReading(_archive);
        Assert.Contains("arrived in time", archive.Show(Assert.Single(outcome.Documents))!.BodyText, StringComparison.Ordinal);
    }

    [Fact]
    public void A_file_still_open_for_writing_is_not_read_however_long_it_has_stayed_the_same()
    {
        var inbox = NewInbox();
        var path = Path.Combine(_inbox, "long-letter.txt");
        using (var writer = new StreamWriter(path))
        {
            writer.Write("A long letter\n\nThe first half of the letter, ");
            writer.Flush();
            inbox.Look(Start);
            Assert.Empty(inbox.Look(Start.AddMinutes(5)).Outcomes);
            Assert.True(File.Exists(path));
            writer.Write("and the second half, written after a pause.\n");
        }

        inbox.Look(Start.AddMinutes(6));
        var outcome = Assert.Single(inbox.Look(Start.AddMinutes(7)).Outcomes);

        using var archive = Archive.OpenForReading(_archive);
        Assert.EndsWith("written after a pause.", archive.Show(Assert.Single(outcome.Documents))!.BodyText.TrimEnd(), StringComparison.Ordinal);
    }

    [Fact]
    public void A_file_that_changed_since_the_last_look_waits_for_another()
    {
        var inbox = NewInbox();
        var path = Letter("note.txt", "A note", "First words.");
        inbox.Look(Start);
        File.AppendAllText(path, "More words, copied later.\n");
        File.SetLastWriteTimeUtc(path, DateTime.UtcNow.AddSeconds(5));

        Assert.Empty(inbox.Look(Start.AddSeconds(2)).Outcomes);
        Assert.Single(inbox.Look(Start.AddSeconds(4)).Outcomes);
    }

    [Fact]
    public void A_bad_file_goes_to_failed_with_its_error_beside_it_and_the_good_ones_are_stored()
    {
        var inbox = NewInbox();
        Letter("good.txt", "A good letter", "Words enough to be a letter of its own.");
        File.WriteAllText(Path.Combine(_inbox, "broken.xml"), "<TEI xmlns=\"http://www.tei-c.org/ns/1.0\">\n<teiHeader>\n<unclosed>\n</TEI>\n");

        inbox.Look(Start);
        var outcomes = inbox.Look(Start.AddSeconds(2)).Outcomes.ToDictionary(o => Path.GetFileName(o.Path));

        Assert.Null(outcomes["good.txt"].Error);
        var failed = outcomes["broken.xml"];
        Assert.Equal(Path.Combine(_inbox, Inbox.FailedFolder, "broken.xml"), failed.MovedTo);
        Assert.True(File.Exists(failed.MovedTo));
        var error = File.ReadAllText(failed.MovedTo + Inbox.ErrorSuffix);
        Assert.StartsWith("broken.xml:", error, StringComparison.Ordinal);
        Assert.Equal(failed.Error + Environment.NewLine, error);
        Assert.Empty(Directory.GetFiles(_inbox));
    }

    [Fact]
    public void Files_named_as_copies_in_progress_are_never_read()
    {
        var inbox = NewInbox();
        Letter("letter.txt.part", "Partial", "A copy not finished.");
        Letter(".hidden.txt", "Hidden", "A copy not finished.");
        Letter("letter.txt.tmp", "Temporary", "A copy not finished.");

        inbox.Look(Start);

        Assert.Equal((0, 0), (inbox.Look(Start.AddMinutes(1)).Outcomes.Count, inbox.Look(Start.AddMinutes(2)).Waiting));
        Assert.Equal(3, Directory.GetFiles(_inbox).Length);
    }

    [Fact]
    public void A_file_already_stored_by_a_round_that_was_cut_off_is_moved_again_and_not_stored_twice()
    {
        var inbox = NewInbox();
        var path = Letter("to-stalin.txt", "To Stalin", "Strictly secret, personal: the letter as it was sent.");
        // A round killed after its commit, before its move: the file is stored and still here.
        string id;
        using (var archive = Archive.Open(_archive))
            id = Assert.Single(archive.Ingest([path], Options).Documents).Id;

        inbox.Look(Start);
        var outcome = Assert.Single(inbox.Look(Start.AddSeconds(2)).Outcomes);

        Assert.Equal([id], outcome.Documents);
        using var reopened = Archive.OpenForReading(_archive);
        Assert.Single(reopened.Store.Ids());
        Assert.Single(reopened.History(id));
    }

    [Fact]
    public void A_name_already_in_done_is_kept_and_the_new_file_takes_another()
    {
        var inbox = NewInbox();
        Letter("letter.txt", "First", "The first letter of that name, with its words.");
        inbox.Look(Start);
        inbox.Look(Start.AddSeconds(2));
        Letter("letter.txt", "Second", "The second letter of that name, with other words.");

        inbox.Look(Start.AddSeconds(3));
        var outcome = Assert.Single(inbox.Look(Start.AddSeconds(5)).Outcomes);

        Assert.Equal(Path.Combine(_inbox, Inbox.DoneFolder, "letter-2.txt"), outcome.MovedTo);
        Assert.Contains("first letter", File.ReadAllText(Path.Combine(_inbox, Inbox.DoneFolder, "letter.txt")), StringComparison.Ordinal);
    }
}
