using Verbatim.Storage.Ocfl;

namespace Verbatim.Storage.Tests.Ocfl;

/// <summary>Storage roots built on disk the way Verbatim lays them out (OCFL 1.1, layout 0004), then broken one way at a time.</summary>
public sealed class StorageRootTests : IDisposable
{
    private const string Letter = "urn:verbatim:lenin-1922-12-23-letter-to-the-congress";
    private const string Polemic = "urn:verbatim:polemic-closing-words";

    private readonly ScratchDirectory _scratch = new();
    private readonly HashedNTupleLayout _layout = new();

    public StorageRootTests() => OcflTestObjects.WriteStorageRoot(_scratch.Path, Letter, Polemic);

    public void Dispose() => _scratch.Dispose();

    private string Root => _scratch.Path;

    private ValidationResult Validate() => OcflValidator.ValidateStorageRoot(Root);

    [Fact]
    public void A_root_as_Verbatim_writes_it_is_valid_without_warnings()
    {
        var result = Validate();
        Assert.True(result.Valid, result.ToString());
        Assert.Empty(result.Warnings);
    }

    [Fact]
    public void Object_errors_are_located_by_the_object_path()
    {
        var objectPath = _layout.PathFor(Letter);
        File.Delete(_scratch.Combine(objectPath + "/inventory.json.sha512"));

        var result = Validate();

        var issue = Assert.Single(result.Errors);
        Assert.Equal("E058", issue.Code);
        Assert.Equal(objectPath + "/inventory.json", issue.Location);
    }

    [Fact]
    public void A_missing_declaration_is_E069()
    {
        File.Delete(_scratch.Combine("0=ocfl_1.1"));
        Assert.Equal(["E069"], Validate().Codes);
    }

    [Fact]
    public void A_declaration_with_the_wrong_text_is_E080()
    {
        File.WriteAllText(_scratch.Combine("0=ocfl_1.1"), "ocfl_1.1");
        Assert.Equal(["E080"], Validate().Codes);
    }

    [Fact]
    public void An_object_newer_than_its_root_is_E081()
    {
        File.Move(_scratch.Combine("0=ocfl_1.1"), _scratch.Combine("0=ocfl_1.0"));
        File.WriteAllText(_scratch.Combine("0=ocfl_1.0"), "ocfl_1.0\n");
        Assert.Equal(["E081"], Validate().Codes);
    }

    [Fact]
    public void Files_the_validator_does_not_understand_in_the_root_are_ignored()
    {
        File.WriteAllText(_scratch.Combine("ocfl_1.1.md"), "# the specification, for whoever finds this disk");
        Assert.True(Validate().Valid);
    }

    [Fact]
    public void A_file_in_an_intermediate_directory_is_E084()
    {
        var tuple = _layout.PathFor(Letter).Split('/')[0];
        File.WriteAllText(_scratch.Combine(tuple + "/stray.txt"), "left behind");
        var result = Validate();
        Assert.Equal(["E084"], result.Codes);
        Assert.Equal(tuple + "/stray.txt", result.Errors[0].Location);
    }

    [Fact]
    public void An_empty_directory_is_E073()
    {
        Directory.CreateDirectory(_scratch.Combine("abc/def"));
        Assert.Equal(["E073"], Validate().Codes);
    }

    [Fact]
    public void A_hierarchy_ending_without_an_object_is_E085()
    {
        var tuples = string.Join('/', _layout.PathFor(Letter).Split('/')[..3]);
        var half = _scratch.Combine(tuples + "/half-written");
        Directory.CreateDirectory(half);
        File.WriteAllText(Path.Combine(half, "inventory.json"), "{}");
        Assert.Equal(["E085"], Validate().Codes);
    }

    [Fact]
    public void An_object_where_the_layout_does_not_put_it_is_E083()
    {
        Directory.Move(_scratch.Combine(_layout.PathFor(Polemic).Split('/')[0]), _scratch.Combine("misplaced"));
        var result = Validate();
        Assert.Contains("E083", result.Codes);
        Assert.Contains(result.Errors, i => i.Code == "E083" && i.Location.StartsWith("misplaced/", StringComparison.Ordinal));
    }

    [Fact]
    public void Two_objects_with_one_id_is_E037()
    {
        var copy = _scratch.Combine("f00/f00/f00/copy");
        OcflTestObjects.WriteObject(copy, OcflTestObjects.OneVersion(Letter, OcflTestObjects.LetterFiles), OcflTestObjects.LetterFiles);
        Assert.Equal(["E037", "E083"], Validate().Codes);
    }

    [Fact]
    public void A_layout_file_without_description_is_E070_and_an_unregistered_layout_E071()
    {
        File.WriteAllText(_scratch.Combine("ocfl_layout.json"), """{ "extension": "local-layout" }""");
        Assert.Equal(["E070", "E071"], Validate().Codes);
    }

    [Fact]
    public void Extensions_hold_only_registered_extension_directories()
    {
        File.WriteAllText(_scratch.Combine("extensions/notes.txt"), "?");
        Directory.CreateDirectory(_scratch.Combine("extensions/local-thing"));
        File.WriteAllText(_scratch.Combine("extensions/local-thing/config.json"), "{}");
        var result = Validate();
        Assert.Equal(["E112", "W016"], result.Codes);
        Assert.False(result.Valid);
    }

    [Fact]
    public void Mixing_top_level_and_nested_objects_is_W015()
    {
        File.Delete(_scratch.Combine("ocfl_layout.json"));
        Directory.Delete(_scratch.Combine("extensions"), recursive: true);
        var top = _scratch.Combine("top-level-object");
        OcflTestObjects.WriteObject(top, OcflTestObjects.OneVersion("urn:verbatim:top", OcflTestObjects.LetterFiles), OcflTestObjects.LetterFiles);
        var result = Validate();
        Assert.True(result.Valid, result.ToString());
        Assert.Equal(["W015"], result.Codes);
    }

    [Fact]
    public void A_missing_directory_is_a_result_not_an_exception()
        => Assert.Equal(["E069"], OcflValidator.ValidateStorageRoot(_scratch.Combine("nothing-here")).Codes);
}
