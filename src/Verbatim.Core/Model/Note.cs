namespace Verbatim.Model;

/// <param name="N">The note's marker as printed ("1").</param>
/// <param name="Anchors">Offsets in <see cref="Document.BodyText"/> of every marker that refers to the note.</param>
public sealed record Note(string N, string Text, IReadOnlyList<int> Anchors);
