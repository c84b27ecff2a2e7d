namespace Verbatim.Text.Reuse;

/// <summary>A document to search for reuse: its id, its text (offsets point into it) and, when known, its date.</summary>
public sealed record ReuseDocument(string Id, string Text, DateOnly? Date = null);
