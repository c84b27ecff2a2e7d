using Microsoft.AspNetCore.Http;

namespace Verbatim.Web.Hosting;

/// <summary>
/// Headers that hold even if a page were to let markup through: no script runs (only the
/// network page runs the reader's own), styles and forms come only from this server, and nothing frames it.
/// </summary>
public sealed class SecurityHeaders(RequestDelegate next)
{
    public const string ContentSecurityPolicy =
        "default-src 'none'; style-src 'self'; img-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'";

    /// <summary>
    /// The network page draws with scripts served by this reader (no inline script, nothing from
    /// elsewhere), which read its data from this reader's API. No other page may run a script.
    /// </summary>
    public const string ScriptPagePolicy =
        "default-src 'none'; script-src 'self'; connect-src 'self'; style-src 'self'; img-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'";

    public static readonly IReadOnlySet<string> ScriptPages = new HashSet<string>(StringComparer.Ordinal) { "/network" };

    public Task InvokeAsync(HttpContext context)
    {
        var headers = context.Response.Headers;
        headers.ContentSecurityPolicy = ScriptPages.Contains(context.Request.Path.Value ?? "") ? ScriptPagePolicy : ContentSecurityPolicy;
        headers.XContentTypeOptions = "nosniff";
        headers["Referrer-Policy"] = "no-referrer";
        return next(context);
    }
}
