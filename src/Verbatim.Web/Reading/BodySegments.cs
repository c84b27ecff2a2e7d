using Verbatim.Model;

namespace Verbatim.Web.Reading;

/// <summary>A footnote marker in the body: which note (0-based), which of its anchors (0-based), and the marker as printed.</summary>
public sealed record NoteMarker(int Note, int Anchor, string Label)
{
    public string Id => $"ref-{Note + 1}-{Anchor + 1}";

    public string NoteId => $"note-{Note + 1}";
}

/// <summary>
/// A run of a block's text, or a footnote marker standing in the text. <see cref="Within"/> are the
/// shared passages the run lies in, outermost first; <see cref="Beginning"/> and <see cref="Ending"/>
/// the passages that begin at its start or end at its end. Null stands for none.
/// </summary>
public sealed record BodySegment(
    string Text,
    NoteMarker? Marker = null,
    IReadOnlyList<PassageMark>? Within = null,
    IReadOnlyList<PassageMark>? Beginning = null,
    IReadOnlyList<PassageMark>? Ending = null);

/// <summary>Cuts each block of a body at its notes' anchors, so a page can link every marker to its note.</summary>
public static class BodySegments
{
    /// <remarks>
    /// An anchor points at the '[' of a marker the source printed ("[1]"); that marker becomes the
    /// link. Where the text at the anchor is not the note's printed marker, the link is inserted
    /// there without taking any of the text, so no word of the source is ever hidden.
    /// </remarks>
    /// <param name="passages">
    /// Shared passages to mark, by offsets in the body text; a block's runs are cut wherever one
    /// begins or ends, so each run lies wholly inside or wholly outside every passage and the marks
    /// nest without crossing. A printed note marker is never cut: it counts as inside a passage that
    /// holds its first character.
    /// </param>
    public static IReadOnlyList<BodySegment> Of(Block block, IReadOnlyList<Note> notes, IReadOnlyList<PassageMark>? passages = null)
    {
        var markers = new List<(int Offset, NoteMarker Marker)>();
        for (var n = 0; n < notes.Count; n++)
        {
            for (var a = 0; a < notes[n].Anchors.Count; a++)
            {
                var local = notes[n].Anchors[a] - block.Start;
                if (local >= 0 && local <= block.Text.Length)
                    markers.Add((local, new NoteMarker(n, a, notes[n].N)));
            }
        }
        markers.Sort((x, y) => x.Offset != y.Offset ? x.Offset.CompareTo(y.Offset) : x.Marker.Note.CompareTo(y.Marker.Note));

        var marks = PassagesIn(block, passages);
        var segments = new List<BodySegment>();
        var position = 0;
        foreach (var (offset, marker) in markers)
        {
            if (offset < position)
                continue;
            if (offset > position)
                AddText(segments, block, position, offset, marks);
            var printed = "[" + marker.Label + "]";
            var takesPrinted = string.CompareOrdinal(block.Text, offset, printed, 0, printed.Length) == 0;
            var end = takesPrinted ? offset + printed.Length : offset;
            segments.Add(Marked(new BodySegment(printed, marker), block.Start + offset, block.Start + end, marks));
            position = end;
        }
        if (position < block.Text.Length)
            AddText(segments, block, position, block.Text.Length, marks);
        return segments;
    }

    // The passages that hold at least one character of the block, outermost first: by start, the longer first.
    private static List<PassageMark> PassagesIn(Block block, IReadOnlyList<PassageMark>? passages)
    {
        var end = block.Start + block.Text.Length;
        var marks = passages?.Where(p => p.Start < end && p.End > block.Start && p.End > p.Start).ToList() ?? [];
        marks.Sort((x, y) => x.Start != y.Start ? x.Start.CompareTo(y.Start) : y.End.CompareTo(x.End));
        return marks;
    }

    private static void AddText(List<BodySegment> segments, Block block, int from, int to, List<PassageMark> marks)
    {
        var cuts = new SortedSet<int> { from, to };
        foreach (var mark in marks)
        {
            foreach (var at in new[] { mark.Start - block.Start, mark.End - block.Start })
            {
                if (at > from && at < to)
                    cuts.Add(at);
            }
        }
        var previous = from;
        foreach (var cut in cuts.Skip(1))
        {
            segments.Add(Marked(new BodySegment(block.Text[previous..cut]), block.Start + previous, block.Start + cut, marks));
            previous = cut;
        }
    }

    // A run from start to end (body offsets; equal where a marker takes no text) with the passages
    // it overlaps; a run of text is cut at every passage edge, so for text overlapping means lying inside.
    private static BodySegment Marked(BodySegment segment, int start, int end, List<PassageMark> marks)
    {
        if (marks.Count == 0)
            return segment;
        var within = end > start
            ? marks.Where(m => m.Start < end && m.End > start).ToList()
            : marks.Where(m => m.Start <= start && m.End > start).ToList();
        var beginning = within.Where(m => m.Start >= start && (m.Start < end || m.Start == start)).ToList();
        var ending = end > start ? within.Where(m => m.End <= end).ToList() : [];
        return segment with
        {
            Within = within.Count == 0 ? null : within,
            Beginning = beginning.Count == 0 ? null : beginning,
            Ending = ending.Count == 0 ? null : ending,
        };
    }
}
