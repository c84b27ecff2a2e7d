using Verbatim.Model;
using Verbatim.Web.Reading;

namespace Verbatim.Web.Tests.Reading;

public sealed class BodySegmentsTests
{
    [Fact]
    public void A_printed_marker_becomes_the_link_and_no_text_is_lost()
    {
        var block = new Block(BlockType.P, "despite our differences.[1] And more.", Start: 10);
        var notes = new[] { new Note("1", "A note.", [10 + 24]) };

        var segments = BodySegments.Of(block, notes);

        Assert.Equal(["despite our differences.", "[1]", " And more."], segments.Select(s => s.Text));
        Assert.Equal(new NoteMarker(0, 0, "1"), segments[1].Marker);
        Assert.Equal(block.Text, string.Concat(segments.Select(s => s.Text)));
    }

    [Fact]
    public void An_anchor_without_a_printed_marker_inserts_a_link_and_takes_no_text()
    {
        var block = new Block(BlockType.P, "word word", Start: 0);
        var notes = new[] { new Note("a", "A note.", [4]) };

        var segments = BodySegments.Of(block, notes);

        Assert.Equal(["word", "[a]", " word"], segments.Select(s => s.Text));
        Assert.Equal("word word", string.Concat(segments.Where(s => s.Marker is null).Select(s => s.Text)));
    }

    [Fact]
    public void Anchors_in_other_blocks_are_left_to_those_blocks_and_two_anchors_of_one_note_get_two_ids()
    {
        var first = new Block(BlockType.P, "one[1]", Start: 0);
        var second = new Block(BlockType.P, "two[1] three[2]", Start: 8);
        var notes = new[] { new Note("1", "x", [3, 11]), new Note("2", "y", [20]) };

        Assert.Single(BodySegments.Of(first, notes), s => s.Marker is not null);
        var markers = BodySegments.Of(second, notes).Select(s => s.Marker).OfType<NoteMarker>().ToList();
        Assert.Equal(["ref-1-2", "ref-2-1"], markers.Select(m => m.Id));
        Assert.Equal(["note-1", "note-2"], markers.Select(m => m.NoteId));
    }

    private static PassageMark Mark(int start, int end, PassageRelation relation = PassageRelation.Quotes) =>
        new(relation, start, end, $"/passages?at={start}", $"passage {start}-{end}");

    [Fact]
    public void Overlapping_passages_cut_the_text_so_each_run_lies_wholly_in_or_out_of_each_and_no_text_changes()
    {
        var block = new Block(BlockType.P, "one two three four five", Start: 100);
        var outer = Mark(100 + 4, 100 + 18);
        var crossing = Mark(100 + 8, 100 + 23, PassageRelation.Shared);

        var segments = BodySegments.Of(block, [], [crossing, outer]);

        Assert.Equal(["one ", "two ", "three four", " five"], segments.Select(s => s.Text));
        Assert.Equal(block.Text, string.Concat(segments.Select(s => s.Text)));
        Assert.Null(segments[0].Within);
        Assert.Equal([outer], segments[1].Within!);
        Assert.Equal([outer, crossing], segments[2].Within!);
        Assert.Equal([crossing], segments[3].Within!);
        Assert.Equal([outer], segments[1].Beginning!);
        Assert.Equal([crossing], segments[2].Beginning!);
        Assert.Equal([outer], segments[2].Ending!);
        Assert.Equal([crossing], segments[3].Ending!);
    }

    [Fact]
    public void A_passage_across_a_note_marker_and_two_blocks_begins_once_and_ends_once()
    {
        var first = new Block(BlockType.P, "alpha[1] beta", Start: 0);
        var second = new Block(BlockType.P, "gamma delta", Start: 15);
        var notes = new[] { new Note("1", "A note.", [5]) };
        var passage = Mark(2, 20);

        var one = BodySegments.Of(first, notes, [passage]);
        var two = BodySegments.Of(second, notes, [passage]);

        Assert.Equal(["al", "pha", "[1]", " beta"], one.Select(s => s.Text));
        Assert.Equal([false, true, true, true], one.Select(s => s.Within is not null));
        Assert.Equal(new NoteMarker(0, 0, "1"), one[2].Marker);
        Assert.Equal(["gamma", " delta"], two.Select(s => s.Text));
        Assert.Equal([true, false], two.Select(s => s.Within is not null));
        Assert.Single(one.Concat(two), s => s.Beginning is not null);
        Assert.Same(one[1], one.Single(s => s.Beginning is not null));
        Assert.Same(two[0], one.Concat(two).Single(s => s.Ending is not null));
    }
}
