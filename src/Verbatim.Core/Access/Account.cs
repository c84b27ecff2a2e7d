namespace Verbatim.Access;

/// <summary>A person who signs in: their role, their groups, and whether they may sign in now.</summary>
/// <param name="LockedUntil">After repeated failed sign-ins, when the account may be tried again; null when it is not locked.</param>
public sealed record Account(string Name, Role Role, IReadOnlyList<string> Groups, bool Disabled, DateTimeOffset Created, int FailedSignIns = 0, DateTimeOffset? LockedUntil = null)
{
    /// <summary>The viewer this account is when signed in: none while disabled.</summary>
    public Viewer? AsViewer() => Disabled ? null : new Viewer(Name, Role, Groups.ToHashSet(StringComparer.Ordinal));
}

/// <summary>A group that restricted documents are opened to.</summary>
public sealed record Group(string Name, string? Description, DateTimeOffset Created);

/// <summary>A token a script sends as <c>Authorization: Bearer</c>: only its id and label are kept with its hash; the secret is shown once.</summary>
public sealed record ApiToken(string Id, string Account, string Label, DateTimeOffset Created, DateTimeOffset? Revoked)
{
    public bool IsRevoked => Revoked is not null;
}
