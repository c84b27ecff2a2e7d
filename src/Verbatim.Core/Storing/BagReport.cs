namespace Verbatim.Storing;

/// <summary>What a bag's validation found: an error makes it invalid, a warning does not.</summary>
/// <param name="File">The file of the bag it is about, relative to the bag's folder, with '/'.</param>
/// <param name="Line">The line of a tag file it is about (1-based), where there is one.</param>
public sealed record BagFinding(string Message, string? File = null, int? Line = null)
{
    public override string ToString() => File is null ? Message : Line is { } line ? $"{File}:{line}: {Message}" : $"{File}: {Message}";
}

/// <summary>A bag as its validation read it, with what it found.</summary>
/// <param name="Version">The BagIt version bagit.txt declares, where it could be read.</param>
/// <param name="Info">bag-info.txt's labels (as written) and their values, in order; a label may repeat.</param>
/// <param name="Payload">Every payload file the manifests list and the bag holds: its path in the bag ("data/...") and its full path on disk.</param>
public sealed record BagReport(
    string Folder,
    string? Version,
    IReadOnlyList<BagFinding> Errors,
    IReadOnlyList<BagFinding> Warnings,
    IReadOnlyList<KeyValuePair<string, string>> Info,
    IReadOnlyList<(string Path, string File)> Payload)
{
    public bool Valid => Errors.Count == 0;
}
