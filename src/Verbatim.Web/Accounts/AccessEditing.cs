using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;
using Verbatim.Access;
using Verbatim.Archiving;
using Verbatim.Storing;
using Verbatim.Web.Hosting;
using Verbatim.Web.Pages;
using Verbatim.Web.Reading;

namespace Verbatim.Web.Accounts;

/// <summary>
/// An editor changes a document's access in the browser: a new version of its object, with the
/// editor as its user and the reason as its message, written by a writer opened for that one
/// change (the reader itself only reads). A change made on a version that is no longer the head
/// is refused with the other change shown.
/// </summary>
public static class AccessEditing
{
    /// <summary>How long a change waits for another process writing the archive (an ingest's batch).</summary>
    public static readonly TimeSpan WriterWait = TimeSpan.FromSeconds(10);

    public static AccessEditor Editor(HttpContext context, StoredView head, string? error = null)
        => new(AccessJson.Read(head.Stored.Access), head.Version, FormToken.For(context), error);

    public static IEndpointRouteBuilder MapAccessEditing(this IEndpointRouteBuilder routes)
    {
        routes.MapPost("/documents/{id}/access", (HttpContext context, ReadingRoom room, ReaderOptions options, Viewer viewer, string id,
            [FromForm] string? rule, [FromForm] string? reason, [FromForm] int? basedOn) =>
        {
            // To anyone but an editor the address answers as a document that does not exist would.
            if (!viewer.SeesEverything || room.Read(viewer, id) is not { } head)
                return Failures.NotFound(context, $"There is no document with the id “{id}” in this archive.");
            var (access, error) = DocumentAccess.Parse(rule ?? "");
            if (access is null || string.IsNullOrWhiteSpace(reason) || basedOn is null)
                return Again(context, room, options, viewer, head, error ?? "Say why the access changes: the reason is kept as the message of the new version.", StatusCodes.Status400BadRequest);
            try
            {
                using var writer = Archive.Open(room.ArchiveRoot, WriterWait);
                writer.SetAccess(id, access, reason, new StoreUser(viewer.Name!, $"urn:verbatim:account:{viewer.Name}"),
                    context.Connection.RemoteIpAddress?.ToString() ?? "", basedOn);
            }
            catch (EditConflictException conflict)
            {
                return Again(context, room, options, viewer, head, conflict.Message, StatusCodes.Status409Conflict);
            }
            catch (ArchiveBusyException busy)
            {
                return Again(context, room, options, viewer, head, busy.Message, StatusCodes.Status503ServiceUnavailable);
            }
            room.CatchUp();
            return Results.Redirect($"/documents/{Uri.EscapeDataString(id)}", permanent: false, preserveMethod: false);
        }).ExcludeFromDescription();
        return routes;
    }

    /// <summary>The document page again, with what went wrong above the access form.</summary>
    private static IResult Again(HttpContext context, ReadingRoom room, ReaderOptions options, Viewer viewer, StoredView head, string error, int status)
    {
        var view = DocumentView.Of(room, viewer, head, PageEndpoints.CanonicalUrl(context.Request, head.Document.Id),
            BodyParts.Of(head.Document.Body, head.Document.Notes, 1, options.PartCharacters)!);
        return new RazorComponentResult<DocumentPage>(new { View = view, AccessEditor = Editor(context, head, error) }) { StatusCode = status };
    }
}
