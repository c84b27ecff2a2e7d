using System.Text;
using Verbatim.Storage.Ocfl;
using Verbatim.Storing;

namespace Verbatim.Storage.Tests.Ocfl;

/// <summary>A read never passes damaged content off as sound, and a write of the original bytes repairs it.</summary>
public sealed class DamageOnReadTests : IDisposable
{
    private static readonly StoreUser User = new("Archivist", "mailto:archivist@example.org");
    private static readonly byte[] Json = Encoding.UTF8.GetBytes("{\"title\":\"To Comrade Stalin\"}");
    private static readonly byte[] Source = Encoding.UTF8.GetBytes("Comrade Stalin:\n\nHave a look.");

    private readonly string _folder = Path.Combine(Path.GetTempPath(), $"verbatim-damage-{Guid.NewGuid():N}");
    private readonly OcflStore _store;
    private readonly string _object;

    public DamageOnReadTests()
    {
        _store = Open();
        _store.Save(Write("received"));
        _object = Path.Combine(_folder, "store", OcflStore.Layout.PathFor(OcflStore.ObjectId("letter")));
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private OcflStore Open() => OcflStore.Open(Path.Combine(_folder, "store"), Path.Combine(_folder, "staging"));

    private static DocumentWrite Write(string message) => new("letter", Json, "letter.txt", Source, message, User);

    private string Content(string logical) => Path.Combine(_object, "v1", "content", logical);

    private void ChangeOneWord(string logical, string from, string to)
    {
        var file = Content(logical);
        var text = File.ReadAllText(file);
        Assert.Contains(from, text, StringComparison.Ordinal);
        // Written in place, as an intruder with the file's permissions would, keeping its inode.
        using var stream = new FileStream(file, FileMode.Truncate, FileAccess.Write);
        stream.Write(Encoding.UTF8.GetBytes(text.Replace(from, to, StringComparison.Ordinal)));
    }

    [Fact]
    public void A_sound_object_reads_without_damage()
        => Assert.False(_store.Read("letter")!.IsDamaged);

    [Fact]
    public void A_changed_document_json_is_reported_with_its_path_even_after_a_sound_read()
    {
        Assert.False(_store.Read("letter")!.IsDamaged);
        ChangeOneWord("document.json", "Stalin", "Stalln");

        var damage = Assert.Single(_store.Read("letter")!.Damage);
        Assert.Equal(("document.json", "v1/content/document.json"), (damage.LogicalPath, damage.ContentPath));
        Assert.Contains("changed since it was stored", damage.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public void A_changed_source_is_reported_and_its_bytes_are_given_as_found()
    {
        ChangeOneWord("source/letter.txt", "look", "book");
        var read = _store.Read("letter", 1)!;
        Assert.Equal("source/letter.txt", Assert.Single(read.Damage).LogicalPath);
        Assert.Contains("book", Encoding.UTF8.GetString(read.Source.Span), StringComparison.Ordinal);
    }

    [Fact]
    public void A_deleted_content_file_is_damage_not_a_failure()
    {
        File.Delete(Content("source/letter.txt"));
        var damage = Assert.Single(_store.Read("letter")!.Damage);
        Assert.Equal(("source/letter.txt", "missing"), (damage.LogicalPath, damage.Problem));
    }

    [Fact]
    public void Writing_the_original_bytes_again_repairs_the_object_in_a_new_version_that_says_so()
    {
        ChangeOneWord("source/letter.txt", "look", "book");
        Assert.False(_store.Audit().Clean);

        var result = _store.Save(Write("ingest"));

        Assert.Equal((WriteStatus.Repaired, 2), (result.Status, result.Version));
        var read = _store.Read("letter")!;
        Assert.False(read.IsDamaged);
        Assert.Equal(Source, read.Source.ToArray());
        Assert.Contains("repaired: v1/content/source/letter.txt", read.Version.Message, StringComparison.Ordinal);
        Assert.False(_store.Read("letter", 1)!.IsDamaged);
        Assert.True(_store.Audit().Clean, string.Join("; ", _store.Audit().Findings.Select(f => f.Message)));
    }

    [Fact]
    public void A_repair_never_writes_through_a_hard_link_into_the_damaged_object()
    {
        File.Delete(Content("document.json"));
        Assert.Equal(WriteStatus.Repaired, _store.Save(Write("ingest")).Status);
        Assert.Equal(Json, File.ReadAllBytes(Content("document.json")));
        Assert.Equal(WriteStatus.Unchanged, _store.Save(Write("ingest")).Status);
    }

    [Fact]
    public void A_fresh_store_over_the_same_root_still_sees_the_damage()
    {
        ChangeOneWord("document.json", "Stalin", "Stalln");
        Assert.True(Open().Read("letter")!.IsDamaged);
    }

    [Fact]
    public void Verify_finds_damage_in_an_old_version_with_the_digest_its_original_hashes_to()
    {
        _store.Save(new DocumentWrite("letter", Json, "letter.txt", Encoding.UTF8.GetBytes("Comrade Stalin:\n\nHave a look, please."), "corrected", User));
        ChangeOneWord("source/letter.txt", "look", "book");

        Assert.False(_store.Read("letter")!.IsDamaged);
        var damage = Assert.Single(_store.Verify("letter"));
        Assert.Equal(("source/letter.txt", "v1/content/source/letter.txt"), (damage.LogicalPath, damage.ContentPath));
        Assert.Equal(Convert.ToHexStringLower(System.Security.Cryptography.SHA512.HashData(Source)), damage.Digest);
    }

    [Fact]
    public void Repair_restores_an_old_version_from_bytes_offered_by_digest_and_keeps_the_head()
    {
        var corrected = Encoding.UTF8.GetBytes("Comrade Stalin:\n\nHave a look, please.");
        _store.Save(new DocumentWrite("letter", Json, "letter.txt", corrected, "corrected", User));
        ChangeOneWord("source/letter.txt", "look", "book");
        var digest = _store.Verify("letter")[0].Digest;

        Assert.Null(_store.Repair("letter", new Dictionary<string, ReadOnlyMemory<byte>> { [digest] = corrected }, "repair", User));
        var result = _store.Repair("letter", new Dictionary<string, ReadOnlyMemory<byte>> { [digest] = Source }, "audit --repair", User);

        Assert.Equal((WriteStatus.Repaired, 3), (result!.Status, result.Version));
        Assert.Empty(_store.Verify("letter"));
        Assert.Equal(corrected, _store.Read("letter")!.Source.ToArray());
        Assert.Equal(Source, _store.Read("letter", 1)!.Source.ToArray());
        Assert.True(_store.Audit().Clean);
    }
}
