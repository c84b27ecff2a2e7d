using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Verbatim.Access;
using Verbatim.Web.Accounts;
using Verbatim.Web.Hosting;
using Verbatim.Web.Pages;
using Verbatim.Web.Reading;

namespace Verbatim.Web.Editing;

/// <summary>The editors' forms of a document page, and the page again when a save was refused.</summary>
public static class DocumentPageEditing
{
    /// <summary>The forms as the head version reads, both carrying one antiforgery token.</summary>
    public static DocumentEditors Editors(HttpContext context, StoredView head)
    {
        var form = FormToken.For(context);
        return new DocumentEditors(
            new AccessEditor(AccessJson.Read(head.Stored.Access), head.Version, form),
            FieldEditor.Of(head.Document, head.Version, form));
    }

    /// <summary>The document page again, with what went wrong above the form that was sent.</summary>
    public static IResult Again(HttpContext context, ReadingRoom room, ReaderOptions options, Viewer viewer, StoredView head, DocumentEditors editors, int status)
    {
        var view = DocumentView.Of(room, viewer, head, PageEndpoints.CanonicalUrl(context.Request, head.Document.Id),
            BodyParts.Of(head.Document.Body, head.Document.Notes, 1, options.PartCharacters)!);
        return new RazorComponentResult<DocumentPage>(new { View = view, Editors = editors }) { StatusCode = status };
    }
}
