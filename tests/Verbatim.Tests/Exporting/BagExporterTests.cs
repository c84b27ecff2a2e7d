using Verbatim.Access;
using Verbatim.Archiving;
using Verbatim.Exporting;
using Verbatim.Searching;
using Verbatim.Tests.Archiving;

namespace Verbatim.Tests.Exporting;

/// <summary>Documents out as a BagIt bag and back in through ingest, checked byte for byte on the way.</summary>
public sealed class BagExporterTests : ArchiveFolderTests
{
    private static readonly DateOnly Today = new(2026, 12, 7);

    private string BagPath => Path.Combine(Folder, "bag");

    private Archive Filled()
    {
        var archive = Archive.Init(ArchivePath);
        archive.Ingest([Path.Combine(RepositoryPaths.Root, "samples")], Options);
        archive.SetAccess("lenin-1921-12-20-to-zalutsky-and-solts", DocumentAccess.RestrictedTo(["party-archive"]), "a party matter", Options.User);
        return archive;
    }

    [Fact]
    public void A_bag_holds_each_open_documents_source_byte_for_byte_and_its_document_json_and_validates()
    {
        using var archive = Filled();
        var all = archive.List(new WorkFilter()).Count;

        var export = BagExporter.Export(archive, BagPath, null, archive.VisibilityFor(Viewer.Public, Today), "The Test Archive", Today);

        var report = BagCheck.Validate(BagPath);
        Assert.True(report.Valid, string.Join("; ", report.Errors));
        Assert.Equal(all - 1, export.Documents.Count);
        Assert.Equal(1, export.Closed);
        Assert.DoesNotContain("lenin-1921-12-20-to-zalutsky-and-solts", export.Documents);
        Assert.False(Directory.Exists(Path.Combine(BagPath, "data", "lenin-1921-12-20-to-zalutsky-and-solts")));
        var stored = archive.ReadStored("lenin-1921-10-20-to-stalin")!;
        var source = Assert.Single(Directory.GetFiles(Path.Combine(BagPath, "data", "lenin-1921-10-20-to-stalin", "source")));
        Assert.Equal(stored.Source.ToArray(), File.ReadAllBytes(source));
        Assert.Equal(stored.DocumentJson.ToArray(), File.ReadAllBytes(Path.Combine(BagPath, "data", "lenin-1921-10-20-to-stalin", "document.json")));
        Assert.Contains(report.Info, i => i.Key == "Source-Organization" && i.Value == "The Test Archive");
        Assert.Contains(report.Info, i => i.Key == "Bagging-Date" && i.Value == "2026-12-07");
        Assert.Equal(2 * export.Documents.Count, report.Payload.Count);
    }

    [Fact]
    public void A_bag_ingested_into_another_archive_gives_the_same_documents_and_nothing_from_the_derived_files()
    {
        using (var archive = Filled())
            BagExporter.Export(archive, BagPath, null, archive.VisibilityFor(Viewer.Keeper, Today), "The Test Archive", Today);
        var other = Path.Combine(Folder, "other");
        using var receiver = Archive.Init(other);

        var ingested = receiver.Ingest([BagPath], Options);

        Assert.Empty(ingested.Failed);
        using var sender = Archive.OpenForReading(ArchivePath);
        Assert.Equal(sender.List(new WorkFilter()).Select(w => w.Id), receiver.List(new WorkFilter()).Select(w => w.Id));
        foreach (var id in sender.List(new WorkFilter()).Select(w => w.Id))
            Assert.Equal(sender.ReadStored(id)!.Source.ToArray(), receiver.ReadStored(id)!.Source.ToArray());
        Directory.Delete(other, recursive: true);
    }

    [Fact]
    public void A_bag_with_one_changed_byte_is_refused_whole_naming_the_manifest_line_and_the_other_files_are_stored()
    {
        using (var archive = Filled())
            BagExporter.Export(archive, BagPath, ["lenin-1921-10-20-to-stalin", "lenin-1921-05-30-to-lutovinov"], archive.VisibilityFor(Viewer.Public, Today), "The Test Archive", Today);
        var source = Directory.GetFiles(Path.Combine(BagPath, "data", "lenin-1921-05-30-to-lutovinov", "source"))[0];
        var bytes = File.ReadAllBytes(source);
        bytes[^3] ^= 0x20;
        File.WriteAllBytes(source, bytes);
        var other = Path.Combine(Folder, "other");
        using var receiver = Archive.Init(other);

        var ingested = receiver.Ingest([BagPath, RepositoryPaths.Seed("001")], Options);

        var refusal = Assert.Single(ingested.Failed, f => f.Path.EndsWith("manifest-sha512.txt", StringComparison.Ordinal));
        Assert.Contains("the bag is not valid, so nothing of it is stored", refusal.Error, StringComparison.Ordinal);
        Assert.Contains("data/lenin-1921-05-30-to-lutovinov/source/", refusal.Error, StringComparison.Ordinal);
        Assert.NotNull(refusal.Line);
        Assert.Equal(["lenin-1921-12-20-to-zalutsky-and-solts"], ingested.Documents.Select(d => d.Id));
        Assert.Null(receiver.ReadStored("lenin-1921-10-20-to-stalin"));
        Directory.Delete(other, recursive: true);
    }

    [Fact]
    public void A_bag_is_never_written_over_a_folder_that_holds_something()
    {
        using var archive = Filled();
        Directory.CreateDirectory(BagPath);
        File.WriteAllText(Path.Combine(BagPath, "keep.txt"), "mine");

        Assert.Throws<IOException>(() => BagExporter.Export(archive, BagPath, null, archive.VisibilityFor(Viewer.Public, Today), "x", Today));

        Assert.Equal(["keep.txt"], Directory.GetFileSystemEntries(BagPath).Select(Path.GetFileName));
        Assert.Empty(Directory.GetDirectories(Folder, "bag.partial-*"));
    }

    [Fact]
    public void Unknown_ids_are_reported_and_the_rest_written()
    {
        using var archive = Filled();
        var export = BagExporter.Export(archive, BagPath, ["no-such-document", "lenin-1921-10-20-to-stalin"], archive.VisibilityFor(Viewer.Public, Today), "x", Today);
        Assert.Equal(["no-such-document"], export.Unknown);
        Assert.Equal(["lenin-1921-10-20-to-stalin"], export.Documents);
    }
}
