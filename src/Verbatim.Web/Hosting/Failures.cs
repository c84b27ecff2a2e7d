using System.Text.Json;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Verbatim.Archiving;
using Verbatim.Searching;
using Verbatim.Storing;
using Verbatim.Web.Pages;

namespace Verbatim.Web.Hosting;

/// <summary>
/// What a request the reader cannot answer gets: ProblemDetails on the API, a page of the reader
/// everywhere else; never an empty body.
/// </summary>
public static class Failures
{
    /// <summary>
    /// The exception handler: a request the framework could not read, or a search that asked
    /// more than its time limit, is the caller's error (400); anything else the reader's (500).
    /// </summary>
    public static Task Answer(HttpContext context)
    {
        var refusal = context.Features.Get<IExceptionHandlerFeature>()?.Error switch
        {
            BadHttpRequestException unread => Refusal(context, unread.StatusCode, "The request cannot be read", [Unread(unread)]),
            DamagedDocumentException damaged => Damaged(context, damaged.Id, damaged.Damage),
            QueryTooCostlyException costly => Refusal(context, StatusCodes.Status400BadRequest, "The search asked too much", [Sentence(costly.Message)]),
            _ => Refusal(context, StatusCodes.Status500InternalServerError, "Something went wrong",
                ["The reader could not answer this request. Nothing in the archive was changed; the failure is in the server's log."]),
        };
        return refusal.ExecuteAsync(context);
    }

    /// <summary>What the exception handler answers as the caller's error, which is no failure of the reader's to log.</summary>
    public static bool IsCallersError(Exception exception) => exception is BadHttpRequestException or QueryTooCostlyException;

    /// <summary>
    /// Refuses to serve a document whose stored files do not match their digests as if it were
    /// what was received (409): the page names the damage, the API lists it as the extension "damage".
    /// </summary>
    public static IResult Damaged(HttpContext context, string id, IReadOnlyList<StoreDamage> damage)
        => Refusal(context, StatusCodes.Status409Conflict, "This document is damaged",
            [$"The stored files of the document “{id}” do not match their digests: {DamagedDocumentException.Describe(damage)}.",
                "It is not served until it is repaired: `verbatim audit` names the damage, and re-ingesting the original file repairs it."],
            new Dictionary<string, object?>
            {
                ["damage"] = damage.Select(d => new { logicalPath = d.LogicalPath, contentPath = d.ContentPath, problem = d.Problem }).ToArray(),
            });

    /// <summary>Refuses a request whose API token is unknown, revoked or of a disabled account (401).</summary>
    public static IResult Unauthorized(HttpContext context)
    {
        context.Response.Headers.WWWAuthenticate = "Bearer";
        return Refusal(context, StatusCodes.Status401Unauthorized, "The token is refused",
            ["The Authorization header's token is unknown, revoked, or of a disabled account; make a new one on your account page."]);
    }

    /// <summary>What an address where nothing is answers (404), for a route that is there only for some.</summary>
    public static IResult NotFound(HttpContext context, string message)
        => Refusal(context, StatusCodes.Status404NotFound, "Not found", [message]);

    /// <summary>Refuses a request past its route's rate limit (429), saying when to ask again.</summary>
    public static IResult TooMany(HttpContext context, TimeSpan retryAfter)
        => Refusal(context, StatusCodes.Status429TooManyRequests, "Too many requests",
            [$"This address has asked this of the reader too often in the last minute; ask again in {Math.Ceiling(retryAfter.TotalSeconds):0} seconds."]);

    /// <summary>Refuses a form that writes whose antiforgery token is missing or wrong: it did not come from this reader's page.</summary>
    public static IResult Forged(HttpContext context)
        => Refusal(context, StatusCodes.Status400BadRequest, "This form cannot be sent",
            ["It did not come from this reader, or it has expired: reload the page and send it again."]);

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

    private static string Sentence(string message) => message.Length == 0 ? message : char.ToUpperInvariant(message[0]) + message[1..] + ".";

    private static string Unread(BadHttpRequestException exception)
        => exception.InnerException is JsonException json
            ? $"The request body is not valid JSON: {json.Message}"
            : exception.Message;
}
