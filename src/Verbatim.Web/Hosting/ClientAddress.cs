using Microsoft.AspNetCore.Http;

namespace Verbatim.Web.Hosting;

/// <summary>The address a request came from, as the log records it and the rate limits count it ("" where unknown).</summary>
public static class ClientAddress
{
    public static string Of(HttpContext context) => context.Connection.RemoteIpAddress?.ToString() ?? "";
}
