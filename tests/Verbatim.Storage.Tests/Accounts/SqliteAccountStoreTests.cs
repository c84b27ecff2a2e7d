using Microsoft.Data.Sqlite;
using Verbatim.Access;
using Verbatim.Storage.Accounts;

namespace Verbatim.Storage.Tests.Accounts;

public sealed class SqliteAccountStoreTests : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), $"verbatim-account-store-{Guid.NewGuid():N}");

    private string File => Path.Combine(_folder, "accounts.sqlite");

    public SqliteAccountStoreTests() => Directory.CreateDirectory(_folder);

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    /// <summary>An accounts file as the first schema wrote it (before sessions were kept), with one account in a group and a token.</summary>
    private void WriteFirstSchema()
    {
        using var connection = new SqliteConnection($"Data Source={File};Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = """
            CREATE TABLE accounts (name TEXT PRIMARY KEY, role TEXT NOT NULL, password_hash TEXT NOT NULL, disabled INTEGER NOT NULL DEFAULT 0,
                failed_sign_ins INTEGER NOT NULL DEFAULT 0, locked_until TEXT, created TEXT NOT NULL);
            CREATE TABLE groups (name TEXT PRIMARY KEY, description TEXT, created TEXT NOT NULL);
            CREATE TABLE memberships (account TEXT NOT NULL REFERENCES accounts(name) ON DELETE CASCADE, grp TEXT NOT NULL REFERENCES groups(name) ON DELETE CASCADE,
                PRIMARY KEY (account, grp));
            CREATE TABLE tokens (id TEXT PRIMARY KEY, account TEXT NOT NULL REFERENCES accounts(name) ON DELETE CASCADE, label TEXT NOT NULL,
                hash TEXT NOT NULL UNIQUE, created TEXT NOT NULL, revoked TEXT);
            INSERT INTO accounts (name, role, password_hash, created) VALUES ('historian', 'researcher', 'HASH', '2026-01-02T03:04:05.000Z');
            INSERT INTO groups (name, created) VALUES ('family', '2026-01-02T03:04:05.000Z');
            INSERT INTO memberships VALUES ('historian', 'family');
            INSERT INTO tokens (id, account, label, hash, created) VALUES ('ab12cd34', 'historian', 'script', 'TOKENHASH', '2026-01-02T03:04:05.000Z');
            PRAGMA user_version = 1;
            """;
        command.ExecuteNonQuery();
    }

    [Fact]
    public void A_file_of_the_first_schema_opens_with_its_accounts_groups_and_tokens_and_keeps_sessions_from_then_on()
    {
        WriteFirstSchema();

        using var store = SqliteAccountStore.Open(File);

        var account = store.Account("historian")!;
        Assert.Equal(Role.Researcher, account.Role);
        Assert.Equal(["family"], account.Groups);
        Assert.Equal("HASH", store.PasswordHash("historian"));
        Assert.Equal("ab12cd34", store.TokenByHash("TOKENHASH")!.Id);
        var expires = new DateTimeOffset(2026, 12, 7, 17, 0, 0, TimeSpan.Zero);
        store.AddSession("KEYHASH", "historian", expires, [7, 8]);
        var (holder, until, ticket) = store.Session("KEYHASH")!.Value;
        Assert.Equal(("historian", expires), (holder, until));
        Assert.Equal([7, 8], ticket);
    }
}
