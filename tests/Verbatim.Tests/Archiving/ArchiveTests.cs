using System.Text.Json;
using Verbatim.Archiving;
using Verbatim.Presenting;
using Verbatim.Searching;
using Verbatim.Storing;

namespace Verbatim.Tests.Archiving;

public sealed class ArchiveTests : ArchiveFolderTests
{
    [Fact]
    public void A_file_nested_a_hundred_thousand_deep_fails_alone_and_three_hundred_letters_are_stored()
    {
        using var archive = Archive.Init(ArchivePath);
        var letters = Directory.GetFiles(RepositoryPaths.Shared("corpus", "schnitzler-tei"), "*.xml").Order(StringComparer.Ordinal).Take(300).ToList();
        var deep = Input("deep.xml", "<TEI xmlns=\"http://www.tei-c.org/ns/1.0\"><teiHeader/><text><body><p>"
            + string.Concat(Enumerable.Repeat("<hi>", 100_000)) + "x" + string.Concat(Enumerable.Repeat("</hi>", 100_000)) + "</p></body></text></TEI>");

        var report = archive.Ingest([.. letters.Take(150), deep, .. letters.Skip(150)], Options);

        var failure = Assert.Single(report.Failed);
        Assert.Equal((deep, 1), (failure.Path, failure.Line));
        Assert.Contains("elements deep", failure.Error, StringComparison.Ordinal);
        Assert.Equal(300, report.Documents.Count);
        Assert.Equal(300, archive.List(new WorkFilter()).Count);
    }

    [Fact]
    public void Catalog_readers_of_one_archive_build_one_result_index_per_ingest()
    {
        using var archive = Archive.Init(ArchivePath);
        archive.Ingest([RepositoryPaths.Seed("000")], Options);
        using var first = archive.OpenCatalogReader();
        using var second = archive.OpenCatalogReader();
        var before = first.Search(new SearchQuery("")).Total;
        Assert.Equal(before, second.Search(new SearchQuery("")).Total);

        archive.Ingest([RepositoryPaths.Seed("001")], Options);
        Assert.True(second.Search(new SearchQuery("")).Total > before);
        Assert.Equal(second.List(new WorkFilter()).Count, first.Search(new SearchQuery("")).Total);
        Assert.Equal(2, archive.ReaderResults.Builds);
    }

    [Fact]
    public void Bad_file_is_reported_and_the_rest_of_the_batch_is_stored()
    {
        using var archive = Archive.Init(ArchivePath);
        var empty = Input("empty.txt", "");
        var report = archive.Ingest([RepositoryPaths.Seed("000"), empty, RepositoryPaths.Seed("001")], Options);
        var failure = Assert.Single(report.Failed);
        Assert.Equal(empty, failure.Path);
        Assert.Equal("the file is empty", failure.Error);
        Assert.Equal(["lenin-1921-10-20-to-stalin", "lenin-1921-12-20-to-zalutsky-and-solts"], report.Documents.Select(d => d.Id));
        Assert.Equal(2, archive.Store.Ids().Count());
        Assert.Equal(2, archive.Catalog.Count);
    }

    [Fact]
    public void Failed_file_leaves_what_was_stored_before_untouched()
    {
        using var archive = Archive.Init(ArchivePath);
        var page = Input("page.txt", File.ReadAllText(RepositoryPaths.Seed("000")));
        archive.Ingest([page], Options);
        File.WriteAllBytes(page, [0x89, 0x50, 0x4E, 0x47, 0, 0, 0]);
        var report = archive.Ingest([page], Options);
        Assert.Contains("binary", Assert.Single(report.Failed).Error);
        var stored = archive.Show("lenin-1921-10-20-to-stalin")!;
        Assert.Equal("To J. V. Stalin", stored.Title);
        Assert.Single(archive.History("lenin-1921-10-20-to-stalin"));
        Assert.True(archive.Audit().Clean);
    }

    [Fact]
    public void Reingest_of_the_same_file_is_unchanged_and_of_a_changed_one_a_new_version()
    {
        using var archive = Archive.Init(ArchivePath);
        var page = Input("page.txt", File.ReadAllText(RepositoryPaths.Seed("002")));
        Assert.Equal(WriteStatus.New, archive.Ingest([page], Options).Documents.Single().Status);
        Assert.Equal(WriteStatus.Unchanged, archive.Ingest([page], Options).Documents.Single().Status);
        File.WriteAllText(page, File.ReadAllText(page).Replace("arid it has left me", "and it has left me"));
        var updated = archive.Ingest([page], Options with { Message = "corrected an OCR error" }).Documents.Single();
        Assert.Equal((WriteStatus.Updated, 2, "lenin-1921-05-30-to-lutovinov"), (updated.Status, updated.Version, updated.Id));
        Assert.Equal(["test ingest", "corrected an OCR error"], archive.History(updated.Id).Select(v => v.Message));
        Assert.Contains("and it has left me", archive.Show(updated.Id)!.BodyText);
        Assert.Contains("arid it has left me", archive.Show(updated.Id, 1)!.BodyText);
        Assert.Equal(2, archive.List(new WorkFilter()).Single().Version);
    }

    [Fact]
    public void Two_sources_with_one_id_get_distinct_ids_that_stay_the_same_on_reingest()
    {
        using var archive = Archive.Init(ArchivePath);
        var first = Input("a/first.txt", File.ReadAllText(RepositoryPaths.Seed("000")));
        var second = Input("b/second.txt", File.ReadAllText(RepositoryPaths.Seed("000")).Replace("Have a look", "Do look"));
        Assert.Equal(["lenin-1921-10-20-to-stalin", "lenin-1921-10-20-to-stalin-2"], archive.Ingest([first, second], Options).Documents.Select(d => d.Id));
        var again = archive.Ingest([second, first], Options).Documents;
        Assert.Equal(["lenin-1921-10-20-to-stalin-2", "lenin-1921-10-20-to-stalin"], again.Select(d => d.Id));
        Assert.All(again, d => Assert.Equal(WriteStatus.Unchanged, d.Status));
    }

    [Fact]
    public void Compilation_page_holds_the_source_and_its_parts_point_at_it()
    {
        using var archive = Archive.Init(ArchivePath);
        var report = archive.Ingest([RepositoryPaths.Seed("003")], Options);
        var page = archive.ReadStored(report.Documents[0].Id)!;
        Assert.Equal("003_c6bc7323d3fdadce.txt", page.SourceFileName);
        var parts = archive.Show(page.Id)!.Parts;
        Assert.Equal(report.Documents.Count - 1, parts.Count);
        Assert.All(parts, id =>
        {
            Assert.Equal(page.Id, archive.Show(id)!.PartOf);
            Assert.Null(archive.ReadStored(id)!.SourceFileName);
        });
        Assert.Single(archive.Search(new SearchQuery("\"Everybody can see how on the foundation\"")).Hits);
    }

    [Fact]
    public void Reindex_from_the_store_alone_gives_identical_search_results()
    {
        string[] queries = ["Stalin", "\"comradely greetings\"", "Lenin AND letter", "Grzhebin OR Schnitzler", "demagnet*", "Brief", ""];
        List<string> Snapshot(Archive archive) => [.. queries.Select(q => JsonSerializer.Serialize(archive.Search(new SearchQuery(q) { Limit = 50 })))];

        List<string> before;
        using (var archive = Archive.Init(ArchivePath))
        {
            archive.Ingest([Path.Combine(RepositoryPaths.Root, "samples"), RepositoryPaths.Seed("003")], Options);
            before = Snapshot(archive);
        }
        File.Delete(Path.Combine(ArchivePath, "catalog.sqlite"));
        using (var archive = Archive.Open(ArchivePath))
        {
            // A lost catalog is rebuilt on opening, as reindex rebuilds it.
            Assert.Equal(20, archive.Catalog.Count);
            Assert.Equal(before, Snapshot(archive));
            Assert.Equal(20, archive.Reindex().Documents);
            Assert.Equal(before, Snapshot(archive));
        }
    }

    [Fact]
    public void Catalog_update_cut_off_by_a_crash_is_mended_on_open()
    {
        using (var archive = Archive.Init(ArchivePath))
        {
            archive.Ingest([RepositoryPaths.Seed("000")], Options);
            archive.Catalog.Remove("lenin-1921-10-20-to-stalin");
        }
        File.WriteAllLines(Path.Combine(ArchivePath, "catalog.pending"), ["lenin-1921-10-20-to-stalin"]);
        using (var archive = Archive.Open(ArchivePath))
        {
            Assert.Equal(["lenin-1921-10-20-to-stalin"], archive.Search(new SearchQuery("Lalayants")).Hits.Select(h => h.Id));
            Assert.False(File.Exists(Path.Combine(ArchivePath, "catalog.pending")));
        }
    }

    [Fact]
    public void Second_writer_is_told_the_archive_is_busy()
    {
        using var archive = Archive.Init(ArchivePath);
        var error = Assert.Throws<ArchiveBusyException>(() => Archive.Open(ArchivePath));
        Assert.Contains("in use by another verbatim process", error.Message);
    }

    [Fact]
    public void Folder_without_an_archive_is_a_clear_error()
    {
        var error = Assert.Throws<ArchiveException>(() => Archive.Open(Path.Combine(Folder, "nothing")));
        Assert.Contains("no archive at", error.Message);
        Assert.Contains("verbatim init", error.Message);
    }

    [Fact]
    public void Glob_selects_files_in_path_order()
    {
        Input("g/b.txt", "Second\n\ntext");
        Input("g/a.txt", "First\n\ntext");
        Input("g/c.xml", "<x/>");
        using var archive = Archive.Init(ArchivePath);
        var report = archive.Ingest([Path.Combine(Folder, "in", "g", "*.txt")], Options with { Format = "text" });
        Assert.Equal(["a.txt", "b.txt"], report.Documents.Select(d => Path.GetFileName(d.Source)));
    }

    [Fact]
    public void WalkedFolder_skips_files_no_reader_claims_and_a_named_one_is_read_as_text()
    {
        var letter = Input("corpus/letter.txt", File.ReadAllText(RepositoryPaths.Seed("000")));
        var readme = Input("corpus/README.md", "# The demo corpus\n\nWhat the demo reads.\n");
        using var archive = Archive.Init(ArchivePath);
        var report = archive.Ingest([Path.GetDirectoryName(letter)!], Options);
        Assert.Equal([letter], report.Documents.Select(d => d.Source));
        var skip = Assert.Single(report.Skipped);
        Assert.Equal((readme, "no reader claims it"), (skip.Path, skip.Reason));
        Assert.Empty(report.Failed);

        var named = Assert.Single(archive.Ingest([readme], Options).Documents);
        Assert.Equal("# The demo corpus", named.Title);
    }

    [Fact]
    public void Decoding_warning_reaches_the_report_and_the_document_and_the_encoding_is_kept()
    {
        var path = Path.Combine(Folder, "in", "cp1252.txt");
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        // A right single quotation mark is byte 0x92 in Windows-1252 and no UTF-8 at all.
        File.WriteAllBytes(path, System.Text.Encoding.Latin1.GetBytes(File.ReadAllText(RepositoryPaths.Seed("000")).Replace("Have a look", "Have a look\u0092s")));
        using var archive = Archive.Init(ArchivePath);
        var ingested = Assert.Single(archive.Ingest([path], Options).Documents);
        var warning = Assert.Single(ingested.Warnings);
        Assert.Equal("not UTF-8: read as Windows-1252", warning.Message);
        var stored = archive.Show(ingested.Id)!;
        Assert.Equal("windows-1252", stored.Origin!.Encoding);
        Assert.Contains(stored.Warnings, w => w.Message == warning.Message);
        Assert.Contains("Have a look\u2019s", stored.BodyText);
    }

    [Fact]
    public void Identical_bytes_are_never_a_second_document_in_one_run_or_across_runs()
    {
        var copy = Path.Combine(Folder, "in", "elsewhere", "copy.txt");
        Directory.CreateDirectory(Path.GetDirectoryName(copy)!);
        File.Copy(RepositoryPaths.Seed("000"), copy);
        var sameRun = Path.Combine(Folder, "in", "elsewhere", "zalutsky.txt");
        File.Copy(RepositoryPaths.Seed("001"), sameRun);

        using (var archive = Archive.Init(ArchivePath))
        {
            Assert.Equal(WriteStatus.New, Assert.Single(archive.Ingest([RepositoryPaths.Seed("000")], Options).Documents).Status);
            var later = archive.Ingest([copy], Options);
            Assert.Empty(later.Documents);
            Assert.Equal(new IngestDuplicate(copy, "lenin-1921-10-20-to-stalin"), Assert.Single(later.Duplicates));

            var together = archive.Ingest([RepositoryPaths.Seed("001"), sameRun], Options);
            Assert.Equal(["lenin-1921-12-20-to-zalutsky-and-solts"], together.Documents.Select(d => d.Id));
            Assert.Equal(new IngestDuplicate(sameRun, "lenin-1921-12-20-to-zalutsky-and-solts"), Assert.Single(together.Duplicates));
            Assert.Equal(2, archive.Store.Ids().Count());
        }
        File.Delete(Path.Combine(ArchivePath, "catalog.sqlite"));
        using (var archive = Archive.Open(ArchivePath))
        {
            archive.Reindex();
            Assert.Equal("lenin-1921-10-20-to-stalin", Assert.Single(archive.Ingest([copy], Options).Duplicates).DuplicateOf);
            var again = Assert.Single(archive.Ingest([RepositoryPaths.Seed("000")], Options).Documents);
            Assert.Equal((WriteStatus.Unchanged, "lenin-1921-10-20-to-stalin"), (again.Status, again.Id));
        }
    }

    [Fact]
    public void One_text_in_two_markups_is_two_witnesses_of_one_another_and_no_quotation()
    {
        var html = Path.Combine(RepositoryPaths.Root, "tests", "Verbatim.Formats.Tests", "MiaHtml", "Fixtures", "000_lenin-to-stalin.html");
        using (var archive = Archive.Init(ArchivePath))
        {
            var report = archive.Ingest([RepositoryPaths.Seed("000"), html], Options);
            Assert.Equal(["lenin-1921-10-20-to-stalin", "lenin-1921-10-20-to-stalin-2"], report.Documents.Select(d => d.Id));
            Assert.Equal([["lenin-1921-10-20-to-stalin-2"], ["lenin-1921-10-20-to-stalin"]], report.Documents.Select(d => d.SameTextAs));
            Assert.DoesNotContain(archive.QuoteLinks("lenin-1921-10-20-to-stalin"), l => l.SourceId != l.TargetId);
        }
        File.Delete(Path.Combine(ArchivePath, "catalog.sqlite"));
        using (var archive = Archive.Open(ArchivePath))
        {
            archive.Reindex();
            Assert.Equal(["lenin-1921-10-20-to-stalin-2"], archive.SameText("lenin-1921-10-20-to-stalin"));
            Assert.DoesNotContain(archive.QuoteLinks("lenin-1921-10-20-to-stalin"), l => l.SourceId != l.TargetId);
        }
    }

    [Fact]
    public void A_printing_year_never_dates_a_writing()
    {
        // M. I. Ulyanova's second statement is undated; Izvestia TsK KPSS first printed it in 1989.
        const string Statement = "ulyanova-m-i-ulyanova-on-vladimir-ilyich-lenins";
        using var archive = Archive.Init(ArchivePath);
        archive.Ingest([RepositoryPaths.Seed("003")], Options);
        var document = archive.Show(Statement)!;
        Assert.Null(document.Written);

        Assert.Null(archive.List(new WorkFilter()).Single(w => w.Id == Statement).Date);
        var printingYear = new WorkFilter { YearFrom = 1989, YearTo = 1989 };
        Assert.Empty(archive.List(printingYear));
        Assert.Equal(0, archive.Search(new SearchQuery("Ulyanova") { Filter = printingYear }).Total);
        Assert.DoesNotContain(archive.Search(new SearchQuery("Ulyanova")).Facets["year"], f => f.Value == "1989");

        var shown = new StringWriter();
        DocumentText.Write(shown, document);
        Assert.Contains("written       date of writing unknown; first printed 1989", shown.ToString());
    }
}
