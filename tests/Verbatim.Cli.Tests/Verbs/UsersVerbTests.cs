using System.Text.Json;

namespace Verbatim.Cli.Tests.Verbs;

/// <summary>`verbatim users` and `verbatim groups` as an archive's keeper runs them.</summary>
public sealed class UsersVerbTests : IDisposable
{
    private readonly string _archive = Path.Combine(Path.GetTempPath(), $"verbatim-cli-users-{Guid.NewGuid():N}");

    public UsersVerbTests()
    {
        Assert.Equal(0, Run("init").ExitCode);
        File.WriteAllText(PasswordFile, "a long enough passphrase\n");
    }

    public void Dispose()
    {
        if (Directory.Exists(_archive))
            Directory.Delete(_archive, recursive: true);
        File.Delete(PasswordFile);
    }

    private string PasswordFile => _archive + ".password";

    private CliRun Run(params string[] args) => CliRun.Of([.. args, "--archive", _archive]);

    [Fact]
    public void An_account_is_added_in_its_groups_listed_granted_revoked_and_disabled()
    {
        Assert.Equal(0, Run("groups", "add", "family", "--description", "the family's papers").ExitCode);
        Assert.Equal(0, Run("groups", "add", "party-archive").ExitCode);

        var added = Run("users", "add", "historian", "--role", "researcher", "--group", "family", "--password-file", PasswordFile);
        Run("users", "grant", "historian", "party-archive");
        Run("users", "revoke", "historian", "family");
        Run("users", "disable", "historian");

        Assert.Equal("added historian, researcher, in family\n", added.Output);
        using var json = JsonDocument.Parse(Run("users", "list", "--json").Output);
        var user = json.RootElement.EnumerateArray().Single();
        Assert.Equal(["party-archive"], user.GetProperty("groups").EnumerateArray().Select(g => g.GetString()));
        Assert.True(user.GetProperty("disabled").GetBoolean());
        Assert.Equal("family  (the family's papers): no members\nparty-archive: historian\n", Run("groups", "list").Output);
    }

    [Fact]
    public void A_token_is_printed_once_listed_by_id_and_revoked()
    {
        Run("users", "add", "editor-a", "--role", "editor", "--password-file", PasswordFile);

        var created = Run("users", "tokens", "editor-a", "--create", "nightly ingest");
        var id = created.Error.Split(' ')[1];
        var listed = Run("users", "tokens", "editor-a").Output;

        Assert.StartsWith("vbt_" + id, created.Output, StringComparison.Ordinal);
        Assert.Contains("nightly ingest", listed, StringComparison.Ordinal);
        Assert.DoesNotContain(created.Output.Trim(), listed, StringComparison.Ordinal);
        Assert.Equal(0, Run("users", "tokens", "editor-a", "--revoke", id).ExitCode);
        Assert.Contains("revoked", Run("users", "tokens", "editor-a").Output, StringComparison.Ordinal);
        Assert.Equal(1, Run("users", "tokens", "editor-a", "--revoke", id).ExitCode);
    }

    [Fact]
    public void Accounts_are_not_derived_data_and_a_reindex_keeps_them()
    {
        Run("users", "add", "historian", "--password-file", PasswordFile);
        Assert.Equal(0, Run("ingest", CliRun.Seed("000")).ExitCode);

        Assert.Equal(0, Run("reindex").ExitCode);

        Assert.StartsWith("historian  researcher", Run("users", "list").Output, StringComparison.Ordinal);
    }

    [Fact]
    public void A_short_password_or_an_unknown_group_is_refused_and_nothing_is_added()
    {
        File.WriteAllText(PasswordFile, "short\n");

        var shortPassword = Run("users", "add", "historian", "--password-file", PasswordFile);
        var unknownGroup = Run("users", "add", "historian", "--group", "nobodys", "--password-file", PasswordFile);

        Assert.Equal(2, shortPassword.ExitCode);
        Assert.Contains("at least 12 characters", shortPassword.Error, StringComparison.Ordinal);
        Assert.Equal(2, unknownGroup.ExitCode);
        Assert.Contains("no accounts yet", Run("users", "list").Output, StringComparison.Ordinal);
    }

    [Fact]
    public void Changes_of_accounts_are_in_the_log_and_log_verify_catches_an_edited_entry()
    {
        Run("groups", "add", "family");
        Run("users", "add", "historian", "--group", "family", "--password-file", PasswordFile);
        Run("users", "disable", "historian");

        var listed = Run("log", "--who", Environment.GetEnvironmentVariable("VERBATIM_USER") is { Length: > 0 } user ? user : Environment.UserName).Output;

        Assert.Contains("account  added group family", listed, StringComparison.Ordinal);
        Assert.Contains("account  added account historian, researcher, in family", listed, StringComparison.Ordinal);
        Assert.Contains("account  disabled account historian", listed, StringComparison.Ordinal);
        Assert.Equal(0, Run("log", "--verify").ExitCode);

        var log = Path.Combine(_archive, "log.jsonl");
        File.WriteAllText(log, File.ReadAllText(log).Replace("disabled account", "enabled account", StringComparison.Ordinal));

        var verified = Run("log", "--verify");
        Assert.Equal(1, verified.ExitCode);
        Assert.Contains("1 breaks in the log's chain", verified.Output, StringComparison.Ordinal);
        Assert.Equal(1, Run("audit").ExitCode);
    }
}
