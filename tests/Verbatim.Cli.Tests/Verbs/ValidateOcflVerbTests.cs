using System.Text.Json;

namespace Verbatim.Cli.Tests.Verbs;

/// <summary>
/// Tampering with a stored object, as a user would find it: both `audit` and `validate-ocfl`
/// exit 1 and name the OCFL code of what was done, located in the object that was touched.
/// </summary>
public sealed class ValidateOcflVerbTests : IDisposable
{
    private readonly string _archive = Path.Combine(Path.GetTempPath(), $"verbatim-validate-{Guid.NewGuid():N}");

    public ValidateOcflVerbTests()
    {
        Assert.Equal(0, CliRun.Of("init", "--archive", _archive).ExitCode);
        Assert.Equal(0, CliRun.Of("ingest", CliRun.Seed("001"), CliRun.Seed("002"), "--archive", _archive).ExitCode);
    }

    public void Dispose() => Directory.Delete(_archive, recursive: true);

    private string Store => Path.Combine(_archive, "store");

    /// <summary>The object that holds seed 002's page (the letter to Lutovinov).</summary>
    private string Object => Path.GetDirectoryName(Directory.GetFiles(Store, "002_*.txt", SearchOption.AllDirectories).Single(p => p.Contains("/v1/content/source/", StringComparison.Ordinal)))![..^"/v1/content/source".Length];

    [Fact]
    public void A_fresh_store_is_valid_as_a_root_and_as_each_object()
    {
        var root = CliRun.Of("validate-ocfl", Store, "--json");
        Assert.Equal(0, root.ExitCode);
        using var json = JsonDocument.Parse(root.Output);
        Assert.True(json.RootElement.GetProperty("valid").GetBoolean());
        Assert.Equal(0, json.RootElement.GetProperty("errors").GetArrayLength());
        Assert.Equal(0, json.RootElement.GetProperty("warnings").GetArrayLength());
        Assert.Equal(2, json.RootElement.GetProperty("objects").GetInt32());

        var single = CliRun.Of("validate-ocfl", Object);
        Assert.Equal(0, single.ExitCode);
        Assert.Contains("valid OCFL object", single.Output);
        // An archive folder stands for its store.
        Assert.Equal(0, CliRun.Of("validate-ocfl", _archive).ExitCode);
    }

    [Theory]
    [InlineData("flipped byte", "E092")]
    [InlineData("deleted file", "E092")]
    [InlineData("stray file", "E023")]
    [InlineData("edited inventory", "E060")]
    [InlineData("missing sidecar", "E058")]
    public void Tampering_is_caught_by_audit_and_by_validate_ocfl(string tampering, string code)
    {
        Tamper(tampering);
        var objectPath = Path.GetRelativePath(Store, Object);

        var validate = CliRun.Of("validate-ocfl", Store, "--json");
        Assert.Equal(1, validate.ExitCode);
        using (var json = JsonDocument.Parse(validate.Output))
        {
            Assert.False(json.RootElement.GetProperty("valid").GetBoolean());
            var errors = json.RootElement.GetProperty("errors").EnumerateArray().ToList();
            Assert.Contains(errors, e => e.GetProperty("code").GetString() == code);
            Assert.All(errors, e => Assert.StartsWith(objectPath, e.GetProperty("path").GetString()));
        }

        var audit = CliRun.Of("audit", "--json", "--archive", _archive);
        Assert.Equal(1, audit.ExitCode);
        using (var json = JsonDocument.Parse(audit.Output))
        {
            Assert.False(json.RootElement.GetProperty("clean").GetBoolean());
            Assert.Contains(json.RootElement.GetProperty("findings").EnumerateArray(), f => f.GetProperty("code").GetString() == code);
        }

        var text = CliRun.Of("validate-ocfl", Object);
        Assert.Equal(1, text.ExitCode);
        Assert.Contains($"error {code}", text.Output);
        Assert.Contains("invalid OCFL object", text.Output);
    }

    private void Tamper(string tampering)
    {
        var v1 = Path.Combine(Object, "v1");
        switch (tampering)
        {
            case "flipped byte":
                var source = Directory.GetFiles(Path.Combine(v1, "content", "source")).Single();
                var bytes = File.ReadAllBytes(source);
                bytes[10] ^= 0x20;
                File.WriteAllBytes(source, bytes);
                break;
            case "deleted file":
                File.Delete(Path.Combine(v1, "content", "document.json"));
                break;
            case "stray file":
                File.WriteAllText(Path.Combine(v1, "content", "note.txt"), "slipped in");
                break;
            case "edited inventory":
                var inventory = Path.Combine(Object, "inventory.json");
                var original = File.ReadAllText(inventory);
                // Backdates the version by a thousand years: still a well-formed inventory.
                var edited = original.Replace("\"created\": \"2", "\"created\": \"1", StringComparison.Ordinal);
                Assert.NotEqual(original, edited);
                File.WriteAllText(inventory, edited);
                break;
            case "missing sidecar":
                File.Delete(Path.Combine(Object, "inventory.json.sha512"));
                break;
        }
    }

    [Fact]
    public void A_folder_that_is_not_OCFL_is_invalid_and_a_missing_one_is_one_line()
    {
        var empty = Path.Combine(_archive, "..", $"not-ocfl-{Guid.NewGuid():N}");
        Directory.CreateDirectory(empty);
        try
        {
            var run = CliRun.Of("validate-ocfl", empty);
            Assert.Equal(1, run.ExitCode);
            Assert.Contains("error E069", run.Output);
        }
        finally
        {
            Directory.Delete(empty);
        }
        var missing = CliRun.Of("validate-ocfl", empty);
        Assert.Equal(2, missing.ExitCode);
        Assert.StartsWith("error: no folder at", missing.Error);
    }

    [Fact]
    public void Has_help()
    {
        var run = CliRun.Of("validate-ocfl", "--help");
        Assert.Equal(0, run.ExitCode);
        Assert.Contains("PATH", run.Output);
        Assert.Contains("--json", run.Output);
    }
}
