using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Verbatim.Access;
using Verbatim.Model;
using Verbatim.Web.Hosting;
using Verbatim.Web.Reading;

namespace Verbatim.Web.Editing;

/// <summary>
/// An editor corrects a document's fields in the browser (date, place, authors, addressees,
/// shelfmarks, publication history, kind), with a reason: a new version of its object whose diff
/// shows the change. A save made on a version that is no longer the head is refused with the
/// versions saved meanwhile shown, and the editor's entries are kept in the form.
/// </summary>
public static class FieldEditing
{
    public static IEndpointRouteBuilder MapFieldEditing(this IEndpointRouteBuilder routes)
    {
        routes.MapPost("/documents/{id}/fields", (HttpContext context, ReadingRoom room, ReaderOptions options, Viewer viewer, string id, IFormCollection form) =>
        {
            // To anyone but an editor the address answers as a document that does not exist would.
            if (!viewer.SeesEverything || room.Read(viewer, id) is not { } head)
                return Failures.NotFound(context, $"There is no document with the id “{id}” in this archive.");
            var entered = DocumentFields.All.Where(f => form.ContainsKey(DocumentFields.Name(f)))
                .ToDictionary(f => f, f => form[DocumentFields.Name(f)].ToString());
            var reason = form["reason"].ToString();
            var basedOn = int.TryParse(form["basedOn"], System.Globalization.CultureInfo.InvariantCulture, out var seen) ? seen : (int?)null;
            var editors = DocumentPageEditing.Editors(context, head);
            var again = editors.Fields with
            {
                Values = DocumentFields.All.ToDictionary(f => f, f => entered.GetValueOrDefault(f) ?? editors.Fields.Values[f]),
                Reason = reason,
            };
            if (string.IsNullOrWhiteSpace(reason) || basedOn is null)
            {
                return DocumentPageEditing.Again(context, room, options, viewer, head, editors with
                {
                    Fields = again with { Error = "Say why the record changes: the reason is kept as the message of the new version." },
                }, StatusCodes.Status400BadRequest);
            }
            if (EditorWrites.Try(room, writer => writer.Correct(id, entered, reason, EditorWrites.UserOf(viewer), ClientAddress.Of(context), basedOn)) is { } refused)
            {
                // Saving again after a conflict is made on the version now at the head: the editor has seen what it changed.
                var headNow = refused.Since.Count > 0 ? refused.Since[^1].Version.Number : again.HeadVersion;
                return DocumentPageEditing.Again(context, room, options, viewer, head, editors with
                {
                    Fields = again with { Error = refused.Message, Since = refused.Since, HeadVersion = headNow },
                }, refused.Status);
            }
            return Results.Redirect($"/documents/{Uri.EscapeDataString(id)}", permanent: false, preserveMethod: false);
        }).ExcludeFromDescription();
        return routes;
    }
}
