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
}
