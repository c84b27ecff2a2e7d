using Verbatim.Model;
using Verbatim.Web.Pages;
using Verbatim.Web.Reading;

namespace Verbatim.Web.Tests.Pages;

public sealed class PassageMarksTests
{
    // Three blocks of ten characters: "aaaa bbbb\n\ncccc dddd\n\neeee ffff", starting at 0, 11 and 22.
    private static readonly Document Letter = new()
    {
        Id = "here",
        Title = "A letter",
        Body = [new Block(BlockType.P, "aaaa bbbb", 0), new Block(BlockType.P, "cccc dddd", 11), new Block(BlockType.P, "eeee ffff", 22)],
    };

    private static SharedPassage Quoting(int start, int length, int matchedWords, int sourceLength) =>
        new(new QuoteLink("there", 100, sourceLength, "here", start, length, matchedWords, "by-date"), null);

    [Fact]
    public void A_passage_cut_by_the_part_is_marked_within_it_and_says_where_it_runs_on()
    {
        var middle = new BodyPart(2, 3, 1..2, []);
        var across = Quoting(5, 21, 4, 21);

        var mark = Assert.Single(PassageMarks.InPart(Letter, middle, [across], [], []));

        Assert.Equal((11, 20), (mark.Start, mark.End));
        Assert.Equal(PassageRelation.Quotes, mark.Relation);
        Assert.Equal("Quotes there, word for word (4 words) (it begins in an earlier part) (it runs on into the next part)", mark.Label);
        Assert.Equal(Links.Passage(across.Link), mark.Href);
    }

    [Fact]
    public void Passages_outside_the_part_are_not_marked_and_the_label_says_how_faithfully_each_is_given()
    {
        var first = new BodyPart(1, 3, 0..1, []);
        var later = Quoting(22, 9, 2, 9);
        var changed = Quoting(0, 9, 1, 9);
        var respelled = new SharedPassage(new QuoteLink("here", 0, 9, "there", 40, 12, 2, "by-date"), null);

        var marks = PassageMarks.InPart(Letter, first, [later, changed], [respelled], []);

        Assert.Equal(
            ["Quotes there, with differences: 1 of 2 words equal", "Quoted in there, every word equal (2 words) but not character for character"],
            marks.Select(m => m.Label));
        Assert.Equal([PassageRelation.Quotes, PassageRelation.QuotedIn], marks.Select(m => m.Relation));
    }
}
