using System.Text;
using System.Text.Json;
using Verbatim.Storage.Ocfl;
using Verbatim.Storing;

namespace Verbatim.Storage.Tests.Ocfl;

public sealed class OcflStoreTests : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), $"verbatim-store-{Guid.NewGuid():N}");
    private readonly StoreUser _user = new("Archivist", "mailto:archivist@example.org");

    private string Root => Path.Combine(_folder, "store");

    private OcflStore Open() => OcflStore.Open(Root, Path.Combine(_folder, "staging"));

    private DocumentWrite Write(string id, string json, string? source, string message = "ingest", string file = "letter.txt", string? access = null, StoreUser? user = null)
        => new(id, Encoding.UTF8.GetBytes(json), source is null ? null : file, source is null ? ReadOnlyMemory<byte>.Empty : Encoding.UTF8.GetBytes(source), message, user ?? _user)
        {
            Access = access is null ? null : Encoding.UTF8.GetBytes(access),
        };

    private static string? AccessOf(StoredDocument? stored) => stored?.Access is { } bytes ? Encoding.UTF8.GetString(bytes) : null;

    /// <summary>Whatever a test wrote, the storage root it leaves is valid OCFL with every digest right.</summary>
    public void Dispose()
    {
        if (File.Exists(Path.Combine(Root, "0=ocfl_1.1")))
        {
            var validation = OcflValidator.ValidateStorageRoot(Root);
            Assert.True(validation.Valid && validation.Warnings.Count == 0, validation.ToString());
        }
        if (Directory.Exists(_folder))
            Directory.Delete(_folder, recursive: true);
    }

    [Fact]
    public void A_reader_auditing_while_objects_are_swapped_in_finds_nothing_wrong()
    {
        var store = Open();
        store.Save(Write("first", "{}", "x"));
        var reader = OcflStore.OpenForReading(Root);
        var audits = new List<Verbatim.Storing.AuditReport>();
        store.BeforeSwap = _ => audits.Add(reader.Audit());

        store.SaveAll([Write("new-one", "{}", "y"), Write("new-two", "{}", "z"), Write("first", "{\"v\":2}", "x2")]);

        Assert.Equal(3, audits.Count);
        Assert.All(audits, audit => Assert.True(audit.Clean, string.Join("; ", audit.Findings)));
        Assert.True(reader.Audit().Clean);
    }

    [Fact]
    public void An_audit_reports_what_two_walks_find_so_a_change_in_flight_is_not_damage_and_damage_stays()
    {
        var store = Open();
        store.Save(Write("steady", "{}", "kept"));
        store.Save(Write("moving", "{}", "original"));
        var steadyFile = Directory.GetFiles(Root, "letter.txt", SearchOption.AllDirectories).Single(f => File.ReadAllText(f) == "kept");
        var movingFile = Directory.GetFiles(Root, "letter.txt", SearchOption.AllDirectories).Single(f => File.ReadAllText(f) == "original");
        File.WriteAllText(steadyFile, "changed");
        File.WriteAllText(movingFile, "in flight");
        store.BetweenAuditWalks = () => File.WriteAllText(movingFile, "original");

        var report = store.Audit();

        var finding = Assert.Single(report.Findings);
        Assert.Equal("steady", finding.Document);
        File.WriteAllText(steadyFile, "kept");
        Assert.True(store.Audit().Clean);
    }

    [Fact]
    public void New_storage_root_has_its_declaration_layout_and_extension_config()
    {
        Open();
        Assert.Equal("ocfl_1.1\n", File.ReadAllText(Path.Combine(Root, "0=ocfl_1.1")));
        using var layout = JsonDocument.Parse(File.ReadAllText(Path.Combine(Root, "ocfl_layout.json")));
        Assert.Equal("0004-hashed-n-tuple-storage-layout", layout.RootElement.GetProperty("extension").GetString());
        Assert.True(File.Exists(Path.Combine(Root, "extensions", "0004-hashed-n-tuple-storage-layout", "config.json")));
    }

    [Fact]
    public void Object_lies_at_its_hashed_n_tuple_path_with_content_sidecar_and_version_inventory()
    {
        var store = Open();
        var result = store.Save(Write("lenin-1921-10-20-to-stalin", "{\"id\":1}", "Comrade Stalin:"));
        Assert.Equal(new StoreWriteResult("lenin-1921-10-20-to-stalin", WriteStatus.New, 1), result with { Created = default });
        // The new version's time as its inventory states it.
        Assert.Equal(store.History("lenin-1921-10-20-to-stalin").Single().Created, result.Created);

        // sha256("urn:verbatim:lenin-1921-10-20-to-stalin"), cut 3/3/3 then whole.
        var digest = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(Encoding.UTF8.GetBytes("urn:verbatim:lenin-1921-10-20-to-stalin")));
        var objectRoot = Path.Combine(Root, digest[..3], digest[3..6], digest[6..9], digest);
        Assert.Equal("ocfl_object_1.1\n", File.ReadAllText(Path.Combine(objectRoot, "0=ocfl_object_1.1")));
        Assert.Equal("Comrade Stalin:", File.ReadAllText(Path.Combine(objectRoot, "v1", "content", "source", "letter.txt")));
        Assert.Equal("{\"id\":1}", File.ReadAllText(Path.Combine(objectRoot, "v1", "content", "document.json")));
        var inventory = File.ReadAllBytes(Path.Combine(objectRoot, "inventory.json"));
        Assert.Equal(Convert.ToHexStringLower(System.Security.Cryptography.SHA512.HashData(inventory)) + " inventory.json\n", File.ReadAllText(Path.Combine(objectRoot, "inventory.json.sha512")));
        Assert.Equal(inventory, File.ReadAllBytes(Path.Combine(objectRoot, "v1", "inventory.json")));
        using var json = JsonDocument.Parse(inventory);
        Assert.Equal("urn:verbatim:lenin-1921-10-20-to-stalin", json.RootElement.GetProperty("id").GetString());
        Assert.Equal("sha512", json.RootElement.GetProperty("digestAlgorithm").GetString());
        Assert.Equal("https://ocfl.io/1.1/spec/#inventory", json.RootElement.GetProperty("type").GetString());
        var version = json.RootElement.GetProperty("versions").GetProperty("v1");
        Assert.Matches(@"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$", version.GetProperty("created").GetString());
        Assert.Equal("Archivist", version.GetProperty("user").GetProperty("name").GetString());
    }

    [Fact]
    public void Unchanged_document_writes_nothing()
    {
        var store = Open();
        store.Save(Write("a", "{}", "text"));
        var before = Directory.GetFiles(Root, "*", SearchOption.AllDirectories).Order().ToList();
        var again = store.Save(Write("a", "{}", "text", "again"));
        Assert.Equal(WriteStatus.Unchanged, again.Status);
        Assert.Equal(1, again.Version);
        Assert.Equal(before, Directory.GetFiles(Root, "*", SearchOption.AllDirectories).Order().ToList());
    }

    [Fact]
    public void Changed_source_is_a_new_version_and_the_old_one_stays_readable()
    {
        var store = Open();
        store.Save(Write("a", "{\"v\":1}", "first text", "received"));
        var second = store.Save(Write("a", "{\"v\":1}", "second text", "corrected transcription"));
        Assert.Equal((WriteStatus.Updated, 2), (second.Status, second.Version));

        var head = store.Read("a")!;
        Assert.Equal("second text", Encoding.UTF8.GetString(head.Source.Span));
        Assert.Equal(2, head.Version.Number);
        var first = store.Read("a", 1)!;
        Assert.Equal("first text", Encoding.UTF8.GetString(first.Source.Span));
        Assert.Null(store.Read("a", 3));

        Assert.Equal(["received", "corrected transcription"], store.History("a").Select(v => v.Message));
        Assert.All(store.History("a"), v => Assert.Equal(_user, v.User));
    }

    [Fact]
    public void Unchanged_content_is_not_stored_again_in_a_new_version()
    {
        var store = Open();
        store.Save(Write("a", "{\"same\":true}", "old"));
        store.Save(Write("a", "{\"same\":true}", "new"));
        var objectRoot = Path.GetDirectoryName(Directory.GetFiles(Root, "0=ocfl_object_1.1", SearchOption.AllDirectories).Single())!;
        Assert.False(File.Exists(Path.Combine(objectRoot, "v2", "content", "document.json")));
        Assert.True(File.Exists(Path.Combine(objectRoot, "v2", "content", "source", "letter.txt")));
        Assert.Equal("{\"same\":true}", Encoding.UTF8.GetString(store.Read("a")!.DocumentJson.Span));
    }

    [Fact]
    public void Document_without_a_source_file_holds_only_document_json()
    {
        var store = Open();
        store.Save(Write("part", "{\"partOf\":\"page\"}", null));
        var stored = store.Read("part")!;
        Assert.Null(stored.SourceFileName);
        Assert.True(stored.Source.IsEmpty);
    }

    [Fact]
    public void Ids_lists_every_object_and_contains_finds_one()
    {
        var store = Open();
        store.SaveAll([Write("b", "{}", "x"), Write("a", "{}", "y"), Write("c", "{}", null)]);
        Assert.Equal(["a", "b", "c"], store.Ids().Order(StringComparer.Ordinal));
        Assert.True(store.Contains("b"));
        Assert.False(store.Contains("d"));
    }

    [Fact]
    public void Leftovers_of_a_killed_write_in_staging_are_cleared_on_open()
    {
        Open().Dispose();
        var leftover = Path.Combine(_folder, "staging", "0123", "v1");
        Directory.CreateDirectory(leftover);
        File.WriteAllText(Path.Combine(leftover, "half.json"), "{");
        Open().Dispose();
        Assert.Empty(Directory.EnumerateFileSystemEntries(Path.Combine(_folder, "staging")));
    }

    [Fact]
    public void A_store_opened_beside_another_writer_leaves_what_that_writer_builds_in_staging_and_both_write()
    {
        using var first = Open();
        var building = Path.Combine(Directory.GetDirectories(Path.Combine(_folder, "staging")).Single(), "half-built", "v1");
        Directory.CreateDirectory(building);
        File.WriteAllText(Path.Combine(building, "document.json"), "{");

        using var second = Open();

        Assert.True(File.Exists(Path.Combine(building, "document.json")));
        first.Save(Write("a", "{}", "x"));
        second.Save(Write("b", "{}", "y"));
        Assert.Equal(["a", "b"], second.Ids().Order(StringComparer.Ordinal));
        Directory.Delete(Path.GetDirectoryName(building)!, recursive: true);
    }

    [Fact]
    public void Folder_that_holds_something_else_is_not_made_a_storage_root()
    {
        Directory.CreateDirectory(Root);
        File.WriteAllText(Path.Combine(Root, "notes.txt"), "mine");
        Assert.Throws<IOException>(() => Open());
    }

    [Fact]
    public void Audit_of_an_untouched_store_is_clean()
    {
        var store = Open();
        store.SaveAll([Write("a", "{}", "x"), Write("b", "{}", "y")]);
        store.Save(Write("a", "{}", "x2"));
        var report = store.Audit();
        Assert.True(report.Clean, string.Join("; ", report.Findings));
        Assert.Equal(2, report.ObjectsChecked);
    }

    [Fact]
    public void A_document_written_without_access_has_none()
    {
        var store = Open();
        store.Save(Write("letter", "{}", "text"));
        Assert.Null(store.Read("letter")!.Access);
    }

    [Fact]
    public void A_correction_of_the_text_keeps_the_access_of_the_head_and_stores_it_once()
    {
        var store = Open();
        store.Save(Write("letter", "{}", "text", access: "{\"kind\":\"withdrawn\"}"));

        var corrected = store.Save(Write("letter", "{\"v\":2}", "text, corrected"));

        Assert.Equal(WriteStatus.Updated, corrected.Status);
        Assert.Equal("{\"kind\":\"withdrawn\"}", AccessOf(store.Read("letter")));
        Assert.Single(Directory.GetFiles(Root, "access.json", SearchOption.AllDirectories));
    }

    [Fact]
    public void A_change_of_access_alone_is_a_new_version_by_its_editor_with_the_reason_and_the_old_rule_stays_in_history()
    {
        var store = Open();
        store.Save(Write("letter", "{}", "text"));

        var closed = store.Save(Write("letter", "{}", "text", access: "{\"kind\":\"restricted\"}", message: "personal letter", user: new StoreUser("editor-a", "urn:verbatim:user:editor-a")));

        Assert.Equal((WriteStatus.Updated, 2), (closed.Status, closed.Version));
        var head = store.Read("letter")!;
        Assert.Equal(("editor-a", "personal letter"), (head.Version.User.Name, head.Version.Message));
        Assert.Null(store.Read("letter", 1)!.Access);
        Assert.Equal(WriteStatus.Unchanged, store.Save(Write("letter", "{}", "text", access: "{\"kind\":\"restricted\"}")).Status);
    }

    [Fact]
    public void A_changed_access_json_is_damage_of_the_version()
    {
        var store = Open();
        store.Save(Write("letter", "{}", "text", access: "{\"kind\":\"withdrawn\"}"));
        File.WriteAllText(Directory.GetFiles(Root, "access.json", SearchOption.AllDirectories).Single(), "{\"kind\":\"open\"}");

        var stored = store.Read("letter")!;

        Assert.Equal(OcflStore.AccessPath, Assert.Single(stored.Damage).LogicalPath);
        File.WriteAllText(Directory.GetFiles(Root, "access.json", SearchOption.AllDirectories).Single(), "{\"kind\":\"withdrawn\"}");
    }

    [Fact]
    public void A_record_is_an_object_of_its_own_kind_versioned_like_a_document_and_never_listed_as_one()
    {
        using var store = Open();
        store.Save(Write("a-letter", "{}", "text"));

        var first = store.SaveRecord("urn:verbatim-case:one", "case.json", Encoding.UTF8.GetBytes("{\"v\":1}"), "new case", _user);
        var same = store.SaveRecord("urn:verbatim-case:one", "case.json", Encoding.UTF8.GetBytes("{\"v\":1}"), "again", _user);
        var second = store.SaveRecord("urn:verbatim-case:one", "case.json", Encoding.UTF8.GetBytes("{\"v\":2}"), "changed", _user);

        Assert.Equal([(WriteStatus.New, 1), (WriteStatus.Unchanged, 1), (WriteStatus.Updated, 2)], new[] { first, same, second }.Select(r => (r.Status, r.Version)));
        Assert.Equal(["a-letter"], store.Ids());
        Assert.Equal(["one"], store.ObjectIds("urn:verbatim-case:"));
        Assert.Equal("{\"v\":1}", Encoding.UTF8.GetString(store.ReadRecord("urn:verbatim-case:one", "case.json", 1)!.Content.Span));
        var head = store.ReadRecord("urn:verbatim-case:one", "case.json")!;
        Assert.Equal(("{\"v\":2}", 2, "changed", "Archivist"), (Encoding.UTF8.GetString(head.Content.Span), head.Version.Number, head.Version.Message, head.Version.User.Name));
        Assert.False(head.IsDamaged);
        Assert.Null(store.ReadRecord("urn:verbatim-case:one", "other.json"));
        Assert.Null(store.ReadRecord("urn:verbatim-case:none", "case.json"));
        Assert.Equal(["new case", "changed"], store.RecordHistory("urn:verbatim-case:one").Select(v => v.Message));
        Assert.True(store.Audit().Clean);
        Assert.Throws<ArgumentException>(() => store.SaveRecord(OcflStore.ObjectId("a-letter"), "case.json", new byte[1], "over a document", _user));
    }
}
