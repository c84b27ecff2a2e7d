namespace Verbatim.Reading;

/// <summary>A received file: its name, its bytes as received, and its text once decoded.</summary>
/// <param name="Text">
/// The decoded text with line endings turned to "\n"; null when the bytes are not text
/// (<see cref="DecodingError"/> says why).
/// </param>
/// <param name="Encoding">The encoding the bytes were read as ("utf-8", "windows-1252").</param>
public sealed record SourceInput(
    string FileName,
    ReadOnlyMemory<byte> Bytes,
    string? Text,
    string? Encoding,
    string? DecodingError)
{
    /// <summary>What decoding had to guess or repair, located in the file.</summary>
    public IReadOnlyList<Model.Diagnostic> DecodingWarnings { get; init; } = [];
}
