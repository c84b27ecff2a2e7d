using Verbatim.Access;
using Verbatim.Archiving;
using Verbatim.Searching;
using Verbatim.Storing;

namespace Verbatim.Tests.Archiving;

/// <summary>Access rules are kept in the store and versioned; the catalog copies them and a reindex gets them back.</summary>
public sealed class ArchiveAccessTests : ArchiveFolderTests
{
    private static readonly StoreUser Editor = new("editor-a", "mailto:editor-a@example.org");

    private static string[] Seeds => [.. Directory.GetFiles(RepositoryPaths.Shared("corpus", "seeds"), "*.txt").Order(StringComparer.Ordinal)];

    [Fact]
    public void A_change_of_access_is_a_new_version_by_the_editor_with_the_reason_and_the_catalog_follows()
    {
        using var archive = Archive.Init(ArchivePath);
        var id = archive.Ingest([Seeds[0]], Options).Documents[0].Id;

        var result = archive.SetAccess(id, DocumentAccess.RestrictedTo(["family"]), "strictly secret, personal", Editor);

        Assert.Equal((WriteStatus.Updated, 2), (result.Status, result.Version));
        var head = archive.History(id)[^1];
        Assert.Equal(("editor-a", "strictly secret, personal"), (head.User.Name, head.Message));
        Assert.Equal(DocumentAccess.RestrictedTo(["family"]), archive.AccessOf(id));
        Assert.Equal(DocumentAccess.RestrictedTo(["family"]), archive.ClosedDocuments()[id]);
        Assert.Equal(2, archive.List(new WorkFilter()).Single(w => w.Id == id).Version);
        Assert.Equal(archive.Show(id, 1)!.BodyText, archive.Show(id, 2)!.BodyText);
    }

    [Fact]
    public void Setting_the_access_a_document_has_writes_nothing_new()
    {
        using var archive = Archive.Init(ArchivePath);
        var id = archive.Ingest([Seeds[0]], Options).Documents[0].Id;
        archive.SetAccess(id, DocumentAccess.WithdrawnBecause("a forgery"), "a forgery", Editor);

        Assert.Equal(WriteStatus.Unchanged, archive.SetAccess(id, DocumentAccess.WithdrawnBecause("a forgery"), "again", Editor).Status);
        Assert.Equal(2, archive.History(id).Count);
    }

    [Fact]
    public void A_change_of_access_without_a_reason_or_of_no_document_is_refused()
    {
        using var archive = Archive.Init(ArchivePath);
        var id = archive.Ingest([Seeds[0]], Options).Documents[0].Id;

        Assert.Contains("reason", Assert.Throws<ArchiveException>(() => archive.SetAccess(id, DocumentAccess.Open, " ", Editor)).Message, StringComparison.Ordinal);
        Assert.Contains("no document", Assert.Throws<ArchiveException>(() => archive.SetAccess("no-such-letter", DocumentAccess.Open, "why", Editor)).Message, StringComparison.Ordinal);
        Assert.Single(archive.History(id));
    }

    [Fact]
    public void Access_given_at_ingest_is_stored_and_a_later_correction_of_the_text_keeps_it()
    {
        using var archive = Archive.Init(ArchivePath);
        var embargo = DocumentAccess.EmbargoedUntil(new DateOnly(2040, 1, 1));
        var copy = Path.Combine(Folder, "in", "letter.txt");
        Directory.CreateDirectory(Path.GetDirectoryName(copy)!);
        File.Copy(Seeds[0], copy);
        var id = archive.Ingest([copy], Options with { Access = embargo }).Documents[0].Id;

        File.AppendAllText(copy, "\nA line added by a corrected transcription.\n");
        var corrected = archive.Ingest([copy], Options).Documents[0];

        Assert.Equal((WriteStatus.Updated, 2), (corrected.Status, corrected.Version));
        Assert.Equal(embargo, archive.AccessOf(id));
        Assert.Equal(embargo, archive.ClosedDocuments()[id]);
    }

    [Fact]
    public void A_reindex_gets_every_rule_back_from_the_store()
    {
        using var archive = Archive.Init(ArchivePath);
        var ids = archive.Ingest(Seeds[..3], Options).Documents.Select(d => d.Id).ToList();
        archive.SetAccess(ids[0], DocumentAccess.RestrictedTo(["family", "party-archive"]), "personal", Editor);
        archive.SetAccess(ids[1], DocumentAccess.WithdrawnBecause("the copy is not the original"), "withdrawn", Editor);
        var before = archive.ClosedDocuments();

        File.Delete(archive.Layout.Catalog);
        archive.Reindex();

        Assert.Equal(before, archive.ClosedDocuments());
        Assert.Equal(2, before.Count);
    }

    [Fact]
    public void Reopening_a_document_is_a_change_of_its_own_in_the_access_history()
    {
        using var archive = Archive.Init(ArchivePath);
        var id = archive.Ingest([Seeds[0]], Options).Documents[0].Id;
        archive.SetAccess(id, DocumentAccess.RestrictedTo(["family"]), "personal", Editor);
        archive.SetAccess(id, DocumentAccess.Open, "published in full, 1989", Editor);

        var history = archive.AccessHistory(id);

        Assert.Equal([DocumentAccess.RestrictedTo(["family"]), DocumentAccess.Open], history.Select(h => h.Access));
        Assert.Equal(["personal", "published in full, 1989"], history.Select(h => h.Version.Message));
        Assert.Empty(archive.ClosedDocuments());
    }

    [Fact]
    public void Every_store_and_every_change_of_access_is_in_the_log_and_an_edit_of_the_log_is_an_audit_finding()
    {
        using var archive = Archive.Init(ArchivePath);
        var id = archive.Ingest([Seeds[0]], Options).Documents[0].Id;
        archive.SetAccess(id, DocumentAccess.RestrictedTo(["family"]), "strictly secret, personal", Editor, from: "192.0.2.7");
        archive.Ingest([Seeds[0]], Options);

        var entries = archive.Log.Entries();

        Assert.Equal(["store", "access"], entries.Select(e => e.Action));
        Assert.Equal(("Tester", "command line", id), (entries[0].Who, entries[0].From, entries[0].Document));
        Assert.Equal(("editor-a", "192.0.2.7"), (entries[1].Who, entries[1].From));
        Assert.Contains("strictly secret, personal; access restricted:family", entries[1].Detail, StringComparison.Ordinal);
        Assert.True(archive.Audit().Clean);

        File.WriteAllText(archive.Layout.Log, File.ReadAllText(archive.Layout.Log).Replace("restricted:family", "open", StringComparison.Ordinal));

        var finding = Assert.Single(archive.Audit().Findings);
        Assert.Equal(("LOG", "log.jsonl"), (finding.Code, finding.Path));
    }
}
