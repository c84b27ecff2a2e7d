using Verbatim.Model;

namespace Verbatim.Web.Reading;

/// <summary>One window of a document's body: the blocks a page shows together, and the notes anchored in them.</summary>
/// <param name="Number">1-based.</param>
/// <param name="Blocks">Indexes into the document's body.</param>
/// <param name="Notes">Indexes into the document's notes.</param>
public sealed record BodyPart(int Number, int Count, Range Blocks, IReadOnlyList<int> Notes)
{
    public bool IsWhole => Count == 1;
}

/// <summary>Cuts a long body into parts of at most a number of characters, so no page has to hold all of it.</summary>
public static class BodyParts
{
    /// <summary>
    /// The part of that number; null past the last. Blocks are kept whole, so a block longer than
    /// a part is a part of its own. A note with no anchor in the body is shown with the last part.
    /// </summary>
    public static BodyPart? Of(IReadOnlyList<Block> body, IReadOnlyList<Note> notes, int number, int partCharacters)
    {
        var starts = Starts(body, partCharacters);
        if (number < 1 || number > starts.Count)
            return null;
        var first = starts[number - 1];
        var end = number < starts.Count ? starts[number] : body.Count;
        if (starts.Count == 1)
            return new BodyPart(1, 1, 0..end, [.. Enumerable.Range(0, notes.Count)]);
        var from = body[first].Start;
        var to = body[end - 1].Start + body[end - 1].Text.Length;
        var isLast = number == starts.Count;
        var shown = Enumerable.Range(0, notes.Count)
            .Where(n => notes[n].Anchors.Any(a => a >= from && a <= to) || (isLast && notes[n].Anchors.Count == 0));
        return new BodyPart(number, starts.Count, first..end, [.. shown]);
    }

    // The index of the first block of each part; a body with no blocks is one empty part.
    private static List<int> Starts(IReadOnlyList<Block> body, int partCharacters)
    {
        var starts = new List<int> { 0 };
        long filled = 0;
        for (var b = 0; b < body.Count; b++)
        {
            if (filled > 0 && filled + body[b].Text.Length > partCharacters)
            {
                starts.Add(b);
                filled = 0;
            }
            filled += body[b].Text.Length;
        }
        return starts;
    }
}
