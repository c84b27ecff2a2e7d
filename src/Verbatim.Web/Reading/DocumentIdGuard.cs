namespace Verbatim.Web.Reading;

/// <summary>Which strings can be a document id in a URL.</summary>
/// <remarks>
/// Ids are built from a document's facts (letters, digits, '-', '.', '_'); refusing anything
/// else before the store is asked keeps a path separator, "..", or a control character from ever
/// reaching it, whatever the store does with an id.
/// </remarks>
public static class DocumentIdGuard
{
    private const int MaxLength = 200;

    public static bool IsWellFormed(string? id)
        => id is { Length: > 0 and <= MaxLength }
            && char.IsAsciiLetterOrDigit(id[0])
            && !id.Contains("..", StringComparison.Ordinal)
            && id.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '.' or '_');
}
