using Verbatim.Model;

namespace Verbatim.Web.Reading;

/// <summary>A footnote marker in the body: which note (0-based), which of its anchors (0-based), and the marker as printed.</summary>
public sealed record NoteMarker(int Note, int Anchor, string Label)
{
    public string Id => $"ref-{Note + 1}-{Anchor + 1}";

    public string NoteId => $"note-{Note + 1}";
}

/// <summary>A run of a block's text, or a footnote marker standing in the text.</summary>
public sealed record BodySegment(string Text, NoteMarker? Marker = null);

/// <summary>Cuts each block of a body at its notes' anchors, so a page can link every marker to its note.</summary>
public static class BodySegments
{
    /// <remarks>
    /// An anchor points at the '[' of a marker the source printed ("[1]"); that marker becomes the
    /// link. Where the text at the anchor is not the note's printed marker, the link is inserted
    /// there without taking any of the text, so no word of the source is ever hidden.
    /// </remarks>
    public static IReadOnlyList<BodySegment> Of(Block block, IReadOnlyList<Note> notes)
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

        var segments = new List<BodySegment>();
        var position = 0;
        foreach (var (offset, marker) in markers)
        {
            if (offset < position)
                continue;
            if (offset > position)
                segments.Add(new BodySegment(block.Text[position..offset]));
            var printed = "[" + marker.Label + "]";
            var takesPrinted = string.CompareOrdinal(block.Text, offset, printed, 0, printed.Length) == 0;
            segments.Add(new BodySegment(printed, marker));
            position = takesPrinted ? offset + printed.Length : offset;
        }
        if (position < block.Text.Length)
            segments.Add(new BodySegment(block.Text[position..]));
        return segments;
    }
}
