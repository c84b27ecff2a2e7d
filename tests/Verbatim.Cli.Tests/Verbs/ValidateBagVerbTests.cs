using System.Text.Json;

namespace Verbatim.Cli.Tests.Verbs;

/// <summary>`verbatim validate-bag` as the conformance suite's harness runs it: exit 0 or 1, warnings on standard error.</summary>
public sealed class ValidateBagVerbTests
{
    private static string Bag(string path) => RepositoryPaths.Shared("standards", "bagit-conformance-suite", path);

    [Fact]
    public void A_valid_bag_exits_0_and_says_what_it_holds()
    {
        var run = CliRun.Of("validate-bag", Bag("v1.0/valid/basicBag"));
        Assert.Equal(0, run.ExitCode);
        Assert.Contains("valid bag (BagIt 1.0); 1 payload file, 0 errors, 0 warnings.", run.Output, StringComparison.Ordinal);
        Assert.Equal("", run.Error);
    }

    [Fact]
    public void An_invalid_bag_exits_1_naming_the_file_and_line_of_each_error()
    {
        var run = CliRun.Of("validate-bag", Bag("v0.97/invalid/same-filename-listed-twice-with-different-hashes"));
        Assert.Equal(1, run.ExitCode);
        Assert.Contains("error: manifest-sha256.txt:2: lists \"data/README\" again (line 1) with another checksum", run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public void A_bag_with_a_warning_is_valid_and_says_it_on_standard_error_also_in_json()
    {
        var run = CliRun.Of("validate-bag", Bag("v0.97/warning/relative-path"), "--json");
        using var json = JsonDocument.Parse(run.Output);

        Assert.Equal(0, run.ExitCode);
        Assert.True(json.RootElement.GetProperty("valid").GetBoolean());
        Assert.Equal("manifest-sha512.txt", json.RootElement.GetProperty("warnings")[0].GetProperty("file").GetString());
        Assert.Contains("warning: manifest-sha512.txt:1: writes \"./data/hello.txt\" with a leading \"./\"", run.Error, StringComparison.Ordinal);
    }
}
