using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;

namespace Verbatim.Web.Accounts;

/// <summary>
/// The cookie's sessions, kept in the archive's accounts (<see cref="Verbatim.Accounts.AccountBook"/>):
/// the cookie carries only a session's key, so a session ends on the server when its person signs
/// out, its account is disabled or its password changes, and a copy of the cookie ends with it.
/// </summary>
internal sealed class SessionStore(ReaderAccounts accounts) : ITicketStore
{
    public Task<string> StoreAsync(AuthenticationTicket ticket)
    {
        var book = accounts.Book ?? throw new InvalidOperationException($"no sessions can be kept: {accounts.Unavailable}");
        var name = ticket.Principal.Identity?.Name ?? throw new InvalidOperationException("a session is of a signed-in account");
        return Task.FromResult(book.StartSession(name, Expires(ticket), TicketSerializer.Default.Serialize(ticket)));
    }

    public Task RenewAsync(string key, AuthenticationTicket ticket)
    {
        accounts.Book?.RenewSession(key, Expires(ticket), TicketSerializer.Default.Serialize(ticket));
        return Task.CompletedTask;
    }

    public Task<AuthenticationTicket?> RetrieveAsync(string key)
        => Task.FromResult(accounts.Book?.Session(key) is { } kept ? TicketSerializer.Default.Deserialize(kept) : null);

    public Task RemoveAsync(string key)
    {
        accounts.Book?.EndSession(key);
        return Task.CompletedTask;
    }

    // The cookie handler sets the expiry before it stores or renews a ticket.
    private static DateTimeOffset Expires(AuthenticationTicket ticket)
        => ticket.Properties.ExpiresUtc ?? throw new InvalidOperationException("a session's ticket has no expiry");
}
