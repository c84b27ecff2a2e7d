using Verbatim.Model;
using Verbatim.Text.Tokens;
using Verbatim.Web.Reading;

namespace Verbatim.Web.Pages;

/// <summary>Places the passages a document shares with others in the text of the part of it a page shows.</summary>
public static class PassageMarks
{
    /// <remarks>
    /// A passage is cut to the part's blocks, and its label says where it runs on beyond them.
    /// How faithfully it is given comes from what the catalog holds (the words the detector found
    /// equal against the words of this side, and the two sides' lengths), so a page never aligns
    /// passages while it renders: the work is one word count per passage shown.
    /// </remarks>
    public static IReadOnlyList<PassageMark> InPart(
        Document document,
        BodyPart part,
        IReadOnlyList<SharedPassage> quotes,
        IReadOnlyList<SharedPassage> quotedIn,
        IReadOnlyList<SharedPassage> sharedWith)
    {
        if (part.Blocks.End.GetOffset(document.Body.Count) <= part.Blocks.Start.GetOffset(document.Body.Count)
            || quotes.Count + quotedIn.Count + sharedWith.Count == 0)
            return [];
        var blocks = document.Body.Take(part.Blocks).ToList();
        var (from, to) = (blocks[0].Start, blocks[^1].Start + blocks[^1].Text.Length);
        var text = document.BodyText;
        var marks = new List<PassageMark>();
        foreach (var (passages, relation) in new[] { (quotes, PassageRelation.Quotes), (quotedIn, PassageRelation.QuotedIn), (sharedWith, PassageRelation.Shared) })
        {
            foreach (var shared in passages)
            {
                var link = shared.Link;
                var hereIsTarget = relation switch
                {
                    PassageRelation.Quotes => true,
                    PassageRelation.QuotedIn => false,
                    _ => link.TargetId == document.Id,
                };
                var (start, length) = hereIsTarget ? (link.TargetStart, link.TargetLength) : (link.SourceStart, link.SourceLength);
                var end = Math.Min(start + length, text.Length);
                if (start >= to || end <= from || start >= end)
                    continue;
                var label = Relation(relation, shared, hereIsTarget) + Faithfulness(link, text[start..end])
                    + (start < from ? " (it begins in an earlier part)" : "")
                    + (end > to ? " (it runs on into the next part)" : "");
                marks.Add(new PassageMark(relation, Math.Max(start, from), Math.Min(end, to), Links.Passage(link), label));
            }
        }
        return marks;
    }

    private static string Relation(PassageRelation relation, SharedPassage shared, bool hereIsTarget)
    {
        var link = shared.Link;
        var other = link.SourceId == link.TargetId
            ? (hereIsTarget ? "an earlier place in this document" : "a later place in this document")
            : shared.Other?.Title ?? (hereIsTarget ? link.SourceId : link.TargetId);
        return relation switch
        {
            PassageRelation.Quotes => "Quotes " + other,
            PassageRelation.QuotedIn => "Quoted in " + other,
            _ => "Shares a passage with " + other,
        };
    }

    // Words are compared in their normal form, so every word equal on sides of unequal length
    // still differs in spelling, punctuation or spacing; word for word only where neither differs.
    private static string Faithfulness(QuoteLink link, string passage)
    {
        var words = Math.Max(Tokeniser.Tokenise(passage).Count, link.MatchedWords);
        if (words > link.MatchedWords)
            return $", with differences: {link.MatchedWords} of {words} words equal";
        return link.SourceLength == link.TargetLength
            ? $", word for word ({words} words)"
            : $", every word equal ({words} words) but not character for character";
    }
}
