using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Verbatim.Web.Accounts;

/// <summary>
/// Scripts send an API token as <c>Authorization: Bearer SECRET</c>. A token that is unknown,
/// revoked or of a disabled account is refused (401), never taken for the public: a script that
/// thinks it reads as its account must not silently read less.
/// </summary>
public sealed class TokenAuthentication(IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder, ReaderAccounts accounts)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "token";

    private const string Bearer = "Bearer ";

    public static bool Carries(Microsoft.AspNetCore.Http.HttpRequest request)
        => request.Headers.Authorization.ToString().StartsWith(Bearer, StringComparison.OrdinalIgnoreCase);

    protected override Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var header = Request.Headers.Authorization.ToString();
        if (!header.StartsWith(Bearer, StringComparison.OrdinalIgnoreCase))
            return Task.FromResult(AuthenticateResult.NoResult());
        var viewer = accounts.Book?.ViewerOfToken(header[Bearer.Length..].Trim());
        return Task.FromResult(viewer is null
            ? AuthenticateResult.Fail("the token is unknown, revoked, or of a disabled account")
            : AuthenticateResult.Success(new AuthenticationTicket(ReaderAccounts.Principal(viewer.Name!, SchemeName), SchemeName)));
    }
}
