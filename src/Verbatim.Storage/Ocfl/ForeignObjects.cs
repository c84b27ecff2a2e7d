namespace Verbatim.Storage.Ocfl;

/// <summary>A file of an OCFL object's head version: its logical path, where its bytes lie, and its digest in the inventory.</summary>
public sealed record ForeignFile(string LogicalPath, string ContentFile, string Digest);

/// <summary>An OCFL object as another tool made it: its id, its inventory's digest algorithm, and its head version's files.</summary>
public sealed record ForeignObject(string Id, string Root, string DigestAlgorithm, string Head, IReadOnlyList<ForeignFile> Files);

/// <summary>
/// Reads the objects of any OCFL storage root, or one object, whatever layout placed them: a
/// folder holding an object declaration (0=ocfl_object_1.x) is an object, and the walk does not
/// go into it. Validation is the validator's (<see cref="OcflValidator"/>); this reads what a
/// valid object's head version holds.
/// </summary>
public static class ForeignObjects
{
    public static bool IsObject(string folder) => Directory.EnumerateFiles(folder, "0=ocfl_object_*").Any();

    public static bool IsStorageRoot(string folder) => Directory.EnumerateFiles(folder, "0=ocfl_1.*").Any();

    /// <summary>The objects of a storage root (or the one object), in the order of their paths.</summary>
    public static IEnumerable<ForeignObject> Read(string folder)
    {
        var pending = new Stack<string>([Path.GetFullPath(folder)]);
        var roots = new List<string>();
        while (pending.TryPop(out var current))
        {
            if (IsObject(current))
            {
                roots.Add(current);
                continue;
            }
            foreach (var child in Directory.EnumerateDirectories(current))
                pending.Push(child);
        }
        foreach (var root in roots.Order(StringComparer.Ordinal))
            yield return ReadObject(root);
    }

    private static ForeignObject ReadObject(string root)
    {
        var inventory = Inventory.FromJson(File.ReadAllBytes(Path.Combine(root, "inventory.json")));
        var head = inventory.Versions[inventory.Head];
        var manifest = new Dictionary<string, List<string>>(inventory.Manifest, StringComparer.OrdinalIgnoreCase);
        var files = new List<ForeignFile>();
        foreach (var (digest, logicalPaths) in head.State.OrderBy(s => s.Value[0], StringComparer.Ordinal))
        {
            // Any content path of the digest holds the bytes; the validator has checked them all.
            var content = Path.Combine(root, manifest[digest][0].Replace('/', Path.DirectorySeparatorChar));
            files.AddRange(logicalPaths.Select(logical => new ForeignFile(logical, content, digest)));
        }
        return new ForeignObject(inventory.Id, root, inventory.DigestAlgorithm, inventory.Head, [.. files.OrderBy(f => f.LogicalPath, StringComparer.Ordinal)]);
    }
}
