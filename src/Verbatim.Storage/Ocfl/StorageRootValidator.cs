using System.Text;
using System.Text.Json;

namespace Verbatim.Storage.Ocfl;

/// <summary>
/// Validates an OCFL storage root (specification 4): its declaration, ocfl_layout.json, its
/// extensions, the storage hierarchy, and every object in it. An object root is a directory holding
/// a 0=ocfl_object_* file; the walk does not descend into one. Object findings are located by the
/// object's path below the storage root.
/// </summary>
internal sealed class StorageRootValidator
{
    private const string LayoutFile = "ocfl_layout.json";

    private readonly string _root;
    private readonly bool _checkDigests;
    private readonly ValidationResult _r = new();
    private readonly List<(string Path, int Depth, Inventory? Inventory)> _objects = [];
    private SpecVersion? _declared;

    private StorageRootValidator(string root, bool checkDigests)
    {
        _root = root;
        _checkDigests = checkDigests;
    }

    public static ValidationResult Run(string storageRoot, bool checkDigests)
    {
        var v = new StorageRootValidator(storageRoot, checkDigests);
        v.Validate();
        return v._r;
    }

    private void Validate()
    {
        if (!Directory.Exists(_root))
        {
            _r.Error("E069", "", $"there is no directory at {_root}, so no storage root declaration");
            return;
        }
        var root = new DirectoryInfo(_root);
        var files = root.EnumerateFiles().Where(f => f.LinkTarget is null).Select(f => f.Name).ToHashSet(StringComparer.Ordinal);
        CheckDeclaration(files);
        var layoutName = files.Contains(LayoutFile) ? CheckLayoutFile() : null;
        if (Directory.Exists(Path.Combine(_root, "extensions")))
            CheckExtensions();

        // Files in the storage root itself are ignored, as the specification requires (E087).
        foreach (var dir in root.EnumerateDirectories().Where(d => d.Name != "extensions").OrderBy(d => d.Name, StringComparer.Ordinal))
            Walk(dir, dir.Name, 1);

        CheckHierarchyShape();
        CheckUniqueIds();
        if (layoutName == HashedNTupleLayout.ExtensionName)
            CheckHashedNTuplePlacement();
    }

    private void CheckDeclaration(IReadOnlySet<string> files)
    {
        var declarations = files.Where(f => f.StartsWith("0=", StringComparison.Ordinal)).Order(StringComparer.Ordinal).ToList();
        if (declarations.Count == 0)
        {
            _r.Error("E069", "", "the storage root has no declaration (0=ocfl_1.1)");
            return;
        }
        if (declarations.Count > 1)
            _r.Error("E076", "", $"the storage root has {declarations.Count} declarations ({string.Join(", ", declarations)}); there must be exactly one");
        foreach (var name in declarations)
        {
            var version = Spec.FromRootDeclaration(name);
            if (version is null)
            {
                _r.Error("E079", name, "the declaration must be named 0=ocfl_ followed by a specification version this validator knows (1.0 or 1.1)");
                continue;
            }
            var expected = Encoding.UTF8.GetBytes(name[2..] + "\n");
            if (!File.ReadAllBytes(Path.Combine(_root, name)).AsSpan().SequenceEqual(expected))
                _r.Error("E080", name, $"the declaration must contain exactly \"{name[2..]}\" and a newline");
            _declared ??= version;
        }
    }

    /// <summary>The layout's extension name, when ocfl_layout.json gives one.</summary>
    private string? CheckLayoutFile()
    {
        try
        {
            using var doc = JsonDocument.Parse(File.ReadAllBytes(Path.Combine(_root, LayoutFile)));
            var root = doc.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                _r.Error("E070", LayoutFile, "ocfl_layout.json must be a JSON object with \"extension\" and \"description\"");
                return null;
            }
            if (!root.TryGetProperty("description", out var description) || description.ValueKind != JsonValueKind.String)
                _r.Error("E070", LayoutFile, "ocfl_layout.json must have a string \"description\"");
            if (!root.TryGetProperty("extension", out var extension) || extension.ValueKind != JsonValueKind.String)
            {
                _r.Error("E070", LayoutFile, "ocfl_layout.json must have a string \"extension\"");
                return null;
            }
            var name = extension.GetString()!;
            if (!RegisteredExtensions.Contains(name))
                _r.Error("E071", LayoutFile, $"\"extension\" is \"{name}\", not a registered extension name");
            return name;
        }
        catch (JsonException e)
        {
            _r.Error("E070", LayoutFile, "ocfl_layout.json is not well-formed UTF-8 JSON: " + e.Message);
            return null;
        }
    }

    private void CheckExtensions()
    {
        var dir = new DirectoryInfo(Path.Combine(_root, "extensions"));
        foreach (var entry in dir.EnumerateFileSystemInfos().OrderBy(e => e.Name, StringComparer.Ordinal))
        {
            var location = "extensions/" + entry.Name;
            if (entry is not DirectoryInfo)
                _r.Error("E112", location, "the extensions directory may hold only extension sub-directories, not files");
            else if (!RegisteredExtensions.Contains(entry.Name))
                _r.Warning("W016", location, $"\"{entry.Name}\" is not a registered extension name");
        }
    }

    private void Walk(DirectoryInfo dir, string rel, int depth)
    {
        if (dir.LinkTarget is not null)
        {
            _r.Error("E090", rel, "links must not be used within an OCFL storage hierarchy");
            return;
        }
        var entries = dir.EnumerateFileSystemInfos().ToList();
        if (entries.Any(e => e is FileInfo && e.Name.StartsWith(Spec.ObjectDeclarationPrefix, StringComparison.Ordinal)))
        {
            ValidateObject(dir.FullName, rel, depth);
            return;
        }
        var subdirs = entries.OfType<DirectoryInfo>().OrderBy(d => d.Name, StringComparer.Ordinal).ToList();
        var files = entries.Where(e => e is not DirectoryInfo).OrderBy(e => e.Name, StringComparer.Ordinal).ToList();
        if (entries.Count == 0)
        {
            _r.Error("E073", rel, "empty directories must not appear under a storage root");
            return;
        }
        if (subdirs.Count == 0)
        {
            _r.Error("E085", rel, "the storage hierarchy ends here without an OCFL object root (no 0=ocfl_object_* declaration)");
            return;
        }
        foreach (var file in files)
            _r.Error("E084", OcflPaths.Join(rel, file.Name), "storage hierarchies must not hold files in intermediate directories");
        foreach (var sub in subdirs)
            Walk(sub, OcflPaths.Join(rel, sub.Name), depth + 1);
    }

    private void ValidateObject(string fullPath, string rel, int depth)
    {
        var validator = ObjectValidator.Run(fullPath, _checkDigests, out var result);
        _r.AddAll(result, rel);
        if (_declared is { } root && validator.Declared is { } declared && declared > root)
            _r.Error("E081", rel, $"the object declares OCFL {Spec.Number(declared)}, later than the storage root's OCFL {Spec.Number(root)}");
        _objects.Add((rel, depth, validator.RootInventory));
    }

    private void CheckHierarchyShape()
    {
        var depths = _objects.Select(o => o.Depth).Distinct().Order().ToList();
        if (depths.Contains(1) && depths.Count > 1)
            _r.Warning("W015", "", "some objects are direct children of the storage root and others lie in a directory hierarchy; one arrangement should be used");
        else if (depths.Count > 1)
            _r.Warning("W014", "", $"objects lie at different depths ({string.Join(", ", depths)}), so more than one layout pattern is in use");
    }

    private void CheckUniqueIds()
    {
        var byId = _objects.Where(o => o.Inventory is { Id.Length: > 0 }).GroupBy(o => o.Inventory!.Id, StringComparer.Ordinal);
        foreach (var group in byId.Where(g => g.Count() > 1))
            _r.Error("E037", group.First().Path, $"the id \"{group.Key}\" is used by more than one object: {string.Join(", ", group.Select(o => o.Path))}");
    }

    private void CheckHashedNTuplePlacement()
    {
        var configPath = Path.Combine(_root, "extensions", HashedNTupleLayout.ExtensionName, "config.json");
        var layout = new HashedNTupleLayout();
        if (File.Exists(configPath))
        {
            layout = HashedNTupleLayout.FromConfigJson(File.ReadAllBytes(configPath), out var problem)!;
            if (problem is not null)
            {
                _r.Info(ValidationResult.LayoutNotChecked, $"extensions/{HashedNTupleLayout.ExtensionName}/config.json", $"the layout configuration is unusable ({problem}); object placement was not checked");
                return;
            }
        }
        foreach (var (path, _, inventory) in _objects.Where(o => o.Inventory is { Id.Length: > 0 }))
        {
            var expected = layout.PathFor(inventory!.Id);
            if (expected != path)
                _r.Error("E083", path, $"ocfl_layout.json declares {HashedNTupleLayout.ExtensionName}, which maps the id \"{inventory.Id}\" to {expected}, not here");
        }
    }
}
