using Verbatim.Archiving;
using Verbatim.Model;
using Verbatim.Web.Accounts;

namespace Verbatim.Web.Editing;

/// <summary>
/// What an editor's form to correct a document's fields holds: each field's text (as read, or as the
/// editor entered it when the save was refused), the head version it was read at, the form's token,
/// the reason given, and, where the save was refused, why and the versions saved meanwhile.
/// </summary>
public sealed record FieldEditor(IReadOnlyDictionary<CorrectableField, string> Values, int HeadVersion, FormToken Form)
{
    public string Reason { get; init; } = "";

    public string? Error { get; init; }

    public IReadOnlyList<VersionChanges> Since { get; init; } = [];

    public static FieldEditor Of(Document document, int headVersion, FormToken form)
        => new(DocumentFields.All.ToDictionary(f => f, f => DocumentFields.Text(document, f)), headVersion, form);
}

/// <summary>The editors' forms on a document page: its access and its fields.</summary>
public sealed record DocumentEditors(AccessEditor Access, FieldEditor Fields);
