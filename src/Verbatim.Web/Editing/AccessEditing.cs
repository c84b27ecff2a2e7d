using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;
using Verbatim.Access;
using Verbatim.Web.Hosting;
using Verbatim.Web.Reading;

namespace Verbatim.Web.Editing;

/// <summary>
/// An editor changes a document's access in the browser: a new version of its object, with the
/// editor as its user and the reason as its message, written by a writer opened for that one
/// change (the reader itself only reads). A change made on a version that is no longer the head
/// is refused with the other change shown.
/// </summary>
public static class AccessEditing
{
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
                return Refused(context, room, options, viewer, head, error ?? "Say why the access changes: the reason is kept as the message of the new version.", StatusCodes.Status400BadRequest);
            if (EditorWrites.Try(room, writer => writer.SetAccess(id, access, reason, EditorWrites.UserOf(viewer), ClientAddress.Of(context), basedOn)) is { } refused)
                return Refused(context, room, options, viewer, head, refused.Message, refused.Status);
            return Results.Redirect($"/documents/{Uri.EscapeDataString(id)}", permanent: false, preserveMethod: false);
        }).ExcludeFromDescription();
        return routes;
    }

    private static IResult Refused(HttpContext context, ReadingRoom room, ReaderOptions options, Viewer viewer, StoredView head, string error, int status)
    {
        var editors = DocumentPageEditing.Editors(context, head);
        return DocumentPageEditing.Again(context, room, options, viewer, head, editors with { Access = editors.Access with { Error = error } }, status);
    }
}
