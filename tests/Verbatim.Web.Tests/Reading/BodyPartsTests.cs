using Verbatim.Model;
using Verbatim.Web.Reading;

namespace Verbatim.Web.Tests.Reading;

public sealed class BodyPartsTests
{
    // Four blocks of ten characters, at offsets 0, 12, 24, 36.
    private static readonly Block[] Body = [.. Enumerable.Range(0, 4).Select(b => new Block(BlockType.P, new string((char)('a' + b), 10), Start: b * 12))];

    [Fact]
    public void A_short_body_is_one_part_with_every_note()
    {
        var notes = new[] { new Note("1", "x", [3]), new Note("2", "y", []) };
        var part = BodyParts.Of(Body, notes, 1, partCharacters: 1000)!;
        Assert.True(part.IsWhole);
        Assert.Equal(Body.Length, Body.Take(part.Blocks).Count());
        Assert.Equal([0, 1], part.Notes);
        Assert.Null(BodyParts.Of(Body, notes, 2, partCharacters: 1000));
    }

    [Fact]
    public void A_long_body_is_cut_between_blocks_and_each_part_has_the_notes_anchored_in_it()
    {
        var notes = new[] { new Note("1", "in the first block", [3]), new Note("2", "in the fourth", [40]), new Note("3", "anchored nowhere", []) };

        var first = BodyParts.Of(Body, notes, 1, partCharacters: 20)!;
        var second = BodyParts.Of(Body, notes, 2, partCharacters: 20)!;

        Assert.Equal(2, first.Count);
        Assert.Equal(["aaaaaaaaaa", "bbbbbbbbbb"], Body.Take(first.Blocks).Select(b => b.Text));
        Assert.Equal(["cccccccccc", "dddddddddd"], Body.Take(second.Blocks).Select(b => b.Text));
        Assert.Equal([0], first.Notes);
        Assert.Equal([1, 2], second.Notes);
        Assert.Null(BodyParts.Of(Body, notes, 3, partCharacters: 20));
    }

    [Fact]
    public void A_block_longer_than_a_part_is_a_part_of_its_own()
    {
        var part = BodyParts.Of(Body, [], 1, partCharacters: 5)!;
        Assert.Equal(4, part.Count);
        Assert.Single(Body.Take(part.Blocks));
    }
}
