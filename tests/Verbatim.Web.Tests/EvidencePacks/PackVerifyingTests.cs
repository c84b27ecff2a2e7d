using System.IO.Compression;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Verbatim.Access;
using Verbatim.EvidencePacks;
using Verbatim.Web.Tests.Hosting;

namespace Verbatim.Web.Tests.EvidencePacks;

/// <summary>/verify-pack over HTTP: a pack made from the served archive, sent as a zip, intact, edited and hostile.</summary>
public sealed class PackVerifyingTests : ServedArchiveTests, IDisposable
{
    private const string Lutovinov = "lenin-1921-05-30-to-lutovinov";
    private static readonly DateOnly Today = DateOnly.FromDateTime(DateTime.UtcNow);

    private string Work => Path.Combine(Served.Folder, "..", $"{Path.GetFileName(Served.Folder)}-packs");

    /// <summary>A pack of a passage of the Lutovinov letter and the whole letter to Stalin, zipped as its folder; <paramref name="edit"/> changes the folder first.</summary>
    private byte[] ZippedPack(Action<string>? edit = null)
    {
        var pack = Path.Combine(Work, Guid.NewGuid().ToString("N"), "pack");
        using (var archive = Served.Open())
        {
            EvidencePack.Write(archive, pack, new PackContents("Are facts <stubborn> things?", "",
                [new PackCitation(CitationKind.Passage, Lutovinov, 1, 946, 1003), new PackCitation(CitationKind.Document, "lenin-1921-10-20-to-stalin")]),
                archive.VisibilityFor(Viewer.Public, Today), "Test", Today);
        }
        edit?.Invoke(pack);
        var zip = pack + ".zip";
        ZipFile.CreateFromDirectory(pack, zip, CompressionLevel.Fastest, includeBaseDirectory: true);
        return File.ReadAllBytes(zip);
    }

    private async Task<(HttpStatusCode Status, string Page)> Send(byte[] zip)
    {
        using var form = new MultipartFormDataContent();
        var file = new ByteArrayContent(zip);
        file.Headers.ContentType = MediaTypeHeaderValue.Parse("application/zip");
        form.Add(file, "pack", "pack.zip");
        using var response = await Served.Client.PostAsync("/verify-pack", form);
        return (response.StatusCode, await response.Content.ReadAsStringAsync());
    }

    public void Dispose()
    {
        if (Directory.Exists(Work))
            Directory.Delete(Work, recursive: true);
    }

    [Fact]
    public async Task The_form_takes_a_zip_without_script()
    {
        var page = await Served.Client.GetStringAsync("/verify-pack");

        Assert.Contains("enctype=\"multipart/form-data\"", page, StringComparison.Ordinal);
        Assert.Contains("name=\"pack\"", page, StringComparison.Ordinal);
        Assert.DoesNotContain("<script", page, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task An_intact_pack_holds_together_and_the_archive_holds_the_same_bytes()
    {
        var (status, page) = await Send(ZippedPack());

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains("The pack holds together", page, StringComparison.Ordinal);
        Assert.Contains("this archive holds 2 of the cited versions byte for byte.", page, StringComparison.Ordinal);
        Assert.Contains("Are facts &lt;stubborn&gt; things?", page, StringComparison.Ordinal);
        Assert.DoesNotContain("verbatim-verify-pack-", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_pack_with_one_edited_character_names_the_file_and_the_place()
    {
        var (status, page) = await Send(ZippedPack(pack =>
        {
            var json = Directory.GetFiles(Path.Combine(pack, "data", "documents", Lutovinov), "document.json", SearchOption.AllDirectories).Single();
            var text = File.ReadAllText(json);
            File.WriteAllText(json, text.Replace("stubborn things", "stubborm things", StringComparison.Ordinal), new UTF8Encoding(false));
        }));

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains("The pack does not hold together", page, StringComparison.Ordinal);
        Assert.Contains($"manifest-sha512.txt:", page, StringComparison.Ordinal);
        Assert.Contains($"data/documents/{Lutovinov}/v1/document.json", page, StringComparison.Ordinal);
        Assert.Contains("does not hold", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_zip_whose_entry_leaves_its_folder_or_that_is_not_a_zip_is_refused_and_nothing_is_written_outside()
    {
        var evil = new MemoryStream();
        using (var archive = new ZipArchive(evil, ZipArchiveMode.Create, leaveOpen: true))
        using (var writer = new StreamWriter(archive.CreateEntry("../../verbatim-escaped.txt").Open()))
            writer.Write("out");

        var (status, page) = await Send(evil.ToArray());
        var (garbled, garbledPage) = await Send(Encoding.UTF8.GetBytes("not a zip at all"));
        using var bare = await Served.Client.PostAsync("/verify-pack", new FormUrlEncodedContent([new("pack", "x")]));

        Assert.True(status == HttpStatusCode.BadRequest, page);
        Assert.Contains("leaves the pack", page, StringComparison.Ordinal);
        Assert.False(File.Exists(Path.Combine(Path.GetTempPath(), "verbatim-escaped.txt")));
        Assert.True(garbled == HttpStatusCode.BadRequest, garbledPage);
        Assert.Contains("cannot be unpacked", garbledPage, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, bare.StatusCode);
        Assert.Empty(Directory.GetDirectories(Path.GetTempPath(), "verbatim-verify-pack-*"));
    }

    [Fact]
    public async Task A_closed_document_is_answered_as_one_the_archive_does_not_hold_to_an_anonymous_reader_and_as_the_same_bytes_to_its_group()
    {
        var zip = ZippedPack();
        using (var writer = Served.Open(writable: true))
            writer.SetAccess(Lutovinov, DocumentAccess.RestrictedTo(["family"]), "a family matter", new Storing.StoreUser("Tester", "mailto:tester@example.org"));
        await Task.Delay(Verbatim.Web.Reading.ReadingRoom.Recheck * 3);

        var (_, anonymous) = await Send(zip);
        using var historianForm = new MultipartFormDataContent { { new ByteArrayContent(zip), "pack", "pack.zip" } };
        var historian = await SignedIn("historian");
        var theirs = await (await historian.Send(HttpMethod.Post, "/verify-pack", historianForm)).Content.ReadAsStringAsync();

        Assert.Contains("The pack holds together", anonymous, StringComparison.Ordinal);
        Assert.Contains("this archive holds 1 of the cited versions byte for byte, and does not hold 1", anonymous, StringComparison.Ordinal);
        Assert.Contains("this archive holds 2 of the cited versions byte for byte.", theirs, StringComparison.Ordinal);
    }
}
