using Microsoft.Extensions.Time.Testing;
using Verbatim.Access;
using Verbatim.Accounts;
using Verbatim.Archiving;

namespace Verbatim.Tests.Accounts;

public sealed class AccountBookTests : IDisposable
{
    private const string Password = "a long enough passphrase";
    private readonly string _folder = Path.Combine(Path.GetTempPath(), $"verbatim-accounts-{Guid.NewGuid():N}");
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 12, 7, 9, 0, 0, TimeSpan.Zero));
    private readonly AccountBook _book;

    public AccountBookTests()
    {
        Directory.CreateDirectory(_folder);
        _book = AccountBook.Open(new ArchiveLayout(_folder), _clock);
        _book.AddGroup("family", "the Ulyanov family's papers");
    }

    public void Dispose()
    {
        _book.Dispose();
        Directory.Delete(_folder, recursive: true);
    }

    [Fact]
    public void A_researcher_signs_in_with_the_right_password_as_a_viewer_of_their_groups()
    {
        _book.AddUser("historian", Role.Researcher, Password, ["family"]);

        var signedIn = _book.SignIn("historian", Password);

        Assert.Equal(SignInOutcome.SignedIn, signedIn.Outcome);
        Assert.Equal(("historian", Role.Researcher), (signedIn.Viewer!.Name, signedIn.Viewer.Role));
        Assert.Equal(["family"], signedIn.Viewer.Groups);
        Assert.Equal(SignInOutcome.Failed, _book.SignIn("historian", Password + "!").Outcome);
        Assert.Equal(SignInOutcome.Failed, _book.SignIn("nobody", Password).Outcome);
    }

    [Fact]
    public void The_password_is_kept_only_as_a_hash()
    {
        _book.AddUser("historian", Role.Researcher, Password);
        _book.Dispose();

        var file = File.ReadAllBytes(new ArchiveLayout(_folder).Accounts);
        var wal = Directory.GetFiles(_folder, "accounts.sqlite*").SelectMany(File.ReadAllBytes).ToArray();

        Assert.DoesNotContain(Password, System.Text.Encoding.UTF8.GetString([.. file, .. wal]), StringComparison.Ordinal);
    }

    [Fact]
    public void Five_failures_in_a_row_lock_the_account_for_a_quarter_of_an_hour_even_against_the_right_password()
    {
        _book.AddUser("historian", Role.Researcher, Password);
        for (var i = 0; i < AccountBook.FailuresBeforeLockout - 1; i++)
            Assert.Equal(SignInOutcome.Failed, _book.SignIn("historian", "wrong").Outcome);

        Assert.Equal(SignInOutcome.LockedOut, _book.SignIn("historian", "wrong").Outcome);
        Assert.Equal(SignInOutcome.LockedOut, _book.SignIn("historian", Password).Outcome);
        _clock.Advance(AccountBook.Lockout + TimeSpan.FromSeconds(1));
        Assert.Equal(SignInOutcome.SignedIn, _book.SignIn("historian", Password).Outcome);
    }

    [Fact]
    public void A_success_clears_the_count_of_failures()
    {
        _book.AddUser("historian", Role.Researcher, Password);
        for (var i = 0; i < AccountBook.FailuresBeforeLockout - 1; i++)
            _book.SignIn("historian", "wrong");
        _book.SignIn("historian", Password);

        Assert.Equal(SignInOutcome.Failed, _book.SignIn("historian", "wrong").Outcome);
    }

    [Fact]
    public void A_disabled_account_neither_signs_in_nor_stands_for_a_viewer_nor_answers_by_token()
    {
        _book.AddUser("historian", Role.Researcher, Password);
        var (_, secret) = _book.CreateToken("historian", "harvest script");

        _book.SetDisabled("historian", true);

        Assert.Equal(SignInOutcome.Disabled, _book.SignIn("historian", Password).Outcome);
        Assert.Null(_book.ViewerOf("historian"));
        Assert.Null(_book.ViewerOfToken(secret));
    }

    [Fact]
    public void A_token_stands_for_its_account_until_revoked_and_its_secret_is_not_kept()
    {
        _book.AddUser("editor-a", Role.Editor, Password);
        var (token, secret) = _book.CreateToken("editor-a", "nightly ingest");

        Assert.Equal("editor-a", _book.ViewerOfToken(secret)!.Name);
        Assert.Null(_book.ViewerOfToken(secret + "x"));
        Assert.True(_book.RevokeToken("editor-a", token.Id));
        Assert.Null(_book.ViewerOfToken(secret));
        Assert.False(_book.RevokeToken("editor-a", token.Id));
        Assert.True(Assert.Single(_book.Tokens("editor-a")).IsRevoked);
        _book.Dispose();
        var kept = string.Concat(Directory.GetFiles(_folder, "accounts.sqlite*").Select(f => System.Text.Encoding.Latin1.GetString(File.ReadAllBytes(f))));
        Assert.DoesNotContain(secret, kept, StringComparison.Ordinal);
    }

    [Fact]
    public void Grants_and_revocations_change_what_the_viewer_is_at_once()
    {
        _book.AddGroup("party-archive");
        _book.AddUser("historian", Role.Researcher, Password);

        Assert.True(_book.Grant("historian", "party-archive"));
        Assert.Contains("party-archive", _book.ViewerOf("historian")!.Groups);
        Assert.True(_book.Revoke("historian", "party-archive"));
        Assert.Empty(_book.ViewerOf("historian")!.Groups);
    }

    private static readonly byte[] Ticket = [1, 2, 3];

    [Fact]
    public void A_session_answers_until_it_is_ended_and_is_kept_only_by_its_keys_hash()
    {
        _book.AddUser("historian", Role.Researcher, Password);
        var key = _book.StartSession("historian", _clock.GetUtcNow().AddHours(8), Ticket);

        Assert.Equal(Ticket, _book.Session(key));
        Assert.Null(_book.Session(key + "x"));
        _book.EndSession(key);
        Assert.Null(_book.Session(key));
        _book.Dispose();
        var kept = string.Concat(Directory.GetFiles(_folder, "accounts.sqlite*").Select(f => System.Text.Encoding.Latin1.GetString(File.ReadAllBytes(f))));
        Assert.DoesNotContain(key, kept, StringComparison.Ordinal);
    }

    [Fact]
    public void Disabling_an_account_ends_its_sessions_for_good_and_enabling_it_again_revives_none()
    {
        _book.AddUser("historian", Role.Researcher, Password);
        _book.AddUser("editor-a", Role.Editor, Password);
        var key = _book.StartSession("historian", _clock.GetUtcNow().AddHours(8), Ticket);
        var other = _book.StartSession("editor-a", _clock.GetUtcNow().AddHours(8), Ticket);

        _book.SetDisabled("historian", true);
        Assert.Null(_book.Session(key));
        _book.SetDisabled("historian", false);

        Assert.Null(_book.Session(key));
        Assert.Equal(Ticket, _book.Session(other));
    }

    [Fact]
    public void A_new_password_ends_every_session_of_the_account()
    {
        _book.AddUser("historian", Role.Researcher, Password);
        var sessions = new[] { 1, 2 }.Select(_ => _book.StartSession("historian", _clock.GetUtcNow().AddHours(8), Ticket)).ToList();

        _book.SetPassword("historian", Password + " changed");

        Assert.All(sessions, key => Assert.Null(_book.Session(key)));
    }

    [Fact]
    public void An_expired_session_answers_no_more_and_is_removed_from_the_file()
    {
        _book.AddUser("historian", Role.Researcher, Password);
        var expiring = _book.StartSession("historian", _clock.GetUtcNow().AddHours(8), Ticket);
        var renewed = _book.StartSession("historian", _clock.GetUtcNow().AddHours(8), Ticket);
        _clock.Advance(TimeSpan.FromHours(6));
        _book.RenewSession(renewed, _clock.GetUtcNow().AddHours(8), [4, 5]);

        _clock.Advance(TimeSpan.FromHours(3));

        Assert.Null(_book.Session(expiring));
        Assert.Equal([4, 5], _book.Session(renewed));
        _book.StartSession("historian", _clock.GetUtcNow().AddHours(8), Ticket);
        Assert.Equal(2L, SessionRows());
    }

    private long SessionRows()
    {
        using var connection = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={new ArchiveLayout(_folder).Accounts};Mode=ReadOnly;Pooling=False");
        connection.Open();
        using var count = connection.CreateCommand();
        count.CommandText = "SELECT count(*) FROM sessions";
        return (long)count.ExecuteScalar()!;
    }

    [Theory]
    [InlineData("bad name", Role.Researcher, Password, "not an account name")]
    [InlineData("historian", Role.Reader, Password, "everyone who has not signed in")]
    [InlineData("historian", Role.Researcher, "short", "at least 12 characters")]
    public void An_account_that_cannot_be_is_refused_with_the_reason(string name, Role role, string password, string said)
    {
        var refused = Assert.Throws<ArchiveException>(() => _book.AddUser(name, role, password));
        Assert.Contains(said, refused.Message, StringComparison.Ordinal);
        Assert.Empty(_book.Users());
    }

    [Fact]
    public void A_grant_of_a_group_that_does_not_exist_names_the_command_that_makes_it()
    {
        _book.AddUser("historian", Role.Researcher, Password);
        Assert.Contains("verbatim groups add nobodys", Assert.Throws<ArchiveException>(() => _book.Grant("historian", "nobodys")).Message, StringComparison.Ordinal);
        Assert.Throws<ArchiveException>(() => _book.AddUser("second", Role.Researcher, Password, ["nobodys"]));
    }
}
