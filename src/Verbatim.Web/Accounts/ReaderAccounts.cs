using System.Security.Claims;
using Microsoft.AspNetCore.Http;
using Verbatim.Access;
using Verbatim.Accounts;

namespace Verbatim.Web.Accounts;

/// <summary>
/// The archive's accounts as the reader uses them, where it can: an archive whose folder cannot
/// hold its accounts file (a read-only copy) is served to the public alone, and the sign-in page
/// says why.
/// </summary>
public sealed class ReaderAccounts(AccountBook? book, string? unavailable) : IDisposable
{
    public AccountBook? Book { get; } = book;

    /// <summary>Why no one can sign in, where no one can; else null.</summary>
    public string? Unavailable { get; } = unavailable;

    /// <summary>
    /// Who asks: the account the request's session or token names, as it stands now (its role
    /// and groups read afresh, so a revocation or a disabling holds from the next request); the
    /// public where there is none, or it is disabled or gone.
    /// </summary>
    public Viewer ViewerOf(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return context.User.Identity is { IsAuthenticated: true, Name: { } name } && Book?.ViewerOf(name) is { } viewer
            ? viewer with { From = context.Connection.RemoteIpAddress?.ToString() }
            : Viewer.Public;
    }

    public static ClaimsPrincipal Principal(string name, string scheme) => new(new ClaimsIdentity([new Claim(ClaimTypes.Name, name)], scheme));

    public void Dispose() => Book?.Dispose();
}
