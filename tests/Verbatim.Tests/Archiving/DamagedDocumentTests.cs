using Verbatim.Archiving;
using Verbatim.Searching;
using Verbatim.Storage.Ocfl;
using Verbatim.Storing;

namespace Verbatim.Tests.Archiving;

/// <summary>A tampered document is never shown, indexed or exported as genuine, and its original bytes repair it.</summary>
public sealed class DamagedDocumentTests : IDisposable
{
    private const string ToStalin = "lenin-1921-10-20-to-stalin";
    private static readonly IngestOptions Options = new("auto", "test ingest", new StoreUser("Tester", "mailto:tester@example.org"));

    private readonly string _folder = Path.Combine(Path.GetTempPath(), $"verbatim-damaged-{Guid.NewGuid():N}");
    private readonly Archive _archive;

    public DamagedDocumentTests()
    {
        _archive = Archive.Init(Path.Combine(_folder, "archive"));
        Assert.Empty(_archive.Ingest([RepositoryPaths.Seed("000"), RepositoryPaths.Seed("001")], Options).Failed);
    }

    public void Dispose()
    {
        _archive.Dispose();
        Directory.Delete(_folder, recursive: true);
    }

    private string ContentFile(string id, string logical)
        => Path.Combine(_archive.Layout.Store, OcflStore.Layout.PathFor(OcflStore.ObjectId(id)), "v1", "content", logical);

    private void Replace(string file, string from, string to)
    {
        var text = File.ReadAllText(file);
        Assert.Contains(from, text, StringComparison.Ordinal);
        File.WriteAllText(file, text.Replace(from, to, StringComparison.Ordinal));
    }

    [Fact]
    public void A_changed_word_in_document_json_is_refused_by_show_and_left_out_of_a_reindex()
    {
        Replace(ContentFile(ToStalin, "document.json"), "loyal revolutionary", "disloyal revolutionary");

        var error = Assert.Throws<DamagedDocumentException>(() => _archive.Show(ToStalin));
        Assert.Contains("document.json (v1/content/document.json) changed since it was stored", error.Message, StringComparison.Ordinal);

        var report = _archive.Reindex();
        Assert.Equal(ToStalin, Assert.Single(report.Damaged).Id);
        Assert.Equal(0, _archive.Search(new SearchQuery("disloyal")).Total);
        Assert.Equal(0, _archive.Search(new SearchQuery("Lalayants")).Total);
        Assert.DoesNotContain(_archive.Documents(), d => d.Id == ToStalin);
    }

    [Fact]
    public void A_deleted_content_file_is_damage_with_its_path_not_a_crash()
    {
        File.Delete(ContentFile(ToStalin, "source/" + Path.GetFileName(RepositoryPaths.Seed("000"))));
        var error = Assert.Throws<DamagedDocumentException>(() => _archive.Show(ToStalin));
        Assert.Contains("missing", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Ingesting_the_original_file_again_repairs_the_object_and_says_so()
    {
        Replace(ContentFile(ToStalin, "document.json"), "loyal revolutionary", "disloyal revolutionary");

        var report = _archive.Ingest([RepositoryPaths.Seed("000")], Options);

        var document = Assert.Single(report.Documents, d => d.Id == ToStalin);
        Assert.Equal((WriteStatus.Repaired, 2), (document.Status, document.Version));
        Assert.Contains("loyal revolutionary", _archive.Show(ToStalin)!.BodyText, StringComparison.Ordinal);
        Assert.Contains("repaired: v1/content/document.json", _archive.History(ToStalin)[^1].Message, StringComparison.Ordinal);
        Assert.True(_archive.Audit().Clean);
    }

    [Fact]
    public void Repair_from_a_folder_of_originals_restores_sources_by_digest_and_document_json_by_reading_them_again()
    {
        var originals = Path.Combine(_folder, "originals");
        Directory.CreateDirectory(originals);
        File.Copy(RepositoryPaths.Seed("000"), Path.Combine(originals, "copy-under-another-name.txt"));
        Replace(ContentFile(ToStalin, "source/" + Path.GetFileName(RepositoryPaths.Seed("000"))), "loyal", "royal");
        File.Delete(ContentFile(ToStalin, "document.json"));
        Assert.False(_archive.Audit().Clean);

        var report = _archive.Repair(originals, Options.User);

        var repaired = Assert.Single(report.Repaired);
        Assert.Equal(ToStalin, repaired.Id);
        Assert.Equal(2, repaired.Restored.Count);
        Assert.Empty(report.Unrepaired);
        Assert.True(_archive.Audit().Clean);
        Assert.Contains("loyal revolutionary", _archive.Show(ToStalin)!.BodyText, StringComparison.Ordinal);
        Assert.Equal(File.ReadAllBytes(RepositoryPaths.Seed("000")), _archive.ReadStored(ToStalin)!.Source.ToArray());
    }

    [Fact]
    public void A_damaged_document_json_is_made_again_from_the_sound_source_the_store_holds()
    {
        Replace(ContentFile(ToStalin, "document.json"), "loyal revolutionary", "disloyal revolutionary");

        var report = _archive.Repair(EmptyFolder(), Options.User);

        Assert.Equal(["v1/content/document.json"], Assert.Single(report.Repaired).Restored);
        Assert.True(_archive.Audit().Clean);
    }

    [Fact]
    public void Damage_nothing_can_mend_is_reported_as_left()
    {
        Replace(ContentFile(ToStalin, "document.json"), "loyal revolutionary", "disloyal revolutionary");
        Replace(ContentFile(ToStalin, "source/" + Path.GetFileName(RepositoryPaths.Seed("000"))), "loyal", "royal");

        var report = _archive.Repair(EmptyFolder(), Options.User);

        Assert.Empty(report.Repaired);
        Assert.Equal(2, Assert.Single(report.Unrepaired, d => d.Id == ToStalin).Damage.Count);
        Assert.False(_archive.Audit().Clean);
        // Left as found, for a person to see; the test leaves the folder behind it sound.
        Replace(ContentFile(ToStalin, "source/" + Path.GetFileName(RepositoryPaths.Seed("000"))), "royal", "loyal");
        _archive.Ingest([RepositoryPaths.Seed("000")], Options);
        Assert.True(_archive.Audit().Clean);
    }

    private string EmptyFolder()
    {
        var folder = Path.Combine(_folder, "unrelated");
        Directory.CreateDirectory(folder);
        File.WriteAllText(Path.Combine(folder, "unrelated.txt"), "unrelated");
        return folder;
    }
}
