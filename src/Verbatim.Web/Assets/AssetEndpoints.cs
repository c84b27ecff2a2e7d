using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Verbatim.Web.Assets;

/// <summary>The reader's one stylesheet, compiled into the assembly: no route serves a file from disk.</summary>
public static class AssetEndpoints
{
    public const string StyleSheetPath = "/assets/verbatim.css";

    private static readonly byte[] StyleSheet = ReadStyleSheet();

    public static IEndpointRouteBuilder MapAssets(this IEndpointRouteBuilder routes)
    {
        routes.MapGet(StyleSheetPath, (HttpContext context) =>
        {
            context.Response.Headers.CacheControl = "public, max-age=3600";
            return Results.Bytes(StyleSheet, "text/css; charset=utf-8");
        }).ExcludeFromDescription();
        return routes;
    }

    private static byte[] ReadStyleSheet()
    {
        using var stream = typeof(AssetEndpoints).Assembly.GetManifestResourceStream("verbatim.css")
            ?? throw new InvalidOperationException("the stylesheet is not embedded in the assembly");
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    }
}
