using Microsoft.Extensions.Time.Testing;
using Verbatim.Archiving;

namespace Verbatim.Tests.Archiving;

public sealed class ActivityLogTests : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), $"verbatim-log-{Guid.NewGuid():N}");
    private readonly ArchiveLayout _layout;
    private readonly ActivityLog _log;

    public ActivityLogTests()
    {
        Directory.CreateDirectory(_folder);
        _layout = new ArchiveLayout(_folder);
        _log = new ActivityLog(_layout, new FakeTimeProvider(new DateTimeOffset(2026, 12, 7, 9, 0, 0, TimeSpan.Zero)));
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private void WriteFive()
    {
        _log.Append("sign-in", "historian", "127.0.0.1");
        _log.Append("read", "historian", "127.0.0.1", "lenin-1921-12-20-to-zalutsky-and-solts");
        _log.Append("access", "editor", "command line", "lenin-1921-10-20-to-stalin", "restricted:family (strictly secret, personal)");
        _log.Append("sign-in-refused", null, "127.0.0.1", detail: "historian: wrong password");
        _log.Append("store", "keeper", "command line", "trotsky-1930-03-22-with-lenin-against-stalin", "version 2");
    }

    [Fact]
    public void Entries_are_numbered_in_order_each_naming_the_one_before_and_the_chain_holds()
    {
        WriteFive();

        var entries = _log.Entries();

        Assert.Equal([1L, 2, 3, 4, 5], entries.Select(e => e.Number));
        Assert.Equal(ActivityLog.Origin, entries[0].Previous);
        Assert.Equal(4, entries.Skip(1).Select(e => e.Previous).Distinct().Count());
        Assert.Equal(("access", "editor", "lenin-1921-10-20-to-stalin"), (entries[2].Action, entries[2].Who, entries[2].Document));
        Assert.Empty(_log.Verify());
    }

    [Fact]
    public void An_edited_entry_is_caught_at_the_line_after_it()
    {
        WriteFive();
        var lines = File.ReadAllLines(_layout.Log);
        lines[2] = lines[2].Replace("restricted:family", "open", StringComparison.Ordinal);
        File.WriteAllLines(_layout.Log, lines);

        var problem = Assert.Single(_log.Verify());

        Assert.StartsWith("log.jsonl:4:", problem, StringComparison.Ordinal);
    }

    [Fact]
    public void An_entry_taken_out_of_the_middle_is_caught_where_it_was()
    {
        WriteFive();
        var lines = File.ReadAllLines(_layout.Log).ToList();
        lines.RemoveAt(1);
        File.WriteAllLines(_layout.Log, lines);

        Assert.Contains(_log.Verify(), p => p.StartsWith("log.jsonl:2:", StringComparison.Ordinal));
    }

    [Fact]
    public void Entries_cut_off_the_end_are_caught_by_the_head()
    {
        WriteFive();
        File.WriteAllLines(_layout.Log, File.ReadAllLines(_layout.Log).Take(3));

        Assert.Contains(_log.Verify(), p => p.Contains("entry 5 was the last written", StringComparison.Ordinal));
    }

    [Fact]
    public void Writers_at_once_lose_no_entry_and_keep_the_chain()
    {
        Parallel.For(0, 8, writer =>
        {
            var log = new ActivityLog(_layout);
            for (var i = 0; i < 25; i++)
                log.Append("read", $"reader-{writer}", "127.0.0.1", $"letter-{i}");
        });

        Assert.Equal(200, _log.Entries().Count);
        Assert.Empty(_log.Verify());
    }

    [Fact]
    public void A_writer_cut_off_between_its_line_and_the_head_does_not_break_the_next_append()
    {
        WriteFive();
        File.WriteAllText(_layout.LogHead, "4 0000 1\n");

        _log.Append("sign-in", "historian", "127.0.0.1");

        Assert.Empty(_log.Verify());
        Assert.Equal(6, _log.Entries()[^1].Number);
    }

    [Fact]
    public void A_writer_cut_off_between_its_lines_and_the_head_is_no_damage_to_audit_but_a_head_off_the_chain_is()
    {
        WriteFive();
        var headOfFive = File.ReadAllText(_layout.LogHead);
        _log.Append("sign-in", "historian", "127.0.0.1");
        _log.Append("read", "historian", "127.0.0.1", "lenin-1921-12-20-to-zalutsky-and-solts");
        // The two lines were written and flushed; the process was killed before it wrote their head.
        File.WriteAllText(_layout.LogHead, headOfFive);

        Assert.Empty(_log.Verify());

        // A head whose entry is not in the chain where it says is damage still.
        var parts = headOfFive.Trim().Split(' ');
        File.WriteAllText(_layout.LogHead, $"{parts[0]} {new string('1', 64)} {parts[2]}\n");
        Assert.Contains(_log.Verify(), p => p.Contains("entry 5 was the last written", StringComparison.Ordinal));
    }

    [Fact]
    public void A_page_of_a_long_log_is_read_from_its_end_newest_first()
    {
        // Unicode in the lines: the end is read in blocks of bytes, and a line is cut only at its newline.
        _log.AppendAll([.. Enumerable.Range(1, 3000).Select(i => new LogRecord("read", "historian", "127.0.0.1", $"letter-{i}", $"Письмо № {i} «личное»"))]);

        var first = _log.Newest(skip: 0, take: 200);
        var last = _log.Newest(skip: 2900, take: 200);

        Assert.Equal(Enumerable.Range(2801, 200).Reverse().Select(i => (long)i), first.Select(e => e.Number));
        Assert.Equal("Письмо № 3000 «личное»", first[0].Detail);
        Assert.Equal(Enumerable.Range(1, 100).Reverse().Select(i => (long)i), last.Select(e => e.Number));
        Assert.Empty(_log.Newest(skip: 3000, take: 200));
        Assert.Equal(3000, _log.Count());
    }

    [Fact]
    public void A_page_leaves_out_a_line_that_is_not_an_entry_and_the_count_holds_without_the_head()
    {
        WriteFive();
        File.AppendAllText(_layout.Log, "not json\n");
        File.Delete(_layout.LogHead);

        Assert.Equal([5L, 4, 3], _log.Newest(skip: 0, take: 3).Select(e => e.Number));
        Assert.Equal([1L], _log.Newest(skip: 4, take: 3).Select(e => e.Number));
        Assert.Equal(6, _log.Count());
    }
}
