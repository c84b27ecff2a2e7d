using System.Globalization;
using Microsoft.Data.Sqlite;
using Verbatim.Access;

namespace Verbatim.Storage.Accounts;

/// <summary>
/// The accounts, groups and API tokens of one archive, in a SQLite file of their own beside the
/// catalog: they are not derived from the store, so nothing that rebuilds the catalog touches them.
/// It keeps what it is given (a password's hash, a token's hash); hashing, lockout and the rules
/// of names are the caller's. Sessions of the web reader are kept here too, by the hash of their
/// key, so that they end on the server (signed out, disabled, a new password) and outlive a restart.
/// </summary>
public sealed class SqliteAccountStore : IDisposable
{
    // 1: accounts, groups, memberships, tokens. 2: sessions. Each version's tables are created where
    // missing, so a file of an earlier version opens with what it holds and gains the rest.
    private const int SchemaVersion = 2;

    private readonly SqliteConnection _connection;

    private SqliteAccountStore(SqliteConnection connection) => _connection = connection;

    /// <summary>Opens the file, creating it (readable by its owner only, since it holds password hashes) where absent.</summary>
    public static SqliteAccountStore Open(string path)
    {
        var existed = File.Exists(path);
        var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = path, Mode = SqliteOpenMode.ReadWriteCreate, Pooling = false }.ToString());
        connection.Open();
        if (!existed && !OperatingSystem.IsWindows())
            File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        var store = new SqliteAccountStore(connection);
        store.Migrate();
        return store;
    }

    private void Migrate()
    {
        Execute("PRAGMA journal_mode = WAL; PRAGMA foreign_keys = ON; PRAGMA busy_timeout = 5000;");
        if (Convert.ToInt32(Scalar("PRAGMA user_version"), CultureInfo.InvariantCulture) == SchemaVersion)
            return;
        Execute($"""
            CREATE TABLE IF NOT EXISTS accounts (
                name TEXT PRIMARY KEY,
                role TEXT NOT NULL,
                password_hash TEXT NOT NULL,
                disabled INTEGER NOT NULL DEFAULT 0,
                failed_sign_ins INTEGER NOT NULL DEFAULT 0,
                locked_until TEXT,
                created TEXT NOT NULL);
            CREATE TABLE IF NOT EXISTS groups (
                name TEXT PRIMARY KEY,
                description TEXT,
                created TEXT NOT NULL);
            CREATE TABLE IF NOT EXISTS memberships (
                account TEXT NOT NULL REFERENCES accounts(name) ON DELETE CASCADE,
                grp TEXT NOT NULL REFERENCES groups(name) ON DELETE CASCADE,
                PRIMARY KEY (account, grp));
            CREATE TABLE IF NOT EXISTS tokens (
                id TEXT PRIMARY KEY,
                account TEXT NOT NULL REFERENCES accounts(name) ON DELETE CASCADE,
                label TEXT NOT NULL,
                hash TEXT NOT NULL UNIQUE,
                created TEXT NOT NULL,
                revoked TEXT);
            CREATE TABLE IF NOT EXISTS sessions (
                key_hash TEXT PRIMARY KEY,
                account TEXT NOT NULL REFERENCES accounts(name) ON DELETE CASCADE,
                expires TEXT NOT NULL,
                ticket BLOB NOT NULL);
            CREATE INDEX IF NOT EXISTS sessions_by_account ON sessions (account);
            PRAGMA user_version = {SchemaVersion};
            """);
    }

    public bool AddAccount(string name, Role role, string passwordHash, DateTimeOffset created)
    {
        using var insert = Command("INSERT OR IGNORE INTO accounts (name, role, password_hash, created) VALUES ($name, $role, $hash, $created)");
        insert.Parameters.AddWithValue("$name", name);
        insert.Parameters.AddWithValue("$role", RoleName(role));
        insert.Parameters.AddWithValue("$hash", passwordHash);
        insert.Parameters.AddWithValue("$created", Stamp(created));
        return insert.ExecuteNonQuery() == 1;
    }

    public Account? Account(string name) => ReadAccounts("WHERE name = $name", ("$name", name)).SingleOrDefault();

    public IReadOnlyList<Account> Accounts() => ReadAccounts("");

    public string? PasswordHash(string name) => Scalar("SELECT password_hash FROM accounts WHERE name = $name", ("$name", name)) as string;

    public bool SetPasswordHash(string name, string hash) => Update("UPDATE accounts SET password_hash = $value WHERE name = $name", name, hash);

    public bool SetRole(string name, Role role) => Update("UPDATE accounts SET role = $value WHERE name = $name", name, RoleName(role));

    public bool SetDisabled(string name, bool disabled) => Update("UPDATE accounts SET disabled = $value WHERE name = $name", name, disabled ? 1 : 0);

    /// <summary>Records a sign-in's outcome: a success clears the failures and the lock; a failure counts, and locks the account until the time given.</summary>
    public void RecordSignIn(string name, bool succeeded, DateTimeOffset? lockUntil)
    {
        using var update = Command(succeeded
            ? "UPDATE accounts SET failed_sign_ins = 0, locked_until = NULL WHERE name = $name"
            : "UPDATE accounts SET failed_sign_ins = CASE WHEN $lock IS NULL THEN failed_sign_ins + 1 ELSE 0 END, locked_until = COALESCE($lock, locked_until) WHERE name = $name");
        update.Parameters.AddWithValue("$name", name);
        if (!succeeded)
            update.Parameters.AddWithValue("$lock", lockUntil is { } until ? Stamp(until) : DBNull.Value);
        update.ExecuteNonQuery();
    }

    public bool AddGroup(string name, string? description, DateTimeOffset created)
    {
        using var insert = Command("INSERT OR IGNORE INTO groups (name, description, created) VALUES ($name, $description, $created)");
        insert.Parameters.AddWithValue("$name", name);
        insert.Parameters.AddWithValue("$description", (object?)description ?? DBNull.Value);
        insert.Parameters.AddWithValue("$created", Stamp(created));
        return insert.ExecuteNonQuery() == 1;
    }

    public bool RemoveGroup(string name) => Delete("DELETE FROM groups WHERE name = $value", name) == 1;

    public IReadOnlyList<Group> Groups()
    {
        using var select = Command("SELECT name, description, created FROM groups ORDER BY name");
        using var reader = select.ExecuteReader();
        var groups = new List<Group>();
        while (reader.Read())
            groups.Add(new Group(reader.GetString(0), reader.IsDBNull(1) ? null : reader.GetString(1), Parse(reader.GetString(2))));
        return groups;
    }

    /// <summary>Adds or removes a membership; false where it was already so.</summary>
    public bool SetMembership(string account, string group, bool member)
    {
        using var command = Command(member ? "INSERT OR IGNORE INTO memberships (account, grp) VALUES ($account, $group)" : "DELETE FROM memberships WHERE account = $account AND grp = $group");
        command.Parameters.AddWithValue("$account", account);
        command.Parameters.AddWithValue("$group", group);
        return command.ExecuteNonQuery() == 1;
    }

    public void AddToken(ApiToken token, string hash)
    {
        ArgumentNullException.ThrowIfNull(token);
        using var insert = Command("INSERT INTO tokens (id, account, label, hash, created) VALUES ($id, $account, $label, $hash, $created)");
        insert.Parameters.AddWithValue("$id", token.Id);
        insert.Parameters.AddWithValue("$account", token.Account);
        insert.Parameters.AddWithValue("$label", token.Label);
        insert.Parameters.AddWithValue("$hash", hash);
        insert.Parameters.AddWithValue("$created", Stamp(token.Created));
        insert.ExecuteNonQuery();
    }

    public IReadOnlyList<ApiToken> Tokens(string account) => ReadTokens("WHERE account = $value ORDER BY created, id", account);

    /// <summary>The token with this hash, revoked or not; null where none has it.</summary>
    public ApiToken? TokenByHash(string hash) => ReadTokens("WHERE hash = $value", hash).SingleOrDefault();

    public bool RevokeToken(string account, string id, DateTimeOffset when)
    {
        using var update = Command("UPDATE tokens SET revoked = $when WHERE account = $account AND id = $id AND revoked IS NULL");
        update.Parameters.AddWithValue("$when", Stamp(when));
        update.Parameters.AddWithValue("$account", account);
        update.Parameters.AddWithValue("$id", id);
        return update.ExecuteNonQuery() == 1;
    }

    /// <param name="ticket">What the reader keeps with the session, opaque here.</param>
    public void AddSession(string keyHash, string account, DateTimeOffset expires, byte[] ticket)
    {
        using var insert = Command("INSERT INTO sessions (key_hash, account, expires, ticket) VALUES ($key, $account, $expires, $ticket)");
        insert.Parameters.AddWithValue("$key", keyHash);
        insert.Parameters.AddWithValue("$account", account);
        insert.Parameters.AddWithValue("$expires", Stamp(expires));
        insert.Parameters.AddWithValue("$ticket", ticket);
        insert.ExecuteNonQuery();
    }

    /// <summary>The session with this key hash, expired or not; null where there is none.</summary>
    public (string Account, DateTimeOffset Expires, byte[] Ticket)? Session(string keyHash)
    {
        using var select = Command("SELECT account, expires, ticket FROM sessions WHERE key_hash = $key");
        select.Parameters.AddWithValue("$key", keyHash);
        using var reader = select.ExecuteReader();
        return reader.Read() ? (reader.GetString(0), Parse(reader.GetString(1)), (byte[])reader.GetValue(2)) : null;
    }

    public bool RenewSession(string keyHash, DateTimeOffset expires, byte[] ticket)
    {
        using var update = Command("UPDATE sessions SET expires = $expires, ticket = $ticket WHERE key_hash = $key");
        update.Parameters.AddWithValue("$key", keyHash);
        update.Parameters.AddWithValue("$expires", Stamp(expires));
        update.Parameters.AddWithValue("$ticket", ticket);
        return update.ExecuteNonQuery() == 1;
    }

    public bool RemoveSession(string keyHash) => Delete("DELETE FROM sessions WHERE key_hash = $value", keyHash) == 1;

    /// <returns>How many sessions the account had.</returns>
    public int RemoveSessions(string account) => Delete("DELETE FROM sessions WHERE account = $value", account);

    /// <returns>How many sessions had expired by then.</returns>
    public int RemoveSessionsExpiredBy(DateTimeOffset when) => Delete("DELETE FROM sessions WHERE expires <= $value", Stamp(when));

    private int Delete(string sql, string value)
    {
        using var delete = Command(sql);
        delete.Parameters.AddWithValue("$value", value);
        return delete.ExecuteNonQuery();
    }

    private List<ApiToken> ReadTokens(string where, string value)
    {
        using var select = Command($"SELECT id, account, label, created, revoked FROM tokens {where}");
        select.Parameters.AddWithValue("$value", value);
        using var reader = select.ExecuteReader();
        var tokens = new List<ApiToken>();
        while (reader.Read())
            tokens.Add(new ApiToken(reader.GetString(0), reader.GetString(1), reader.GetString(2), Parse(reader.GetString(3)), reader.IsDBNull(4) ? null : Parse(reader.GetString(4))));
        return tokens;
    }

    private List<Account> ReadAccounts(string where, params (string Name, string Value)[] parameters)
    {
        using var select = Command($"""
            SELECT a.name, a.role, a.disabled, a.created, a.failed_sign_ins, a.locked_until,
                   (SELECT group_concat(grp, char(31)) FROM (SELECT grp FROM memberships WHERE account = a.name ORDER BY grp))
            FROM accounts a {where} ORDER BY a.name
            """);
        foreach (var (name, value) in parameters)
            select.Parameters.AddWithValue(name, value);
        using var reader = select.ExecuteReader();
        var accounts = new List<Account>();
        while (reader.Read())
        {
            accounts.Add(new Account(reader.GetString(0), Enum.Parse<Role>(reader.GetString(1), ignoreCase: true),
                reader.IsDBNull(6) ? [] : reader.GetString(6).Split('\u001F'), reader.GetInt32(2) != 0, Parse(reader.GetString(3)),
                reader.GetInt32(4), reader.IsDBNull(5) ? null : Parse(reader.GetString(5))));
        }
        return accounts;
    }

    private bool Update(string sql, string name, object value)
    {
        using var update = Command(sql);
        update.Parameters.AddWithValue("$name", name);
        update.Parameters.AddWithValue("$value", value);
        return update.ExecuteNonQuery() == 1;
    }

    private static string RoleName(Role role) => role.ToString().ToLowerInvariant();

    private static string Stamp(DateTimeOffset when) => when.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);

    private static DateTimeOffset Parse(string stamp) => DateTimeOffset.Parse(stamp, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal);

    private SqliteCommand Command(string sql)
    {
        var command = _connection.CreateCommand();
        command.CommandText = sql;
        return command;
    }

    private void Execute(string sql)
    {
        using var command = Command(sql);
        command.ExecuteNonQuery();
    }

    private object? Scalar(string sql, params (string Name, string Value)[] parameters)
    {
        using var command = Command(sql);
        foreach (var (name, value) in parameters)
            command.Parameters.AddWithValue(name, value);
        return command.ExecuteScalar();
    }

    public void Dispose() => _connection.Dispose();
}
