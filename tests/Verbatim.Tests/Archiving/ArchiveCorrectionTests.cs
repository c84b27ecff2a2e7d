using Verbatim.Access;
using Verbatim.Archiving;
using Verbatim.Model;
using Verbatim.Searching;
using Verbatim.Storing;

namespace Verbatim.Tests.Archiving;

/// <summary>An editor's correction of a document's fields is a new version by them with the reason, over the same source; a re-ingest keeps it.</summary>
public sealed class ArchiveCorrectionTests : ArchiveFolderTests
{
    private static readonly StoreUser Editor = new("editor-a", "urn:verbatim:account:editor-a");
    private static readonly StoreUser OtherEditor = new("editor-b", "urn:verbatim:account:editor-b");

    private static string Seed => Directory.GetFiles(RepositoryPaths.Shared("corpus", "seeds"), "*.txt").Order(StringComparer.Ordinal).First();

    private static Dictionary<CorrectableField, string> Fields(params (CorrectableField Field, string Text)[] fields)
        => fields.ToDictionary(f => f.Field, f => f.Text);

    [Fact]
    public void A_corrected_date_is_a_new_version_by_the_editor_with_the_reason_over_the_same_source_and_the_catalog_follows()
    {
        using var archive = Archive.Init(ArchivePath);
        var id = archive.Ingest([Seed], Options).Documents[0].Id;
        var before = archive.Show(id)!;

        var result = archive.Correct(id, Fields((CorrectableField.Date, "1921-10-21?"), (CorrectableField.Kind, "note")), "the postmark reads the 21st", Editor, basedOn: 1);

        Assert.Equal((WriteStatus.Updated, 2), (result.Status, result.Version));
        var head = archive.History(id)[^1];
        Assert.Equal(("editor-a", "the postmark reads the 21st"), (head.User.Name, head.Message));
        var corrected = archive.Show(id)!;
        Assert.Equal(("1921-10-21", DocumentKind.Note), (corrected.Written!.Date, corrected.Kind));
        Assert.Equal(before.BodyText, corrected.BodyText);
        Assert.Equal(archive.ReadStored(id, 1)!.Source.ToArray(), archive.ReadStored(id, 2)!.Source.ToArray());
        Assert.Equal(
            [new Correction { Field = CorrectableField.Kind, Was = DocumentFields.Text(before, CorrectableField.Kind), Value = "note", Editor = "editor-a", Version = 2, Reason = "the postmark reads the 21st" },
             new Correction { Field = CorrectableField.Date, Was = DocumentFields.Text(before, CorrectableField.Date), Value = "1921-10-21?", Editor = "editor-a", Version = 2, Reason = "the postmark reads the 21st" }],
            corrected.Corrections);
        Assert.Equal(("1921-10-21", "note", 2), archive.List(new WorkFilter()).Where(w => w.Id == id).Select(w => (w.Date, w.Kind, w.Version)).Single());
        var diff = VersionDiff.Between(archive, id, 1, 2)!;
        Assert.Contains(diff.Files.Single(f => f.Path == "document.json").Lines, l => l.Mark == '+' && l.Text.Contains("\"date\": \"1921-10-21\"", StringComparison.Ordinal));
        Assert.Empty(diff.Words);
        Assert.Equal("correct", archive.Log.Entries()[^1].Action);

        File.Delete(archive.Layout.Catalog);
        archive.Reindex();
        Assert.Equal("1921-10-21", archive.List(new WorkFilter()).Single(w => w.Id == id).Date);
    }

    [Fact]
    public void A_save_on_a_version_someone_changed_meanwhile_is_refused_with_the_other_change_and_nothing_is_written()
    {
        using var archive = Archive.Init(ArchivePath);
        var id = archive.Ingest([Seed], Options).Documents[0].Id;
        archive.Correct(id, Fields((CorrectableField.Place, "Gorki")), "dictated at Gorki", OtherEditor, basedOn: 1);
        archive.SetAccess(id, DocumentAccess.RestrictedTo(["family"]), "personal", OtherEditor, basedOn: 2);

        var conflict = Assert.Throws<EditConflictException>(() => archive.Correct(id, Fields((CorrectableField.Date, "1921-10-21")), "postmark", Editor, basedOn: 1));

        Assert.Equal([2, 3], conflict.Since.Select(v => v.Version.Number));
        Assert.Equal(("editor-b", "dictated at Gorki"), (conflict.Since[0].Version.User.Name, conflict.Since[0].Version.Message));
        Assert.Equal("place", Assert.Single(conflict.Since[0].Changes).Field);
        Assert.Equal("Gorki", conflict.Since[0].Changes[0].Now);
        Assert.Equal(new FieldChange("access", "open", "restricted:family"), Assert.Single(conflict.Since[1].Changes));
        Assert.Contains($"place {DocumentFields.Quote(conflict.Since[0].Changes[0].Was)} → “Gorki”", conflict.Message, StringComparison.Ordinal);
        Assert.Equal(3, archive.History(id).Count);
    }

    [Fact]
    public void A_field_that_cannot_take_its_text_refuses_the_whole_save_and_a_save_that_changes_nothing_writes_nothing()
    {
        using var archive = Archive.Init(ArchivePath);
        var id = archive.Ingest([Seed], Options).Documents[0].Id;
        var kind = DocumentFields.Text(archive.Show(id)!, CorrectableField.Kind);

        var refused = Assert.Throws<ArchiveException>(() => archive.Correct(id, Fields((CorrectableField.Place, "Gorki"), (CorrectableField.Date, "autumn 1921")), "why", Editor));
        var same = archive.Correct(id, Fields((CorrectableField.Kind, kind)), "why", Editor);

        Assert.Contains("date: “autumn 1921” is not a date", refused.Message, StringComparison.Ordinal);
        Assert.Equal(WriteStatus.Unchanged, same.Status);
        Assert.Contains("reason", Assert.Throws<ArchiveException>(() => archive.Correct(id, Fields((CorrectableField.Place, "Gorki")), "  ", Editor)).Message, StringComparison.Ordinal);
        Assert.Single(archive.History(id));
    }

    [Fact]
    public void A_new_reading_of_the_source_keeps_the_editors_corrections()
    {
        using var archive = Archive.Init(ArchivePath);
        var copy = Path.Combine(Folder, "in", "letter.txt");
        Directory.CreateDirectory(Path.GetDirectoryName(copy)!);
        File.Copy(Seed, copy);
        var id = archive.Ingest([copy], Options).Documents[0].Id;
        archive.Correct(id, Fields((CorrectableField.Date, "1921-10-21"), (CorrectableField.Addressees, "J. V. Stalin\nL. B. Kamenev")), "copy to Kamenev, per the register", Editor);

        File.AppendAllText(copy, "\nA line added by a corrected transcription.\n");
        var reread = archive.Ingest([copy], Options).Documents[0];

        Assert.Equal((WriteStatus.Updated, 3), (reread.Status, reread.Version));
        var head = archive.Show(id)!;
        Assert.Equal(File.ReadAllBytes(copy), archive.ReadStored(id)!.Source.ToArray());
        Assert.Equal("1921-10-21", head.Written!.Date);
        Assert.Equal("L. B. Kamenev", head.Addressees[^1].Name);
        Assert.Equal(2, head.Corrections.Count);
    }
}
