namespace Verbatim.Model;

/// <param name="Format">The reader's name ("mia-text", "tei", ...).</param>
/// <param name="FileName">The received file's name.</param>
/// <param name="FirstLine">For a part of a compilation: the first line of the file it came from.</param>
/// <param name="LastLine">For a part of a compilation: the last line of the file it came from.</param>
public sealed record SourceInfo(string Format, string? FileName = null, int? FirstLine = null, int? LastLine = null);
