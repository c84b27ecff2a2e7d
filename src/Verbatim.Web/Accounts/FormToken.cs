using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Http;

namespace Verbatim.Web.Accounts;

/// <summary>The antiforgery token a form that writes carries in a hidden field, its cookie set with the same response.</summary>
public sealed record FormToken(string FieldName, string Token)
{
    public static FormToken For(HttpContext context)
    {
        var tokens = context.RequestServices.GetService(typeof(IAntiforgery)) is IAntiforgery antiforgery ? antiforgery.GetAndStoreTokens(context) : null;
        return new FormToken(tokens?.FormFieldName ?? "", tokens?.RequestToken ?? "");
    }
}
