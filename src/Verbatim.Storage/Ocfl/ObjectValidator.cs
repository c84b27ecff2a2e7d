using System.Text;
using System.Text.RegularExpressions;

namespace Verbatim.Storage.Ocfl;

/// <summary>
/// Validates one OCFL object root (specification 3) against the disk: the declaration, the root
/// inventory and its sidecar, the files and directories allowed in the root, every version
/// directory with its inventory, and every content file against the manifest and fixity.
/// Locations are relative to the object root.
/// </summary>
internal sealed partial class ObjectValidator
{
    private const string InventoryFile = "inventory.json";
    private const string SidecarPrefix = "inventory.json.";

    private readonly string _root;
    private readonly bool _checkDigests;
    private readonly ValidationResult _r = new();
    private readonly Dictionary<(string Path, string Algorithm), string> _digests = [];
    private readonly HashSet<string> _reportedUnsupported = new(StringComparer.Ordinal);

    private ObjectValidator(string root, bool checkDigests)
    {
        _root = root;
        _checkDigests = checkDigests;
    }

    /// <summary>The object's declared specification version, when its declaration could be read.</summary>
    public SpecVersion? Declared { get; private set; }

    /// <summary>The root inventory as far as it could be read, for a storage root's own checks.</summary>
    public Inventory? RootInventory { get; private set; }

    public static ObjectValidator Run(string objectRoot, bool checkDigests, out ValidationResult result)
    {
        var v = new ObjectValidator(objectRoot, checkDigests);
        v.Validate();
        result = v._r;
        return v;
    }

    private void Validate()
    {
        if (!Directory.Exists(_root))
        {
            _r.Error("E003", "", $"there is no directory at {_root}, so no object declaration");
            return;
        }
        _r.CountObject();
        var (files, dirs) = List(_root, "");
        CheckDeclaration(files);

        InventoryRead? root = null;
        if (files.Contains(InventoryFile))
        {
            root = InventoryReader.Read(File.ReadAllBytes(Path.Combine(_root, InventoryFile)), InventoryFile, isRoot: true, _r);
        }
        else
        {
            _r.Error("E063", "", "the object root has no inventory.json");
        }
        if (root is not null)
        {
            RootInventory = root.Inventory;
            CheckDeclaredType(root);
            CheckSidecar("", files, root);
        }
        CheckRootEntries(files, dirs, root);
        if (dirs.Contains("extensions"))
            CheckExtensions();
        if (root is not null)
            CheckVersions(root, dirs);
    }

    private void CheckDeclaration(IReadOnlySet<string> files)
    {
        var declarations = files.Where(f => f.StartsWith("0=", StringComparison.Ordinal)).Order(StringComparer.Ordinal).ToList();
        if (declarations.Count == 0)
            _r.Error("E003", "", "the object root has no version declaration (0=ocfl_object_1.1)");
        else if (declarations.Count > 1)
            _r.Error("E003", "", $"the object root has {declarations.Count} version declarations ({string.Join(", ", declarations)}); there must be exactly one");
        foreach (var name in declarations)
        {
            var version = Spec.FromObjectDeclaration(name);
            if (version is null)
            {
                _r.Error("E006", name, "the declaration must be named 0=ocfl_object_ followed by a specification version this validator knows (1.0 or 1.1)");
                continue;
            }
            var expected = Encoding.UTF8.GetBytes(name[2..] + "\n");
            if (!File.ReadAllBytes(Path.Combine(_root, name)).AsSpan().SequenceEqual(expected))
                _r.Error("E007", name, $"the declaration must contain exactly \"{name[2..]}\" and a newline");
            Declared ??= version;
        }
    }

    private void CheckDeclaredType(InventoryRead root)
    {
        if (Declared is { } declared && root.Spec is { } spec && spec != declared)
            _r.Error("E038", InventoryFile, $"\"type\" is \"{root.Inventory.Type}\" but the object declares OCFL {Spec.Number(declared)} ({Spec.InventoryType(declared)})");
    }

    /// <summary>Checks the sidecar beside an inventory (E058, E061, E060); <paramref name="dir"/> is "" or a version name.</summary>
    private void CheckSidecar(string dir, IReadOnlySet<string> files, InventoryRead inventory)
    {
        if (!inventory.HasDigestAlgorithm)
            return;
        var algorithm = inventory.Inventory.DigestAlgorithm;
        var name = SidecarPrefix + algorithm;
        var location = OcflPaths.Join(dir, name);
        if (!files.Contains(name))
        {
            _r.Error("E058", OcflPaths.Join(dir, InventoryFile), $"the inventory has no sidecar {name}");
            return;
        }
        var match = SidecarPattern().Match(File.ReadAllText(Path.Combine(_root, dir, name)));
        if (!match.Success)
        {
            _r.Error("E061", location, "the sidecar must read \"DIGEST inventory.json\": a hex digest, whitespace, and the inventory's name");
            return;
        }
        if (!Digests.IsSupported(algorithm))
            return;
        var actual = Digests.Compute(algorithm, inventory.Bytes);
        if (!Digests.AreEqual(actual, match.Groups[1].Value))
            _r.Error("E060", location, $"the sidecar gives {InventoryReader.Short(match.Groups[1].Value)} but the inventory's {algorithm} digest is {InventoryReader.Short(actual)}");
    }

    private void CheckRootEntries(IReadOnlySet<string> files, IReadOnlySet<string> dirs, InventoryRead? root)
    {
        var sidecar = root is { HasDigestAlgorithm: true } ? SidecarPrefix + root.Inventory.DigestAlgorithm : null;
        foreach (var file in files.Order(StringComparer.Ordinal))
        {
            var expected = file == InventoryFile
                || file.StartsWith("0=", StringComparison.Ordinal)
                || file == sidecar
                // Without a readable digestAlgorithm no sidecar name is wrong.
                || (sidecar is null && file.StartsWith(SidecarPrefix, StringComparison.Ordinal));
            if (!expected)
                _r.Error("E001", file, "the object root may hold only the declaration, inventory.json, its sidecar, version directories, logs and extensions; this file is none of those");
        }
        foreach (var dir in dirs.Order(StringComparer.Ordinal))
        {
            if (dir is not ("logs" or "extensions") && !OcflPaths.TryParseVersion(dir, out _, out _))
                _r.Error("E001", dir, "the object root may hold only version directories (v1, v2, …), logs and extensions; this directory is none of those");
        }
    }

    private void CheckExtensions()
    {
        var (files, dirs) = List(Path.Combine(_root, "extensions"), "extensions");
        foreach (var file in files.Order(StringComparer.Ordinal))
            _r.Error("E067", "extensions/" + file, "the extensions directory may hold only extension sub-directories, not files");
        foreach (var dir in dirs.Order(StringComparer.Ordinal).Where(d => !RegisteredExtensions.Contains(d)))
            _r.Warning("W013", "extensions/" + dir, $"\"{dir}\" is not a registered extension name");
    }

    private void CheckVersions(InventoryRead root, IReadOnlySet<string> rootDirs)
    {
        var inventory = root.Inventory;
        var onDisk = rootDirs.Where(d => OcflPaths.TryParseVersion(d, out _, out _)).ToHashSet(StringComparer.Ordinal);
        foreach (var dir in onDisk.Where(d => !inventory.Versions.ContainsKey(d)).Order(StringComparer.Ordinal))
            _r.Error("E046", dir, $"the directory looks like a version but the root inventory's \"versions\" has no \"{dir}\"");
        foreach (var (name, _) in root.OrderedVersions.Where(v => !onDisk.Contains(v.Name)))
            _r.Error("E010", name, $"the root inventory lists version \"{name}\" but its directory is missing");

        // An unsafe content directory name (E017, E018) is reported; the disk is then read as if it were the default.
        var contentDir = InventoryReader.IsSoundContentDirectory(inventory.ContentDirectory) ? inventory.ContentDirectoryName : Inventory.DefaultContentDirectory;
        var head = root.HighestVersion;
        var existing = new SortedSet<string>(StringComparer.Ordinal);
        SpecVersion? previous = null;
        // Ascending order matters: each version inventory is judged against the content of its own
        // and earlier versions, which is what `existing` holds when that version is reached.
        foreach (var (name, _) in root.OrderedVersions.Where(v => onDisk.Contains(v.Name)))
        {
            var versionInventory = CheckVersionDirectory(name, contentDir, root, existing);
            if (versionInventory is null)
                continue;
            CompareWithRoot(name, versionInventory, root, head, existing);
            if (versionInventory.Spec is not { } now)
                continue;
            if (previous is { } before && now < before)
                _r.Error("E103", versionInventory.Location, $"{name} conforms to OCFL {Spec.Number(now)}, earlier than OCFL {Spec.Number(before)} of an earlier version");
            previous = previous is { } p && p > now ? p : now;
        }
        if (previous is { } last && root.Spec is { } current && current < last)
            _r.Error("E103", InventoryFile, $"the root inventory conforms to OCFL {Spec.Number(current)}, earlier than OCFL {Spec.Number(last)} of the last version inventory");

        if (root.ManifestSound)
        {
            var listed = inventory.Manifest.Values.SelectMany(p => p).ToHashSet(StringComparer.Ordinal);
            foreach (var path in existing.Where(p => !listed.Contains(p)))
                _r.Error("E023", path, "the content file is not in the root inventory's manifest");
            _r.CountContentFiles(existing.Count(listed.Contains));
            VerifyManifest(inventory, InventoryFile);
        }
        VerifyFixity(inventory, InventoryFile);
    }

    /// <summary>
    /// Checks one version directory's entries and content (adding its content files to
    /// <paramref name="existing"/>) and reads its inventory, if it has one.
    /// </summary>
    private InventoryRead? CheckVersionDirectory(string name, string contentDir, InventoryRead root, SortedSet<string> existing)
    {
        var (files, dirs) = List(Path.Combine(_root, name), name);
        foreach (var dir in dirs.Where(d => d != contentDir).Order(StringComparer.Ordinal))
            _r.Warning("W002", OcflPaths.Join(name, dir), $"a version directory should hold no directory but its content directory \"{contentDir}\"");
        if (dirs.Contains(contentDir))
            ScanContent(name, contentDir, existing);

        InventoryRead? inventory = null;
        if (files.Contains(InventoryFile))
        {
            var bytes = File.ReadAllBytes(Path.Combine(_root, name, InventoryFile));
            var location = OcflPaths.Join(name, InventoryFile);
            // A copy of the root inventory has the root's problems, which are reported once, there.
            inventory = bytes.AsSpan().SequenceEqual(root.Bytes)
                ? root.At(location)
                : InventoryReader.Read(bytes, location, isRoot: false, _r);
            if (inventory is not null)
                CheckSidecar(name, files, inventory);
        }
        else
        {
            _r.Warning("W010", name, "the version directory has no inventory.json");
        }
        var sidecar = inventory is { HasDigestAlgorithm: true } ? SidecarPrefix + inventory.Inventory.DigestAlgorithm : null;
        foreach (var file in files.Order(StringComparer.Ordinal))
        {
            var expected = file == InventoryFile
                || file == sidecar
                || (sidecar is null && inventory is not null && file.StartsWith(SidecarPrefix, StringComparison.Ordinal));
            if (!expected)
                _r.Error("E015", OcflPaths.Join(name, file), "a version directory may hold only inventory.json, its sidecar and the content directory; content files belong in the content directory");
        }
        return inventory;
    }

    private void ScanContent(string version, string contentDir, SortedSet<string> existing)
    {
        var start = existing.Count;
        var pending = new Stack<string>();
        pending.Push(OcflPaths.Join(version, contentDir));
        while (pending.Count > 0)
        {
            var rel = pending.Pop();
            var (files, dirs) = List(Path.Combine(_root, rel), rel);
            foreach (var file in files)
                existing.Add(OcflPaths.Join(rel, file));
            foreach (var dir in dirs)
                pending.Push(OcflPaths.Join(rel, dir));
            if (files.Count == 0 && dirs.Count == 0 && rel != OcflPaths.Join(version, contentDir))
                _r.Error("E024", rel, "empty directories must not appear within a content directory");
        }
        if (existing.Count == start)
            _r.Warning("W003", OcflPaths.Join(version, contentDir), "the content directory holds no files; a version without content should not have one");
    }

    /// <summary>Holds a version directory's inventory against the root inventory (3.7).</summary>
    private void CompareWithRoot(string name, InventoryRead version, InventoryRead root, string? head, IReadOnlySet<string> existing)
    {
        var v = version.Inventory;
        var r = root.Inventory;
        var where = version.Location;
        if (v.Id != r.Id)
            _r.Error("E037", where, $"the id \"{v.Id}\" differs from the root inventory's \"{r.Id}\"; an object's id must not change");
        if (v.ContentDirectoryName != r.ContentDirectoryName)
            _r.Error("E019", where, $"contentDirectory is \"{v.ContentDirectoryName}\" here but \"{r.ContentDirectoryName}\" in the root inventory; it is set in the first version and never changes");
        if (v.Head.Length > 0 && v.Head != name)
            _r.Error("E040", where, $"the inventory in {name} has head \"{v.Head}\"; it must be \"{name}\"");

        var sameBytes = version.Bytes.AsSpan().SequenceEqual(root.Bytes);
        if (name == head && !sameBytes)
            _r.Error("E064", where, $"the inventory of the most recent version {name} differs from the root inventory");

        foreach (var (key, block) in v.Versions)
        {
            if (!r.Versions.TryGetValue(key, out var rootBlock))
            {
                _r.Error("E066", where, $"it describes version \"{key}\", which the root inventory does not have");
                continue;
            }
            if (!SameState(v, block, r, rootBlock, out var difference))
                _r.Error("E066", where, $"version \"{key}\" has a different logical state here than in the root inventory: {difference}");
            var changed = new List<string>();
            if (block.Created != rootBlock.Created)
                changed.Add("created");
            if (block.Message != rootBlock.Message)
                changed.Add("message");
            if (block.User?.Name != rootBlock.User?.Name || block.User?.Address != rootBlock.User?.Address)
                changed.Add("user");
            if (changed.Count > 0)
                _r.Warning("W011", where, $"version \"{key}\" has a different {string.Join(", ", changed)} here than in the root inventory");
        }

        // Identical bytes say nothing the root checks have not said already.
        if (sameBytes || !version.ManifestSound)
            return;
        var listed = v.Manifest.Values.SelectMany(p => p).ToHashSet(StringComparer.Ordinal);
        foreach (var path in existing.Where(p => !listed.Contains(p)))
            _r.Error("E023", where, $"content file {path} is not in the manifest of {name}'s inventory");
        VerifyManifest(v, where);
        VerifyFixity(v, where);
    }

    /// <summary>
    /// Whether two version blocks give the same logical state. With one digest algorithm the
    /// digests must agree; across algorithms each logical path must lead to the same content file.
    /// </summary>
    private static bool SameState(Inventory a, InventoryVersion blockA, Inventory b, InventoryVersion blockB, out string difference)
    {
        difference = "";
        if (a.DigestAlgorithm == b.DigestAlgorithm)
        {
            var pathsA = ByLogicalPath(blockA, d => [d.ToLowerInvariant()]);
            var pathsB = ByLogicalPath(blockB, d => [d.ToLowerInvariant()]);
            return SameMapping(pathsA, pathsB, out difference);
        }
        var contentA = ByLogicalPath(blockA, d => a.Manifest.GetValueOrDefault(d) ?? []);
        var contentB = ByLogicalPath(blockB, d => b.Manifest.GetValueOrDefault(d) ?? []);
        return SameMapping(contentA, contentB, out difference);
    }

    private static Dictionary<string, HashSet<string>> ByLogicalPath(InventoryVersion block, Func<string, IEnumerable<string>> target)
    {
        var map = new Dictionary<string, HashSet<string>>(StringComparer.Ordinal);
        foreach (var (digest, paths) in block.State)
        {
            foreach (var path in paths)
                map.TryAdd(path, target(digest).ToHashSet(StringComparer.Ordinal));
        }
        return map;
    }

    /// <summary>Same logical paths, each leading somewhere the other also leads.</summary>
    private static bool SameMapping(Dictionary<string, HashSet<string>> a, Dictionary<string, HashSet<string>> b, out string difference)
    {
        var onlyA = a.Keys.Where(k => !b.ContainsKey(k)).Order(StringComparer.Ordinal).ToList();
        var onlyB = b.Keys.Where(k => !a.ContainsKey(k)).Order(StringComparer.Ordinal).ToList();
        if (onlyA.Count > 0 || onlyB.Count > 0)
        {
            var parts = new List<string>();
            if (onlyA.Count > 0)
                parts.Add("only here: " + string.Join(", ", onlyA.Take(5)));
            if (onlyB.Count > 0)
                parts.Add("only in the root: " + string.Join(", ", onlyB.Take(5)));
            difference = string.Join("; ", parts);
            return false;
        }
        var changed = a.Keys.Where(k => !a[k].Overlaps(b[k])).Order(StringComparer.Ordinal).ToList();
        difference = changed.Count == 0 ? "" : "different content for " + string.Join(", ", changed.Take(5));
        return changed.Count == 0;
    }

    /// <summary>Every manifest entry names an existing file whose digest is the key (E092).</summary>
    private void VerifyManifest(Inventory inventory, string where)
    {
        var algorithm = inventory.DigestAlgorithm;
        foreach (var (digest, paths) in inventory.Manifest)
        {
            foreach (var path in paths.Where(IsSafe))
            {
                if (!File.Exists(Path.Combine(_root, path)))
                {
                    _r.Error("E092", where, $"manifest content path {path} does not exist");
                    continue;
                }
                if (DigestOf(path, algorithm, where) is { } actual && !Digests.AreEqual(actual, digest))
                    _r.Error("E092", where, $"the {algorithm} digest of {path} is {InventoryReader.Short(actual)}, not {InventoryReader.Short(digest)} as the manifest says");
            }
        }
    }

    /// <summary>Every fixity entry of an algorithm this build computes names an existing file with that digest (E093).</summary>
    private void VerifyFixity(Inventory inventory, string where)
    {
        if (inventory.Fixity is null)
            return;
        foreach (var (algorithm, entries) in inventory.Fixity)
        {
            if (!Digests.IsKnown(algorithm))
                continue;
            foreach (var (digest, paths) in entries)
            {
                foreach (var path in paths.Where(IsSafe))
                {
                    if (!File.Exists(Path.Combine(_root, path)))
                    {
                        _r.Error("E093", where, $"{algorithm} fixity content path {path} does not exist");
                        continue;
                    }
                    if (DigestOf(path, algorithm, where) is { } actual && !Digests.AreEqual(actual, digest))
                        _r.Error("E093", where, $"the {algorithm} digest of {path} is {InventoryReader.Short(actual)}, not {InventoryReader.Short(digest)} as the fixity block says");
                }
            }
        }
    }

    /// <summary>Null when digests are not being checked or the algorithm cannot be computed (reported once, as I001).</summary>
    private string? DigestOf(string path, string algorithm, string where)
    {
        if (!_checkDigests)
            return null;
        if (!Digests.IsSupported(algorithm))
        {
            if (_reportedUnsupported.Add(algorithm))
                _r.Info(ValidationResult.UnsupportedAlgorithm, where, $"digest algorithm \"{algorithm}\" is not supported by this validator (.NET has no implementation); its values were not checked");
            return null;
        }
        if (!_digests.TryGetValue((path, algorithm), out var digest))
        {
            digest = Digests.ComputeFile(algorithm, Path.Combine(_root, path));
            _digests[(path, algorithm)] = digest;
        }
        return digest;
    }

    /// <summary>Paths that break the path rules are reported by the inventory reader and never touch the disk.</summary>
    private static bool IsSafe(string contentPath) => OcflPaths.ContentPathProblems(contentPath).Count == 0 && !contentPath.Contains('\\', StringComparison.Ordinal);

    /// <summary>Names of the files and directories in a directory; links are reported (E090) and left out.</summary>
    private (IReadOnlySet<string> Files, IReadOnlySet<string> Dirs) List(string dir, string rel)
    {
        var files = new HashSet<string>(StringComparer.Ordinal);
        var dirs = new HashSet<string>(StringComparer.Ordinal);
        foreach (var entry in new DirectoryInfo(dir).EnumerateFileSystemInfos())
        {
            if (entry.LinkTarget is not null)
                _r.Error("E090", OcflPaths.Join(rel, entry.Name), "links must not be used within an OCFL storage hierarchy");
            else if (entry is DirectoryInfo)
                dirs.Add(entry.Name);
            else
                files.Add(entry.Name);
        }
        return (files, dirs);
    }

    [GeneratedRegex(@"^([0-9A-Fa-f]+)[ \t]+inventory\.json[ \t]*(\r?\n)?\z", RegexOptions.CultureInvariant)]
    private static partial Regex SidecarPattern();
}
