using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using Verbatim.Archiving;
using Verbatim.Cli.Tests;
using Verbatim.Testing;
using Verbatim.Web.Hosting;
using Verbatim.Web.Tests.Accounts;
using Verbatim.Web.Tests.Hosting;

namespace Verbatim.Web.Tests.Editing;

/// <summary>An editor adds documents from the browser, over a reader that only reads, as `serve` runs it; ingest's readers, errors and outcomes.</summary>
public sealed partial class UploadTests : ServedArchiveTests
{
    private const string Message = "letters from the seed pages";

    // Malformed TEI: the end tag on line 5 closes an element that is not open.
    private static readonly byte[] BrokenTei = Encoding.UTF8.GetBytes(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<TEI xmlns=\"http://www.tei-c.org/ns/1.0\">\n  <teiHeader>\n    <fileDesc><titleStmt><title>Broken</title></titleStmt>\n  </teiHeader>\n</TEI>\n");

    protected override string Samples => "tei";

    private string Folder => Served.Folder;

    private static (string Name, byte[] Bytes) Seed(string prefix)
    {
        var path = RepositoryPaths.Seed(prefix);
        return (Path.GetFileName(path), File.ReadAllBytes(path));
    }

    /// <summary>
    /// A multipart body written byte by byte, as a hostile client may send it: the file names go
    /// out exactly as given (a framework's writer would quote or refuse some).
    /// </summary>
    private static ByteArrayContent Multipart(IEnumerable<KeyValuePair<string, string>> fields, IEnumerable<(string Name, byte[] Bytes)> files)
    {
        const string Boundary = "verbatim-upload-test-boundary";
        var body = new MemoryStream();
        void Write(string text) => body.Write(Encoding.UTF8.GetBytes(text));
        foreach (var (name, value) in fields)
            Write($"--{Boundary}\r\nContent-Disposition: form-data; name=\"{name}\"\r\n\r\n{value}\r\n");
        foreach (var (name, bytes) in files)
        {
            Write($"--{Boundary}\r\nContent-Disposition: form-data; name=\"files\"; filename=\"{name}\"\r\nContent-Type: application/octet-stream\r\n\r\n");
            body.Write(bytes);
            Write("\r\n");
        }
        Write($"--{Boundary}--\r\n");
        var content = new ByteArrayContent(body.ToArray());
        content.Headers.ContentType = MediaTypeHeaderValue.Parse($"multipart/form-data; boundary={Boundary}");
        return content;
    }

    private static async Task<HttpResponseMessage> Upload(CookieBrowser browser, params (string Name, byte[] Bytes)[] files)
        => await browser.Send(HttpMethod.Post, "/upload", Multipart([await browser.FormToken("/account"), new("format", "auto"), new("message", Message)], files));

    private async Task<HashSet<string>> Listed(CookieBrowser browser)
        => [.. JsonDocument.Parse(await (await browser.Send(HttpMethod.Get, "/api/documents")).Content.ReadAsStringAsync()).RootElement
            .EnumerateArray().Select(d => d.GetProperty("id").GetString()!)];

    private int StoredCount()
    {
        using var archive = Archive.OpenForReading(Folder);
        return archive.List(new Searching.WorkFilter()).Count;
    }

    /// <summary>The documents the page links to, in the order it shows them.</summary>
    private static List<string> Linked(string page) => [.. DocumentLink().Matches(page).Select(m => m.Groups[1].Value).Distinct()];

    [Fact]
    public async Task An_editor_uploads_two_seeds_and_a_broken_file_the_seeds_are_stored_by_them_and_the_broken_one_is_named_with_its_line()
    {
        var editor = await SignedIn("editor-a");
        Assert.Contains("enctype=\"multipart/form-data\"", await (await editor.Send(HttpMethod.Get, "/upload")).Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var before = await Listed(editor);
        var (first, second) = (Seed("000"), Seed("001"));

        var answer = await Upload(editor, first, ("broken.xml", BrokenTei), second);

        Assert.Equal(HttpStatusCode.OK, answer.StatusCode);
        var page = await answer.Content.ReadAsStringAsync();
        Assert.Contains("broken.xml:5: malformed XML", page, StringComparison.Ordinal);
        Assert.Contains($"{first.Name}: stored as lenin-1921-10-20-to-stalin (new)", page, StringComparison.Ordinal);
        Assert.Contains("2 documents: 2 new, 0 updated, 0 unchanged, 0 duplicates; 1 file failed.", page, StringComparison.Ordinal);
        // Each file as ingest begins to read it, before the batch that stores them.
        var reading = page.IndexOf("Reading file 2 of 3: broken.xml", StringComparison.Ordinal);
        Assert.InRange(reading, 0, page.IndexOf("stored as", StringComparison.Ordinal));
        Assert.DoesNotContain(Folder, page, StringComparison.Ordinal);
        var stored = Linked(page);
        Assert.Equal(["lenin-1921-10-20-to-stalin", "lenin-1921-12-20-to-zalutsky-and-solts"], stored);
        // The reader follows the archive within a second.
        var clock = System.Diagnostics.Stopwatch.StartNew();
        while (!(await Listed(editor)).IsSupersetOf(stored) && clock.Elapsed < TimeSpan.FromSeconds(5))
            await Task.Delay(50);
        Assert.Equal(before.Union(stored).Order(StringComparer.Ordinal), (await Listed(editor)).Order(StringComparer.Ordinal));
        foreach (var id in stored)
        {
            var history = JsonDocument.Parse(await (await editor.Send(HttpMethod.Get, $"/api/documents/{id}/history")).Content.ReadAsStringAsync()).RootElement;
            var only = Assert.Single(history.EnumerateArray());
            Assert.Equal(("editor-a", Message), (only.GetProperty("user").GetString(), only.GetProperty("message").GetString()));
        }
        using var archive = Archive.OpenForReading(Folder);
        Assert.Equal(first.Name, archive.ReadStored(stored[0])!.SourceFileName);
        Assert.Contains(archive.Log.Entries(), e => e is { Action: "store", Who: "editor-a", From: "127.0.0.1" } && e.Document == stored[1]);
        Assert.Empty(Directory.Exists(archive.Layout.Uploads) ? Directory.EnumerateFileSystemEntries(archive.Layout.Uploads) : []);
    }

    [Fact]
    public async Task An_upload_without_a_message_or_with_an_unreadable_access_is_refused_and_one_with_an_access_closes_what_it_stores()
    {
        var editor = await SignedIn("editor-a");
        var count = StoredCount();

        var unsaid = await editor.Send(HttpMethod.Post, "/upload", Multipart([await editor.FormToken("/upload"), new("format", "auto"), new("message", " ")], [Seed("000")]));
        var unreadable = await editor.Send(HttpMethod.Post, "/upload",
            Multipart([await editor.FormToken("/upload"), new("format", "auto"), new("message", Message), new("access", "secret")], [Seed("000")]));

        Assert.Equal(HttpStatusCode.BadRequest, unsaid.StatusCode);
        Assert.Contains("the message is kept with every version", await unsaid.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, unreadable.StatusCode);
        Assert.Contains("secret", await unreadable.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(count, StoredCount());

        var closed = await editor.Send(HttpMethod.Post, "/upload",
            Multipart([await editor.FormToken("/upload"), new("format", "auto"), new("message", Message), new("access", "restricted:family")], [Seed("000")]));

        Assert.Equal(HttpStatusCode.OK, closed.StatusCode);
        using var archive = Archive.OpenForReading(Folder);
        Assert.Equal(Access.DocumentAccess.RestrictedTo(["family"]), archive.AccessOf("lenin-1921-10-20-to-stalin"));
    }

    [Fact]
    public async Task Uploading_the_same_file_again_says_it_is_unchanged()
    {
        var editor = await SignedIn("editor-a");
        var seed = Seed("000");
        await Upload(editor, seed);

        var again = await (await Upload(editor, seed)).Content.ReadAsStringAsync();

        Assert.Contains($"{seed.Name}: lenin-1921-10-20-to-stalin unchanged (version 1)", again, StringComparison.Ordinal);
        Assert.Contains("1 document: 0 new, 0 updated, 1 unchanged", again, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_researcher_and_the_public_find_at_upload_what_an_address_where_nothing_is_answers()
    {
        var count = StoredCount();
        foreach (var browser in new[] { await SignedIn("historian"), new CookieBrowser(Served.Address) })
        {
            var nowhere = await browser.Send(HttpMethod.Get, "/nothing-is-here");
            var expected = (nowhere.StatusCode, await nowhere.Content.ReadAsStringAsync());
            var asked = await browser.Send(HttpMethod.Get, "/upload");
            Assert.Equal(expected, (asked.StatusCode, await asked.Content.ReadAsStringAsync()));
            var sent = await browser.Send(HttpMethod.Post, "/upload",
                Multipart([await browser.FormToken("/sign-in"), new("format", "auto"), new("message", Message)], [Seed("000")]));
            Assert.Equal(expected, (sent.StatusCode, await sent.Content.ReadAsStringAsync()));
            Assert.DoesNotContain("href=\"/upload\"", await (await browser.Send(HttpMethod.Get, "/")).Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }
        Assert.Equal(count, StoredCount());
        Assert.Contains("href=\"/upload\"", await (await (await SignedIn("editor-a")).Send(HttpMethod.Get, "/")).Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_upload_without_the_form_token_is_refused_and_writes_nothing()
    {
        var editor = await SignedIn("editor-a");
        var count = StoredCount();

        var refused = await editor.Send(HttpMethod.Post, "/upload", Multipart([new("format", "auto"), new("message", Message)], [Seed("000")]));

        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Equal(count, StoredCount());
    }

    [Fact]
    public async Task A_hostile_file_name_keeps_its_base_name_inside_the_upload_and_a_name_that_leaves_none_is_refused_by_name()
    {
        var editor = await SignedIn("editor-a");
        var (_, first) = Seed("000");
        var (_, second) = Seed("001");
        var tei = File.ReadAllBytes(Path.Combine(CliRun.RepositoryRoot, "samples", "tei", "L00001.xml"));
        var outside = Path.Combine(Path.GetDirectoryName(Folder)!, "escaped.txt");

        var answer = await Upload(editor, ("../../escaped.txt", first), ("a/b\\windows.txt", second), ("../", tei), ("nul\0.xml", tei));

        var page = await answer.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, answer.StatusCode);
        Assert.False(File.Exists(outside));
        Assert.False(File.Exists(Path.Combine(Folder, "escaped.txt")));
        using var archive = Archive.OpenForReading(Folder);
        Assert.Equal("escaped.txt", archive.ReadStored("lenin-1921-10-20-to-stalin")!.SourceFileName);
        Assert.Equal("windows.txt", archive.ReadStored("lenin-1921-12-20-to-zalutsky-and-solts")!.SourceFileName);
        Assert.Contains("../: the name leaves no file name", page, StringComparison.Ordinal);
        Assert.Contains("nul\\x00.xml: the name holds a control character", page, StringComparison.Ordinal);
        Assert.Contains("2 documents: 2 new, 0 updated, 0 unchanged, 0 duplicates; 2 files failed.", page, StringComparison.Ordinal);
        Assert.Empty(Directory.EnumerateFileSystemEntries(archive.Layout.Uploads));
    }

    [Fact]
    public async Task A_request_larger_than_the_files_an_upload_may_hold_is_refused_with_413_and_writes_nothing()
    {
        await using var small = await Served.StartAnother(new ReaderOptions(Port: 0) { MaximumUploadFileBytes = 1024 });
        var editor = await SignedIn("editor-a", small);
        var count = StoredCount();

        var refused = await editor.Send(HttpMethod.Post, "/upload",
            Multipart([await editor.FormToken("/account"), new("format", "auto"), new("message", Message)], [("large.txt", new byte[small.App.Services.GetRequiredService<ReaderOptions>().MaximumUploadBytes + 1])]));

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, refused.StatusCode);
        Assert.Contains("larger than", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(count, StoredCount());
    }

    [Fact]
    public async Task While_another_writer_holds_the_archive_past_the_wait_the_upload_answers_503_and_writes_nothing()
    {
        var editor = await SignedIn("editor-a");
        var count = StoredCount();
        HttpResponseMessage busy;
        using (Archive.Open(Folder))
            busy = await Upload(editor, Seed("000"));

        Assert.Equal(HttpStatusCode.ServiceUnavailable, busy.StatusCode);
        Assert.Contains("another process", await busy.Content.ReadAsStringAsync(), StringComparison.OrdinalIgnoreCase);
        Assert.Equal(count, StoredCount());
        Assert.Empty(Directory.EnumerateFileSystemEntries(new ArchiveLayout(Folder).Uploads));
    }

    [GeneratedRegex("<a href=\"/documents/([^\"?#]+)\"")]
    private static partial Regex DocumentLink();
}
