using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;
using Verbatim.Access;
using Verbatim.Accounts;
using Verbatim.Archiving;
using Verbatim.Web.Hosting;
using Verbatim.Web.Pages;

namespace Verbatim.Web.Accounts;

/// <summary>Signing in and out, and the signed-in person's own page with their API tokens. Every form that writes carries an antiforgery token.</summary>
public static class AccountEndpoints
{
    public static IEndpointRouteBuilder MapAccounts(this IEndpointRouteBuilder routes)
    {
        var pages = routes.MapGroup("").ExcludeFromDescription().AddEndpointFilter(NotStored);

        pages.MapGet("/sign-in", (HttpContext context, ReaderAccounts accounts, string? returnUrl) =>
            SignInForm(context, accounts, returnUrl, null, null));

        pages.MapPost("/sign-in", async (HttpContext context, ReaderAccounts accounts, ActivityLog log, [FromForm] string? name, [FromForm] string? password, [FromForm] string? returnUrl) =>
        {
            if (accounts.Book is not { } book)
                return SignInForm(context, accounts, returnUrl, name, null, StatusCodes.Status503ServiceUnavailable);
            var result = book.SignIn(name ?? "", password ?? "");
            var from = ClientAddress.Of(context);
            if (result.Outcome == SignInOutcome.SignedIn)
                log.Append("sign-in", result.Viewer!.Name, from);
            else
                log.Append("sign-in-refused", null, from, detail: $"as '{name}': {result.Outcome.ToString().ToLowerInvariant()}");
            if (result.Outcome != SignInOutcome.SignedIn)
            {
                var said = result.Outcome switch
                {
                    SignInOutcome.LockedOut => $"This account is locked after repeated failed sign-ins; try again after {result.LockedUntil!.Value:HH:mm} UTC.",
                    SignInOutcome.Disabled => "This account is disabled; ask the archive's admin.",
                    _ => "The name or the password is wrong.",
                };
                return SignInForm(context, accounts, returnUrl, name, said, StatusCodes.Status401Unauthorized);
            }
            await context.SignInAsync(CookieAuthenticationDefaults.AuthenticationScheme, ReaderAccounts.Principal(result.Viewer!.Name!, CookieAuthenticationDefaults.AuthenticationScheme));
            return Results.Redirect(LocalOrHome(returnUrl));
        }).RequireRateLimiting(ReaderHost.SignInLimit);

        pages.MapPost("/sign-out", async (HttpContext context, IAntiforgery antiforgery) =>
        {
            if (!await antiforgery.IsRequestValidAsync(context))
                return Failures.Forged(context);
            await context.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme);
            return Results.Redirect("/");
        });

        pages.MapGet("/account", (HttpContext context, ReaderAccounts accounts, Viewer viewer) =>
            viewer.Name is null ? Results.Redirect("/sign-in?returnUrl=%2Faccount") : AccountPage(context, accounts, viewer, null));

        pages.MapPost("/account/tokens", (HttpContext context, ReaderAccounts accounts, ActivityLog log, Viewer viewer, [FromForm] string? label) =>
        {
            if (viewer.Name is null || accounts.Book is not { } book)
                return Results.Redirect("/sign-in?returnUrl=%2Faccount");
            if (string.IsNullOrWhiteSpace(label))
                return AccountPage(context, accounts, viewer, null, StatusCodes.Status400BadRequest);
            var (token, secret) = book.CreateToken(viewer.Name, label);
            log.Append("account", viewer.Name, ClientAddress.Of(context), detail: $"made API token {token.Id} ({token.Label})");
            return AccountPage(context, accounts, viewer, secret);
        });

        pages.MapPost("/account/tokens/{id}/revoke", async (HttpContext context, IAntiforgery antiforgery, ReaderAccounts accounts, ActivityLog log, Viewer viewer, string id) =>
        {
            if (!await antiforgery.IsRequestValidAsync(context))
                return Failures.Forged(context);
            if (viewer.Name is null || accounts.Book is not { } book)
                return Results.Redirect("/sign-in?returnUrl=%2Faccount");
            if (book.RevokeToken(viewer.Name, id))
                log.Append("account", viewer.Name, ClientAddress.Of(context), detail: $"revoked API token {id}");
            return Results.Redirect("/account");
        });
        // Admins only; to anyone else the address is one where nothing is.
        pages.MapGet("/log", (HttpContext context, ActivityLog log, Viewer viewer, int? page) =>
        {
            if (viewer.Role != Role.Admin)
                return Failures.NotFound(context, "There is nothing at this address.");
            const int PerPage = 200;
            var total = log.Count();
            var pageCount = (int)Math.Max(1, (total + PerPage - 1) / PerPage);
            var shown = Math.Clamp(page ?? 1, 1, pageCount);
            return new RazorComponentResult<LogPage>(new
            {
                Entries = log.Newest((shown - 1) * PerPage, PerPage),
                Breaks = log.Verify(),
                Total = total,
                Page = shown,
                PageCount = pageCount,
            });
        });
        return routes;
    }

    // Pages that carry a session's tokens or a new token's secret are kept by no cache.
    private static async ValueTask<object?> NotStored(EndpointFilterInvocationContext invocation, EndpointFilterDelegate next)
    {
        invocation.HttpContext.Response.Headers.CacheControl = "no-store";
        return await next(invocation);
    }

    private static IResult SignInForm(HttpContext context, ReaderAccounts accounts, string? returnUrl, string? name, string? error, int status = StatusCodes.Status200OK)
        => new RazorComponentResult<SignInPage>(new
        {
            Form = FormToken.For(context),
            ReturnUrl = LocalOrHome(returnUrl),
            Name = name,
            Error = error,
            accounts.Unavailable,
        })
        { StatusCode = status };

    private static IResult AccountPage(HttpContext context, ReaderAccounts accounts, Viewer viewer, string? newSecret, int status = StatusCodes.Status200OK)
        => new RazorComponentResult<AccountPage>(new
        {
            Viewer = viewer,
            Form = FormToken.For(context),
            Tokens = accounts.Book?.Tokens(viewer.Name!) ?? [],
            NewSecret = newSecret,
        })
        { StatusCode = status };


    // Only a path of this reader: an address elsewhere would make the sign-in page an open redirect.
    private static string LocalOrHome(string? returnUrl)
        => returnUrl is { Length: > 0 } url && url.StartsWith('/') && !url.StartsWith("//", StringComparison.Ordinal) && !url.StartsWith("/\\", StringComparison.Ordinal) ? url : "/";
}
