using Verbatim.Exporting;
using Verbatim.Parsing;
using Verbatim.Storage.Bagit;

namespace Verbatim.Archiving;

/// <summary>
/// A bag given to ingest: validated whole before anything of it is read. An invalid bag is
/// refused with each of its errors named (file and line) and none of its files stored; a valid
/// one gives its payload files. Where a document's folder holds a <see cref="BagExporter.SourceFolder"/>
/// (as Verbatim's bags do), only what that folder holds is read: what stands beside it
/// (document.json) was derived from it.
/// </summary>
internal static class BagInput
{
    public static bool IsBag(string path) => Directory.Exists(path) && File.Exists(Path.Combine(path, "bagit.txt"));

    /// <summary>The files to ingest of the paths given, bags opened, and each invalid bag's errors.</summary>
    public static (InputWalk Walk, List<IngestFailure> Refused) Walk(IEnumerable<string> paths, bool followLinks)
    {
        var given = paths.ToList();
        var refused = new List<IngestFailure>();
        var fromBags = new List<InputFile>();
        foreach (var bag in given.Where(IsBag))
        {
            var report = BagValidator.Validate(bag);
            if (!report.Valid)
            {
                refused.AddRange(report.Errors.Select(e => new IngestFailure(e.File is null ? bag : Path.Join(bag, e.File), $"the bag is not valid, so nothing of it is stored: {e.Message}", e.Line)));
                continue;
            }
            var withSources = report.Payload
                .Where(p => p.Path.Split('/') is { Length: >= 4 } parts && parts[^2] == BagExporter.SourceFolder)
                .Select(p => p.Path[..p.Path.LastIndexOf($"/{BagExporter.SourceFolder}/", StringComparison.Ordinal)])
                .ToHashSet(StringComparer.Ordinal);
            fromBags.AddRange(report.Payload.Where(p => !Derived(p.Path, withSources)).Select(p => new InputFile(p.File, Walked: true)));
        }
        var walk = FileParser.Walk(given.Where(p => !IsBag(p)), followLinks);
        return (walk with { Files = [.. walk.Files, .. fromBags] }, refused);
    }

    // Derived: below a folder that holds a source folder, and not in that source folder.
    private static bool Derived(string path, HashSet<string> withSources)
    {
        for (var end = path.LastIndexOf('/'); end > 0; end = path.LastIndexOf('/', end - 1))
        {
            var folder = path[..end];
            if (withSources.Contains(folder))
                return !path.StartsWith($"{folder}/{BagExporter.SourceFolder}/", StringComparison.Ordinal);
        }
        return false;
    }
}
