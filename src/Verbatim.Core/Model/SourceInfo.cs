namespace Verbatim.Model;

/// <param name="Format">The reader's name ("mia-text", "tei", ...).</param>
/// <param name="FileName">The received file's name.</param>
/// <param name="FirstLine">For a part of a compilation: the first line of the file it came from.</param>
/// <param name="LastLine">For a part of a compilation: the last line of the file it came from.</param>
/// <param name="Encoding">The encoding the bytes were read as, when it was not UTF-8 ("windows-1252", "utf-16le").</param>
public sealed record SourceInfo(string Format, string? FileName = null, int? FirstLine = null, int? LastLine = null, string? Encoding = null)
{
    /// <summary>Where the file came from another tool's OCFL object: that object's id.</summary>
    public string? OcflObject { get; init; }

    /// <summary>With <see cref="OcflObject"/>: the file's digest in that object's inventory, "ALGORITHM:HEX", and its logical path after "@".</summary>
    public string? OcflDigest { get; init; }
}
