namespace Verbatim.Model;

/// <summary>
/// A pointer the source makes (TEI &lt;ref target&gt;, &lt;ptr&gt;): to a diary entry, another letter,
/// a web page. Where the pointer has no words of its own it adds nothing to the text; it is kept
/// here so that nothing the source said is lost.
/// </summary>
/// <param name="Target">The source's target, as written ("1896-02-04", "L02709", a URI).</param>
/// <param name="Type">What the target is, in the source's own word ("schnitzler-tagebuch").</param>
/// <param name="Subtype">How the source prints it ("date-only", "See", "cf").</param>
/// <param name="At">Where the pointer stood: an offset in <see cref="Document.BodyText"/>, or in the note's text when <paramref name="Note"/> is given.</param>
/// <param name="Note">The marker (<see cref="Model.Note.N"/>) of the note the pointer stands in.</param>
/// <param name="Text">The pointer's own words, where it has some (they are in the text as well).</param>
public sealed record Link(string Target, string? Type, string? Subtype, int At, string? Note = null, string? Text = null);
