using System.Net;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Verbatim.Archiving;
using Verbatim.Storage.Ocfl;
using Verbatim.Storing;
using Verbatim.Web.Hosting;

namespace Verbatim.Web.Tests.Hosting;

/// <summary>
/// A reader over an archive whose stored files were changed behind its back: one document with a
/// word changed in its document.json, one whose source file is gone, one whose document.json is gone.
/// </summary>
public sealed class DamageTests : IAsyncLifetime
{
    private static readonly IngestOptions Options = new("auto", "damage tests", new StoreUser("Tester", "mailto:tester@example.org"));

    private readonly string _folder = Path.Combine(Path.GetTempPath(), $"verbatim-web-damage-{Guid.NewGuid():N}");
    private Archive _archive = default!;
    private HostedReader _reader = default!;
    private string _tampered = "";
    private string _sourceless = "";
    private string _unreadable = "";

    public async Task InitializeAsync()
    {
        _archive = Archive.Init(Path.Combine(_folder, "archive"));
        var inbox = Path.Combine(_folder, "in");
        Directory.CreateDirectory(inbox);
        string Ingest(string name, string title)
        {
            var file = Path.Combine(inbox, name);
            File.WriteAllText(file, title + "\n\nDear comrade, the committee met today and agreed on everything.\n\nYours, N.\n");
            return _archive.Ingest([file], Options).Documents.Single().Id;
        }
        _tampered = Ingest("tampered.txt", "A letter changed behind the archive");
        _sourceless = Ingest("sourceless.txt", "A letter whose source is gone");
        _unreadable = Ingest("unreadable.txt", "A letter whose document is gone");

        // A case made while they were sound: it cites the one to be tampered with and the one to lose its document.json.
        _archive.NewCase("damaged-evidence", "What did the committee agree?", null, Options.User);
        _archive.AddToCase("damaged-evidence", Cases.CaseItems.Passage(_archive, _tampered, "agreed on everything"), Options.User);
        _archive.AddToCase("damaged-evidence", Cases.CaseItems.Document(_archive, _unreadable), Options.User);
        _archive.AddToCase("damaged-evidence", new Cases.NoteItem("The minutes say so too."), Options.User);

        var tamperedJson = ContentPath(_tampered, "document.json");
        File.WriteAllText(tamperedJson, File.ReadAllText(tamperedJson).Replace("agreed", "refused", StringComparison.Ordinal));
        File.Delete(ContentPath(_sourceless, Path.Combine("source", "sourceless.txt")));
        File.Delete(ContentPath(_unreadable, "document.json"));

        _reader = await HostedReader.Start(_archive);
    }

    private string ContentPath(string id, string logicalPath)
        => Path.Combine(_archive.Layout.Store, OcflStore.Layout.PathFor(OcflStore.ObjectId(id)), "v1", "content", logicalPath);

    public async Task DisposeAsync()
    {
        await _reader.DisposeAsync();
        _archive.Dispose();
        Directory.Delete(_folder, recursive: true);
    }

    [Fact]
    public async Task A_tampered_document_page_says_so_at_the_top_and_still_renders()
    {
        var response = await _reader.Client.GetAsync($"/documents/{_tampered}");
        var page = await response.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var banner = page.IndexOf("The stored files of this document do not match their digests", StringComparison.Ordinal);
        Assert.True(banner > 0, "no damage banner");
        Assert.True(banner < page.IndexOf("refused on everything", StringComparison.Ordinal), "the banner comes after the text");
        Assert.Contains("document.json", page[banner..]);
        Assert.Contains("re-ingesting the original file repairs it", page);
        Assert.Equal(SecurityHeaders.ContentSecurityPolicy, response.Headers.GetValues("Content-Security-Policy").Single());
    }

    [Theory]
    [InlineData("/source")]
    [InlineData("/text")]
    [InlineData("/cite.bib")]
    [InlineData("/cite.json")]
    public async Task A_tampered_document_is_never_served_as_its_other_forms(string form)
    {
        var response = await _reader.Client.GetAsync($"/documents/{_tampered}{form}");
        var body = await response.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("damaged", body);
        Assert.DoesNotContain("refused on everything", body);
    }

    [Fact]
    public async Task A_tampered_document_is_a_409_problem_on_the_api_listing_its_damage()
    {
        var response = await _reader.Client.GetAsync($"/api/documents/{_tampered}");
        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        var damage = Assert.Single(problem.GetProperty("damage").EnumerateArray());
        Assert.Equal("document.json", damage.GetProperty("logicalPath").GetString());
        Assert.StartsWith("v1/content/", damage.GetProperty("contentPath").GetString());
        Assert.Contains("changed since it was stored", damage.GetProperty("problem").GetString());
    }

    [Fact]
    public async Task A_document_whose_source_is_gone_shows_its_text_with_the_banner_and_refuses_its_source()
    {
        var page = await _reader.Client.GetAsync($"/documents/{_sourceless}");
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        var text = await page.Content.ReadAsStringAsync();
        Assert.Contains("The stored files of this document do not match their digests", text);
        Assert.Contains("missing", text);
        Assert.Equal(HttpStatusCode.Conflict, (await _reader.Client.GetAsync($"/documents/{_sourceless}/source")).StatusCode);
    }

    [Theory]
    [InlineData("", "text/html")]
    [InlineData("/source", "text/html")]
    [InlineData("/api", "application/problem+json")]
    public async Task A_document_whose_document_json_is_gone_is_a_409_not_a_failure(string form, string mediaType)
    {
        var path = form == "/api" ? $"/api/documents/{_unreadable}" : $"/documents/{_unreadable}{form}";
        var response = await _reader.Client.GetAsync(path);
        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.Equal(mediaType, response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("missing", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task A_case_citing_damaged_documents_still_shows_and_says_which_citation_is_damaged()
    {
        using var response = await _reader.Client.GetAsync("/cases/damaged-evidence");
        var html = new AngleSharp.Html.Parser.HtmlParser().ParseDocument(await response.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("The minutes say so too.", html.QuerySelector("li.case-note")!.TextContent, StringComparison.Ordinal);
        var passage = html.QuerySelector("li.case-passage")!;
        Assert.Contains("do not match their digests", passage.TextContent, StringComparison.Ordinal);
        // The cited characters, counted in the tampered text: one letter longer, so the range ends a letter short.
        Assert.Equal("The archive's version 1 reads here: «refused on everythin», not the words the case kept.", passage.QuerySelector("p.warning")!.TextContent);
        var document = html.QuerySelector("li.case-document")!;
        Assert.Contains($"the stored document {_unreadable} is damaged", document.TextContent, StringComparison.Ordinal);
    }
}
