using System.Text;
using Verbatim.Storage.Ocfl;

namespace Verbatim.Storage.Tests.Ocfl;

/// <summary>The string rules behind the validator: created (E049), paths (E052, E053, E095, E099–E101), version names (E009–E013).</summary>
public sealed class OcflRulesTests
{
    [Theory]
    [InlineData("2019-01-01T02:03:04Z")]
    [InlineData("2021-03-30T15:18:29.613693922-05:00")]
    [InlineData("2018-10-31T12:54:57.688459Z")]
    [InlineData("2021-03-29T19:50:12+05:00")]
    [InlineData("2019-01-01t02:03:04z")]
    [InlineData("2020-02-29T00:00:00Z")]
    [InlineData("1990-12-31T23:59:60Z")]
    public void Created_accepts_RFC_3339_date_times(string created)
        => Assert.True(Rfc3339.IsValid(created));

    [Theory]
    [InlineData("2019-01-01T02:03:04", "no time zone")]
    [InlineData("2019-01-01T01:02Z", "not to the second")]
    [InlineData("2019-01-01", "a date only")]
    [InlineData("2019-01-01 02:03:04Z", "a space for T")]
    [InlineData("2019-01-01T02:03:04.Z", "a fraction without digits")]
    [InlineData("2019-01-01T02:03:04+0500", "an offset without colon")]
    [InlineData("2019-01-01T02:03:04+05", "an offset without minutes")]
    [InlineData("2019-02-29T00:00:00Z", "a day 2019 did not have")]
    [InlineData("2019-13-01T00:00:00Z", "month 13")]
    [InlineData("2019-01-01T24:00:00Z", "hour 24")]
    [InlineData("2019-01-01T00:00:00+24:00", "offset hour 24")]
    [InlineData("19-01-01T00:00:00Z", "a two-digit year")]
    [InlineData("2019-01-01T02:03:04Z\n", "a trailing newline")]
    [InlineData("", "nothing")]
    public void Created_rejects_what_RFC_3339_does_not_allow(string created, string why)
        => Assert.False(Rfc3339.IsValid(created), why);

    [Fact]
    public void Created_formats_as_UTC_to_the_second()
    {
        var text = Rfc3339.Format(new DateTimeOffset(2024, 5, 6, 7, 8, 9, 123, TimeSpan.FromHours(3)));
        Assert.Equal("2024-05-06T04:08:09Z", text);
        Assert.True(Rfc3339.IsValid(text));
    }

    [Theory]
    [InlineData("a_file.txt", "")]
    [InlineData("my_content/poe.txt", "")]
    [InlineData("...", "")]
    [InlineData(".hidden", "")]
    [InlineData("a file.wxy", "")]
    [InlineData("/file-1.txt", "E053")]
    [InlineData("dir/", "E053")]
    [InlineData("//file-3.txt", "E053 E052")]
    [InlineData("a//b", "E052")]
    [InlineData("../../file-2.txt", "E052")]
    [InlineData("./a", "E052")]
    [InlineData("a/..", "E052")]
    [InlineData(".", "E052")]
    [InlineData("", "E052")]
    public void Logical_path_rules(string path, string codes)
        => Assert.Equal(codes, string.Join(' ', OcflPaths.LogicalPathProblems(path)));

    [Theory]
    [InlineData("v1/content/file.txt", "")]
    [InlineData("/v1/content/file-3.txt", "E100")]
    [InlineData("v1/content//file-2.txt", "E099")]
    [InlineData("v1/content/../content/file-1.txt", "E099")]
    public void Content_path_rules(string path, string codes)
        => Assert.Equal(codes, string.Join(' ', OcflPaths.ContentPathProblems(path)));

    [Fact]
    public void Paths_clash_when_repeated_or_when_one_is_the_directory_of_another()
    {
        var (duplicates, conflicts) = OcflPaths.FindClashes(["sub-path/a_file.txt", "sub-path", "b", "b", "ab/c", "a", "a b"]);
        Assert.Equal(["b"], duplicates);
        Assert.Equal(["sub-path"], conflicts);
    }

    [Theory]
    [InlineData("v1", 1, 0)]
    [InlineData("v10", 10, 0)]
    [InlineData("v01", 1, 2)]
    [InlineData("v0009", 9, 4)]
    public void Version_names_parse(string name, int number, int width)
    {
        Assert.True(OcflPaths.TryParseVersion(name, out var n, out var w));
        Assert.Equal((number, width), (n, w));
    }

    [Theory]
    [InlineData("1")]
    [InlineData("v")]
    [InlineData("v0")]
    [InlineData("v00")]
    [InlineData("V1")]
    [InlineData("v1a")]
    [InlineData("v-1")]
    [InlineData("v1\n")]
    [InlineData("v\u0661")]
    public void Version_names_must_be_v_and_a_positive_base_ten_integer(string name)
        => Assert.False(OcflPaths.TryParseVersion(name, out _, out _));

    [Theory]
    [InlineData("v1 v2 v3", "")]
    [InlineData("v2 v3", "E009")]
    [InlineData("v1 v3", "E010")]
    [InlineData("v01 v02", "W001")]
    [InlineData("v01 v02 v03 v04 v05 v06 v07 v08 v09 v10", "E011 E013 W001")]
    [InlineData("v1 v02", "E012 E013")]
    [InlineData("v001 v02", "E012 E013 W001")]
    [InlineData("v1 v01", "E012 E040")]
    public void Version_sequences(string names, string codes)
    {
        var result = Read(InventoryWithVersions(names.Split(' ')));
        Assert.Equal(codes, string.Join(' ', result.Codes));
    }

    [Fact]
    public void Ids_and_addresses_are_URIs_when_they_have_a_scheme()
    {
        Assert.True(OcflPaths.IsUri("ark:123/abc"));
        Assert.True(OcflPaths.IsUri("urn:example-2"));
        Assert.True(OcflPaths.IsUri("mailto:a_person@example.org"));
        Assert.True(OcflPaths.IsUri("https://orcid.org/0000-0000-0000-0000"));
        Assert.False(OcflPaths.IsUri("not_a_uri"));
        Assert.False(OcflPaths.IsUri("alice@example.org"));
        Assert.False(OcflPaths.IsUri("1 Wonky Way, Wibblesville, WW"));
    }

    private static ValidationResult Read(string json)
    {
        var result = new ValidationResult();
        InventoryReader.Read(Encoding.UTF8.GetBytes(json), "inventory.json", isRoot: true, result);
        return result;
    }

    /// <summary>A sound inventory with the given version names, each holding one file, the last being head.</summary>
    private static string InventoryWithVersions(string[] names)
    {
        const string digest = "cf83e1357eefb8bdf1542850d66d8007d620e4050b5715dc83f4a921d36ce9ce47d0d13c5d85f2b0ff8318d2877eec2f63b931bd47417a81a538327af927da3e";
        var versions = string.Join(",", names.Select(n =>
            $$"""
            "{{n}}": { "created": "2024-01-01T00:00:00Z", "message": "m", "user": { "name": "n", "address": "mailto:n@example.org" },
                       "state": { "{{digest}}": ["empty.txt"] } }
            """));
        return $$"""
            { "id": "urn:test", "type": "https://ocfl.io/1.1/spec/#inventory", "digestAlgorithm": "sha512", "head": "{{names[^1]}}",
              "manifest": { "{{digest}}": ["{{names[0]}}/content/empty.txt"] },
              "versions": { {{versions}} } }
            """;
    }
}
