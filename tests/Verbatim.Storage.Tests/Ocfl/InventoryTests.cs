using System.Text.Json;
using Verbatim.Storage.Ocfl;

namespace Verbatim.Storage.Tests.Ocfl;

/// <summary>The inventory model serialises to the spec's JSON and an object built from it validates.</summary>
public sealed class InventoryTests
{
    [Fact]
    public void Serialises_with_the_spec_key_names_and_leaves_out_absent_optional_keys()
    {
        var json = OcflTestObjects.OneVersion("urn:verbatim:letter", OcflTestObjects.LetterFiles).ToJson();
        using var doc = JsonDocument.Parse(json);
        var keys = doc.RootElement.EnumerateObject().Select(p => p.Name).Order(StringComparer.Ordinal);
        Assert.Equal(["digestAlgorithm", "head", "id", "manifest", "type", "versions"], keys);
        var version = doc.RootElement.GetProperty("versions").GetProperty("v1");
        Assert.Equal(["created", "message", "state", "user"], version.EnumerateObject().Select(p => p.Name).Order(StringComparer.Ordinal));
        Assert.Equal(["address", "name"], version.GetProperty("user").EnumerateObject().Select(p => p.Name).Order(StringComparer.Ordinal));
        Assert.Equal(Inventory.Type1_1, doc.RootElement.GetProperty("type").GetString());
        Assert.True(json.AsSpan().IndexOf("Письмо к съезду"u8) >= 0, "logical paths are written as UTF-8, not escaped");
    }

    [Fact]
    public void Reads_back_what_it_wrote_byte_for_byte()
    {
        var inventory = OcflTestObjects.OneVersion("urn:verbatim:letter", OcflTestObjects.LetterFiles);
        inventory.ContentDirectory = "content";
        inventory.Fixity = new() { ["md5"] = new() { ["d41d8cd98f00b204e9800998ecf8427e"] = ["v1/content/document.json"] } };
        var json = inventory.ToJson();
        var again = Inventory.FromJson(json);
        Assert.Equal(json, again.ToJson());
        Assert.Equal("content", again.ContentDirectoryName);
        Assert.Equal("Verbatim", again.Versions["v1"].User!.Name);
    }

    [Fact]
    public void An_object_written_from_the_model_is_valid_without_warnings()
    {
        using var scratch = new ScratchDirectory();
        var inventory = OcflTestObjects.OneVersion("urn:verbatim:letter", OcflTestObjects.LetterFiles);
        OcflTestObjects.WriteObject(scratch.Path, inventory, OcflTestObjects.LetterFiles);

        var result = OcflValidator.ValidateObject(scratch.Path);

        Assert.True(result.Valid, result.ToString());
        Assert.Empty(result.Warnings);
        Assert.Empty(result.Infos);
    }

    [Fact]
    public void A_changed_content_byte_is_found_and_located()
    {
        using var scratch = new ScratchDirectory();
        OcflTestObjects.WriteObject(scratch.Path, OcflTestObjects.OneVersion("urn:verbatim:letter", OcflTestObjects.LetterFiles), OcflTestObjects.LetterFiles);
        File.WriteAllText(scratch.Combine("v1/content/document.json"), "{\"id\":\"forged\"}");

        var result = OcflValidator.ValidateObject(scratch.Path);
        var withoutDigests = OcflValidator.ValidateObject(scratch.Path, checkDigests: false);

        var issue = Assert.Single(result.Errors);
        Assert.Equal("E092", issue.Code);
        Assert.Contains("v1/content/document.json", issue.Message, StringComparison.Ordinal);
        Assert.True(withoutDigests.Valid, withoutDigests.ToString());
    }

    [Fact]
    public void An_extra_file_in_content_is_found()
    {
        using var scratch = new ScratchDirectory();
        OcflTestObjects.WriteObject(scratch.Path, OcflTestObjects.OneVersion("urn:verbatim:letter", OcflTestObjects.LetterFiles), OcflTestObjects.LetterFiles);
        File.WriteAllText(scratch.Combine("v1/content/slipped-in.txt"), "not received");

        var result = OcflValidator.ValidateObject(scratch.Path);

        Assert.Equal(["E023"], result.Codes);
        Assert.Contains(result.Errors, i => i.Location == "v1/content/slipped-in.txt");
    }

    [Fact]
    public void Empty_directories_in_content_are_E024_and_an_empty_content_directory_W003()
    {
        using var scratch = new ScratchDirectory();
        var withFiles = scratch.Combine("with-files");
        OcflTestObjects.WriteObject(withFiles, OcflTestObjects.OneVersion("urn:verbatim:letter", OcflTestObjects.LetterFiles), OcflTestObjects.LetterFiles);
        Directory.CreateDirectory(Path.Combine(withFiles, "v1", "content", "source", "empty"));
        var empty = scratch.Combine("empty");
        OcflTestObjects.WriteObject(empty, OcflTestObjects.OneVersion("urn:verbatim:nothing", new Dictionary<string, byte[]>()), new Dictionary<string, byte[]>());
        Directory.CreateDirectory(Path.Combine(empty, "v1", "content"));

        var e024 = OcflValidator.ValidateObject(withFiles);
        var w003 = OcflValidator.ValidateObject(empty);

        Assert.Equal(["E024"], e024.Codes);
        Assert.Equal("v1/content/source/empty", e024.Errors[0].Location);
        Assert.True(w003.Valid, w003.ToString());
        Assert.Equal(["W003"], w003.Codes);
    }

    [Fact]
    public void Blake2b_fixity_is_reported_as_unsupported_not_passed_silently()
    {
        var fixture = Path.Combine(SharedMaterial.OcflFixtures, "1.1", "good-objects", "ocfl_object_all_fixity_digests");

        var result = OcflValidator.ValidateObject(fixture);

        Assert.True(result.Valid, result.ToString());
        var info = Assert.Single(result.Infos);
        Assert.Equal(ValidationResult.UnsupportedAlgorithm, info.Code);
        Assert.Contains("blake2b-512", info.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_missing_directory_is_a_result_not_an_exception()
    {
        var result = OcflValidator.ValidateObject(Path.Combine(Path.GetTempPath(), "verbatim-no-such-object-" + Guid.NewGuid().ToString("N")));
        Assert.Equal(["E003"], result.Codes);
    }
}
