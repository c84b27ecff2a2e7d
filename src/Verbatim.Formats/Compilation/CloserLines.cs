namespace Verbatim.Formats.Compilation;

/// <summary>
/// The lines that close an item of a compilation: a source or courtesy line, an "available at"
/// line, an archival shelfmark. They name where a text was printed or is kept, in words that
/// every item printed from one place shares.
/// </summary>
public static class CloserLines
{
    /// <summary>Whether the paragraph is one such line (<see cref="ParagraphClassifier.IsCloserLine"/>).</summary>
    public static bool IsCloser(string paragraph) => ParagraphClassifier.IsCloserLine(paragraph);
}
