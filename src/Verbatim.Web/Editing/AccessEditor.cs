using Verbatim.Access;
using Verbatim.Web.Accounts;

namespace Verbatim.Web.Editing;

/// <summary>What an editor's access form on a document page holds: the access now, the head version it was read at, the form's token, and what went wrong with the last try.</summary>
public sealed record AccessEditor(DocumentAccess Current, int HeadVersion, FormToken Form, string? Error = null);
