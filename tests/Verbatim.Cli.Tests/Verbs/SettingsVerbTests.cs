using System.Text.Json;

namespace Verbatim.Cli.Tests.Verbs;

/// <summary>`verbatim settings`, as the archive's owner sets once what harvesters are told.</summary>
public sealed class SettingsVerbTests : IDisposable
{
    private readonly string _archive = Path.Combine(Path.GetTempPath(), $"verbatim-cli-settings-{Guid.NewGuid():N}");

    public void Dispose()
    {
        if (Directory.Exists(_archive))
            Directory.Delete(_archive, recursive: true);
    }

    private CliRun Run(params string[] args) => CliRun.Of([.. args, "--archive", _archive]);

    [Fact]
    public void What_the_owner_sets_is_kept_shown_and_unset()
    {
        Assert.Equal(0, Run("init").ExitCode);
        Assert.Equal(0, Run("settings", "set", "repository-name", "The Lenin letters").ExitCode);
        Assert.Equal(0, Run("settings", "set", "admin-email", "keeper@example.org").ExitCode);

        var shown = JsonDocument.Parse(Run("settings", "show", "--json").Output).RootElement;
        Assert.Equal("The Lenin letters", shown.GetProperty("repository-name").GetString());
        Assert.Equal("keeper@example.org", shown.GetProperty("admin-email").GetString());
        Assert.Equal(JsonValueKind.Null, shown.GetProperty("base-url").ValueKind);
        Assert.Contains("base-url         (not set)", Run("settings", "show").Output, StringComparison.Ordinal);

        Assert.Equal(0, Run("settings", "unset", "admin-email").ExitCode);
        Assert.Equal(JsonValueKind.Null, JsonDocument.Parse(Run("settings", "show", "--json").Output).RootElement.GetProperty("admin-email").ValueKind);
        Assert.Equal("The Lenin letters", JsonDocument.Parse(Run("settings", "show", "--json").Output).RootElement.GetProperty("repository-name").GetString());
    }

    [Theory]
    [InlineData("admin-email", "not an address", "is not an email address")]
    [InlineData("base-url", "ftp://archive.example.org/oai", "is not an http or https address")]
    [InlineData("colour", "red", "there is no setting 'colour'")]
    public void A_value_a_setting_cannot_take_is_refused_and_nothing_is_written(string key, string value, string said)
    {
        Assert.Equal(0, Run("init").ExitCode);
        Assert.Equal(0, Run("settings", "set", "repository-name", "Kept").ExitCode);

        var refused = Run("settings", "set", key, value);

        Assert.Equal(2, refused.ExitCode);
        Assert.Contains(said, refused.Error, StringComparison.Ordinal);
        Assert.Equal("Kept", JsonDocument.Parse(Run("settings", "show", "--json").Output).RootElement.GetProperty("repository-name").GetString());
    }

    [Fact]
    public void A_folder_that_is_not_an_archive_gets_no_settings()
    {
        Directory.CreateDirectory(_archive);

        var refused = Run("settings", "set", "repository-name", "Anything");

        Assert.Equal(2, refused.ExitCode);
        Assert.Contains("is not a verbatim archive", refused.Error, StringComparison.Ordinal);
        Assert.Empty(Directory.GetFiles(_archive));
    }
}
