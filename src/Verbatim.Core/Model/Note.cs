namespace Verbatim.Model;

/// <param name="N">The note's marker as printed ("1").</param>
/// <param name="Anchors">Offsets in <see cref="Document.BodyText"/> of every marker that refers to the note.</param>
/// <param name="Type">
/// Whose note it is, in the source's own word, where the source says ("commentary" and "textConst"
/// are an editor's, "footnote" is printed on the original itself).
/// </param>
public sealed record Note(string N, string Text, IReadOnlyList<int> Anchors, string? Type = null);
