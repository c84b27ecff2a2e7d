using Verbatim.Exporting;
using Verbatim.Parsing;
using Verbatim.Storage.Bagit;
using Verbatim.Storage.Ocfl;

namespace Verbatim.Archiving;

/// <summary>
/// Packages given to ingest: a BagIt bag, or another tool's OCFL storage root or object, each
/// validated whole before anything of it is read. An invalid one is refused with each of its
/// errors named (a bag's file and line, OCFL's code and path) and none of its files stored; a
/// valid one gives its files: a bag's payload, an OCFL object's head version under its logical
/// paths, with the object's id and the file's digest kept for the document's origin. Where a
/// document's folder holds a <see cref="BagExporter.SourceFolder"/> (as Verbatim's bags and
/// objects do), only what that folder holds is read: what stands beside it (document.json) was
/// derived from it.
/// </summary>
internal static class PackagedInput
{
    public static bool IsBag(string path) => Directory.Exists(path) && File.Exists(Path.Combine(path, "bagit.txt"));

    public static bool IsOcfl(string path) => Directory.Exists(path) && (ForeignObjects.IsObject(path) || ForeignObjects.IsStorageRoot(path));

    /// <summary>The files to ingest of the paths given, packages opened, and each invalid package's errors.</summary>
    public static (InputWalk Walk, List<IngestFailure> Refused) Walk(IEnumerable<string> paths, bool followLinks)
    {
        var given = paths.ToList();
        var refused = new List<IngestFailure>();
        var fromPackages = new List<InputFile>();
        foreach (var bag in given.Where(IsBag))
        {
            var report = BagValidator.Validate(bag);
            if (!report.Valid)
            {
                refused.AddRange(report.Errors.Select(e => new IngestFailure(e.File is null ? bag : Path.Join(bag, e.File), $"the bag is not valid, so nothing of it is stored: {e.Message}", e.Line)));
                continue;
            }
            var withSources = SourceFolders(report.Payload.Select(p => p.Path));
            fromPackages.AddRange(report.Payload.Where(p => !Derived(p.Path, withSources)).Select(p => new InputFile(p.File, Walked: true)));
        }
        foreach (var ocfl in given.Where(p => !IsBag(p) && IsOcfl(p)))
        {
            var report = OcflCheck.Validate(ocfl);
            if (!report.Valid)
            {
                refused.AddRange(report.Errors.Select(e => new IngestFailure(Path.Join(report.Path, e.Path), $"the OCFL {(report.Target == OcflTarget.Object ? "object" : "storage root")} is not valid, so nothing of it is stored: {e.Code} {e.Message}", null)));
                continue;
            }
            foreach (var foreign in ForeignObjects.Read(ocfl))
            {
                var withSources = SourceFolders(foreign.Files.Select(f => f.LogicalPath));
                fromPackages.AddRange(foreign.Files.Where(f => !Derived(f.LogicalPath, withSources)).Select(f => new InputFile(f.ContentFile, Walked: true)
                {
                    Name = f.LogicalPath[(f.LogicalPath.LastIndexOf('/') + 1)..],
                    Ocfl = (foreign.Id, $"{foreign.DigestAlgorithm}:{f.Digest}@{f.LogicalPath}"),
                }));
            }
        }
        var walk = FileParser.Walk(given.Where(p => !IsBag(p) && !IsOcfl(p)), followLinks);
        return (walk with { Files = [.. walk.Files, .. fromPackages] }, refused);
    }

    // The folders (written from a leading '/') that hold a source folder: "/data/ID" of "data/ID/source/NAME", "" of "source/NAME".
    private static HashSet<string> SourceFolders(IEnumerable<string> paths)
    {
        var folders = new HashSet<string>(StringComparer.Ordinal);
        foreach (var parts in paths.Select(p => ("/" + p).Split('/')))
        {
            if (parts.Length >= 3 && parts[^2] == BagExporter.SourceFolder)
                folders.Add(string.Join('/', parts[..^2]));
        }
        return folders;
    }

    // Derived: below a folder that holds a source folder, and not in that source folder.
    private static bool Derived(string path, HashSet<string> withSources)
    {
        var rooted = "/" + path;
        for (var end = rooted.LastIndexOf('/'); end >= 0; end = end == 0 ? -1 : rooted.LastIndexOf('/', end - 1))
        {
            var folder = rooted[..end];
            if (withSources.Contains(folder))
                return !rooted.StartsWith($"{folder}/{BagExporter.SourceFolder}/", StringComparison.Ordinal);
        }
        return false;
    }
}
