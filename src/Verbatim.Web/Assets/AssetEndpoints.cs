using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Verbatim.Web.Assets;

/// <summary>The reader's stylesheet and the network page's scripts, compiled into the assembly: no route serves a file from disk.</summary>
public static class AssetEndpoints
{
    public const string StyleSheetPath = "/assets/verbatim.css";
    public const string CytoscapePath = "/assets/cytoscape.min.js";
    public const string NetworkScriptPath = "/assets/network.js";

    private static readonly byte[] StyleSheet = ReadResource("verbatim.css");

    // Cytoscape.js is installed from npm by the build (Verbatim.Web.csproj) and compiled in, like the stylesheet.
    private static readonly byte[] Cytoscape = ReadResource("cytoscape.min.js");
    private static readonly byte[] NetworkScript = ReadResource("network.js");

    public static IEndpointRouteBuilder MapAssets(this IEndpointRouteBuilder routes)
    {
        routes.MapGet(StyleSheetPath, (HttpContext context) =>
        {
            context.Response.Headers.CacheControl = "public, max-age=3600";
            return Results.Bytes(StyleSheet, "text/css; charset=utf-8");
        }).ExcludeFromDescription();
        foreach (var (path, script) in new[] { (CytoscapePath, Cytoscape), (NetworkScriptPath, NetworkScript) })
        {
            routes.MapGet(path, (HttpContext context) =>
            {
                context.Response.Headers.CacheControl = "public, max-age=3600";
                return Results.Bytes(script, "text/javascript; charset=utf-8");
            }).ExcludeFromDescription();
        }
        return routes;
    }

    private static byte[] ReadResource(string name)
    {
        using var stream = typeof(AssetEndpoints).Assembly.GetManifestResourceStream(name)
            ?? throw new InvalidOperationException($"{name} is not embedded in the assembly");
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    }
}
