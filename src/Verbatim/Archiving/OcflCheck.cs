using Verbatim.Storage.Ocfl;
using Verbatim.Storing;

namespace Verbatim.Archiving;

/// <summary>What was validated: an OCFL storage root or a single object.</summary>
public enum OcflTarget
{
    StorageRoot,
    Object,
}

/// <param name="Errors">Violations of a MUST of the specification; any one makes the target invalid.</param>
/// <param name="Warnings">Departures from a SHOULD; reported, never invalidating.</param>
public sealed record OcflReport(string Path, OcflTarget Target, int ObjectsChecked, IReadOnlyList<AuditFinding> Errors, IReadOnlyList<AuditFinding> Warnings)
{
    public bool Valid => Errors.Count == 0;
}

/// <summary>
/// Validates any OCFL 1.0 or 1.1 storage root or object on disk, Verbatim's or another tool's,
/// against the specification, every digest recomputed.
/// </summary>
public static class OcflCheck
{
    /// <summary>
    /// Decides what the folder is by its declaration: "0=ocfl_object_*" makes it an object,
    /// anything else (a root declaration, or none, which the validator reports as E069) a
    /// storage root. A Verbatim archive folder stands for its store.
    /// </summary>
    public static OcflReport Validate(string path)
    {
        var full = System.IO.Path.GetFullPath(path);
        if (!Directory.Exists(full))
            throw new ArchiveException(File.Exists(full) ? $"{path} is a file; give the folder of an OCFL object or storage root" : $"no folder at {path}");
        var archive = new ArchiveLayout(full);
        if (File.Exists(archive.Marker))
            full = archive.Store;
        var isObject = Directory.EnumerateFiles(full, "0=ocfl_object_*").Any();
        var result = isObject ? OcflValidator.ValidateObject(full) : OcflValidator.ValidateStorageRoot(full);
        return new OcflReport(full, isObject ? OcflTarget.Object : OcflTarget.StorageRoot, result.ObjectsChecked,
            [.. result.Errors.Select(i => i.ToFinding())], [.. result.Warnings.Select(i => i.ToFinding())]);
    }
}
