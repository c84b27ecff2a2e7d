using System.Security.Cryptography;
using System.Text.Json;

namespace Verbatim.Tests.Archiving;

/// <summary>Ingest of another tool's OCFL storage root or object: its head versions, its ids kept, an invalid one refused with its codes.</summary>
public sealed class OcflIngestTests : ArchiveFolderTests
{
    private static IReadOnlyList<string> Letters(int count) => [.. Directory.GetFiles(RepositoryPaths.Shared("corpus", "schnitzler-tei"), "*.xml").Order(StringComparer.Ordinal).Take(count)];

    /// <summary>
    /// A storage root as another tool lays one out (no layout extension, objects in folders of
    /// their own naming), each object's files stored under their digests in v2 with v1's letter
    /// replaced: the head's logical paths, not the content paths, name the files.
    /// </summary>
    private string ForeignRoot(IReadOnlyList<string> letters)
    {
        var root = Path.Combine(Folder, "foreign");
        Directory.CreateDirectory(root);
        File.WriteAllText(Path.Combine(root, "0=ocfl_1.1"), "ocfl_1.1\n");
        for (var i = 0; i < letters.Count; i++)
        {
            var objectRoot = Path.Combine(root, "objects", $"obj{i}");
            var first = File.ReadAllBytes(Letters(letters.Count + 1)[^1]);
            var head = File.ReadAllBytes(letters[i]);
            var (firstDigest, headDigest) = (Digest(first), Digest(head));
            Write(objectRoot, $"v1/content/{firstDigest}", first);
            Write(objectRoot, $"v2/content/{headDigest}", head);
            var inventory = new Dictionary<string, object>
            {
                ["id"] = $"info:example/letters/{i}",
                ["type"] = "https://ocfl.io/1.1/spec/#inventory",
                ["digestAlgorithm"] = "sha512",
                ["head"] = "v2",
                ["manifest"] = new Dictionary<string, string[]> { [firstDigest] = [$"v1/content/{firstDigest}"], [headDigest] = [$"v2/content/{headDigest}"] },
                ["versions"] = new Dictionary<string, object>
                {
                    ["v1"] = Version("2020-01-01T00:00:00Z", firstDigest, "letters/first.xml"),
                    ["v2"] = Version("2021-01-01T00:00:00Z", headDigest, "letters/" + Path.GetFileName(letters[i])),
                },
            };
            var json = JsonSerializer.SerializeToUtf8Bytes(inventory, new JsonSerializerOptions { WriteIndented = true });
            Write(objectRoot, "0=ocfl_object_1.1", "ocfl_object_1.1\n"u8.ToArray());
            Write(objectRoot, "inventory.json", json);
            Write(objectRoot, "inventory.json.sha512", System.Text.Encoding.ASCII.GetBytes($"{Digest(json)} inventory.json\n"));
        }
        return root;
    }

    private static Dictionary<string, object> Version(string created, string digest, string logical) => new()
    {
        ["created"] = created,
        ["message"] = "deposit",
        ["user"] = new Dictionary<string, string> { ["name"] = "Another Tool", ["address"] = "mailto:tool@example.org" },
        ["state"] = new Dictionary<string, string[]> { [digest] = [logical] },
    };

    private static string Digest(byte[] bytes) => Convert.ToHexStringLower(SHA512.HashData(bytes));

    private static void Write(string root, string path, byte[] bytes)
    {
        var file = Path.Combine(root, path);
        Directory.CreateDirectory(Path.GetDirectoryName(file)!);
        File.WriteAllBytes(file, bytes);
    }

    /// <summary>A storage root made by ocfl-js (@ocfl/ocfl-fs, another tool's OCFL implementation) with the layout extension given, run by node.</summary>
    private string OcflJsRoot(string layout, IReadOnlyList<string> files)
    {
        var root = Path.Combine(Folder, "ocfl-js-" + layout);
        var start = new System.Diagnostics.ProcessStartInfo("node", [Path.Combine(RepositoryPaths.Root, "tests", "Verbatim.Tests", "Archiving", "OcflJs", "make-root.mjs"), root, layout, .. files])
        {
            RedirectStandardError = true,
            RedirectStandardOutput = true,
        };
        using var node = System.Diagnostics.Process.Start(start)!;
        var error = node.StandardError.ReadToEndAsync();
        node.StandardOutput.ReadToEnd();
        node.WaitForExit();
        Assert.True(node.ExitCode == 0, error.Result);
        return root;
    }

    [Theory]
    [InlineData("0004-hashed-n-tuple-storage-layout")]
    [InlineData("0002-flat-direct-storage-layout")]
    public void A_storage_root_made_by_ocfl_js_is_ingested_at_each_objects_head_with_its_id_and_digest(string layout)
    {
        var files = new[] { Letters(1)[0], Path.Combine(RepositoryPaths.Root, "samples", "mia", "lenin-1921-10-20-to-stalin.txt") };
        var root = OcflJsRoot(layout, files);
        Assert.Contains(layout, File.ReadAllText(Path.Combine(root, "ocfl_layout.json")), StringComparison.Ordinal);
        using var archive = Verbatim.Archiving.Archive.Init(ArchivePath);

        var report = archive.Ingest([root], Options);

        Assert.Empty(report.Failed);
        Assert.Equal(2, report.Documents.Count);
        var origins = report.Documents.Select(d => archive.Show(d.Id)!.Origin!).OrderBy(o => o.OcflObject, StringComparer.Ordinal).ToList();
        Assert.Equal(["letter-0", "letter-1"], origins.Select(o => o.OcflObject));
        for (var i = 0; i < files.Length; i++)
        {
            var digest = Digest(File.ReadAllBytes(files[i]));
            Assert.Equal($"sha512:{digest}@letter/{Path.GetFileName(files[i])}", origins[i].OcflDigest);
        }
        Assert.True(archive.Audit().Clean);
    }

    [Fact]
    public void Every_objects_head_is_stored_under_its_logical_name_with_the_foreign_id_and_digest_in_its_origin()
    {
        var letters = Letters(3);
        var root = ForeignRoot(letters);
        Assert.True(Verbatim.Archiving.OcflCheck.Validate(root).Valid, string.Join("; ", Verbatim.Archiving.OcflCheck.Validate(root).Errors));
        using var archive = Verbatim.Archiving.Archive.Init(ArchivePath);

        var report = archive.Ingest([root], Options);

        Assert.Empty(report.Failed);
        Assert.Equal(3, report.Documents.Count);
        for (var i = 0; i < letters.Count; i++)
        {
            var id = report.Documents[i].Id;
            var stored = archive.ReadStored(id)!;
            Assert.Equal(Path.GetFileName(letters[i]), stored.SourceFileName);
            Assert.Equal(File.ReadAllBytes(letters[i]), stored.Source.ToArray());
            var origin = archive.Show(id)!.Origin!;
            Assert.Equal($"info:example/letters/{i}", origin.OcflObject);
            Assert.Equal($"sha512:{Digest(File.ReadAllBytes(letters[i]))}@letters/{Path.GetFileName(letters[i])}", origin.OcflDigest);
        }
    }

    [Fact]
    public void An_invalid_object_is_refused_with_its_OCFL_codes_and_the_other_paths_are_stored()
    {
        var bad = RepositoryPaths.Shared("ocfl-fixtures", "1.1", "bad-objects", "E036_no_id");
        using var archive = Verbatim.Archiving.Archive.Init(ArchivePath);

        var report = archive.Ingest([bad, RepositoryPaths.Seed("000")], Options);

        Assert.Contains(report.Failed, f => f.Error.StartsWith("the OCFL object is not valid, so nothing of it is stored: E036", StringComparison.Ordinal));
        Assert.Equal(["lenin-1921-10-20-to-stalin"], report.Documents.Select(d => d.Id));
    }

    [Fact]
    public void A_verbatim_store_given_to_another_archive_gives_its_sources_and_not_its_document_json()
    {
        using (var first = Verbatim.Archiving.Archive.Init(ArchivePath))
            first.Ingest([RepositoryPaths.Seed("000"), RepositoryPaths.Seed("001"), .. Letters(2)], Options);
        using var other = Verbatim.Archiving.Archive.Init(Path.Combine(Folder, "other"));

        var report = other.Ingest([Path.Combine(ArchivePath, "store")], Options);

        Assert.Empty(report.Failed);
        Assert.Equal(4, report.Documents.Count);
        Assert.Empty(report.Skipped);
        Directory.Delete(Path.Combine(Folder, "other"), recursive: true);
    }

    [Fact]
    public void A_verbatim_store_with_a_case_given_to_another_archive_makes_no_document_of_the_case()
    {
        using (var first = Verbatim.Archiving.Archive.Init(ArchivePath))
        {
            first.Ingest([RepositoryPaths.Seed("000")], Options);
            first.NewCase("a-case", "Is the case kept out?", "A summary of many words that no reader takes for a document.", Options.User);
        }
        using var other = Verbatim.Archiving.Archive.Init(Path.Combine(Folder, "other"));

        var report = other.Ingest([Path.Combine(ArchivePath, "store")], Options);

        Assert.Empty(report.Failed);
        Assert.Equal(["lenin-1921-10-20-to-stalin"], report.Documents.Select(d => d.Id));
        Directory.Delete(Path.Combine(Folder, "other"), recursive: true);
    }
}
