using System.Text.Json;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Verbatim.Web.Pages;

namespace Verbatim.Web.Hosting;

/// <summary>
/// What a request the reader cannot answer gets: ProblemDetails on the API, a page of the reader
/// everywhere else; never an empty body.
/// </summary>
public static class Failures
{
    /// <summary>The exception handler: a request the framework could not read is the caller's error (400), anything else the reader's (500).</summary>
    public static Task Answer(HttpContext context)
    {
        var refusal = context.Features.Get<IExceptionHandlerFeature>()?.Error is BadHttpRequestException unread
            ? Refusal(context, unread.StatusCode, "The request cannot be read", [Unread(unread)])
            : Refusal(context, StatusCodes.Status500InternalServerError, "Something went wrong",
                ["The reader could not answer this request. Nothing in the archive was changed; the failure is in the server's log."]);
        return refusal.ExecuteAsync(context);
    }

    /// <summary>Refuses a request whose query holds values its parameters cannot take, naming each.</summary>
    public static IResult BadParameters(HttpContext context, IReadOnlyList<ParameterError> errors)
        => Refusal(context, StatusCodes.Status400BadRequest, "A query parameter cannot be read", [.. errors.Select(e => e.Message)],
            new Dictionary<string, object?>
            {
                ["errors"] = errors.GroupBy(e => e.Parameter, StringComparer.OrdinalIgnoreCase)
                    .ToDictionary(g => g.Key, g => g.Select(e => e.Message).ToArray()),
            });

    /// <summary>
    /// What a fallback answers: 405 with the methods the address takes when a route has it,
    /// 404 when none has.
    /// </summary>
    public static IResult NothingHere(HttpContext context, EndpointDataSource endpoints, string notFound)
    {
        var allowed = Routes.AllowedMethods(endpoints, context.Request.Path);
        if (allowed.Count == 0)
            return Refusal(context, StatusCodes.Status404NotFound, "Not found", [notFound]);
        context.Response.Headers.Allow = string.Join(", ", allowed);
        return Refusal(context, StatusCodes.Status405MethodNotAllowed, "Method not allowed",
            [$"{context.Request.Path} answers {string.Join(", ", allowed)}, not {context.Request.Method}."]);
    }

    private static IResult Refusal(HttpContext context, int status, string title, IReadOnlyList<string> messages, Dictionary<string, object?>? extensions = null)
        => context.Request.Path.StartsWithSegments("/api")
            ? TypedResults.Problem(string.Join(" ", messages), statusCode: status, title: title, extensions: extensions)
            : new RazorComponentResult<RefusalPage>(new { Title = title, Messages = messages }) { StatusCode = status };

    private static string Unread(BadHttpRequestException exception)
        => exception.InnerException is JsonException json
            ? $"The request body is not valid JSON: {json.Message}"
            : exception.Message;
}
