using System.Text;
using Verbatim.Storage.Ocfl;

namespace Verbatim.Storage.Tests.Ocfl;

/// <summary>A scratch directory, deleted with everything in it when the test ends.</summary>
public sealed class ScratchDirectory : IDisposable
{
    public string Path { get; } = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "verbatim-ocfl-" + Guid.NewGuid().ToString("N"));

    public ScratchDirectory() => Directory.CreateDirectory(Path);

    public string Combine(string relative) => System.IO.Path.Combine(Path, relative);

    public void Dispose() => Directory.Delete(Path, recursive: true);
}

/// <summary>Builds small OCFL objects and storage roots on disk the way the spec's examples lay them out.</summary>
public static class OcflTestObjects
{
    public static readonly DateTimeOffset Created = new(2024, 1, 2, 3, 4, 5, TimeSpan.Zero);

    /// <summary>A one-version inventory holding the given logical paths and bytes, content paths as logical paths.</summary>
    public static Inventory OneVersion(string id, IReadOnlyDictionary<string, byte[]> files)
    {
        var inventory = new Inventory { Id = id, Head = "v1" };
        var version = new InventoryVersion
        {
            Created = Rfc3339.Format(Created),
            Message = "Ingest",
            User = new InventoryUser { Name = "Verbatim", Address = "mailto:archive@example.org" },
        };
        foreach (var (path, bytes) in files)
        {
            var digest = Digests.Compute(Digests.Sha512, bytes);
            inventory.Manifest[digest] = ["v1/content/" + path];
            version.State[digest] = [path];
        }
        inventory.Versions["v1"] = version;
        return inventory;
    }

    /// <summary>Writes declaration, content, and inventory with sidecar both in the root and in v1.</summary>
    public static void WriteObject(string root, Inventory inventory, IReadOnlyDictionary<string, byte[]> files)
    {
        Directory.CreateDirectory(System.IO.Path.Combine(root, "v1"));
        File.WriteAllText(System.IO.Path.Combine(root, "0=ocfl_object_1.1"), "ocfl_object_1.1\n");
        foreach (var (path, bytes) in files)
        {
            var full = System.IO.Path.Combine(root, "v1", "content", path);
            Directory.CreateDirectory(System.IO.Path.GetDirectoryName(full)!);
            File.WriteAllBytes(full, bytes);
        }
        var json = inventory.ToJson();
        var sidecar = Digests.Compute(inventory.DigestAlgorithm, json) + " inventory.json\n";
        foreach (var dir in new[] { root, System.IO.Path.Combine(root, "v1") })
        {
            File.WriteAllBytes(System.IO.Path.Combine(dir, "inventory.json"), json);
            File.WriteAllText(System.IO.Path.Combine(dir, "inventory.json." + inventory.DigestAlgorithm), sidecar);
        }
    }

    public static readonly IReadOnlyDictionary<string, byte[]> LetterFiles = new Dictionary<string, byte[]>
    {
        ["source/Письмо к съезду.txt"] = Encoding.UTF8.GetBytes("Я очень советовал бы предпринять на этом съезде ряд перемен"),
        ["document.json"] = Encoding.UTF8.GetBytes("{\"id\":\"lenin-1922-12-23-letter-to-the-congress\"}"),
    };

    /// <summary>
    /// A storage root (OCFL 1.1, layout 0004 with its defaults) holding one object per id, each placed
    /// where the layout maps it.
    /// </summary>
    public static void WriteStorageRoot(string root, params string[] ids)
    {
        Directory.CreateDirectory(root);
        File.WriteAllText(System.IO.Path.Combine(root, "0=ocfl_1.1"), "ocfl_1.1\n");
        File.WriteAllText(System.IO.Path.Combine(root, "ocfl_layout.json"),
            $$"""{ "extension": "{{HashedNTupleLayout.ExtensionName}}", "description": "Hashed n-tuple layout, sha256, 3 tuples of 3" }""");
        var layout = new HashedNTupleLayout();
        var config = System.IO.Path.Combine(root, "extensions", HashedNTupleLayout.ExtensionName);
        Directory.CreateDirectory(config);
        File.WriteAllBytes(System.IO.Path.Combine(config, "config.json"), layout.ToConfigJson());
        foreach (var id in ids)
            WriteObject(System.IO.Path.Combine(root, layout.PathFor(id)), OneVersion(id, LetterFiles), LetterFiles);
    }
}
