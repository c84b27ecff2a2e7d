using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Identity;
using Verbatim.Access;
using Verbatim.Archiving;
using Verbatim.Storage.Accounts;

namespace Verbatim.Accounts;

/// <summary>
/// Who may sign in to an archive, with what role and groups: accounts, groups and API tokens.
/// Passwords are kept as ASP.NET Core Identity's hashes (PBKDF2), tokens as SHA-256 of their
/// secret (a random 256-bit value needs no slow hash); neither is kept or printed in clear.
/// Safe for concurrent callers (one connection, one gate).
/// </summary>
public sealed class AccountBook : IDisposable
{
    /// <summary>Failed sign-ins in a row that lock an account.</summary>
    public const int FailuresBeforeLockout = 5;

    public static readonly TimeSpan Lockout = TimeSpan.FromMinutes(15);

    public const int MinimumPasswordLength = 12;

    private const string TokenPrefix = "vbt_";

    private static readonly PasswordHasher<string> Hasher = new();

    // Verified against when the name is unknown, so that an unknown name costs what a known one does.
    private static readonly string Decoy = Hasher.HashPassword("", "not a password anyone has");

    private readonly SqliteAccountStore _store;
    private readonly TimeProvider _clock;
    private readonly Lock _gate = new();

    private AccountBook(SqliteAccountStore store, TimeProvider clock)
    {
        _store = store;
        _clock = clock;
    }

    /// <summary>The accounts of the archive in the folder, created empty where there are none yet.</summary>
    public static AccountBook Open(ArchiveLayout layout, TimeProvider? clock = null)
    {
        ArgumentNullException.ThrowIfNull(layout);
        return new AccountBook(SqliteAccountStore.Open(layout.Accounts), clock ?? TimeProvider.System);
    }

    /// <summary>A name an account or a group may take: what a URL, a log line and a command line carry without quoting.</summary>
    public static bool IsName(string name) => DocumentAccess.IsGroupName(name);

    /// <exception cref="ArchiveException">The name is taken or not a name, the password too short, or the role the public's.</exception>
    public Account AddUser(string name, Role role, string password, IEnumerable<string>? groups = null)
    {
        ArgumentNullException.ThrowIfNull(password);
        if (!IsName(name))
            throw new ArchiveException($"'{name}' is not an account name (letters, digits, '-', '_' and '.')");
        if (role == Role.Reader)
            throw new ArchiveException("reader is the role of everyone who has not signed in; an account is a researcher, an editor or an admin");
        CheckPassword(password);
        lock (_gate)
        {
            var wanted = (groups ?? []).ToList();
            if (wanted.FirstOrDefault(g => !_store.Groups().Any(known => known.Name == g)) is { } unknown)
                throw new ArchiveException(NoGroup(unknown));
            if (!_store.AddAccount(name, role, Hasher.HashPassword(name, password), _clock.GetUtcNow()))
                throw new ArchiveException($"there is an account '{name}' already");
            foreach (var group in wanted)
                _store.SetMembership(name, group, member: true);
            return _store.Account(name)!;
        }
    }

    public IReadOnlyList<Account> Users()
    {
        lock (_gate)
            return _store.Accounts();
    }

    public Account? User(string name)
    {
        lock (_gate)
            return _store.Account(name);
    }

    /// <summary>Sets the password and ends every session of the account: whoever held one signs in with the new password.</summary>
    public void SetPassword(string name, string password)
    {
        CheckPassword(password);
        lock (_gate)
        {
            if (!_store.SetPasswordHash(name, Hasher.HashPassword(name, password)))
                throw new ArchiveException(NoAccount(name));
            _store.RemoveSessions(name);
        }
    }

    public void SetRole(string name, Role role)
    {
        if (role == Role.Reader)
            throw new ArchiveException("reader is the role of everyone who has not signed in; an account is a researcher, an editor or an admin");
        lock (_gate)
        {
            if (!_store.SetRole(name, role))
                throw new ArchiveException(NoAccount(name));
        }
    }

    /// <summary>A disabled account signs in no more, its tokens answer no more, and its sessions end (enabling it again revives none).</summary>
    public void SetDisabled(string name, bool disabled)
    {
        lock (_gate)
        {
            if (!_store.SetDisabled(name, disabled))
                throw new ArchiveException(NoAccount(name));
            if (disabled)
                _store.RemoveSessions(name);
        }
    }

    /// <returns>False where the account was in the group already.</returns>
    public bool Grant(string name, string group)
    {
        lock (_gate)
        {
            if (_store.Account(name) is null)
                throw new ArchiveException(NoAccount(name));
            if (!_store.Groups().Any(g => g.Name == group))
                throw new ArchiveException(NoGroup(group));
            return _store.SetMembership(name, group, member: true);
        }
    }

    /// <returns>False where the account was not in the group.</returns>
    public bool Revoke(string name, string group)
    {
        lock (_gate)
        {
            if (_store.Account(name) is null)
                throw new ArchiveException(NoAccount(name));
            return _store.SetMembership(name, group, member: false);
        }
    }

    public Group AddGroup(string name, string? description = null)
    {
        if (!IsName(name))
            throw new ArchiveException($"'{name}' is not a group name (letters, digits, '-', '_' and '.')");
        lock (_gate)
        {
            if (!_store.AddGroup(name, string.IsNullOrWhiteSpace(description) ? null : description.Trim(), _clock.GetUtcNow()))
                throw new ArchiveException($"there is a group '{name}' already");
            return _store.Groups().Single(g => g.Name == name);
        }
    }

    /// <summary>Removes the group and every membership in it; documents restricted to it stay closed to all but editors until their access changes.</summary>
    public void RemoveGroup(string name)
    {
        lock (_gate)
        {
            if (!_store.RemoveGroup(name))
                throw new ArchiveException(NoGroup(name));
        }
    }

    public IReadOnlyList<Group> Groups()
    {
        lock (_gate)
            return _store.Groups();
    }

    /// <summary>
    /// Checks a sign-in. Every failure says the same to the caller whether the name exists or not;
    /// <see cref="FailuresBeforeLockout"/> failures in a row lock the account for <see cref="Lockout"/>,
    /// during which even the right password is refused.
    /// </summary>
    public SignInResult SignIn(string name, string password)
    {
        ArgumentNullException.ThrowIfNull(name);
        ArgumentNullException.ThrowIfNull(password);
        lock (_gate)
        {
            var now = _clock.GetUtcNow();
            var account = IsName(name) ? _store.Account(name) : null;
            var hash = account is null ? Decoy : _store.PasswordHash(name)!;
            var verified = Hasher.VerifyHashedPassword(name, hash, password);
            if (account is null)
                return SignInResult.Refused(SignInOutcome.Failed);
            if (account.LockedUntil is { } locked && locked > now)
                return SignInResult.Refused(SignInOutcome.LockedOut, locked);
            if (verified == PasswordVerificationResult.Failed)
            {
                var lockNow = account.FailedSignIns + 1 >= FailuresBeforeLockout ? now + Lockout : (DateTimeOffset?)null;
                _store.RecordSignIn(name, succeeded: false, lockNow);
                return lockNow is { } until ? SignInResult.Refused(SignInOutcome.LockedOut, until) : SignInResult.Refused(SignInOutcome.Failed);
            }
            if (account.Disabled)
                return SignInResult.Refused(SignInOutcome.Disabled);
            if (verified == PasswordVerificationResult.SuccessRehashNeeded)
                _store.SetPasswordHash(name, Hasher.HashPassword(name, password));
            _store.RecordSignIn(name, succeeded: true, null);
            return new SignInResult(SignInOutcome.SignedIn, account.AsViewer(), null);
        }
    }

    /// <summary>The viewer an account is now (its role and groups as they stand); null for an account that is gone or disabled.</summary>
    public Viewer? ViewerOf(string name)
    {
        lock (_gate)
            return _store.Account(name)?.AsViewer();
    }

    /// <summary>Makes a token for the account; the secret is in the result and nowhere else.</summary>
    public (ApiToken Token, string Secret) CreateToken(string name, string label)
    {
        if (string.IsNullOrWhiteSpace(label))
            throw new ArchiveException("a token needs a label saying what it is for");
        lock (_gate)
        {
            if (_store.Account(name) is null)
                throw new ArchiveException(NoAccount(name));
            var id = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(4));
            var secret = TokenPrefix + id + "_" + Base64Url(RandomNumberGenerator.GetBytes(32));
            var token = new ApiToken(id, name, label.Trim(), _clock.GetUtcNow(), null);
            _store.AddToken(token, SecretHash(secret));
            return (token, secret);
        }
    }

    public IReadOnlyList<ApiToken> Tokens(string name)
    {
        lock (_gate)
            return _store.Tokens(name);
    }

    /// <returns>False where the account has no such token, or it was revoked already.</returns>
    public bool RevokeToken(string name, string id)
    {
        lock (_gate)
            return _store.RevokeToken(name, id, _clock.GetUtcNow());
    }

    /// <summary>The viewer a token's secret stands for; null for an unknown or revoked token, or a disabled account.</summary>
    public Viewer? ViewerOfToken(string secret)
    {
        ArgumentNullException.ThrowIfNull(secret);
        if (!secret.StartsWith(TokenPrefix, StringComparison.Ordinal))
            return null;
        lock (_gate)
        {
            return _store.TokenByHash(SecretHash(secret)) is { IsRevoked: false } token ? _store.Account(token.Account)?.AsViewer() : null;
        }
    }

    /// <summary>
    /// Starts a session of the account until it expires (renewed meanwhile by <see cref="RenewSession"/>),
    /// keeping the ticket the reader gives with it. Returns its key, a random 256-bit value kept only
    /// as its hash: only the cookie carries the key itself. Sessions expired by now are removed.
    /// </summary>
    public string StartSession(string name, DateTimeOffset expires, byte[] ticket)
    {
        var key = Base64Url(RandomNumberGenerator.GetBytes(32));
        lock (_gate)
        {
            _store.RemoveSessionsExpiredBy(_clock.GetUtcNow());
            _store.AddSession(SecretHash(key), name, expires, ticket);
        }
        return key;
    }

    /// <summary>The ticket kept with a session; null where it has ended, expired or never was, or its account is disabled or gone.</summary>
    public byte[]? Session(string key)
    {
        ArgumentNullException.ThrowIfNull(key);
        lock (_gate)
        {
            if (_store.Session(SecretHash(key)) is not var (account, expires, ticket))
                return null;
            if (expires <= _clock.GetUtcNow())
            {
                _store.RemoveSession(SecretHash(key));
                return null;
            }
            return _store.Account(account)?.AsViewer() is null ? null : ticket;
        }
    }

    /// <summary>Moves a live session's expiry on (while it is used), with the reader's new ticket.</summary>
    public void RenewSession(string key, DateTimeOffset expires, byte[] ticket)
    {
        ArgumentNullException.ThrowIfNull(key);
        lock (_gate)
            _store.RenewSession(SecretHash(key), expires, ticket);
    }

    public void EndSession(string key)
    {
        ArgumentNullException.ThrowIfNull(key);
        lock (_gate)
            _store.RemoveSession(SecretHash(key));
    }

    private static string SecretHash(string secret) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(secret)));

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    private static void CheckPassword(string password)
    {
        if (password.Length < MinimumPasswordLength)
            throw new ArchiveException($"a password needs at least {MinimumPasswordLength} characters");
    }

    private static string NoAccount(string name) => $"there is no account '{name}' (verbatim users list)";

    private static string NoGroup(string name) => $"there is no group '{name}' (verbatim groups add {name})";

    public void Dispose() => _store.Dispose();
}

public enum SignInOutcome
{
    SignedIn,
    Failed,
    LockedOut,
    Disabled,
}

/// <param name="Viewer">Who signed in; null unless <see cref="Outcome"/> is <see cref="SignInOutcome.SignedIn"/>.</param>
/// <param name="LockedUntil">When a locked account may be tried again.</param>
public sealed record SignInResult(SignInOutcome Outcome, Viewer? Viewer, DateTimeOffset? LockedUntil)
{
    public static SignInResult Refused(SignInOutcome outcome, DateTimeOffset? lockedUntil = null) => new(outcome, null, lockedUntil);
}
