using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.Routing.Template;

namespace Verbatim.Web.Hosting;

/// <summary>What the reader's routes take, asked of the routes themselves so that no list of them is kept twice.</summary>
public static class Routes
{
    /// <summary>The methods of the routes (fallbacks aside) that match a path; none when no route has it.</summary>
    public static IReadOnlyList<string> AllowedMethods(EndpointDataSource endpoints, PathString path)
        => [.. endpoints.Endpoints.OfType<RouteEndpoint>()
            .Where(e => !e.RoutePattern.Parameters.Any(p => p.IsCatchAll))
            .Where(e => new TemplateMatcher(new RouteTemplate(e.RoutePattern), []).TryMatch(path, []))
            .SelectMany(e => e.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods ?? [])
            .Distinct(StringComparer.OrdinalIgnoreCase)
            .Order(StringComparer.Ordinal)];

    /// <summary>Every GET route answers HEAD too, with the same headers and no body.</summary>
    public static void AnswerHeadAsGet(EndpointBuilder endpoint)
    {
        if (endpoint.Metadata.OfType<IHttpMethodMetadata>().LastOrDefault() is { } methods
            && methods.HttpMethods.Contains(HttpMethods.Get, StringComparer.OrdinalIgnoreCase)
            && !methods.HttpMethods.Contains(HttpMethods.Head, StringComparer.OrdinalIgnoreCase))
            endpoint.Metadata.Add(new HttpMethodMetadata([.. methods.HttpMethods, HttpMethods.Head], methods.AcceptCorsPreflight));
    }
}
